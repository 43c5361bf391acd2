"""What every action shares: who acts where (ActionContext), and what it returns (Outcome).

An action is one user action (a scan, a walk-in, a print run, an import, a schedule edit). It owns
its units of work: it opens them on `ctx.db`, in the order read -> render -> write, so that slow
work (rendering, printing, planning an import) never happens inside a write transaction. It returns
an `Outcome`: the result, plus the topics it changed, so that views refresh on exactly those
(modelled on Anki's `OpChanges`). Actions import no Qt; the GUI runs them through ui.ops, the CLI
calls them directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from eventdesk.domain.access import Principal
from eventdesk.storage import Database

T = TypeVar("T")


class Topic(StrEnum):
    """What an action changed; views listen for the topics they show."""

    PEOPLE = "people"
    EXHIBITORS = "exhibitors"
    CHECKINS = "checkins"
    PRINTS = "prints"
    SCHEDULE = "schedule"
    EVENT = "event"


class Cancelled(Exception):
    """Raised by a progress callback when the person pressed Cancel; the action stops cleanly
    (anything it wrote so far is in committed, consistent units of work)."""


# progress(done, total): called by long actions between steps; may raise Cancelled.
ProgressFn = Callable[[int, int], None]


def no_progress(_done: int, _total: int) -> None:
    """The progress callback of a caller that does not watch (the CLI without a bar)."""


@dataclass(frozen=True)
class ActionContext:
    """Who runs an action, and where: the open database, the desk's name and the operator.

    `desk` is the desk's configured name (e.g. "desk-3"), `operator` the person's user name;
    both are written into audit entries and check-ins. `user` is the signed-in account the
    action runs as (its role decides what it may do: actions.access.require); None = nobody
    signed in, which every action that checks a permission refuses.
    """

    db: Database
    desk: str = "cli"
    operator: str = "cli"
    user: Principal | None = None


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """An action's result and the topics it changed (empty when it changed nothing)."""

    value: T
    changes: frozenset[Topic] = field(default_factory=frozenset)


def outcome(value: T, *topics: Topic) -> Outcome[T]:
    """Outcome(value, frozenset(topics)), the common case written short."""
    return Outcome(value=value, changes=frozenset(topics))

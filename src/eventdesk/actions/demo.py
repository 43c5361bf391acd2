"""Building the reference demo event (`eventdesk demo`), with one account per role.

The demo is the first thing many people run, on a new database: then nobody can be signed in,
and nobody needs to be. On a database that has accounts, building (which replaces whatever event
it holds) needs the SETTINGS permission (an admin). The demo's accounts get random passwords
(secrets.token_urlsafe), returned once for the command to print; only their hashes are stored.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext
from eventdesk.demo import build as demo_service
from eventdesk.domain.access import Permission
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import EventAlreadyExists
from eventdesk.services import accounts
from eventdesk.services.audit import record
from eventdesk.services.events import get_event, has_event

# One account per role; the desk and print accounts are numbered as a real event's would be.
DEMO_ACCOUNTS: tuple[tuple[str, UserRole], ...] = (
    ("admin", UserRole.ADMIN), ("organiser", UserRole.ORGANISER), ("desk1", UserRole.DESK),
    ("print1", UserRole.PRINT))


@dataclass(frozen=True)
class DemoAccount:
    """An account the demo created, with its password in clear (shown once, never stored)."""

    username: str
    role: UserRole
    password: str


@dataclass(frozen=True)
class DemoBuilt:
    summary: demo_service.DemoSummary
    users: tuple[DemoAccount, ...]


def build_demo(ctx: ActionContext, *, exhibitors: int, people: int, seed: int, replace: bool,
               database: str,
               progress: Callable[[str, int, int], None] | None = None,
               signing_passphrase: str | None = None) -> DemoBuilt:
    """Build the demo event into ctx.db (replacing its event with `replace`), and create the
    demo accounts that do not exist yet. `database` names the database in a refusal;
    `signing_passphrase` seals the event's badge-signing key (random when None, in the summary).

    Raises EventAlreadyExists (code demo.refused) when the database holds an event and not
    `replace` (whoever asks: the command line's exit 2); NotSignedIn/Forbidden when the database
    has accounts and ctx.user is not an admin."""
    made = [DemoAccount(name, role, secrets.token_urlsafe(12)) for name, role in DEMO_ACCOUNTS]
    hashes = {a.username: accounts.hash_password(a.password) for a in made}  # slow: before
    with ctx.db.unit_of_work() as session:
        event = has_event(session)
        if event and not replace:  # the contract's exit 2, whoever asks: nothing is done
            existing = get_event(session)
            raise EventAlreadyExists(code="demo.refused", database=database,
                                     name=existing.name_zh, event_code=existing.code)
        if accounts.has_users(session):
            require(ctx, Permission.SETTINGS)
        # The audit trail stays (it goes on across the replaced event); accounts go, and the
        # demo's are made anew below.
        replaced = demo_service.clear_event(session) if event else None
        summary = demo_service.build_demo(
            session, exhibitors=exhibitors, people=people, seed=seed, progress=progress,
            replaced=replaced, operator=ctx.user.username if ctx.user else None,
            signing_passphrase=signing_passphrase)
        created: list[DemoAccount] = []
        for account in made:
            if accounts.credentials(session, username=account.username) is not None:
                continue  # an account of that name stays as it was (no --replace wiped it)
            accounts.add_user(session, username=account.username, role=account.role,
                              password_hash=hashes[account.username])
            record(session, actor=ctx.user.username if ctx.user else "demo", desk=ctx.desk,
                   action="user.add", subject_type="user",
                   detail={"username": account.username, "role": account.role.value,
                           "demo": True})
            created.append(account)
    return DemoBuilt(summary=summary, users=tuple(created))


def needs_sign_in(ctx: ActionContext, *, replace: bool) -> bool:
    """Whether build_demo will ask for an admin: the database has accounts, and the build would
    go ahead (no event, or `replace`). Reads only."""
    with ctx.db.unit_of_work(write=False) as session:
        return accounts.has_users(session) and (replace or not has_event(session))

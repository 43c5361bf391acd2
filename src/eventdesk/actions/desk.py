"""The registration desk's check-in actions: scan a badge, check in a person chosen from the
search, undo this desk's last check-in, register a walk-in. Printing at the desk and exhibitor
pick-up are in actions.desk_print.

A scan or a check-in is one short unit of work that also returns what the desk shows next (the
person's result row and today's count), so the view needs no database call of its own after it;
the check-in service reads all of that in the statement it needs anyway (services.checkin: a new
check-in is five round trips to the server, a repeat three). A unit of work whose pooled server
connection turned out dead is run once more on a fresh one (storage.Database.transaction): these
actions write nothing outside the database.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal, ParamSpec, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from eventdesk.actions import privacy
from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, Topic, outcome
from eventdesk.domain.access import Permission
from eventdesk.domain.errors import DomainError, NotFound
from eventdesk.services import checkin as checkin_service
from eventdesk.services import desk as desk_service
from eventdesk.services import exhibitors as exhibitor_service
from eventdesk.services.checkin import CheckInResult, CheckInState, UndoneCheckIn
from eventdesk.services.desk import DeskRow, Duplicate
from eventdesk.services.exhibitors import ExhibitorRow
from eventdesk.services.people import PersonInput, validate_person
from eventdesk.storage import DatabaseUnavailable, Session, database_error

P = ParamSpec("P")
R = TypeVar("R")

# What a scan does with a code that is not ours but matches a person's external reference:
# "ask" returns a `confirm` result (the desk operator confirms, then check_in(via=external_ref)),
# "accept" checks that person in, "reject" rejects it (an unattended command line).
Foreign = Literal["ask", "accept", "reject"]
Via = Literal["search", "external_ref", "walk_in_duplicate"]


@dataclass(frozen=True)
class DeskCheckIn:
    """What the desk shows after a scan, a check-in or a walk-in.

    result: the check-in result (codes, worded by messages.desk). row: the person's result row
    as it is now (None when the scan named nobody). checked_in_today: check-ins today, all desks.
    """

    result: CheckInResult
    row: DeskRow | None
    checked_in_today: int


@dataclass(frozen=True)
class UndoneAtDesk:
    undone: UndoneCheckIn
    checked_in_today: int


@dataclass(frozen=True)
class WalkIn:
    """A walk-in's outcome: either likely duplicates (nothing was written; the operator picks one
    or confirms a new person) or the new person's check-in."""

    duplicates: tuple[Duplicate, ...] = ()
    checked_in: DeskCheckIn | None = None


class DatabaseTrouble(DomainError):
    """The database did not do what the desk asked, so nothing was done, for a reason storage
    does not classify: code desk.database.failed (params kind: the driver error's class name).
    A locked, read-only, unreachable or foreign database is storage's own error
    (storage.database_error), as in the CLI."""

    code = "desk.database.failed"


def database_trouble(exc: SQLAlchemyError, *, url: str) -> DomainError:
    """The one sentence for a database error at the desk: storage's classification (locked,
    read-only, unreachable, not a database), as every command uses it; else failed."""
    classified = database_error(exc, url=url)
    if classified is not None and type(classified) is not DatabaseUnavailable:
        return classified
    return DatabaseTrouble(code="desk.database.failed", kind=type(exc).__name__)


def told_plainly(action: Callable[P, R]) -> Callable[P, R]:
    """A desk action whose database errors reach the desk as a DatabaseTrouble (one sentence),
    never as the driver's text. Nothing is kept between calls, so the next action after the
    database came back simply works."""

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return action(*args, **kwargs)
        except SQLAlchemyError as exc:
            ctx = args[0] if args else kwargs.get("ctx")
            url = ctx.db.url if isinstance(ctx, ActionContext) else ""
            raise database_trouble(exc, url=url) from exc

    return run


def _shown(session: Session, result: CheckInResult) -> DeskCheckIn:
    """What the desk shows after `result`: taken from the result where the check-in read it
    (a scan or a check-in of a known person), else read (a foreign code, a revoked badge)."""
    person = result.person
    if (person is not None and result.accepted and result.at is not None
            and result.desk is not None and result.print_count is not None
            and result.checked_in_today is not None):
        read = DeskRow(person=person, checked_in=CheckInState(at=result.at, desk=result.desk),
                       print_count=result.print_count)
        return DeskCheckIn(result=result, row=read, checked_in_today=result.checked_in_today)
    row = desk_service.desk_row(session, person_id=person.id) if person is not None else None
    today = (result.checked_in_today if result.checked_in_today is not None
             else checkin_service.count_today(session))
    return DeskCheckIn(result=result, row=row, checked_in_today=today)


def _masked(ctx: ActionContext, shown: DeskCheckIn) -> DeskCheckIn:
    """What the desk shows, with contacts masked unless the user may see them."""
    return replace(shown, result=privacy.check_in_result(ctx, shown.result),
                   row=privacy.desk_row(ctx, shown.row))


def _topics(result: CheckInResult, *topics: Topic) -> frozenset[Topic]:
    return frozenset(topics) if result.result == "checked_in" else frozenset()


@told_plainly
def scan(ctx: ActionContext, *, payload: str, foreign: Foreign = "ask") -> Outcome[DeskCheckIn]:
    """Check in the holder of a scanned badge payload (as the scanner typed it: any case,
    padding). A rejected payload changes nothing but one audit entry; its result says why
    (`reason`). Changes CHECKINS when someone was checked in."""
    require(ctx, Permission.CHECK_IN)

    def work(session: Session) -> DeskCheckIn:
        result = checkin_service.check_in_scan(session, payload=payload, desk=ctx.desk,
                                               operator=ctx.operator)
        if result.result == "confirm" and result.person is not None and foreign != "ask":
            if foreign == "accept":
                result = checkin_service.check_in(
                    session, person_id=result.person.id, desk=ctx.desk, operator=ctx.operator,
                    payload=payload, via="external_ref")
            else:  # nobody confirms the match: a foreign code admits nobody
                result = checkin_service.reject(
                    session, reason="unknown", code="desk.scan.external_unconfirmed",
                    params=dict(result.params), desk=ctx.desk, operator=ctx.operator,
                    payload=payload, person=result.person, external_ref_match=True)
        return _shown(session, result)

    shown = _masked(ctx, ctx.db.transaction(work, single_write=True))
    return Outcome(shown, _topics(shown.result, Topic.CHECKINS))


@told_plainly
def check_in(ctx: ActionContext, *, person_id: int, via: Via = "search") -> Outcome[DeskCheckIn]:
    """Check in a person chosen at the desk (from the search list, a confirmed external
    reference, or a walk-in who was registered already). Raises NotFound for an unknown id."""
    require(ctx, Permission.CHECK_IN)

    def work(session: Session) -> DeskCheckIn:
        return _shown(session, checkin_service.check_in(
            session, person_id=person_id, desk=ctx.desk, operator=ctx.operator, via=via))

    shown = _masked(ctx, ctx.db.transaction(work, single_write=True))
    return Outcome(shown, _topics(shown.result, Topic.CHECKINS))


@told_plainly
def undo_check_in(ctx: ActionContext) -> Outcome[UndoneAtDesk]:
    """Undo this desk's newest check-in of the last few minutes (audited). Raises DomainError
    (desk.undo.nothing) when there is none."""
    require(ctx, Permission.CHECK_IN)
    with ctx.db.unit_of_work() as session:
        undone = checkin_service.undo_last_check_in(session, desk=ctx.desk,
                                                    operator=ctx.operator)
    with ctx.db.unit_of_work(write=False) as session:
        n = checkin_service.count_today(session)
    return outcome(UndoneAtDesk(undone=undone, checked_in_today=n), Topic.CHECKINS)


@told_plainly
def register_walk_in(ctx: ActionContext, *, data: PersonInput, new_person: bool = False,
                     override_quota: bool = False) -> Outcome[WalkIn]:
    """Register someone at the desk and check them in.

    Unless `new_person` (the operator saw the likely duplicates and wants a new person), likely
    duplicates (same phone, e-mail, or name at the same company) are returned and nothing is
    written. Exhibitor staff beyond the company's quota raise QuotaExceeded unless
    `override_quota` (an organiser confirmed; audited). Raises ValidationFailed for bad input.
    """
    require(ctx, Permission.WALK_IN)
    data = validate_person(data)
    if not new_person:
        with ctx.db.unit_of_work(write=False) as session:
            duplicates = desk_service.likely_duplicates(session, data=data)
        if duplicates:
            return outcome(WalkIn(duplicates=privacy.duplicates(ctx, duplicates)))
    with ctx.db.unit_of_work() as session:
        result = desk_service.register_walk_in(session, data=data, desk=ctx.desk,
                                               operator=ctx.operator,
                                               override_quota=override_quota)
        shown = _masked(ctx, _shown(session, result))
    return outcome(WalkIn(checked_in=shown), Topic.PEOPLE, *_topics(result, Topic.CHECKINS))


@told_plainly
def today_count(ctx: ActionContext) -> Outcome[int]:
    """Check-ins today at all desks (the desk's header). Reads only."""
    require(ctx, Permission.SEARCH)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(checkin_service.count_today(session))


@told_plainly
def latest_at_desk(ctx: ActionContext) -> Outcome[DeskCheckIn | None]:
    """This desk's latest check-in today as the desk showed it (a re-opened view). Reads only."""
    require(ctx, Permission.SEARCH)
    with ctx.db.unit_of_work(write=False) as session:
        last = checkin_service.latest_at_desk(session, desk=ctx.desk)
        return outcome(_masked(ctx, _shown(session, last)) if last is not None else None)


@told_plainly
def search(ctx: ActionContext, *, query: str, limit: int = 50) -> Outcome[list[DeskRow]]:
    """The desk's result list for a query as typed (ranked people with today's check-in state
    and print count, at most `limit`). Reads only."""
    require(ctx, Permission.SEARCH)
    with ctx.db.unit_of_work(write=False) as session:
        found = desk_service.desk_search(session, query=query, limit=limit)
    return outcome(privacy.desk_rows(ctx, found))


@told_plainly
def rows_of(ctx: ActionContext, *, person_ids: list[int]) -> Outcome[list[DeskRow]]:
    """The result rows of these people as they are now, in the given order; people who no
    longer exist are left out. Reads only."""
    require(ctx, Permission.SEARCH)
    found: list[DeskRow] = []
    with ctx.db.unit_of_work(write=False) as session:
        for person_id in person_ids:  # a handful: the people a scan or a walk-in put on show
            try:
                found.append(desk_service.desk_row(session, person_id=person_id))
            except NotFound:
                continue
    return outcome(privacy.desk_rows(ctx, found))


@told_plainly
def find_exhibitors(ctx: ActionContext, *, query: str,
                    limit: int = 20) -> Outcome[list[ExhibitorRow]]:
    """Exhibitors matching a name, short name, pinyin initials or booth as typed (walk-in and
    pick-up), at most `limit`. Reads only."""
    require(ctx, Permission.SEARCH)
    with ctx.db.unit_of_work(write=False) as session:
        found = exhibitor_service.list_exhibitors(session, query=query, sort="name", limit=limit)
    return outcome(privacy.exhibitors(ctx, found))

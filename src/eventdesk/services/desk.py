"""What the registration desk shows and does beyond a single check-in: result rows with today's
check-in state and print count, and walk-in registration (duplicates, exhibitor quota)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import Category, Exhibitor, Person, PersonStatus
from eventdesk.domain.errors import DomainError
from eventdesk.domain.names import fold
from eventdesk.services import audit
from eventdesk.services.badges.desk import print_counts
from eventdesk.services.checkin import CheckInResult, CheckInState, check_in, states_today
from eventdesk.services.people import (
    PersonInput,
    PersonRow,
    create_person,
    get_person,
    validate_person,
)
from eventdesk.services.search.matched import Match
from eventdesk.services.search.query import search_people_matched


@dataclass(frozen=True)
class DeskRow:
    person: PersonRow
    checked_in: CheckInState | None
    print_count: int
    # Why a search found this person (services.search.matched), best first; empty for a row
    # shown for another reason (a scan, a walk-in, a row read again by id).
    matched: tuple[Match, ...] = ()


def desk_rows(session: Session, *, people: list[PersonRow], now: datetime | None = None,
              matched: list[tuple[Match, ...]] | None = None) -> list[DeskRow]:
    """The people's rows with today's check-in state and print count; `matched`, when given,
    is each person's DeskRow.matched (in the same order)."""
    ids = [p.id for p in people]
    states = states_today(session, person_ids=ids, now=now)
    counts = print_counts(session, person_ids=ids)
    why = matched if matched is not None else [()] * len(people)
    return [DeskRow(person=p, checked_in=states.get(p.id), print_count=counts.get(p.id, 0),
                    matched=m) for p, m in zip(people, why, strict=True)]


def desk_search(session: Session, *, query: str, limit: int = 50,
                now: datetime | None = None) -> list[DeskRow]:
    """The desk's result list: ranked people with today's check-in state and print count, and
    the field through which the query found each (DeskRow.matched)."""
    found = search_people_matched(session, query=query, limit=limit, with_payload=True)
    return desk_rows(session, people=[p for p, _m in found], now=now,
                     matched=[m for _p, m in found])


def desk_row(session: Session, *, person_id: int, now: datetime | None = None) -> DeskRow:
    return desk_rows(session, people=[get_person(session, person_id=person_id)], now=now)[0]


# -- walk-in registration -------------------------------------------------------------------

class QuotaExceeded(DomainError):
    """Exhibitor staff beyond the company's quota; params exhibitor (its Chinese name), quota,
    staff (registered so far)."""

    code = "desk.walkin.quota_exceeded"


@dataclass(frozen=True)
class QuotaProblem:
    exhibitor_id: int
    exhibitor: str  # the exhibitor's Chinese name
    quota: int
    staff: int  # registered staff so far

    def error(self) -> QuotaExceeded:
        return QuotaExceeded(code=QuotaExceeded.code, exhibitor=self.exhibitor, quota=self.quota,
                             staff=self.staff)


@dataclass(frozen=True)
class Duplicate:
    person: PersonRow
    why: str  # "phone", "email", "name_company" (worded by messages "desk.duplicate.<why>")


def likely_duplicates(session: Session, *, data: PersonInput) -> list[Duplicate]:
    """Registered people this walk-in probably already is: same phone, same e-mail, or same name
    at the same company. Call with validated (normalised) input."""
    found: dict[int, str] = {}
    if data.phone:
        for pid in session.scalars(select(Person.id).where(Person.phone == data.phone)):
            found.setdefault(pid, "phone")
    if data.email:
        for pid in session.scalars(select(Person.id).where(Person.email == data.email)):
            found.setdefault(pid, "email")
    if data.name:
        company = fold(data.company)
        for pid, comp in session.execute(select(Person.id, Person.company)
                                         .where(Person.name == data.name)):
            if fold(comp) == company:
                found.setdefault(pid, "name_company")
    return [Duplicate(person=get_person(session, person_id=pid), why=why)
            for pid, why in sorted(found.items())]


def quota_problem(session: Session, *, exhibitor_id: int | None) -> QuotaProblem | None:
    """The problem when the exhibitor's registered staff already fill its quota, else None."""
    if exhibitor_id is None:
        return None
    exhibitor = session.get(Exhibitor, exhibitor_id)
    if exhibitor is None:
        return None
    staff = session.scalar(select(func.count(Person.id)).where(
        Person.exhibitor_id == exhibitor_id, Person.status == PersonStatus.REGISTERED)) or 0
    if staff >= exhibitor.staff_quota:
        return QuotaProblem(exhibitor_id=exhibitor.id, exhibitor=exhibitor.name_zh,
                            quota=exhibitor.staff_quota, staff=int(staff))
    return None


def register_walk_in(session: Session, *, data: PersonInput, desk: str, operator: str,
                     override_quota: bool = False, now: datetime | None = None) -> CheckInResult:
    """Create the person (new badge code) and check them in, in one unit of work.

    Exhibitor staff beyond the company's quota raise QuotaExceeded unless an organiser
    overrides; the override is audited."""
    data = validate_person(data)
    if data.category == Category.EXHIBITOR or data.exhibitor_id is not None:
        problem = quota_problem(session, exhibitor_id=data.exhibitor_id)
        if problem and not override_quota:
            raise problem.error()
        if problem:
            audit.record(session, actor=operator, desk=desk, action="exhibitor.quota_override",
                         subject_type="exhibitor", subject_id=data.exhibitor_id,
                         detail={"name": data.name, "quota": problem.quota,
                                 "staff": problem.staff})
    person = create_person(session, data=data, operator=operator, desk=desk,
                           audit_action="person.walk_in")
    return check_in(session, person_id=person.id, desk=desk, operator=operator, now=now,
                    via="walk_in")


def use_existing(session: Session, *, person_id: int, desk: str, operator: str,
                 now: datetime | None = None) -> CheckInResult:
    """The walk-in turned out to be registered already: check that person in instead."""
    return check_in(session, person_id=person_id, desk=desk, operator=operator, now=now,
                    via="walk_in_duplicate")

"""Batch badges: who to print (filters, order), what goes on each badge, and the print log.

The renderer (pdf/) is not imported here: this module returns BadgeData values (domain) and the
print-run action (actions.printing) hands them to pdf.badges. A run is logged with
`record_prints` in one short write after rendering, with the (person, badge code) pairs that were
rendered — never codes read again afterwards, which a reissue during the run may have changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Select, and_, func, insert, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from eventdesk.domain import (
    CATEGORY_LABELS_ZH,
    BadgePrint,
    Category,
    Exhibitor,
    Person,
    PersonStatus,
    PrintReason,
    utcnow,
)
from eventdesk.domain.badge_data import BadgeData
from eventdesk.domain.desk import NOTE_MAX
from eventdesk.domain.errors import NotFound
from eventdesk.domain.qr import new_badge_code
from eventdesk.services import audit
from eventdesk.services.events import get_event
from eventdesk.services.signing import PayloadSigner
from eventdesk.storage import chunked

BadgeSort = Literal["company", "name", "booth"]
SORTS: tuple[BadgeSort, ...] = ("company", "name", "booth")


@dataclass(frozen=True)
class BadgeFilter:
    """What the print staff chose. Cancelled registrations never get a badge."""

    category: Category | None = None
    company: str = ""  # part of the company name or its short name, any case
    hall: str | None = None
    not_printed: bool = False  # the current badge code was never printed
    changed_since_print: bool = False  # printed, but person or booth edited since
    exhibitor_id: int | None = None  # only this exhibitor's staff (its "print all badges")


@dataclass(frozen=True)
class BadgeRow:
    person_id: int
    name: str
    name_en: str
    category: Category
    company: str
    company_short: str
    title: str
    hall: str
    booth: str
    badge_code: str
    qr_payload: str
    last_printed_at: datetime | None


# The badge query: people's columns, their booth and their last print (any number of columns).
BadgeSelect = Select[*tuple[Any, ...]]


def category_label(category: Category | str) -> str:
    """The label printed on a badge: Chinese and the stable key in capitals (展商 EXHIBITOR)."""
    key = Category(category)
    return f"{CATEGORY_LABELS_ZH[key]} {key.value.upper()}"


def _last_prints() -> Subquery:
    return (select(BadgePrint.person_id, func.max(BadgePrint.at).label("at"))
            .group_by(BadgePrint.person_id).subquery())


def _query(criteria: BadgeFilter) -> BadgeSelect:
    last = _last_prints()
    stmt = (
        # Columns, not Person entities: a run reads thousands of people, and an ORM entity is
        # six objects for the garbage collector (in the window's process) where a row is one.
        select(Person.id, Person.name, Person.name_en, Person.category, Person.company,
               Person.title, Person.badge_code, Exhibitor.hall, Exhibitor.booth,
               Exhibitor.short_name, last.c.at)
        .outerjoin(Exhibitor, Exhibitor.id == Person.exhibitor_id)
        .outerjoin(last, last.c.person_id == Person.id)
        .where(Person.status == PersonStatus.REGISTERED)
    )
    if criteria.category is not None:
        stmt = stmt.where(Person.category == Category(criteria.category))
    words = criteria.company.strip().lower()
    if words:
        pattern = f"%{_escape_like(words)}%"
        stmt = stmt.where(or_(func.lower(Person.company).like(pattern, escape="\\"),
                              func.lower(Exhibitor.short_name).like(pattern, escape="\\"),
                              func.lower(Exhibitor.name_zh).like(pattern, escape="\\")))
    if criteria.hall:
        stmt = stmt.where(Exhibitor.hall == criteria.hall)
    if criteria.exhibitor_id is not None:
        stmt = stmt.where(Person.exhibitor_id == criteria.exhibitor_id)
    if criteria.not_printed:
        # "Not printed" is about the badge code in force: after a lost-badge reprint the new
        # code counts as not printed even though the person had a badge before.
        printed = select(BadgePrint.id).where(BadgePrint.person_id == Person.id,
                                              BadgePrint.badge_code == Person.badge_code)
        stmt = stmt.where(~printed.exists())
    if criteria.changed_since_print:
        at = last.c.at
        stmt = stmt.where(and_(at.is_not(None),
                               or_(Person.updated_at > at, Exhibitor.updated_at > at)))
    return stmt


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _order(stmt: BadgeSelect, sort: BadgeSort) -> BadgeSelect:
    if sort == "company":
        # People without a company (visitors) after the companies' packs.
        return stmt.order_by(Person.company == "", Person.company_pinyin, Person.name_pinyin,
                             Person.id)
    if sort == "booth":
        # People without a booth (visitors, media…) after the halls, by name.
        return stmt.order_by(Exhibitor.hall.is_(None), Exhibitor.hall, Exhibitor.booth,
                             Person.name_pinyin, Person.id)
    if sort == "name":
        return stmt.order_by(Person.name_pinyin, Person.id)
    raise ValueError(f"unknown badge order {sort!r} (one of {', '.join(SORTS)})")


def select_badges(session: Session, *, criteria: BadgeFilter | None = None,
                  sort: BadgeSort = "company", limit: int | None = None) -> list[BadgeRow]:
    """The badges `criteria` selects, in `sort` order, signed. Raises NotFound
    (exhibitor.not_found) for an exhibitor id that names none: a mistyped id is said, not
    printed as an empty run."""
    exhibitor_id = criteria.exhibitor_id if criteria is not None else None
    if exhibitor_id is not None and session.get(Exhibitor, exhibitor_id) is None:
        raise NotFound(code="exhibitor.not_found", exhibitor_id=exhibitor_id)
    stmt = _order(_query(criteria or BadgeFilter()), sort)
    if limit is not None:
        stmt = stmt.limit(limit)
    found = session.execute(stmt).all()
    if not found:
        return []
    sign = PayloadSigner(session, required=True)  # these rows are drawn: never unsigned
    return [
        BadgeRow(person_id=pid, name=name, name_en=name_en, category=Category(category),
                 company=company, company_short=short or "", title=title, hall=hall or "",
                 booth=booth or "", badge_code=code, qr_payload=sign(code), last_printed_at=at)
        for pid, name, name_en, category, company, title, code, hall, booth, short, at in found
    ]


def badge_data(session: Session, *, rows: list[BadgeRow]) -> list[BadgeData]:
    """What the renderer draws for each row, with the event's name in the header."""
    event_name = get_event(session).name_zh if rows else ""
    return [to_badge_data(r, event_name=event_name) for r in rows]


def to_badge_data(row: BadgeRow, *, event_name: str = "") -> BadgeData:
    return BadgeData(
        name=row.name, qr_payload=row.qr_payload, category=row.category.value,
        category_label=category_label(row.category), name_en=row.name_en, company=row.company,
        company_short=row.company_short, title=row.title, hall=row.hall, booth=row.booth,
        person_id=row.person_id, event_name=event_name,
    )


def companies(session: Session, *, limit: int = 5000) -> list[str]:
    """Company names of registered people, for the company filter's completer."""
    stmt = (select(Person.company_pinyin, Person.company)
            .where(Person.status == PersonStatus.REGISTERED, Person.company != "")
            .distinct().order_by(Person.company_pinyin).limit(limit))
    return [company for _key, company in session.execute(stmt)]


def with_new_codes(session: Session, *, rows: Sequence[BadgeRow]) -> list[BadgeRow]:
    """The rows, each with a fresh badge code and its signed payload, NOT stored: what a reprint
    for lost badges prints. Once the badges are out, `desk.revoke_badge(new_code=…,
    expected_code=…)` stores each new code and revokes the old one, as at the desk."""
    if not rows:
        return []
    sign = PayloadSigner(session, required=True)
    fresh = []
    for row in rows:
        code = new_badge_code()
        fresh.append(replace(row, badge_code=code, qr_payload=sign(code)))
    return fresh


def already_printed(session: Session, *, printed: Sequence[tuple[int, str]]) -> list[int]:
    """The person ids among (person id, badge code) pairs whose code has a print logged: a first
    print of those would be a second "first" print."""
    found: set[int] = set()
    by_person = dict(printed)
    for chunk in chunked(list(by_person)):
        for pid, code in session.execute(
                select(BadgePrint.person_id, BadgePrint.badge_code)
                .where(BadgePrint.person_id.in_(chunk)).distinct()):
            if by_person.get(pid) == code:
                found.add(pid)
    return [pid for pid, _code in printed if pid in found]


@dataclass(frozen=True)
class PrintLog:
    """What `record_prints` wrote: `recorded` prints, and the people whose badge code was
    reissued after their badge was rendered (the printed badge carries a now revoked code)."""

    recorded: int
    reissued: tuple[int, ...] = ()


def record_prints(session: Session, *, printed: Sequence[tuple[int, str]], desk: str,
                  operator: str, layout: str,
                  reason: PrintReason | str = PrintReason.FIRST, note: str = "") -> PrintLog:
    """Log a finished print run: one BadgePrint per (person id, badge code) pair exactly as it
    was rendered (with `note`, the words of reason "other", cut to NOTE_MAX characters), and one
    audit entry for the run. Raises NotFound when a person is gone."""
    if not printed:
        return PrintLog(recorded=0)
    why = PrintReason(reason)
    person_ids = [pid for pid, _code in printed]
    current: dict[int, str] = {}
    for chunk in chunked(person_ids):
        current.update((pid, code) for pid, code in session.execute(
            select(Person.id, Person.badge_code).where(Person.id.in_(chunk))).all())
    missing = [pid for pid in person_ids if pid not in current]
    if missing:
        raise NotFound(code="printing.person_gone", person_id=missing[0], count=len(missing))
    note = note[:NOTE_MAX]
    # One executemany of plain rows, not an ORM object per print: 10,000 BadgePrint objects
    # cost about a second of a 10,000-badge run (and its garbage collections); nothing
    # listens to their flush (the live feed's triggers are in the database).
    now = utcnow()
    session.execute(insert(BadgePrint), [
        {"person_id": pid, "badge_code": code, "at": now, "desk": desk, "operator": operator,
         "layout": layout, "reason": why, "note": note or None} for pid, code in printed])
    reissued = tuple(pid for pid, code in printed if current[pid] != code)
    audit.record(session, actor=operator, desk=desk, action="badge.batch_printed",
                 subject_type="person", subject_id=None,
                 detail={"count": len(printed), "layout": layout, "reason": why.value,
                         "reissued": list(reissued), **({"note": note} if note else {})})
    return PrintLog(recorded=len(printed), reissued=reissued)

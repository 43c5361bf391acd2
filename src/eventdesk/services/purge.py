"""After the event: erase personal data, keep the anonymous figures (README "Privacy rules").

PIPL art. 19 and 47: personal information is kept no longer than its purpose needs and deleted
when the purpose is fulfilled. The event's purpose ends with the event; its figures (how many
came, of which category, on which day, at which desk) are not personal data once nobody can be
told apart, and organisers need them for the next edition.

What `purge_batch` does to each person: name, English name, pinyin and search forms, title,
phone, e-mail, external reference and notes are emptied (the name becomes PURGED_NAME); the badge
code is replaced by a fresh random one, so no printed badge, payload or export of the event names
anyone any more; the company is kept only for exhibitor staff (the exhibitor is business data:
"staff per exhibitor" stays countable), emptied for everyone else. Category, status, consent,
the exhibitor link and every timestamp stay. `purge_rest` empties the exhibitors' contact
person, phone and e-mail, who collected a pack, the badge codes of the print log, and deletes the
revoked badge codes. Desk names, operators' account names, exhibitor companies, the schedule's
rooms and titles stay (business data). Audit rows are not rewritten (they are chained by hash);
`audit_entries_with_personal_data` counts those whose detail names people.

Services flush, never commit: the action runs each batch in its own short unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from eventdesk.domain import (
    AuditEntry,
    BadgeCollection,
    BadgePrint,
    CheckIn,
    Exhibitor,
    Person,
    RevokedBadge,
)
from eventdesk.domain.qr import new_badge_code
from eventdesk.domain.sorting import text_key
from eventdesk.services.events import get_event

PURGED_NAME = "（已清除）"
BATCH = 1000
# Audit actions whose detail holds a person's name, contacts or badge payload (not rewritten:
# the audit chain keeps them; counted for the report).
PERSONAL_AUDIT_ACTIONS = ("person.create", "person.update", "checkin.rejected",
                          "exhibitor.create", "exhibitor.update", "badge.pack_collected")


@dataclass(frozen=True)
class Figures:
    """The anonymous figures a purge keeps: people per category, status and consent; check-ins
    per event day (ISO date) and per desk; badge prints; exhibitors."""

    people: int
    per_category: dict[str, int]
    per_status: dict[str, int]
    per_consent: dict[str, int]
    checkins_per_day: dict[str, int]
    checkins_per_desk: dict[str, int]
    prints: int
    exhibitors: int


def _counts(session: Session, column: object) -> dict[str, int]:
    rows = session.execute(select(column, func.count()).group_by(column)).all()  # type: ignore[call-overload]
    return {str(getattr(k, "value", k)): int(n) for k, n in sorted(rows, key=lambda r: str(r[0]))}


def figures(session: Session) -> Figures:
    """The event's anonymous figures as they are now."""
    return Figures(
        people=int(session.scalar(select(func.count(Person.id))) or 0),
        per_category=_counts(session, Person.category),
        per_status=_counts(session, Person.status),
        per_consent=_counts(session, Person.consent),
        checkins_per_day=_counts(session, CheckIn.event_day),
        checkins_per_desk=_counts(session, CheckIn.desk),
        prints=int(session.scalar(select(func.count(BadgePrint.id))) or 0),
        exhibitors=int(session.scalar(select(func.count(Exhibitor.id))) or 0),
    )


def person_ids(session: Session) -> list[int]:
    """Everyone's id, in id order (the batches of `purge_batch`)."""
    get_event(session)  # NoEvent: nothing to purge in a database without an event
    return list(session.scalars(select(Person.id).order_by(Person.id)))


def purge_batch(session: Session, *, ids: Sequence[int]) -> int:
    """Erase the personal data of the people `ids` (see the module's docstring); returns how
    many were changed. Each gets a fresh badge code that no badge ever carried."""
    if not ids:
        return 0
    people = session.execute(select(Person.id, Person.exhibitor_id, Person.company)
                             .where(Person.id.in_(ids))).all()
    taken = set(session.scalars(select(Person.badge_code)))
    values = []
    for pid, exhibitor_id, company in people:
        code = new_badge_code()
        while code in taken:
            code = new_badge_code()
        taken.add(code)
        kept = company if exhibitor_id is not None else ""
        values.append({"pid": pid, "code": code, "company": kept, "company_key": text_key(kept)})
    table = cast(Table, Person.__table__)
    session.execute(
        update(table).where(table.c.id == bindparam("pid")).values(
            name=PURGED_NAME, name_en="", name_pinyin="", search_text="", title="", phone="",
            email="", external_ref=None, notes="", badge_code=bindparam("code"),
            company=bindparam("company"), company_pinyin=bindparam("company_key")),
        values)
    session.flush()
    return len(values)


@dataclass(frozen=True)
class RestPurged:
    exhibitor_contacts: int
    revoked_badges: int
    prints: int
    collections: int


def purge_rest(session: Session) -> RestPurged:
    """Erase what is personal beyond the person rows: exhibitors' contacts, revoked badge
    codes, the print log's badge codes, who collected a pack."""
    contacts = _changed(session, 
        update(Exhibitor).where((Exhibitor.contact_name != "") | (Exhibitor.contact_phone != "")
                                | (Exhibitor.contact_email != ""))
        .values(contact_name="", contact_phone="", contact_email="")
        .execution_options(synchronize_session=False))
    revoked = _changed(session, delete(RevokedBadge))
    prints = _changed(session, update(BadgePrint).where(BadgePrint.badge_code != "")
                             .values(badge_code="")
                             .execution_options(synchronize_session=False))
    collections = _changed(session, 
        update(BadgeCollection).where((BadgeCollection.collected_by != "")
                                      | (BadgeCollection.collector_phone != ""))
        .values(collected_by="", collector_phone="")
        .execution_options(synchronize_session=False))
    session.flush()
    return RestPurged(exhibitor_contacts=contacts, revoked_badges=revoked, prints=prints,
                      collections=collections)


def _changed(session: Session, statement: Executable) -> int:
    """Rows a bulk UPDATE or DELETE changed."""
    result = cast(CursorResult[Any], session.execute(statement))
    return int(result.rowcount or 0)


def audit_entries_with_personal_data(session: Session) -> int:
    """Audit entries whose detail may name people (PERSONAL_AUDIT_ACTIONS); they are kept as
    written: the audit trail is chained and never rewritten."""
    return int(session.scalar(select(func.count(AuditEntry.id))
                              .where(AuditEntry.action.in_(PERSONAL_AUDIT_ACTIONS))) or 0)

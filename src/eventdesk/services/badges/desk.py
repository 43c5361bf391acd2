"""Badges at the desk: the print log, reprints with a reason, revocation, exhibitor pick-up.

A reprint for a lost badge issues a new badge code and puts the old one into `revoked_badge`, so
the lost badge's QR is rejected as revoked at every desk from the moment this unit of work commits.
The print itself is recorded after the printer accepted the job (`record_print`), so a failed print
never counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import BadgePrint, Exhibitor, Person, PersonStatus, PrintReason, RevokedBadge
from eventdesk.domain.errors import NotFound
from eventdesk.domain.pickup import BadgeCollection
from eventdesk.domain.qr import new_badge_code
from eventdesk.services import audit
from eventdesk.services.exhibitors import ExhibitorRow, get_exhibitor
from eventdesk.services.people import PersonRow, get_person, refresh_search_fields

REASON_LABELS_ZH: dict[PrintReason, str] = {
    PrintReason.FIRST: "首次打印",
    PrintReason.LOST: "遗失",
    PrintReason.DAMAGED: "损坏",
    PrintReason.WRONG_DATA: "信息有误",
}


@dataclass(frozen=True)
class PrintRecord:
    person_id: int
    badge_code: str
    reason: PrintReason
    print_count: int


def print_counts(session: Session, *, person_ids: list[int]) -> dict[int, int]:
    if not person_ids:
        return {}
    rows = session.execute(
        select(BadgePrint.person_id, func.count(BadgePrint.id))
        .where(BadgePrint.person_id.in_(person_ids)).group_by(BadgePrint.person_id)
    )
    return {pid: int(n) for pid, n in rows}


def revoke_badge(session: Session, *, person_id: int, reason: PrintReason | str, desk: str,
                 operator: str) -> PersonRow:
    """Give the person a new badge code; the old one is revoked (its QR will be rejected)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"找不到编号为 {person_id} 的人员")
    old = person.badge_code
    session.add(RevokedBadge(code=old, person_id=person.id, reason=str(PrintReason(reason))))
    person.badge_code = new_badge_code()
    short = ""
    if person.exhibitor_id is not None:
        exhibitor = session.get(Exhibitor, person.exhibitor_id)
        short = exhibitor.short_name if exhibitor else ""
    refresh_search_fields(person, company_short=short)
    session.flush()
    audit.record(session, actor=operator, desk=desk, action="badge.revoked",
                 subject_type="person", subject_id=person.id,
                 detail={"old_code": old, "new_code": person.badge_code, "reason": str(reason)})
    return get_person(session, person_id=person.id)


def record_print(session: Session, *, person_id: int, desk: str, operator: str, layout: str,
                 reason: PrintReason | str = PrintReason.FIRST,
                 now: datetime | None = None) -> PrintRecord:
    """Log one printed badge (after the printer accepted it). Reprints are audited with reason."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(f"找不到编号为 {person_id} 的人员")
    why = PrintReason(reason)
    session.add(BadgePrint(person_id=person.id, badge_code=person.badge_code, desk=desk,
                           operator=operator, layout=layout, reason=why,
                           at=now or datetime.now(UTC)))
    session.flush()
    audit.record(session, actor=operator, desk=desk,
                 action="badge.print" if why == PrintReason.FIRST else "badge.reprint",
                 subject_type="person", subject_id=person.id,
                 detail={"code": person.badge_code, "reason": why.value, "layout": layout})
    count = print_counts(session, person_ids=[person.id]).get(person.id, 0)
    return PrintRecord(person_id=person.id, badge_code=person.badge_code, reason=why,
                       print_count=count)


# -- exhibitor pick-up ---------------------------------------------------------------------

@dataclass(frozen=True)
class StaffBadge:
    person: PersonRow
    print_count: int
    collected_at: datetime | None

    @property
    def printed(self) -> bool:
        return self.print_count > 0


@dataclass(frozen=True)
class PickupState:
    exhibitor: ExhibitorRow
    staff: tuple[StaffBadge, ...]

    @property
    def missing_prints(self) -> list[PersonRow]:
        return [s.person for s in self.staff if not s.printed]

    @property
    def all_collected(self) -> bool:
        return bool(self.staff) and all(s.collected_at for s in self.staff)


def pickup_state(session: Session, *, exhibitor_id: int) -> PickupState:
    """An exhibitor's registered staff with their printed / collected state, by name."""
    exhibitor = get_exhibitor(session, exhibitor_id=exhibitor_id)
    ids = list(session.scalars(
        select(Person.id).where(Person.exhibitor_id == exhibitor_id,
                                Person.status == PersonStatus.REGISTERED)
        .order_by(Person.name_pinyin, Person.id)))
    counts = print_counts(session, person_ids=ids)
    collected = dict(session.execute(
        select(BadgeCollection.person_id, BadgeCollection.collected_at)
        .where(BadgeCollection.person_id.in_(ids))).all()) if ids else {}
    staff = tuple(StaffBadge(person=get_person(session, person_id=pid), print_count=counts.get(pid, 0),
                             collected_at=collected.get(pid)) for pid in ids)
    return PickupState(exhibitor=exhibitor, staff=staff)


def mark_pack_collected(session: Session, *, exhibitor_id: int, desk: str, operator: str,
                        collected_by: str = "", now: datetime | None = None) -> int:
    """Record that the printed, not yet collected badges of this exhibitor were handed over.
    Returns how many badges the pack held."""
    state = pickup_state(session, exhibitor_id=exhibitor_id)
    at = now or datetime.now(UTC)
    handed = [s.person.id for s in state.staff if s.printed and s.collected_at is None]
    for pid in handed:
        session.add(BadgeCollection(person_id=pid, exhibitor_id=exhibitor_id, collected_at=at,
                                    collected_by=collected_by, desk=desk, operator=operator))
    session.flush()
    audit.record(session, actor=operator, desk=desk, action="badge.pack_collected",
                 subject_type="exhibitor", subject_id=exhibitor_id,
                 detail={"people": handed, "collected_by": collected_by})
    return len(handed)

"""Badges at the desk: the print log, reprints with a reason, revocation, exhibitor pick-up.

A reprint for a lost badge issues a new badge code and puts the old one into `revoked_badge`, so
the lost badge's QR is rejected as revoked at every desk from the moment this unit of work commits.
The desk action renders and prints the badge with the new code first (`next_badge`), and only
after the printer accepted it revokes the old code, stores the new one and records the print in
one short write (`revoke_badge(new_code=…, expected_code=…)`, `record_print`): a failed print
changes nothing and never counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import BadgePrint, Exhibitor, Person, PersonStatus, PrintReason, RevokedBadge
from eventdesk.domain.badge_data import BadgeData
from eventdesk.domain.contact import checked_contact
from eventdesk.domain.desk import NOTE_MAX
from eventdesk.domain.errors import DomainError, FieldProblem, NotFound, ValidationFailed
from eventdesk.domain.pickup import BadgeCollection
from eventdesk.domain.qr import new_badge_code
from eventdesk.services import audit
from eventdesk.services.badges.batch import category_label
from eventdesk.services.events import get_event
from eventdesk.services.exhibitors import ExhibitorRow, get_exhibitor
from eventdesk.services.people import PersonRow, get_person, refresh_search_fields
from eventdesk.services.signing import PayloadSigner


class BadgeChanged(DomainError):
    """The person's badge code changed between reading it and writing (another desk reprinted
    meanwhile); params name."""

    code = "desk.print.badge_changed"


@dataclass(frozen=True)
class DeskBadge:
    """One badge to print at the desk: what goes on it, and the badge code it carries."""

    person: PersonRow
    badge_code: str
    data: BadgeData


def _badge_data(person: PersonRow, *, qr_payload: str, event_name: str) -> BadgeData:
    return BadgeData(
        name=person.name, qr_payload=qr_payload, category=person.category.value,
        category_label=category_label(person.category), name_en=person.name_en,
        company=person.company, title=person.title, hall=person.hall, booth=person.booth,
        person_id=person.id, event_name=event_name,
    )


def desk_badges(session: Session, *, person_ids: list[int],
                new_code: bool = False) -> list[DeskBadge]:
    """What to print for these people, in this order. With new_code (a reprint for a lost badge)
    each badge carries a fresh badge code, not yet stored: `revoke_badge(new_code=…)` stores it
    once the printer accepted the badge. Raises NotFound for an unknown person."""
    event_name = get_event(session).name_zh if person_ids else ""
    # Drawn at once: raises SigningLocked / NoSigningKey rather than print an unsigned code.
    sign = PayloadSigner(session, required=True) if person_ids else None
    badges: list[DeskBadge] = []
    for pid in person_ids:
        person = get_person(session, person_id=pid, with_payload=False)
        code = new_badge_code() if new_code else person.badge_code
        payload = sign(code) if sign is not None else ""
        badges.append(DeskBadge(person=person, badge_code=code,
                                data=_badge_data(person, qr_payload=payload,
                                                 event_name=event_name)))
    return badges


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
                 operator: str, new_code: str | None = None,
                 expected_code: str | None = None) -> PersonRow:
    """Give the person a new badge code (`new_code`, or a fresh one); the old one is revoked
    (its QR will be rejected). With `expected_code`, raises BadgeChanged when the person's code
    is no longer that one (another desk replaced it since it was read)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(code="desk.person_not_found", person_id=person_id)
    old = person.badge_code
    if expected_code is not None and old != expected_code:
        raise BadgeChanged(code=BadgeChanged.code, name=person.name)
    session.add(RevokedBadge(code=old, person_id=person.id, reason=str(PrintReason(reason))))
    person.badge_code = new_code or new_badge_code()
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


def reissue(session: Session, *, codes: Sequence[tuple[int, str, str]],
            reason: PrintReason | str, desk: str, operator: str) -> tuple[int, ...]:
    """After badges with new codes were printed (a batch reprint for lost badges): for each
    (person id, code before, new code) revoke the old code and store the new one, as
    `revoke_badge` does at the desk. A person whose code changed since it was read (another desk
    reissued it meanwhile) is left alone: their new paper never admits anyone. Returns those
    people's ids. Raises NotFound when a person is gone."""
    void: list[int] = []
    for pid, before, new in codes:
        current = session.scalar(select(Person.badge_code).where(Person.id == pid))
        if current is None:
            raise NotFound(code="printing.person_gone", person_id=pid, count=1)
        if current != before:
            void.append(pid)
            continue
        revoke_badge(session, person_id=pid, reason=reason, desk=desk, operator=operator,
                     new_code=new, expected_code=before)
    return tuple(void)


def record_print(session: Session, *, person_id: int, desk: str, operator: str, layout: str,
                 reason: PrintReason | str = PrintReason.FIRST,
                 now: datetime | None = None, badge_code: str | None = None,
                 note: str = "") -> PrintRecord:
    """Log one printed badge (after the printer accepted it), with its reason and, for a reprint
    of reason "other", `note` (the operator's words, at most NOTE_MAX characters; stored on the
    print and in its audit entry). Reprints are audited (badge.reprint: code, reason, layout,
    note). `badge_code` is the code the printed badge carries; with it, raises BadgeChanged when
    the person's code is no longer that one (the printed badge would not scan). Raises
    NotFound for an unknown person, ValueError for an unknown reason."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(code="desk.person_not_found", person_id=person_id)
    if badge_code is not None and badge_code != person.badge_code:
        raise BadgeChanged(code=BadgeChanged.code, name=person.name)
    why = PrintReason(reason)
    note = note[:NOTE_MAX]
    session.add(BadgePrint(person_id=person.id, badge_code=person.badge_code, desk=desk,
                           operator=operator, layout=layout, reason=why, note=note or None,
                           at=now or datetime.now(UTC)))
    session.flush()
    audit.record(session, actor=operator, desk=desk,
                 action="badge.print" if why == PrintReason.FIRST else "badge.reprint",
                 subject_type="person", subject_id=person.id,
                 detail={"code": person.badge_code, "reason": why.value, "layout": layout,
                         **({"note": note} if note else {})})
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


def pickup_state(session: Session, *, exhibitor_id: int) -> PickupState:
    """An exhibitor's registered staff with their printed / collected state, by name; the
    exhibitor with its figures (its latest pick-up: who collected, phone, when)."""
    exhibitor = get_exhibitor(session, exhibitor_id=exhibitor_id, figures=True)
    ids = list(session.scalars(
        select(Person.id).where(Person.exhibitor_id == exhibitor_id,
                                Person.status == PersonStatus.REGISTERED)
        .order_by(Person.name_pinyin, Person.id)))
    counts = print_counts(session, person_ids=ids)
    collected = dict(session.execute(
        select(BadgeCollection.person_id, BadgeCollection.collected_at)
        .where(BadgeCollection.person_id.in_(ids))).all()) if ids else {}
    staff = tuple(StaffBadge(person=get_person(session, person_id=pid),
                             print_count=counts.get(pid, 0),
                             collected_at=collected.get(pid)) for pid in ids)
    return PickupState(exhibitor=exhibitor, staff=staff)


COLLECTOR_MAX = 100


def checked_collector(*, name: str, phone: str) -> tuple[str, str]:
    """The pack collector's name and phone as typed -> normalised (blanks collapsed, phone as
    domain.contact stores it). Raises ValidationFailed naming each bad field: collected_by
    (exhibitor.collector_required, common.too_long), collector_phone (common.phone_invalid)."""
    problems: dict[str, FieldProblem] = {}
    name = " ".join(name.split())
    if not name:
        problems["collected_by"] = FieldProblem("exhibitor.collector_required")
    elif len(name) > COLLECTOR_MAX:
        problems["collected_by"] = FieldProblem("common.too_long", length=len(name),
                                                  limit=COLLECTOR_MAX)
    phone, _email = checked_contact(phone, "", problems=problems, phone_key="collector_phone")
    if problems:
        raise ValidationFailed(problems)
    return name, phone


def mark_pack_collected(session: Session, *, exhibitor_id: int, desk: str, operator: str,
                        collected_by: str = "", collector_phone: str = "",
                        now: datetime | None = None) -> int:
    """Record that the printed, not yet collected badges of this exhibitor were handed over to
    `collected_by` (name; `collector_phone` optional), at `now` (default: now). Returns how many
    badges the pack held. Raises ValidationFailed (checked_collector) when there is a badge to
    hand and no name, or a bad phone: nothing recorded."""
    state = pickup_state(session, exhibitor_id=exhibitor_id)
    at = now or datetime.now(UTC)
    handed = [s.person.id for s in state.staff if s.printed and s.collected_at is None]
    if handed or collected_by.strip() or collector_phone.strip():
        collected_by, collector_phone = checked_collector(name=collected_by,
                                                          phone=collector_phone)
    for pid in handed:
        session.add(BadgeCollection(person_id=pid, exhibitor_id=exhibitor_id, collected_at=at,
                                    collected_by=collected_by, collector_phone=collector_phone,
                                    desk=desk, operator=operator))
    session.flush()
    audit.record(session, actor=operator, desk=desk, action="badge.pack_collected",
                 subject_type="exhibitor", subject_id=exhibitor_id,
                 detail={"people": handed, "collected_by": collected_by,
                         "collector_phone": collector_phone})
    return len(handed)

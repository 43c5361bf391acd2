"""One exhibitor's staff with where each of them stands (issue 13, "the staff of one exhibitor in
one click"): arrived today / ever, badges printed, badge collected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import CheckIn
from eventdesk.domain.pickup import BadgeCollection
from eventdesk.services.badges.desk import print_counts
from eventdesk.services.exhibitors import event_today, get_exhibitor
from eventdesk.services.people import PersonRow, list_people


@dataclass(frozen=True)
class StaffMember:
    """A person of the exhibitor: `arrived_today` (checked in on today's event day),
    `first_arrival` (their first check-in, UTC; None: never came), `print_count` (badge prints
    logged, any code), `collected_at` (UTC, when their badge was handed over)."""

    person: PersonRow
    arrived_today: bool
    first_arrival: datetime | None
    print_count: int
    collected_at: datetime | None


def exhibitor_staff(session: Session, *, exhibitor_id: int,
                    today: date | None = None) -> list[StaffMember]:
    """Everyone linked to the exhibitor (cancelled registrations too, for the record), by name.
    Raises NotFound for an unknown exhibitor."""
    get_exhibitor(session, exhibitor_id=exhibitor_id)
    day = today or event_today(session)
    people = list_people(session, exhibitor_id=exhibitor_id, limit=None)
    ids = [p.id for p in people]
    if not ids:
        return []
    firsts = dict(session.execute(
        select(CheckIn.person_id, func.min(CheckIn.at)).where(CheckIn.person_id.in_(ids))
        .group_by(CheckIn.person_id)).all())
    present = set(session.scalars(select(CheckIn.person_id).where(
        CheckIn.person_id.in_(ids), CheckIn.event_day == day)))
    collected = dict(session.execute(
        select(BadgeCollection.person_id, BadgeCollection.collected_at)
        .where(BadgeCollection.person_id.in_(ids))).all())
    prints = print_counts(session, person_ids=ids)
    return [StaffMember(person=p, arrived_today=p.id in present, first_arrival=firsts.get(p.id),
                        print_count=prints.get(p.id, 0), collected_at=collected.get(p.id))
            for p in people]

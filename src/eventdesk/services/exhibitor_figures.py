"""Exhibitor figures (issue 13): staff registered against quota, staff arrived, booths assigned
to more than one exhibitor, and the last pack pick-up — the columns of the exhibitors view and
of `eventdesk exhibitors`.

Definitions (README "Exhibitors"), all counting registered staff only (a cancelled registration
is nobody's staff any more):
- registered: the exhibitor's people whose status is registered;
- arrived today: those of them checked in on today's event day (the event's time zone);
- arrived: those of them checked in on any event day (a person counts once);
- over quota: registered > quota;
- shared booth: another exhibitor has the same booth code in the same hall (booth not empty).

The subqueries are joined by services.exhibitors.list_exhibitors when asked for figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import Subquery, and_, case, func, select
from sqlalchemy.orm import Session

from eventdesk.domain import CheckIn, Exhibitor, Person, PersonStatus
from eventdesk.domain.contact import mask_phone
from eventdesk.domain.pickup import BadgeCollection


@dataclass(frozen=True)
class PickupRecord:
    """An exhibitor's pack handed over at a desk: who collected it (name, phone), when (UTC),
    how many badges it held, where and by which operator."""

    collected_by: str
    phone: str
    at: datetime
    badges: int
    desk: str
    operator: str

    def masked(self) -> PickupRecord:
        return replace(self, phone=mask_phone(self.phone))


def arrivals(*, today: date) -> Subquery:
    """exhibitor_id -> arrived (checked in on any day), arrived_today: registered staff."""
    arrived_today = case((CheckIn.event_day == today, CheckIn.person_id))
    return (
        # A person checked in on three days counts once; NULLs (other days) are not counted.
        select(Person.exhibitor_id,
               func.count(func.distinct(CheckIn.person_id)).label("arrived"),
               func.count(func.distinct(arrived_today)).label("arrived_today"))
        .join(CheckIn, CheckIn.person_id == Person.id)
        .where(Person.exhibitor_id.is_not(None), Person.status == PersonStatus.REGISTERED)
        .group_by(Person.exhibitor_id)
        .subquery()
    )


def arrivals_of(session: Session, *, exhibitor_id: int, today: date) -> tuple[int, int]:
    """(arrived, arrived today) of one exhibitor, counted as `arrivals` counts them, through the
    index on person.exhibitor_id (the desk's pick-up reads one company)."""
    row = session.execute(
        select(func.count(func.distinct(CheckIn.person_id)),
               func.count(func.distinct(case((CheckIn.event_day == today, CheckIn.person_id)))))
        .join(Person, CheckIn.person_id == Person.id)
        .where(Person.exhibitor_id == exhibitor_id, Person.status == PersonStatus.REGISTERED)
    ).one()
    return int(row[0] or 0), int(row[1] or 0)


def booth_sharers() -> Subquery:
    """(hall, booth) -> sharers: the non-empty booths held by more than one exhibitor, and by
    how many. Grouped, not a self-join: one pass over the exhibitors."""
    return (
        select(Exhibitor.hall, Exhibitor.booth, func.count(Exhibitor.id).label("sharers"))
        .where(Exhibitor.booth != "")
        .group_by(Exhibitor.hall, Exhibitor.booth)
        .having(func.count(Exhibitor.id) > 1)
        .subquery()
    )


def pickup_times() -> Subquery:
    """exhibitor_id -> at: when its latest pack was collected."""
    return (select(BadgeCollection.exhibitor_id, func.max(BadgeCollection.collected_at)
                   .label("at"))
            .where(BadgeCollection.exhibitor_id.is_not(None))
            .group_by(BadgeCollection.exhibitor_id).subquery())


def shared_booth_names(session: Session, *, exhibitor_ids: Sequence[int]
                       ) -> dict[int, tuple[str, ...]]:
    """exhibitor id -> the names of the other exhibitors at its booth (same hall and code), by
    name; only for ids that share their booth."""
    if not exhibitor_ids:
        return {}
    clash = booth_sharers()
    mine = session.execute(
        select(Exhibitor.id, Exhibitor.hall, Exhibitor.booth)
        .join(clash, and_(clash.c.hall == Exhibitor.hall, clash.c.booth == Exhibitor.booth))
        .where(Exhibitor.id.in_(exhibitor_ids))).all()
    if not mine:
        return {}
    holders: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for ex_id, hall, booth, name in session.execute(
            select(Exhibitor.id, Exhibitor.hall, Exhibitor.booth, Exhibitor.name_zh)
            .where(Exhibitor.booth.in_({booth for _i, _h, booth in mine}))
            .order_by(Exhibitor.name_zh, Exhibitor.id)):
        holders.setdefault((hall, booth), []).append((int(ex_id), name))
    return {int(ex_id): tuple(name for other, name in holders.get((hall, booth), [])
                              if other != ex_id)
            for ex_id, hall, booth in mine}


def last_pickups(session: Session, *, exhibitor_ids: Sequence[int]) -> dict[int, PickupRecord]:
    """exhibitor id -> its latest pack pick-up (a pack is the badges handed over in one go: one
    collected_at), for those of `exhibitor_ids` that collected one."""
    if not exhibitor_ids:
        return {}
    bc = BadgeCollection
    rows = session.execute(
        select(bc.exhibitor_id, bc.collected_at, bc.collected_by, bc.collector_phone, bc.desk,
               bc.operator, func.count(bc.person_id))
        .where(bc.exhibitor_id.in_(exhibitor_ids))
        .group_by(bc.exhibitor_id, bc.collected_at, bc.collected_by, bc.collector_phone,
                  bc.desk, bc.operator)
        .order_by(bc.exhibitor_id, bc.collected_at)).all()
    found: dict[int, PickupRecord] = {}
    for ex_id, at, name, phone, desk, operator, n in rows:
        # Ordered by time: the last row of an exhibitor is its latest pick-up.
        found[int(ex_id or 0)] = PickupRecord(collected_by=name, phone=phone, at=at, badges=int(n),
                                         desk=desk, operator=operator)
    return found

"""The dashboard's statements: a handful of GROUP BYs, each returning at most a few thousand rows
whatever the size of the event (60,000 check-ins become ≤ 288 slots a day and desk).

Rules (the figures' docstrings in figures.py say the same):
- the period is the whole event (`day` None: everything recorded) or one event day, from
  00:00 to 24:00 in the event's time zone (never the machine's); a check-in belongs to the
  period by its instant `at`;
- cancelled people are neither registered nor counted as checked in by category; their
  check-ins made before the cancellation still count as arrivals and at their desk;
- an exhibitor "has arrived" once any person linked to it has a check-in in the period.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, distinct, exists, func, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from eventdesk.domain import AuditEntry, BadgePrint, CheckIn, Exhibitor, Person
from eventdesk.domain.enums import Category, PersonStatus, PrintReason
from eventdesk.services.events import get_event
from eventdesk.services.stats.buckets import (
    day_bounds,
    hours_of,
    local_hour,
    local_ten_minutes,
    slot_of,
    slot_start,
)
from eventdesk.services.stats.figures import (
    OTHER_NOTES_SHOWN,
    CategoryCount,
    DeskActivity,
    ExhibitorWaiting,
    Figures,
    HourCount,
    PrintCounts,
)

REJECTED = "checkin.rejected"  # the audit action of a rejected scan (services.checkin)


def _within(column: ColumnElement[datetime] | InstrumentedAttribute[datetime],
            bounds: tuple[datetime, datetime] | None) -> ColumnElement[bool]:
    if bounds is None:
        return true()
    return and_(column >= bounds[0], column < bounds[1])


def _scanned(session: Session,
             column: InstrumentedAttribute[datetime]) -> ColumnElement[datetime]:
    """`column` in a form SQLite does not look up by its index. A day of the event holds most
    of its check-ins: walking the table once is faster than an index look-up per row (SQLite's
    planner picks ix_check_in_at for any range; 240 ms instead of 370 ms of CPU for 60,000
    check-ins). PostgreSQL plans by statistics: the column as it is."""
    if session.get_bind().dialect.name == "sqlite":
        return func.coalesce(column, column)
    return column  # type: ignore[return-value]


def figures(session: Session, *, day: date | None = None,
            now: datetime | None = None) -> Figures:
    """Every dashboard figure for the whole event (`day` None) or one event day (a date in the
    event's time zone; a day outside the event's days is allowed and simply counts what
    happened then). Read only. Raises NoEvent when the database holds no event."""
    event = get_event(session)
    tz = ZoneInfo(event.timezone)
    bounds = day_bounds(day, tz) if day is not None else None
    arrivals, desks = _arrivals_and_desks(session, tz=tz, bounds=bounds,
                                          days=[day] if day is not None else event.days)
    return Figures(
        timezone=event.timezone, day=day, days=tuple(event.days),
        as_of=now or datetime.now(UTC),
        arrivals=arrivals, by_category=_by_category(session, bounds),
        desks=desks, exhibitors_without_arrivals=_exhibitors_waiting(session, bounds),
        prints=_prints(session, bounds), rejected=_rejected(session, bounds))


def _arrivals_and_desks(session: Session, *, tz: ZoneInfo,
                        bounds: tuple[datetime, datetime] | None,
                        days: list[date]) -> tuple[tuple[HourCount, ...],
                                                   tuple[DeskActivity, ...]]:
    """One GROUP BY (desk, 5-minute slot) gives both the hours and the desks' 10-minute slots."""
    slot = slot_of(session, CheckIn.at)
    rows = session.execute(
        select(CheckIn.desk, slot, func.count())
        .where(_within(_scanned(session, CheckIn.at), bounds))
        .group_by(CheckIn.desk, slot)).all()
    # Keyed by UTC instant: local datetimes of one zone hash and compare by wall time, which
    # would merge the two 01:00 hours of an autumn night when daylight saving time ends.
    per_hour: Counter[datetime] = Counter({h.astimezone(UTC): 0 for d in days
                                           for h in hours_of(d, tz)})
    per_desk: dict[str, Counter[datetime]] = defaultdict(Counter)
    for desk, number, n in rows:
        start = slot_start(int(number))
        per_hour[local_hour(start, tz).astimezone(UTC)] += int(n)
        per_desk[str(desk)][local_ten_minutes(start, tz)] += int(n)
    last = _last_activity(session)
    desks = tuple(
        DeskActivity(desk=name, check_ins=sum(per_desk[name].values()),
                     slots=tuple(sorted(per_desk[name].items())),
                     last_activity=last.get(name))
        for name in sorted(set(per_desk) | set(last), key=_natural))
    hours = tuple(HourCount(hour=h.astimezone(tz), count=n)
                  for h, n in sorted(per_hour.items()))
    return hours, desks


def _natural(name: str) -> list[tuple[int, int | str]]:
    """Sort key putting desk-2 before desk-10 (digits compared as numbers)."""
    return [(1, int(part)) if part.isdigit() else (0, part)
            for part in re.split(r"(\d+)", name) if part]


def _last_activity(session: Session) -> dict[str, datetime]:
    """Each desk's latest check-in or rejected scan, at any time."""
    last: dict[str, datetime] = {}
    checked = select(CheckIn.desk, func.max(CheckIn.at)).group_by(CheckIn.desk)
    rejected = (select(AuditEntry.desk, func.max(AuditEntry.at))
                .where(AuditEntry.action == REJECTED, AuditEntry.desk != "")
                .group_by(AuditEntry.desk))
    for statement in (checked, rejected):
        for desk, at in session.execute(statement):
            if at is not None and (desk not in last or at > last[desk]):
                last[str(desk)] = at
    return last


def _by_category(session: Session,
                 bounds: tuple[datetime, datetime] | None) -> tuple[CategoryCount, ...]:
    active = Person.status != PersonStatus.CANCELLED
    registered = dict(session.execute(
        select(Person.category, func.count()).where(active).group_by(Person.category)).all())
    checked = dict(session.execute(
        select(Person.category, func.count(distinct(CheckIn.person_id)))
        .join(CheckIn, CheckIn.person_id == Person.id)
        .where(active, _within(_scanned(session, CheckIn.at), bounds))
        .group_by(Person.category)).all())
    return tuple(CategoryCount(category=c, registered=int(registered.get(c, 0)),
                               checked_in=int(checked.get(c, 0))) for c in Category)


def _exhibitors_waiting(session: Session,
                        bounds: tuple[datetime, datetime] | None) -> tuple[ExhibitorWaiting, ...]:
    arrived = exists().where(Person.exhibitor_id == Exhibitor.id,
                             CheckIn.person_id == Person.id, _within(CheckIn.at, bounds))
    staff = (select(Person.exhibitor_id, func.count().label("n"))
             .where(Person.exhibitor_id.is_not(None), Person.status != PersonStatus.CANCELLED)
             .group_by(Person.exhibitor_id).subquery())
    rows = session.execute(
        select(Exhibitor.id, Exhibitor.name_zh, Exhibitor.hall, Exhibitor.booth,
               Exhibitor.contact_name, Exhibitor.contact_phone, staff.c.n, Exhibitor.staff_quota)
        .outerjoin(staff, staff.c.exhibitor_id == Exhibitor.id)
        .where(~arrived)
        .order_by(Exhibitor.hall, Exhibitor.booth, Exhibitor.name_pinyin, Exhibitor.id)).all()
    return tuple(ExhibitorWaiting(id=int(i), name=name, hall=hall, booth=booth,
                                  contact_name=cname, contact_phone=phone,
                                  staff_registered=int(n or 0), staff_quota=int(quota))
                 for i, name, hall, booth, cname, phone, n, quota in rows)


def _prints(session: Session, bounds: tuple[datetime, datetime] | None) -> PrintCounts:
    found = {str(getattr(reason, "value", reason)): int(n) for reason, n in session.execute(
        select(BadgePrint.reason, func.count()).where(_within(BadgePrint.at, bounds))
        .group_by(BadgePrint.reason))}
    # In PrintReason's order (first, lost, damaged, wrong_data, printer_fault, other): the CLI
    # and the JSON list them as they come.
    by_reason: dict[str, int] = {str(r.value): found[r.value] for r in PrintReason
                                 if r.value in found}
    firsts = (select(func.min(BadgePrint.at).label("first_at"))
              .group_by(BadgePrint.person_id).subquery())
    printed = int(session.scalar(select(func.count()).select_from(firsts)
                                 .where(_within(firsts.c.first_at, bounds))) or 0)
    total = sum(by_reason.values())
    # Sorted here, not in SQL: ties by code point on both backends (PostgreSQL's locale would
    # order Chinese words otherwise). Few distinct words: a reprint for "other" is rare.
    counted = [(str(note), int(count)) for note, count in session.execute(
        select(BadgePrint.note, func.count())
        .where(BadgePrint.reason == PrintReason.OTHER, BadgePrint.note.is_not(None),
               _within(BadgePrint.at, bounds))
        .group_by(BadgePrint.note))]
    notes = tuple(sorted(counted, key=lambda nc: (-nc[1], nc[0]))[:OTHER_NOTES_SHOWN])
    return PrintCounts(printed=printed, reprinted=total - printed, by_reason=by_reason,
                       other_notes=notes)


def _rejected(session: Session, bounds: tuple[datetime, datetime] | None) -> dict[str, int]:
    """Rejected scans per reason, from their audit entries' detail (JSON text: {"reason": …});
    read in Python because the two backends spell JSON access differently, and rejected scans
    are few (each is a person at a desk)."""
    counts: Counter[str] = Counter()
    for (detail,) in session.execute(
            select(AuditEntry.detail).where(AuditEntry.action == REJECTED,
                                            _within(AuditEntry.at, bounds))):
        try:
            reason = json.loads(detail or "{}").get("reason")
        except (ValueError, AttributeError):
            reason = None
        counts[str(reason or "unknown")] += 1
    return dict(sorted(counts.items()))

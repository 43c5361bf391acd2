"""The dashboard's figures as frozen values (no ORM object, no sentence): what the window, the
`stats` command and the exports show."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from eventdesk.domain.enums import Category


@dataclass(frozen=True)
class HourCount:
    """Check-ins whose instant falls in the hour starting at `hour` (aware, in the event's time
    zone, e.g. 2026-11-30T09:00:00+08:00)."""

    hour: datetime
    count: int


@dataclass(frozen=True)
class CategoryCount:
    """People of one category: `registered` = not cancelled; `checked_in` = of those, the ones
    with at least one check-in in the period (a person checked in on two days counts once)."""

    category: Category
    registered: int
    checked_in: int


@dataclass(frozen=True)
class DeskActivity:
    """One desk: its check-ins in the period, the same per 10-minute slot of the event's time
    zone (`slots`: (slot start, n), only slots with check-ins, in time order), and its last
    activity at any time (latest check-in or rejected scan; None when it has none)."""

    desk: str
    check_ins: int
    slots: tuple[tuple[datetime, int], ...]
    last_activity: datetime | None

    @property
    def busiest(self) -> int:
        """The most check-ins this desk made in one 10-minute slot."""
        return max((n for _at, n in self.slots), default=0)


@dataclass(frozen=True)
class ExhibitorWaiting:
    """An exhibitor none of whose staff has checked in during the period. `contact_phone` is
    the stored number, or masked (138****5678) for a reader without Permission.SEE_CONTACTS
    (actions.stats). `staff_registered`: its people who are not cancelled."""

    id: int
    name: str
    hall: str
    booth: str
    contact_name: str
    contact_phone: str
    staff_registered: int
    staff_quota: int


OTHER_NOTES_SHOWN = 10  # the words of "other" reprints listed with the figures


@dataclass(frozen=True)
class PrintCounts:
    """Badge prints in the period: `printed` = people whose first print ever falls in it;
    `reprinted` = every other print in it; `by_reason` = all prints in it per PrintReason key
    (first, lost, damaged, wrong_data, printer_fault, other; a key with no print is left out),
    so printed + reprinted = sum(by_reason). `other_notes`: the operators' words of the reprints
    for reason "other" in it with how many times each, most frequent first (then by text), at
    most OTHER_NOTES_SHOWN of them."""

    printed: int
    reprinted: int
    by_reason: Mapping[str, int] = field(default_factory=dict)
    other_notes: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Figures:
    """Everything the dashboard shows, as of `as_of` (UTC).

    `day`: the event day the figures are restricted to (None = the whole event: everything
    recorded). `days`: the event's days. `arrivals`: one HourCount per hour of each event day
    (or of `day`) in time order, zeros included, plus any hour outside them that has check-ins.
    `rejected`: rejected scans per reason code (forged, other_event, revoked, cancelled,
    unknown, malformed)."""

    timezone: str
    day: date | None
    days: tuple[date, ...]
    as_of: datetime
    arrivals: tuple[HourCount, ...]
    by_category: tuple[CategoryCount, ...]
    desks: tuple[DeskActivity, ...]
    exhibitors_without_arrivals: tuple[ExhibitorWaiting, ...]
    prints: PrintCounts
    rejected: Mapping[str, int]

    @property
    def check_ins(self) -> int:
        return sum(h.count for h in self.arrivals)

    def arrivals_on(self, day: date) -> tuple[HourCount, ...]:
        """The hours of one event day (local date of each hour's start)."""
        return tuple(h for h in self.arrivals if h.hour.date() == day)


def cumulative(hours: Iterable[HourCount]) -> list[int]:
    """Running totals of `hours` in their order (the cumulative arrivals curve of one day)."""
    total, out = 0, []
    for h in hours:
        total += h.count
        out.append(total)
    return out

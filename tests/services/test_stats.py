"""services.stats against direct counts of the rows, on SQLite and PostgreSQL, at the edges of a
day in the event's time zone, and on a machine in another time zone."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from eventdesk.domain.enums import Category
from eventdesk.services import stats
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.stats import Figures
from eventdesk.services.stats.buckets import hours_of
from eventdesk.storage import Database
from tests.stats_data import D1, D2, TZ, build, direct, local


def read(db: Database, day: date | None = None) -> Figures:
    with db.unit_of_work(write=False) as s:
        return stats.figures(s, day=day)


def as_direct(f: Figures) -> dict[str, object]:
    """The service's figures in the shape of tests.stats_data.direct."""
    return {
        "hours": {h.hour.isoformat(): h.count for h in f.arrivals if h.count},
        "by_category": {c.category.value: {"registered": c.registered,
                                           "checked_in": c.checked_in}
                        for c in f.by_category if c.registered},
        "by_desk": {d.desk: d.check_ins for d in f.desks if d.check_ins},
        "exhibitors_without_arrivals": sorted(
            (e.hall, e.booth, e.name) for e in f.exhibitors_without_arrivals),
        "prints": {"printed": f.prints.printed, "reprinted": f.prints.reprinted,
                   "by_reason": dict(f.prints.by_reason),
                   "other_notes": dict(f.prints.other_notes)},
        "rejected_scans": dict(f.rejected),
    }


@pytest.mark.parametrize("day", [None, D1, D2])
def test_every_figure_matches_direct_counts(db: Database, day: date | None) -> None:
    build(db)
    assert as_direct(read(db, day)) == direct(db, day)


def test_hours_at_the_edges_of_a_day_in_the_event_zone(db: Database) -> None:
    build(db)
    whole = read(db)
    hours = {h.hour: h.count for h in whole.arrivals}
    # 23:30 on D1 and 00:30 on D2 fall on the same UTC date (15:30 and 16:30 UTC of D1) but on
    # two event days: each in its own local hour.
    assert hours[local(D1, 23)] == 1 and hours[local(D2, 0)] == 1
    assert all(h.hour.utcoffset() == timedelta(hours=8) for h in whole.arrivals)
    # Every hour of both days is listed, zeros included, in order.
    assert [h.hour for h in whole.arrivals] == hours_of(D1, TZ) + hours_of(D2, TZ)
    day1 = read(db, D1)
    assert [(h.hour.hour, h.count) for h in day1.arrivals if h.count] == [(9, 1), (10, 1),
                                                                          (23, 1)]
    assert len(day1.arrivals) == 24 and day1.arrivals[0].hour == local(D1, 0)
    day2 = read(db, D2)
    assert [(h.hour.hour, h.count) for h in day2.arrivals if h.count] == [(0, 1), (9, 1),
                                                                          (11, 1)]
    # The 00:30 check-in's print at 00:40 and the late one's reprint at 00:05 belong to D2,
    # as the reprint for "other" at 09:12; the printer fault's reprint is D1's.
    assert day2.prints.by_reason == {"first": 1, "damaged": 1, "other": 1}
    assert (day2.prints.printed, day2.prints.reprinted) == (1, 2)
    day1 = read(db, D1).prints
    assert day1.by_reason == {"first": 2, "printer_fault": 1}
    assert (day1.printed, day1.reprinted) == (2, 1)
    assert read(db, D2).prints.other_notes == (("换成媒体证", 1),)
    assert read(db, D1).prints.other_notes == ()
    # Counted apart, never folded into damaged, in PrintReason's order.
    assert list(read(db, None).prints.by_reason.items()) == [
        ("first", 3), ("damaged", 1), ("printer_fault", 1), ("other", 1)]


def test_desks_throughput_and_last_activity(db: Database) -> None:
    build(db)
    f = read(db)
    desks = {d.desk: d for d in f.desks}
    assert [d.desk for d in f.desks] == ["desk-2", "desk-3", "desk-10"]  # natural order
    assert desks["desk-2"].slots == ((local(D1, 9, 0), 1), (local(D1, 23, 30), 1),
                                     (local(D2, 9, 10), 1))
    assert desks["desk-3"].slots == ((local(D2, 11, 50), 1),)
    # desk-10 only checked people in: its last activity is its last check-in (00:30 on D2).
    assert desks["desk-10"].last_activity == local(D2, 0, 30)
    # desk-3's rejected scans were recorded now (audit entries carry the real time), after
    # its check-in on D2: they are its last activity.
    last = desks["desk-3"].last_activity
    assert last is not None and last > local(D2, 11, 59) + timedelta(days=1)
    assert desks["desk-2"].busiest == 1


def test_cancelled_people_are_not_registered_but_their_arrival_counts(db: Database) -> None:
    built = build(db)
    f = read(db, D1)
    visitors = next(c for c in f.by_category if c.category == Category.VISITOR)
    assert (visitors.registered, visitors.checked_in) == (1, 0)  # "early" only; "gone" cancelled
    assert sum(h.count for h in f.arrivals) == 3  # "gone"'s 10:00 check-in is an arrival
    waiting = {e.id for e in f.exhibitors_without_arrivals}
    assert built.exhibitors["north"] not in waiting
    assert {built.exhibitors["south"], built.exhibitors["empty"],
            built.exhibitors["quiet"]} <= waiting  # south's staff came on D2 only
    assert built.exhibitors["south"] not in {e.id for e in read(db, D2)
                                             .exhibitors_without_arrivals}


@pytest.fixture
def new_york_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process's local time zone is America/New_York (13 hours behind Shanghai)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_machine_in_another_time_zone_sees_the_same_figures(db: Database,
                                                               new_york_machine: None) -> None:
    assert time.timezone != -8 * 3600 and os.environ["TZ"] == "America/New_York"
    build(db)
    for day in (None, D1, D2):
        assert as_direct(read(db, day)) == direct(db, day)
    assert {h.hour.hour for h in read(db, D2).arrivals if h.count} == {0, 9, 11}


def test_hours_of_a_day_when_daylight_saving_time_changes() -> None:
    ny = ZoneInfo("America/New_York")
    spring = hours_of(date(2026, 3, 8), ny)
    autumn = hours_of(date(2026, 11, 1), ny)
    assert len(spring) == 23 and 2 not in {h.hour for h in spring}
    assert len(autumn) == 25 and [h.hour for h in autumn].count(1) == 2
    assert len(hours_of(D1, TZ)) == 24


def test_empty_event(db: Database) -> None:
    from eventdesk.services.events import create_event

    with db.unit_of_work() as s:
        create_event(s, code="NONE", name_zh="空", start_date=D1, end_date=D1)
    f = read(db)
    assert f.check_ins == 0 and len(f.arrivals) == 24 and f.desks == ()
    assert f.prints.printed == 0 and f.rejected == {}
    assert all(c.registered == 0 for c in f.by_category)


def test_words_of_other_reprints_most_frequent_first_at_most_ten(db: Database) -> None:
    built = build(db)
    words = ["展位更换"] * 3 + ["换成嘉宾证"] * 3 + ["B"] * 2 + [f"原因{i:02}" for i in range(12)]
    with db.unit_of_work() as s:
        for note in words:
            desk_badges.record_print(s, person_id=built.ids["early"], desk="d", operator="op",
                                     layout="standard", reason="other", note=note,
                                     now=local(D2, 15))
    notes = read(db, None).prints.other_notes
    # Ties by code point, the same on SQLite and PostgreSQL.
    # (原 U+539F before 换 U+6362: the build's 换成媒体证 is the 11th with its one reprint.)
    assert notes == (("展位更换", 3), ("换成嘉宾证", 3), ("B", 2),
                     *((f"原因{i:02}", 1) for i in range(7)))

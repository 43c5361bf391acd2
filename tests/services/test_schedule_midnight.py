"""Sessions across midnight and the room availability they need (issue 11, kind 13): windows
that touch at midnight are one window, 24:00 and windows over midnight can be written, and bad
input is told in a sentence naming the line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from eventdesk import messages
from eventdesk.domain import RoomAvailability
from eventdesk.domain.errors import ValidationFailed
from eventdesk.services.schedule import conflicts as sc
from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule import rooms as schedule_rooms
from eventdesk.services.schedule.windows import parse_windows, windows_text
from eventdesk.storage import Database
from tests.schedule_data import TZ, Small, at, build_small

DAYS = [date(2025, 5, 20) + timedelta(days=i) for i in range(3)]  # as build_small's


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


def night_session(db: Database, small: Small, room: int) -> int:
    """A late session on day 1, 23:00 to 01:00 on day 2."""
    with db.unit_of_work() as s:
        return schedule.create_item(s, data=schedule.ItemInput(
            title_zh="夜间路演", kind="talk", start=at(small.days[0], "23:00"),
            end=at(small.days[1], "01:00"), room_id=room)).id


def kinds_for(db: Database, item_id: int) -> list[str]:
    with db.unit_of_work(write=False) as s:
        return [c.kind for c in schedule.conflicts_for_item(s, item_id=item_id)]


def test_room_open_on_both_sides_of_midnight_holds_a_night_session(
        db: Database, small: Small) -> None:
    d1, d2 = small.days[0], small.days[1]
    with db.unit_of_work() as s:
        room = schedule_rooms.create_room(s, name="路演厅", windows=[
            (at(d1, "08:00"), at(d2, "00:00")), (at(d2, "00:00"), at(d2, "18:00"))])
    # Saved as one window: they touch at midnight.
    assert room.windows == ((at(d1, "08:00"), at(d2, "18:00")),)
    item = night_session(db, small, room.id)
    assert kinds_for(db, item) == []
    with db.unit_of_work(write=False) as s:
        assert [c.kind for c in schedule.find_conflicts(s)] == []


def test_windows_stored_apart_still_count_as_one(db: Database, small: Small) -> None:
    # A database written before windows were merged: two rows that touch at midnight.
    d1, d2 = small.days[0], small.days[1]
    with db.unit_of_work() as s:
        room = schedule_rooms.create_room(s, name="路演厅")
        s.add_all([RoomAvailability(room_id=room.id, start_at=at(d1, "08:00"),
                                    end_at=at(d2, "00:00")),
                   RoomAvailability(room_id=room.id, start_at=at(d2, "00:00"),
                                    end_at=at(d2, "18:00"))])
    item = night_session(db, small, room.id)
    assert kinds_for(db, item) == []


def test_a_gap_at_midnight_is_still_reported(db: Database, small: Small) -> None:
    d1, d2 = small.days[0], small.days[1]
    with db.unit_of_work() as s:
        room = schedule_rooms.create_room(s, name="路演厅", windows=[
            (at(d1, "08:00"), at(d2, "00:00")), (at(d2, "00:30"), at(d2, "18:00"))])
    assert len(room.windows) == 2
    item = night_session(db, small, room.id)
    assert kinds_for(db, item) == [sc.OUTSIDE_ROOM_AVAILABILITY]


def test_overlapping_windows_merge_and_the_check_uses_their_union() -> None:
    day = at(date(2025, 5, 20), "00:00")
    facts = sc.RoomFacts("厅", 0, ((day + timedelta(hours=20), day + timedelta(hours=26)),
                                   (day + timedelta(hours=8), day + timedelta(hours=21))))
    assert facts.windows == ((day + timedelta(hours=8), day + timedelta(hours=26)),)


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-05-20 08:00–24:00", [("05-20 08:00", "05-21 00:00")]),
    ("2025-05-20 22:00–02:00", [("05-20 22:00", "05-21 02:00")]),
    ("2025-05-20 22:00 - 2025-05-21 02:00", [("05-20 22:00", "05-21 02:00")]),
    ("2025-05-20 08:00–2025-05-22 18:00", [("05-20 08:00", "05-22 18:00")]),
    ("2025-5-20 9:00~12:30", [("05-20 09:00", "05-20 12:30")]),
    ("2025-05-20 08：00 至 18：00", [("05-20 08:00", "05-20 18:00")]),  # full-width colon
    ("00:00–24:00", [("05-20 00:00", "05-21 00:00"), ("05-21 00:00", "05-22 00:00"),
                     ("05-22 00:00", "05-23 00:00")]),
    ("20:00–01:00", [("05-20 20:00", "05-21 01:00"), ("05-21 20:00", "05-22 01:00"),
                     ("05-22 20:00", "05-23 01:00")]),
])
def test_parse_windows_reads_24_00_and_over_midnight(
        text: str, expected: list[tuple[str, str]]) -> None:
    got = parse_windows(text, days=DAYS, tz=TZ)
    assert [(f"{a:%m-%d %H:%M}", f"{b:%m-%d %H:%M}") for a, b in got] == expected


@pytest.mark.parametrize(("text", "code", "sentence"), [
    ("08:00–18:00\nabc", "schedule.window.unreadable",
     "第 2 行看不懂：“abc”（例：2025-05-20 08:00–18:00、08:00–24:00、22:00–02:00）"),
    ("2025-02-30 08:00–18:00", "schedule.window.bad_date", "第 1 行：日期 2025-02-30 不存在"),
    ("24:00–08:00", "schedule.window.bad_time",
     "第 1 行：24:00 不是一天中的时刻（00:00–23:59，结束可写 24:00）"),
    ("08:00–25:00", "schedule.window.bad_time",
     "第 1 行：25:00 不是一天中的时刻（00:00–23:59，结束可写 24:00）"),
    ("08:60–09:00", "schedule.window.bad_time",
     "第 1 行：08:60 不是一天中的时刻（00:00–23:59，结束可写 24:00）"),
    ("\n\n08:00–08:00", "schedule.window.empty", "第 3 行：开始与结束相同；全天请写 00:00–24:00"),
    ("2025-05-21 08:00–2025-05-20 09:00", "schedule.window.end_before_start",
     "第 1 行：结束须晚于开始"),
    ("08:00–2025-05-21 09:00", "schedule.window.unreadable",
     "第 1 行看不懂：“08:00–2025-05-21 09:00”（例：2025-05-20 08:00–18:00、08:00–24:00、"
     "22:00–02:00）"),
])
def test_bad_window_lines_are_told_in_a_sentence(text: str, code: str, sentence: str) -> None:
    with pytest.raises(ValidationFailed) as info:
        parse_windows(text, days=DAYS, tz=TZ)
    assert info.value.code == code
    assert messages.describe(info.value) == sentence


def test_windows_text_reads_back() -> None:
    d1, d2, d3 = DAYS
    windows = [(at(d1, "08:00"), at(d2, "00:00")), (at(d2, "22:00"), at(d3, "02:00")),
               (at(d3, "08:00"), at(d3, "12:00")),
               (at(d3, "13:00"), at(d3, "13:00") + timedelta(days=2))]
    text = windows_text(windows, tz=TZ)
    assert text.splitlines() == ["2025-05-20 08:00–24:00", "2025-05-21 22:00–02:00",
                                 "2025-05-22 08:00–12:00", "2025-05-22 13:00–2025-05-24 13:00"]
    assert parse_windows(text, days=DAYS, tz=TZ) == windows

from __future__ import annotations

from datetime import timedelta

import pytest

from eventdesk.domain.errors import NotFound, ValidationFailed
from eventdesk.services.schedule import conflicts as sc
from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule import rooms as schedule_rooms
from eventdesk.storage import Database
from tests.schedule_data import Small, at, build_small


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


def kinds(db: Database) -> list[str]:
    with db.unit_of_work(write=False) as s:
        return [c.kind for c in schedule.find_conflicts(s)]


def test_clean_programme_has_no_conflicts(db: Database, small: Small) -> None:
    assert kinds(db) == []
    with db.unit_of_work(write=False) as s:
        loaded = schedule.load_schedule(s)
    assert len(loaded.items) == 5 and len(loaded.rooms) == 3
    assert loaded.conflicts == ()
    unscheduled = [i for i in loaded.items if not i.scheduled]
    assert [i.title_zh for i in unscheduled] == ["待定报告"]


def move(db: Database, item: int, day, a: str, b: str, room: int) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:
        schedule.place_item(s, item_id=item, start=at(day, a), end=at(day, b), room_id=room)


def test_room_double_booked_detected_and_cleared(db: Database, small: Small) -> None:
    d0 = small.days[0]
    move(db, small.items["芯片"], d0, "09:30", "10:30", small.rooms["主会场"])
    with db.unit_of_work(write=False) as s:
        conflicts = schedule.find_conflicts(s)
        incremental = schedule.conflicts_for_item(s, item_id=small.items["芯片"])
    assert [c.kind for c in conflicts] == [sc.ROOM_DOUBLE_BOOKED]
    assert set(conflicts[0].item_ids) == {small.items["开幕"], small.items["芯片"]}
    assert conflicts[0].items[0].room == "主会场"
    assert conflicts[0].items[0].start.utcoffset() == timedelta(hours=8)
    assert [c.as_json() for c in incremental] == [c.as_json() for c in conflicts]
    move(db, small.items["芯片"], d0, "10:00", "11:00", small.rooms["主会场"])  # back to back
    assert kinds(db) == []


def test_speaker_in_two_places(db: Database, small: Small) -> None:
    d0 = small.days[0]
    with db.unit_of_work() as s:
        row = schedule.get_item(s, item_id=small.items["芯片"])
        schedule.update_item(s, item_id=row.id, data=schedule.ItemInput(
            **{**row.as_input().__dict__, "start": at(d0, "09:30"), "end": at(d0, "10:30"),
               "speakers": (small.people["张伟"],)}))
    assert kinds(db) == [sc.SPEAKER_DOUBLE_BOOKED]
    move(db, small.items["芯片"], d0, "13:00", "14:00", small.rooms["分会场一"])
    assert kinds(db) == []


def test_speaker_unavailable(db: Database, small: Small) -> None:
    d1 = small.days[1]
    with db.unit_of_work() as s:
        un = schedule_rooms.add_unavailability(s, person_id=small.people["王芳"],
                                               start=at(d1, "08:00"), end=at(d1, "09:30"))
    assert kinds(db) == [sc.SPEAKER_UNAVAILABLE]
    with db.unit_of_work() as s:
        schedule_rooms.remove_unavailability(s, unavailability_id=un.id)
    assert kinds(db) == []


def test_outside_room_availability_and_event_days(db: Database, small: Small) -> None:
    d0, d2 = small.days[0], small.days[2]
    move(db, small.items["圆桌"], d0, "17:30", "18:30", small.rooms["小会议室"])
    assert kinds(db) == [sc.OUTSIDE_ROOM_AVAILABILITY]
    move(db, small.items["圆桌"], d2, "10:00", "11:00", small.rooms["小会议室"])  # no window day 3
    assert kinds(db) == [sc.OUTSIDE_ROOM_AVAILABILITY]
    move(db, small.items["圆桌"], d0, "14:00", "15:00", small.rooms["小会议室"])
    assert kinds(db) == []
    after = d2 + timedelta(days=1)
    move(db, small.items["应用"], after, "09:00", "10:00", small.rooms["分会场一"])
    assert kinds(db) == [sc.OUTSIDE_EVENT_DAYS]
    move(db, small.items["应用"], d2, "23:30", "23:59", small.rooms["分会场一"])
    assert kinds(db) == []


def test_room_too_small(db: Database, small: Small) -> None:
    move(db, small.items["芯片"], small.days[0], "10:30", "12:00", small.rooms["小会议室"])
    assert kinds(db) == [sc.ROOM_TOO_SMALL]
    move(db, small.items["芯片"], small.days[0], "10:30", "12:00", small.rooms["分会场一"])
    assert kinds(db) == []


def test_live_check_on_plain_data_matches_database(db: Database, small: Small) -> None:
    with db.unit_of_work(write=False) as s:
        data = schedule.load_schedule(s).conflict_data()
    slot = data.slots[small.items["芯片"]]
    moved = sc.Slot(slot.id, slot.title, small.rooms["主会场"], at(small.days[0], "09:00"),
                    at(small.days[0], "09:45"), slot.speakers, slot.audience)
    assert [c.kind for c in sc.check_slot(data, moved)] == [sc.ROOM_DOUBLE_BOOKED]
    assert [c.kind for c in sc.scan(data.with_slot(moved))] == [sc.ROOM_DOUBLE_BOOKED]


def test_resize_unschedule_delete_and_restore(db: Database, small: Small) -> None:
    item = small.items["开幕"]
    with db.unit_of_work() as s:
        before = schedule.get_item(s, item_id=item)
        schedule.place_item(s, item_id=item, start=before.start, end=at(small.days[0], "10:15"),
                            room_id=before.room_id)
    with db.unit_of_work() as s:
        assert schedule.get_item(s, item_id=item).end == at(small.days[0], "10:15")
        schedule.place_item(s, item_id=item, start=None, end=None, room_id=None)
        assert not schedule.get_item(s, item_id=item).scheduled
    with db.unit_of_work() as s:
        gone = schedule.delete_item(s, item_id=item)
        with pytest.raises(NotFound):
            schedule.get_item(s, item_id=item)
        schedule.create_item(s, data=before.as_input(), item_id=gone.id)
    with db.unit_of_work(write=False) as s:
        assert schedule.get_item(s, item_id=item) == before


def test_validation(db: Database, small: Small) -> None:
    d0 = small.days[0]
    with db.unit_of_work() as s, pytest.raises(ValidationFailed) as backwards:
        schedule.place_item(s, item_id=small.items["开幕"], start=at(d0, "10:00"),
                            end=at(d0, "09:00"), room_id=small.rooms["主会场"])
    assert backwards.value.code == "schedule.time.end_before_start"
    with db.unit_of_work() as s, pytest.raises(ValidationFailed) as untitled:
        schedule.create_item(s, data=schedule.ItemInput(title_zh="  "))
    assert untitled.value.fields == {"title_zh": "schedule.item.title_required"}
    naive = at(d0, "10:00").replace(tzinfo=None)
    with db.unit_of_work() as s, pytest.raises(ValidationFailed) as zoneless:
        schedule.place_item(s, item_id=small.items["开幕"], start=naive,
                            end=at(d0, "11:00"), room_id=small.rooms["主会场"])
    assert zoneless.value.code == "schedule.time.zone_required"
    with db.unit_of_work() as s, pytest.raises(ValidationFailed) as taken:
        schedule_rooms.create_room(s, name=" 主会场 ")
    assert (taken.value.code, taken.value.params) == ("schedule.room.name_taken",
                                                      {"name": "主会场"})
    with db.unit_of_work() as s, pytest.raises(NotFound) as missing:
        schedule.get_item(s, item_id=9999)
    assert (missing.value.code, missing.value.params) == ("schedule.item.not_found",
                                                          {"item_id": 9999})


def test_conflicts_are_plain_data_worded_by_messages(db: Database, small: Small) -> None:
    from eventdesk import messages

    d0, d1 = small.days[0], small.days[1]
    move(db, small.items["芯片"], d0, "09:30", "10:30", small.rooms["主会场"])
    move(db, small.items["应用"], d1, "09:00", "10:00", small.rooms["小会议室"])  # 100 > 30 seats
    with db.unit_of_work() as s:
        schedule_rooms.add_unavailability(s, person_id=small.people["王芳"],
                                          start=at(d1, "08:00"), end=at(d1, "09:30"))
        found = {c.kind: c for c in schedule.find_conflicts(s)}
    assert set(found) == {sc.ROOM_DOUBLE_BOOKED, sc.ROOM_TOO_SMALL, sc.SPEAKER_UNAVAILABLE}
    room = found[sc.ROOM_DOUBLE_BOOKED]
    assert room.params == {"room": "主会场", "first": "开幕主旨演讲", "second": "国产芯片论坛"}
    try:
        messages.set_language("zh")
        assert messages.text(room.code, **room.params) == \
            "会议室“主会场”同时安排了《开幕主旨演讲》和《国产芯片论坛》"
        away = found[sc.SPEAKER_UNAVAILABLE]
        assert messages.text(away.code, **away.params) == \
            f"嘉宾王芳在 {d1:%m-%d} 08:00–09:30 没空，却安排了《AI应用实践》"
        small_room = found[sc.ROOM_TOO_SMALL]
        assert messages.text(small_room.code, **small_room.params) == \
            "会议室“小会议室”只能坐 30 人，《AI应用实践》预计 100 人"
        messages.set_language("en")
        assert messages.text(away.code, **away.params) == \
            f"Speaker 王芳 is not available {d1:%m-%d} 08:00–09:30 but is in “AI应用实践”"
        for conflict in found.values():  # every kind has both sentences, every field filled
            for lang in messages.LANGUAGES:
                messages.set_language(lang)
                worded = messages.text(conflict.code, **conflict.params)
                assert conflict.code in messages.catalogue() and "{" not in worded
    finally:
        messages.set_language("zh")


def test_match_people_namesakes(db: Database, small: Small) -> None:
    with db.unit_of_work(write=False) as s:
        found = schedule.match_people(s, names=["李娜", "张伟", "张伟（华为）", "无名氏"])
    assert [(m.person_id, m.problem) for m in found] == [
        (small.people["李娜"], ""), (None, "ambiguous"), (small.people["张伟2"], ""),
        (None, "unmatched")]


def _random_data(draw_slots: list[tuple[int, int, int, tuple[int, ...]]]) -> sc.ConflictData:
    from datetime import UTC, date, datetime
    from zoneinfo import ZoneInfo

    base = datetime(2025, 5, 20, 1, 0, tzinfo=UTC)
    slots = {i: sc.Slot(i, f"t{i}", room, base + timedelta(minutes=5 * a),
                        base + timedelta(minutes=5 * (a + length)), speakers, 10)
             for i, (room, a, length, speakers) in enumerate(draw_slots, 1)}
    return sc.ConflictData(ZoneInfo("Asia/Shanghai"), frozenset({date(2025, 5, 20)}),
                           {r: sc.RoomFacts(f"R{r}", 100) for r in range(4)}, slots)


def test_sweep_scan_agrees_with_all_pairs_and_incremental_check() -> None:
    from itertools import combinations

    from hypothesis import given, settings
    from hypothesis import strategies as st

    slot = st.tuples(st.integers(0, 3), st.integers(0, 40), st.integers(1, 12),
                     st.lists(st.integers(1, 5), max_size=2, unique=True).map(tuple))

    @settings(max_examples=150, deadline=None)
    @given(st.lists(slot, max_size=14))
    def check(drawn: list[tuple[int, int, int, tuple[int, ...]]]) -> None:
        data = _random_data(drawn)
        found = sc.scan(data)
        expected = set()
        for a, b in combinations(sorted(data.slots.values(), key=lambda s: s.id), 2):
            if a.start < b.end and b.start < a.end:  # type: ignore[operator]
                if a.room_id == b.room_id:
                    expected.add((sc.ROOM_DOUBLE_BOOKED, frozenset((a.id, b.id))))
                for p in set(a.speakers) & set(b.speakers):
                    expected.add((sc.SPEAKER_DOUBLE_BOOKED, frozenset((a.id, b.id)), p))
        got = {(c.kind, frozenset(c.item_ids)) for c in found}
        assert {e[:2] for e in expected} == got
        assert len(found) == len(expected)
        for s in data.slots.values():  # the incremental check sees exactly the pairs with s
            mine = {(c.kind, frozenset(c.item_ids)) for c in sc.check_slot(data, s)}
            assert mine == {g for g in got if s.id in g[1]}

    check()

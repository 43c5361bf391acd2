"""The schedule's actions on a real SQLite file: each edit its own transaction, before/after rows
read inside it, the conflicts after the edit, Topic.SCHEDULE; refusals change nothing."""

from __future__ import annotations

import pytest

from eventdesk.actions import schedule as actions
from eventdesk.actions.base import ActionContext, Topic
from eventdesk.actions.schedule import RoomInput
from eventdesk.domain.errors import NotFound, ValidationFailed
from eventdesk.services.schedule import conflicts as sc
from eventdesk.services.schedule import items as schedule
from eventdesk.storage import Database
from tests.accounts import ADMIN
from tests.schedule_data import Small, at, build_small


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


@pytest.fixture
def actx(db: Database) -> ActionContext:
    return ActionContext(db=db, desk="desk-1", operator="organiser", user=ADMIN)


def rows(db: Database) -> dict[int, schedule.ItemRow]:
    with db.unit_of_work(write=False) as s:
        return {i.id: i for i in schedule.list_items(s)}


def test_place_returns_before_after_and_the_conflicts_it_made(actx: ActionContext, db: Database,
                                                              small: Small) -> None:
    d0 = small.days[0]
    chip = small.items["芯片"]
    done = actions.place_item(actx, item_id=chip, start=at(d0, "09:30"), end=at(d0, "10:30"),
                              room_id=small.rooms["主会场"])
    assert done.changes == frozenset({Topic.SCHEDULE})
    change = done.value
    assert change.before is not None and change.after is not None
    assert (change.before.start, change.before.room_id) == (at(d0, "10:30"),
                                                            small.rooms["分会场一"])
    assert (change.after.start, change.after.room_id) == (at(d0, "09:30"), small.rooms["主会场"])
    assert [c.kind for c in change.conflicts] == [sc.ROOM_DOUBLE_BOOKED]
    assert set(change.conflicts[0].item_ids) == {chip, small.items["开幕"]}
    assert rows(db)[chip] == change.after  # what it returned is what was committed
    unscheduled = actions.place_item(actx, item_id=chip, start=None, end=None, room_id=None)
    assert not unscheduled.value.after.scheduled and unscheduled.value.conflicts == ()  # type: ignore[union-attr]
    assert [c.kind for c in actions.find_conflicts(actx).value] == []


def test_refused_edit_writes_nothing(actx: ActionContext, db: Database, small: Small) -> None:
    before = rows(db)
    d0 = small.days[0]
    with pytest.raises(ValidationFailed) as refused:
        actions.place_item(actx, item_id=small.items["开幕"], start=at(d0, "11:00"),
                           end=at(d0, "10:00"), room_id=small.rooms["主会场"])
    assert refused.value.code == "schedule.time.end_before_start"
    with pytest.raises(NotFound):
        actions.place_item(actx, item_id=9999, start=None, end=None, room_id=None)
    with pytest.raises(ValidationFailed):
        actions.update_item(actx, item_id=small.items["开幕"], data=schedule.ItemInput(
            title_zh="新标题", speakers=(small.people["李娜"], 9999)))
    assert rows(db) == before


def test_update_delete_create_round_trip_exactly(actx: ActionContext, db: Database,
                                                 small: Small) -> None:
    before = rows(db)
    opening = before[small.items["开幕"]]
    changed = actions.update_item(actx, item_id=opening.id, data=schedule.ItemInput(
        **{**opening.as_input().__dict__, "title_zh": "新标题",
           "moderators": (small.people["王芳"],)})).value
    assert changed.before == opening and changed.after is not None
    assert [p.person_id for p in changed.after.moderators] == [small.people["王芳"]]
    actions.update_item(actx, item_id=opening.id, data=changed.before.as_input())
    gone = actions.delete_item(actx, item_id=opening.id).value
    assert gone.after is None and gone.before == opening and opening.id not in rows(db)
    back = actions.create_item(actx, data=gone.before.as_input(), item_id=opening.id).value
    assert back.after == opening
    assert rows(db) == before


def test_rooms_and_unavailability(actx: ActionContext, db: Database, small: Small) -> None:
    d1 = small.days[1]
    made = actions.create_room(actx, room=RoomInput("新厅", capacity=80, hall="C")).value
    assert made.before is None and made.after is not None and made.after.sort_order == 4
    hall = made.after.id
    window = ((at(d1, "08:00"), at(d1, "12:00")),)
    updated = actions.update_room(actx, room_id=hall, room=RoomInput(
        "新厅", capacity=60, windows=window)).value
    assert updated.before is not None and updated.before.capacity == 80
    assert updated.after is not None and updated.after.windows == window
    cleared = actions.set_room_availability(actx, room_id=hall, windows=()).value
    assert cleared.before is not None and cleared.before.windows == window
    with pytest.raises(ValidationFailed) as in_use:
        actions.delete_room(actx, room_id=small.rooms["主会场"])
    assert in_use.value.code == "schedule.room.in_use"
    assert actions.delete_room(actx, room_id=hall).value.after is None
    away = actions.add_unavailability(actx, person_id=small.people["王芳"],
                                      start=at(d1, "08:00"), end=at(d1, "09:30"))
    assert away.changes == frozenset({Topic.SCHEDULE})
    assert [c.kind for c in actions.find_conflicts(actx).value] == [sc.SPEAKER_UNAVAILABLE]
    listed = actions.rooms_and_unavailability(actx).value
    assert [r.name for r in listed.rooms] == ["主会场", "分会场一", "小会议室"]
    assert listed.names == {small.people["王芳"]: "王芳"}
    removed = actions.remove_unavailability(actx, unavailability_id=away.value.id).value
    assert removed == away.value
    with pytest.raises(NotFound):
        actions.remove_unavailability(actx, unavailability_id=away.value.id)
    assert actions.find_conflicts(actx).value == []


def test_reading_actions_change_nothing(actx: ActionContext, small: Small) -> None:
    loaded = actions.load_schedule(actx)
    assert loaded.changes == frozenset() and len(loaded.value.items) == 5
    assert actions.find_conflicts(actx).changes == frozenset()
    matches = actions.match_people(actx, names=["张伟", "李娜"]).value
    assert [m.problem for m in matches] == ["ambiguous", ""]

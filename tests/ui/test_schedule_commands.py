"""The schedule's undo commands on a bare QUndoStack (in the manner of Orange's canvas tests):
push, undo, redo, and the database after each, once the background actions have run."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QUndoStack

from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule import rooms as schedule_rooms
from eventdesk.services.schedule.rooms import UnavailableRow
from eventdesk.storage import Database
from tests.schedule_data import Small, at, build_small, window_context


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


@pytest.fixture
def ctx(db: Database, small: Small):  # type: ignore[no-untyped-def]
    return window_context(db)


@pytest.fixture
def edits(ctx, qtbot):  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.commands import ScheduleEdits

    stack = QUndoStack()
    queue = ScheduleEdits(ctx, stack)
    queue.sentences = []  # type: ignore[attr-defined]
    queue.failed.connect(queue.sentences.append)  # type: ignore[attr-defined]
    yield queue
    qtbot.waitUntil(queue.is_idle)


def wait(qtbot, edits) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(edits.is_idle)


def item(db: Database, item_id: int) -> schedule.ItemRow:
    with db.unit_of_work(write=False) as s:
        return schedule.get_item(s, item_id=item_id)


def items(db: Database) -> dict[int, schedule.ItemRow]:
    with db.unit_of_work(write=False) as s:
        return {i.id: i for i in schedule.list_items(s)}


def test_place_push_undo_redo(edits, db: Database, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.commands import PlaceItemCommand

    stack, d1 = edits.stack, small.days[1]
    chip = item(db, small.items["芯片"])
    stack.push(PlaceItemCommand(edits, chip, start=at(d1, "13:00"), end=at(d1, "14:30"),
                                room_id=small.rooms["主会场"]))
    wait(qtbot, edits)
    moved = item(db, chip.id)
    assert (moved.start, moved.end, moved.room_id) == (at(d1, "13:00"), at(d1, "14:30"),
                                                       small.rooms["主会场"])
    stack.undo()
    wait(qtbot, edits)
    assert item(db, chip.id) == chip
    stack.redo()
    wait(qtbot, edits)
    assert item(db, chip.id) == moved
    assert edits.sentences == []


def test_undo_right_after_push_runs_after_the_write(edits, db: Database, small: Small,
                                                    qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.commands import PlaceItemCommand

    before = items(db)
    d0 = small.days[0]
    opening = before[small.items["开幕"]]
    for minute in ("09:05", "09:10", "09:15"):  # a burst, nothing waited for
        edits.stack.push(PlaceItemCommand(edits, opening, start=at(d0, minute),
                                          end=at(d0, "10:30"), room_id=opening.room_id))
    edits.stack.undo()
    edits.stack.undo()
    wait(qtbot, edits)
    assert item(db, opening.id).start == at(d0, "09:05")
    edits.stack.undo()
    edits.stack.redo()
    edits.stack.undo()
    wait(qtbot, edits)
    assert items(db) == before


def test_keyboard_nudges_merge_into_one_step(edits, db: Database, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.commands import PlaceItemCommand

    d0 = small.days[0]
    opening = item(db, small.items["开幕"])
    for n in range(1, 4):
        edits.stack.push(PlaceItemCommand(
            edits, opening, start=at(d0, f"09:{5 * n:02d}"), end=at(d0, f"10:{5 * n:02d}"),
            room_id=opening.room_id, mergeable=True))
    wait(qtbot, edits)
    assert edits.stack.count() == 1
    assert item(db, opening.id).start == at(d0, "09:15")
    edits.stack.undo()
    wait(qtbot, edits)
    assert item(db, opening.id) == opening
    edits.stack.redo()
    wait(qtbot, edits)
    assert item(db, opening.id).end == at(d0, "10:15")


def test_failed_edit_leaves_the_stack_and_says_why(edits, db: Database, small: Small,
                                                  qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk import messages
    from eventdesk.ui.schedule.commands import EditItemCommand, PlaceItemCommand

    before = items(db)
    d0 = small.days[0]
    opening = before[small.items["开幕"]]
    bad = PlaceItemCommand(edits, opening, start=at(d0, "11:00"), end=at(d0, "10:00"),
                           room_id=opening.room_id)
    edits.stack.push(bad)
    assert edits.stack.count() == 1  # pushed at once; the database answers later
    wait(qtbot, edits)
    assert edits.stack.count() == 0 and not edits.stack.canUndo()
    assert items(db) == before
    messages.set_language("zh")
    assert edits.sentences == ["未完成：结束时间须晚于开始时间"]
    # A refused edit followed at once by a good one: the good one stays, the refused one
    # is dropped as soon as undo passes over it, and its undo never runs.
    edits.stack.push(EditItemCommand(edits, opening, replace(opening.as_input(), title_zh=" ")))
    edits.stack.push(PlaceItemCommand(edits, opening, start=at(d0, "08:00"),
                                      end=at(d0, "09:00"), room_id=opening.room_id))
    wait(qtbot, edits)
    assert len(edits.sentences) == 2 and item(db, opening.id).start == at(d0, "08:00")
    assert item(db, opening.id).title_zh == opening.title_zh
    edits.stack.undo()
    edits.stack.undo()
    wait(qtbot, edits)
    assert edits.stack.count() == 1 and edits.stack.index() == 0
    assert items(db) == before


def test_failed_undo_leaves_the_command_done(edits, db: Database, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.commands import PlaceItemCommand

    d0 = small.days[0]
    chip = item(db, small.items["芯片"])
    edits.stack.push(PlaceItemCommand(edits, chip, start=at(d0, "16:00"), end=at(d0, "17:00"),
                                      room_id=chip.room_id))
    wait(qtbot, edits)
    with db.unit_of_work() as s:  # another desk deletes the item meanwhile
        schedule.delete_item(s, item_id=chip.id)
    edits.stack.undo()
    wait(qtbot, edits)
    assert edits.stack.index() == 1 and edits.stack.canUndo()  # still done: nothing was undone
    assert len(edits.sentences) == 1 and "没有编号为" in edits.sentences[0]


def test_create_edit_delete_keep_ids_and_restore_exactly(edits, db: Database, small: Small,
                                                        qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.commands import (
        CreateItemCommand,
        DeleteItemCommand,
        EditItemCommand,
    )

    before = items(db)
    stack = edits.stack
    create = CreateItemCommand(edits, schedule.ItemInput(title_zh="茶歇", kind="break"))
    stack.push(create)
    wait(qtbot, edits)
    new_id = create.item_id
    assert new_id is not None and item(db, new_id).title_zh == "茶歇"
    panel = before[small.items["圆桌"]]
    stack.push(EditItemCommand(edits, panel, replace(
        panel.as_input(), title_zh="圆桌（改）", speakers=(small.people["李娜"],),
        moderators=(small.people["赵昇"],))))
    stack.push(DeleteItemCommand(edits, before[small.items["芯片"]]))
    wait(qtbot, edits)
    after = items(db)
    assert small.items["芯片"] not in after and after[panel.id].title_zh == "圆桌（改）"
    while stack.canUndo():
        stack.undo()
    wait(qtbot, edits)
    assert items(db) == before
    while stack.canRedo():
        stack.redo()
    wait(qtbot, edits)
    assert items(db) == after and create.item_id == new_id


def test_room_and_unavailability_commands(edits, db: Database, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.commands import SaveRoomCommand, UnavailabilityCommand

    def rooms() -> list[schedule_rooms.RoomRow]:
        with db.unit_of_work(write=False) as s:
            return schedule_rooms.list_rooms(s)

    def away() -> list[UnavailableRow]:
        with db.unit_of_work(write=False) as s:
            return schedule_rooms.list_unavailability(s)

    stack, d1 = edits.stack, small.days[1]
    first = rooms()
    side = first[1]
    stack.push(SaveRoomCommand(edits, side, replace(side, capacity=100, windows=(
        (at(d1, "08:00"), at(d1, "12:00")),))))
    stack.push(SaveRoomCommand(edits, None, replace(side, id=0, name="新厅", windows=())))
    stack.push(UnavailabilityCommand(edits, UnavailableRow(0, small.people["王芳"],
                                                           at(d1, "08:00"), at(d1, "09:30"))))
    wait(qtbot, edits)
    changed = rooms()
    assert [r.name for r in changed] == ["主会场", "分会场一", "小会议室", "新厅"]
    assert changed[1].capacity == 100 and len(changed[1].windows) == 1
    added = away()
    assert [a.person_id for a in added] == [small.people["王芳"]]
    stack.push(UnavailabilityCommand(edits, added[0], remove=True))
    wait(qtbot, edits)
    assert away() == []
    while stack.canUndo():
        stack.undo()
    wait(qtbot, edits)
    assert rooms() == first and away() == []
    while stack.canRedo():
        stack.redo()
    wait(qtbot, edits)
    assert rooms() == changed and away() == []
    assert edits.sentences == []

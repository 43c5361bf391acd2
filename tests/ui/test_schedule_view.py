from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from eventdesk.services.schedule import conflicts as sc
from eventdesk.services.schedule import items as schedule
from eventdesk.storage import Database
from eventdesk.ui.schedule.grid import COL_W, ScheduleGrid
from tests.schedule_data import Small, at, build_small, window_context


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


@pytest.fixture
def ctx(db: Database, small: Small):  # type: ignore[no-untyped-def]
    return window_context(db)


@pytest.fixture
def view(qtbot, ctx):  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.view import create_view

    widget = create_view(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    settle(qtbot, widget)
    return widget


def settle(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """Wait until the edits asked for are written and the view has reloaded from them."""
    qtbot.waitUntil(view.is_settled)


def item(db: Database, item_id: int) -> schedule.ItemRow:
    with db.unit_of_work(write=False) as s:
        return schedule.get_item(s, item_id=item_id)


def point_for(grid: ScheduleGrid, room_id: int, minute: float) -> QPoint:
    """Viewport point of a room column's middle at a minute of the day: where staff point."""
    col = next(i for i, r in enumerate(grid.rooms) if r.id == room_id)
    return grid.mapFromScene(QPointF(col * COL_W + COL_W / 2, grid.y_of(minute)))


def drag(grid, src: QPoint, dst: QPoint) -> None:  # type: ignore[no-untyped-def]
    vp = grid.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, src)
    steps = 6
    for i in range(1, steps + 1):
        p = src + (dst - src) * (i / steps)
        QTest.mouseMove(vp, p)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, dst)


def test_drag_between_rooms_updates_database_and_panel(view, db: Database, small: Small,
                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = view.grid
    assert view.conflicts() == []
    chip = small.items["芯片"]  # 10:30–12:00 in 分会场一
    src = point_for(grid, small.rooms["分会场一"], 11 * 60)  # grab the block at 11:00
    dst = point_for(grid, small.rooms["主会场"], 9 * 60 + 30)  # 90 minutes earlier, next room
    live: list[list[sc.Conflict]] = []
    grid.live_conflicts.connect(live.append)
    drag(grid, src, dst)
    settle(qtbot, view)
    moved = item(db, chip)
    assert moved.room_id == small.rooms["主会场"]
    assert moved.start == at(small.days[0], "09:00")
    assert moved.end == at(small.days[0], "10:30")
    assert any(found and found[0].kind == sc.ROOM_DOUBLE_BOOKED for found in live)
    assert [c.kind for c in view.conflicts()] == [sc.ROOM_DOUBLE_BOOKED]
    assert view.undo_stack.count() == 1
    view.undo_stack.undo()
    settle(qtbot, view)
    back = item(db, chip)
    assert (back.start, back.room_id) == (at(small.days[0], "10:30"), small.rooms["分会场一"])
    assert view.conflicts() == []


def test_resize_by_dragging_the_bottom_edge(view, db: Database, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = view.grid
    block = grid.blocks[small.items["开幕"]]  # 09:00–10:00
    bottom = grid.mapFromScene(block.rect.center().x(), block.rect.bottom() - 2)
    drag(grid, bottom, bottom + QPoint(0, int(30 * grid.ppm)))
    settle(qtbot, view)
    assert item(db, small.items["开幕"]).end == at(small.days[0], "10:30")


def test_keyboard_moves_and_merges_into_one_undo_step(view, db: Database, small: Small,
                                                     qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = view.grid
    grid.setFocus()
    grid.select(small.items["开幕"])
    for _ in range(3):
        QTest.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, view)
    row = item(db, small.items["开幕"])
    assert row.start == at(small.days[0], "09:15")
    assert row.room_id == small.rooms["分会场一"]
    assert view.undo_stack.count() == 1
    view.undo_stack.undo()
    settle(qtbot, view)
    assert item(db, small.items["开幕"]).start == at(small.days[0], "09:00")


def test_place_from_unscheduled_list(view, db: Database, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert view.unscheduled.count() == 1
    view.grid.cursor_cell = (1, 16 * 60)
    view.unscheduled.setCurrentRow(0)
    view.place_selected_unscheduled()
    settle(qtbot, view)
    row = item(db, small.items["未排"])
    assert row.start == at(small.days[0], "16:00") and row.room_id == small.rooms["分会场一"]
    assert view.unscheduled.count() == 0
    view.undo_stack.undo()
    settle(qtbot, view)
    assert not item(db, small.items["未排"]).scheduled


def test_undo_redo_round_trip_on_bare_stack(ctx, db: Database, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.commands import (
        CreateItemCommand,
        DeleteItemCommand,
        EditItemCommand,
        PlaceItemCommand,
        ScheduleEdits,
    )

    stack = QUndoStack()
    edits = ScheduleEdits(ctx, stack)

    def push(command) -> None:  # type: ignore[no-untyped-def]
        stack.push(command)
        qtbot.waitUntil(edits.is_idle)

    before = {i.id: i for i in schedule_items(db)}
    opening = before[small.items["开幕"]]
    d1 = small.days[1]
    push(PlaceItemCommand(edits, opening, start=at(d1, "13:00"), end=at(d1, "14:00"),
                          room_id=small.rooms["小会议室"]))
    push(EditItemCommand(edits, item(db, opening.id), schedule.ItemInput(
        **{**item(db, opening.id).as_input().__dict__, "title_zh": "新标题",
           "speakers": (small.people["李娜"], small.people["王芳"])})))
    push(DeleteItemCommand(edits, item(db, small.items["圆桌"])))
    push(CreateItemCommand(edits, schedule.ItemInput(title_zh="茶歇", kind="break")))
    push(PlaceItemCommand(edits, item(db, small.items["未排"]), start=at(d1, "15:00"),
                          end=at(d1, "15:45"), room_id=small.rooms["主会场"]))
    after = {i.id: i for i in schedule_items(db)}
    assert after != before and stack.count() == 5
    while stack.canUndo():
        stack.undo()
    qtbot.waitUntil(edits.is_idle)
    assert {i.id: i for i in schedule_items(db)} == before
    while stack.canRedo():
        stack.redo()
    qtbot.waitUntil(edits.is_idle)
    assert {i.id: i for i in schedule_items(db)} == after


def schedule_items(db: Database) -> list[schedule.ItemRow]:
    with db.unit_of_work(write=False) as s:
        return schedule.list_items(s)


def test_room_filter_and_groups(view, small: Small) -> None:  # type: ignore[no-untyped-def]
    assert [r.name for r in view.grid.rooms] == ["主会场", "分会场一", "小会议室"]
    view.group.setCurrentText("B馆")
    assert [r.name for r in view.grid.rooms] == ["小会议室"]
    view.group.setCurrentIndex(0)
    view.filter.setText("分会场")
    assert [r.name for r in view.grid.rooms] == ["分会场一"]
    assert set(view.grid.blocks) == {small.items["芯片"]}



def test_rooms_in_use_filter(view, small: Small) -> None:  # type: ignore[no-untyped-def]
    view.days.setCurrentIndex(1)
    view.in_use.setChecked(True)
    assert [r.name for r in view.grid.rooms] == ["分会场一"]
    view.in_use.setChecked(False)
    assert len(view.grid.rooms) == 3


def test_drop_from_unscheduled_list(view, db: Database, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    from eventdesk.ui.schedule.grid import MIME

    grid = view.grid
    mime = view.unscheduled.mimeData([view.unscheduled.item(0)])
    assert isinstance(mime, QMimeData) and mime.hasFormat(MIME)
    pos = point_for(grid, small.rooms["小会议室"], 15 * 60)
    event = QDropEvent(QPointF(pos), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    grid.dropEvent(event)
    settle(qtbot, view)
    row = item(db, small.items["未排"])
    assert (row.start, row.end) == (at(small.days[0], "15:00"), at(small.days[0], "15:45"))
    assert row.room_id == small.rooms["小会议室"]
    assert view.undo_stack.count() == 1


def test_editor_dialog_edits_as_one_undo_step(view, db: Database, small: Small,
                                              monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTime

    from eventdesk.ui.schedule import editor

    def fill(dialog: editor.ItemEditor) -> int:
        dialog.title_zh.setText("国产芯片论坛（改）")
        dialog.end.setTime(QTime(12, 30))
        dialog.speakers.setText("李娜、张伟（华为）")
        dialog.moderators.setText("王芳")
        dialog.accept()  # the names are matched off the GUI thread, then the dialog closes
        qtbot.waitUntil(lambda: dialog.result_input is not None)
        return 1

    monkeypatch.setattr(editor.ItemEditor, "exec", fill)
    view.edit_item(small.items["芯片"])
    settle(qtbot, view)
    row = item(db, small.items["芯片"])
    assert row.title_zh == "国产芯片论坛（改）" and row.end == at(small.days[0], "12:30")
    assert [p.person_id for p in row.speakers] == [small.people["李娜"], small.people["张伟2"]]
    assert [p.person_id for p in row.moderators] == [small.people["王芳"]]
    view.undo_stack.undo()
    settle(qtbot, view)
    back = item(db, small.items["芯片"])
    assert back.title_zh == "国产芯片论坛" and [p.person_id for p in back.people] == [
        small.people["李娜"]]


def test_editor_refuses_ambiguous_speaker(ctx, small: Small, qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.editor import ItemEditor

    with ctx.db.unit_of_work(write=False) as s:
        sched = schedule.load_schedule(s)
    dialog = ItemEditor(ctx, sched, None)
    qtbot.addWidget(dialog)
    dialog.title_zh.setText("新会议")
    dialog.speakers.setText("张伟")
    dialog.accept()  # matched off the GUI thread: two people are called 张伟
    qtbot.waitUntil(lambda: "张伟" in dialog.error.text())
    assert dialog.result_input is None
    dialog.speakers.setText("张伟（海光信息）")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result_input is not None)
    data = dialog.result_input
    assert data is not None and data.speakers == (small.people["张伟"],) and data.start is None


def test_rooms_and_unavailability_dialog_with_undo(view, db: Database, small: Small,
                                                   qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.rooms import RoomsDialog, parse_windows

    dialog = RoomsDialog(view, view.ctx, view.edits)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.rooms.rowCount() == 3)
    # Shrink 分会场一 to 100 seats: 国产芯片论坛 (150 expected) no longer fits.
    before = dialog._rooms[1]
    from dataclasses import replace

    from eventdesk.ui.schedule.commands import SaveRoomCommand

    view.undo_stack.push(SaveRoomCommand(view.edits, before, replace(before, capacity=100)))
    settle(qtbot, view)
    assert [c.kind for c in view.conflicts()] == [sc.ROOM_TOO_SMALL]
    # 王芳 away on day 2 morning: clashes with AI应用实践 (09:00–10:00).
    dialog.refresh()
    dialog.who.setText("王芳")
    dialog.day.setCurrentIndex(1)
    dialog.add_unavailable()  # the speaker is looked up off the GUI thread, then the edit made
    qtbot.waitUntil(lambda: dialog.away.rowCount() == 1)
    settle(qtbot, view)
    assert dialog.away.rowCount() == 1 and dialog.away.item(0, 0).text() == "王芳"
    assert {c.kind for c in view.conflicts()} == {sc.ROOM_TOO_SMALL, sc.SPEAKER_UNAVAILABLE}
    view.undo_stack.undo()
    view.undo_stack.undo()
    settle(qtbot, view)
    assert view.conflicts() == []
    windows = parse_windows("08:00–12:00\n2025-05-21 13:00-17:00", view.ctx.event_info)
    assert len(windows) == 4 and windows[-1][0] == at(small.days[1], "13:00")


def test_exports_from_the_view_run_in_background(view, small: Small, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui import ops
    from eventdesk.ui.schedule.export_menu import ExportMenu, export_file

    assert isinstance(view.findChild(ExportMenu), ExportMenu)
    messages: list[str] = []
    view.grid.select(small.items["芯片"])
    assert view.selected_room_name() == "分会场一"
    export_file(view.ctx, tmp_path / "room.pdf", room=view.selected_room_name(),
                on_done=messages.append)
    export_file(view.ctx, tmp_path / "s.ics", on_done=messages.append)
    ops.wait_idle()
    assert (tmp_path / "room.pdf").read_bytes().startswith(b"%PDF")
    assert b"BEGIN:VCALENDAR" in (tmp_path / "s.ics").read_bytes()
    assert len(messages) == 2 and any("1 页" in m for m in messages)

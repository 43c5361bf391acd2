"""The rooms dialog (issue 11, kind 13): an organiser writes a room's availability over midnight
and until 24:00, a session across midnight stops being reported, and bad input is told in a
sentence; the speaker look-up of the unavailable-time tab runs off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from eventdesk.services.schedule import conflicts as sc
from eventdesk.services.schedule import items as schedule
from eventdesk.storage import Database
from eventdesk.ui.schedule import rooms as rooms_ui
from tests.schedule_data import Small, at, build_small, window_context
from tests.ui.threads import no_database_on_the_gui_thread


@pytest.fixture
def small(db: Database) -> Small:
    small = build_small(db)
    with db.unit_of_work() as s:  # a late roadshow in 小会议室 (open 08:00–18:00 days 1 and 2)
        small.items["夜场"] = schedule.create_item(s, data=schedule.ItemInput(
            title_zh="夜间路演", kind="talk", start=at(small.days[0], "23:00"),
            end=at(small.days[1], "01:00"), room_id=small.rooms["小会议室"])).id
    return small


@pytest.fixture
def view(qtbot, db: Database, small: Small):  # type: ignore[no-untyped-def]
    from eventdesk.ui.schedule.view import create_view

    widget = create_view(window_context(db))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.is_settled)
    return widget


def type_lines(editor: rooms_ui.RoomEditor, *lines: str) -> None:
    """Type the availability as an organiser does, Enter between lines."""
    editor.windows.clear()
    for i, line in enumerate(lines):
        if i:
            QTest.keyClick(editor.windows, Qt.Key.Key_Return)
        QTest.keyClicks(editor.windows, line)


def test_room_open_over_midnight_clears_the_night_session(
        view, qtbot, small: Small, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    night = small.items["夜场"]
    assert [c.kind for c in view.conflicts() if night in c.item_ids] == [
        sc.OUTSIDE_ROOM_AVAILABILITY]
    seen: dict[str, str] = {}

    def fill(editor: rooms_ui.RoomEditor) -> int:
        type_lines(editor, "2025-05-20 24:00-08:00")  # 24:00 is no start
        editor.accept()
        seen["bad"] = editor.error.text()
        type_lines(editor, "2025-05-20 08:00-24:00", "2025-05-21 00:00-18:00")
        editor.accept()
        seen["after"] = editor.error.text()
        return int(editor.result_row is not None)

    monkeypatch.setattr(rooms_ui.RoomEditor, "exec", fill)
    dialog = rooms_ui.RoomsDialog(view, view.ctx, view.edits)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.rooms.rowCount() == 3)
    row = next(i for i, r in enumerate(dialog._rooms) if r.name == "小会议室")
    dialog.edit_room(row)
    qtbot.waitUntil(view.is_settled)
    assert seen["bad"] == "第 1 行：24:00 不是一天中的时刻（00:00–23:59，结束可写 24:00）"
    assert seen["after"] == ""
    assert not any(night in c.item_ids for c in view.conflicts())
    # Saved as one window across midnight, and listed so.
    qtbot.waitUntil(lambda: dialog.rooms.item(row, 5).text() == "2025-05-20 08:00–2025-05-21 18:00")
    view.undo_stack.undo()
    qtbot.waitUntil(view.is_settled)
    assert [c.kind for c in view.conflicts() if night in c.item_ids] == [
        sc.OUTSIDE_ROOM_AVAILABILITY]


def test_every_night_until_two_is_written_as_it_reads(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = rooms_ui.RoomEditor(view.ctx.event_info, None, view)
    qtbot.addWidget(editor)
    editor.name.setText("酒会厅")
    type_lines(editor, "18:00-02:00")
    editor.accept()
    assert editor.error.text() == ""
    assert editor.result_row is not None
    shown = rooms_ui.windows_text(editor.result_row.windows, view.ctx.event_info)
    assert shown.splitlines() == ["2025-05-20 18:00–02:00", "2025-05-21 18:00–02:00",
                                  "2025-05-22 18:00–02:00"]


def test_speaker_look_up_runs_off_the_gui_thread(
        view, qtbot, small: Small, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = rooms_ui.RoomsDialog(view, view.ctx, view.edits)
    qtbot.addWidget(dialog)
    with no_database_on_the_gui_thread(view.ctx.db):
        dialog.who.setText("没有此人")
        dialog.add_unavailable()
        qtbot.waitUntil(lambda: "没有此人" in dialog.away_error.text())
        assert dialog.away_error.text() == "找不到嘉宾“没有此人”（同名者请写 姓名（公司））"
        dialog.who.setText("王芳")
        dialog.day.setCurrentIndex(1)
        dialog.add_unavailable()
        qtbot.waitUntil(lambda: dialog.away.rowCount() == 1)
    assert dialog.away.item(0, 0).text() == "王芳"


def test_editor_sets_a_session_over_midnight_and_matches_speakers_off_the_gui_thread(
        view, qtbot, db: Database, small: Small, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTime

    from eventdesk.ui.schedule.editor import ItemEditor

    with db.unit_of_work(write=False) as s:
        night = schedule.get_item(s, item_id=small.items["夜场"])
    opened = ItemEditor(view.ctx, view.schedule, night)  # 23:00 to 01:00 the next day
    qtbot.addWidget(opened)
    assert opened.next_day.isChecked()
    assert opened.build_input() == night.as_input()
    opened.end.setTime(QTime(1, 30))  # a little longer: still over midnight
    data = opened.build_input()
    assert data is not None and data.end == at(small.days[1], "01:30")

    editor = ItemEditor(view.ctx, view.schedule, None)
    qtbot.addWidget(editor)
    editor.title_zh.setText("跨年夜论坛")
    editor.unscheduled.setChecked(False)
    editor.start.setTime(QTime(23, 30))
    editor.end.setTime(QTime(0, 30))
    editor.speakers.setText("王芳")
    with no_database_on_the_gui_thread(view.ctx.db):
        editor.accept()
        assert editor.error.text() == "结束时间须晚于开始时间"  # the same day: not possible
        editor.next_day.setChecked(True)
        editor.accept()
        qtbot.waitUntil(lambda: editor.result_input is not None)
    data = editor.result_input
    assert data is not None
    assert (data.start, data.end) == (at(small.days[0], "23:30"), at(small.days[1], "00:30"))
    assert data.speakers == (small.people["王芳"],)

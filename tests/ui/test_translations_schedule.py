"""The schedule area in one language at a time (issue 13): the view (toolbars, day tabs, room
header, blocks' tool tips, unscheduled list, conflict panel), the agenda item editor, the rooms
dialog and its room editor, the export menu, its file dialog and its message boxes, and the
undo/redo actions after an edit — each opened as an organiser does, in Chinese and in English,
and walked text by text (tests/ui/i18n_walk.py)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk.services.schedule import items as schedule
from eventdesk.storage import Database
from eventdesk.ui.schedule import editor as editor_ui
from eventdesk.ui.schedule import rooms as rooms_ui
from eventdesk.ui.schedule.export_menu import ExportMenu
from eventdesk.ui.schedule.view import RoomHeader, ScheduleView
from tests.schedule_data import Small, at, build_small, window_context
from tests.ui.i18n_walk import data_texts, problems

LANGS = ("zh", "en")
# What an organiser types that is in no table yet (a name that matches nobody).
TYPED = ["没有此人", "Nobody Here"]


@pytest.fixture
def small(db: Database) -> Small:
    """The small programme with two conflicts, so the panel, the blocks' tool tips and the live
    warning have something to say."""
    small = build_small(db)
    with db.unit_of_work() as s:
        small.items["撞车"] = schedule.create_item(s, data=schedule.ItemInput(
            title_zh="算力专场", title_en="Compute session", kind="panel",
            start=at(small.days[0], "09:30"), end=at(small.days[0], "10:30"),
            room_id=small.rooms["主会场"], expected_audience=60)).id
        small.items["太挤"] = schedule.create_item(s, data=schedule.ItemInput(
            title_zh="开发者沙龙", kind="forum", start=at(small.days[1], "14:00"),
            end=at(small.days[1], "15:00"), room_id=small.rooms["小会议室"],
            expected_audience=90)).id
    return small


@pytest.fixture
def open_view(qtbot, db: Database, small: Small,  # type: ignore[no-untyped-def]
              in_language: Callable[[str], None]) -> Callable[[str], ScheduleView]:
    """`open_view(lang)`: the schedule view, built after `lang` is installed, settled."""

    def make(lang: str) -> ScheduleView:
        from eventdesk.ui.schedule.view import create_view

        in_language(lang)
        view = create_view(window_context(db))
        assert isinstance(view, ScheduleView)
        qtbot.addWidget(view)
        view.resize(1400, 800)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(view.is_settled)
        return view
    return make


def data(db: Database) -> list[str]:
    return [*data_texts(db), *TYPED]


def text_problems(texts: Iterable[str], lang: str, known: list[str]) -> list[str]:
    """The walk of texts that no widget holds (painted, or tool tips of graphics items)."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    for text in texts:
        layout.addWidget(QLabel(text))
    try:
        return problems(holder, lang, data=known)
    finally:
        holder.deleteLater()


def button(parent: QWidget, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, (text, [b.text() for b in parent.findChildren(QPushButton)])
    return found[0]


def ok_button(dialog: QWidget) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    return ok


@pytest.mark.parametrize("lang", LANGS)
def test_the_schedule_view_is_in_the_chosen_language(  # type: ignore[no-untyped-def]
        open_view, db: Database, small: Small, lang: str) -> None:
    view = open_view(lang)
    known = data(db)
    assert view.conflicts(), "the fixture's conflicts are listed"
    assert problems(view, lang, data=known) == []
    # Painted or held by graphics items, out of the widget walk's reach: the day tabs, the room
    # header's seats and group, the blocks' tool tips (conflicts included), the live warning.
    days = [view.days.tabText(i) for i in range(view.days.count())]
    header = view.findChild(RoomHeader)
    assert header is not None
    details = [header.detail(room) for room in view.grid.rooms]
    tips = [block.toolTip() for block in view.grid.blocks.values()]
    view.show_live(list(view.conflicts()))
    assert any("⚠" in tip for tip in tips)
    assert text_problems([*days, *details, *tips, view.live.text()], lang, known) == []
    if lang == "en":
        assert days == ["Tue, May 20", "Wed, May 21", "Thu, May 22"]
        assert "1,000 seats · A馆" in details
        assert view.conflict_title.text() == "<b>Conflicts</b> (2)"
    else:
        assert days == ["5月20日 周二", "5月21日 周三", "5月22日 周四"]
        assert "1,000 座 · A馆" in details
        assert view.conflict_title.text() == "<b>冲突</b>（2）"


def opened(monkeypatch: pytest.MonkeyPatch, kind: type[QDialog]) -> list[Any]:
    """Dialogs of `kind` as they open: shown, not run modally (exec returns at once, as after
    Cancel), so the test goes on at the top of the event loop with the dialog on screen."""
    shown: list[Any] = []

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        shown.append(dialog)
        return 0

    monkeypatch.setattr(kind, "exec", exec_)
    return shown


@pytest.mark.parametrize("lang", LANGS)
def test_the_agenda_item_editor_is_in_the_chosen_language(  # type: ignore[no-untyped-def]
        open_view, qtbot, db: Database, small: Small, lang: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_view(lang)
    known = data(db)
    editors = opened(monkeypatch, editor_ui.ItemEditor)
    view.grid.setFocus()
    view.grid.select(small.items["开幕"])
    QTest.keyClick(view.grid, Qt.Key.Key_Return)  # Enter on a block: its editor
    QTest.mouseClick(button(view, "New session" if lang == "en" else "新建会议"),
                     Qt.MouseButton.LeftButton)
    edit, new = editors
    assert edit.item is not None and new.item is None
    assert problems(new, lang, data=known) == []
    assert problems(edit, lang, data=known) == []
    # The form's own mistake, then a speaker nobody is called, as shown under the form.
    edit.title_zh.clear()
    QTest.mouseClick(ok_button(edit), Qt.MouseButton.LeftButton)
    assert edit.error.text()
    assert problems(edit, lang, data=known) == []
    edit.title_zh.setText("开幕主旨演讲")  # QTest types ASCII only
    edit.speakers.setText(TYPED[0] if lang == "zh" else TYPED[1])
    QTest.mouseClick(ok_button(edit), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(edit.error.text()))
    assert problems(edit, lang, data=known) == []
    assert edit.error.text() == ("Speakers not matched: Nobody Here (no such person)"
                                 if lang == "en" else "嘉宾未匹配：没有此人（找不到此人）")
    for dialog in editors:
        dialog.reject()


@pytest.mark.parametrize("lang", LANGS)
def test_the_rooms_dialog_and_room_editor_are_in_the_chosen_language(  # type: ignore[no-untyped-def]
        open_view, qtbot, db: Database, small: Small, lang: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_view(lang)
    known = data(db)
    listed = opened(monkeypatch, rooms_ui.RoomsDialog)
    editors = opened(monkeypatch, rooms_ui.RoomEditor)
    QTest.mouseClick(button(view, "Rooms…" if lang == "en" else "会议室…"),
                     Qt.MouseButton.LeftButton)
    (dialog,) = listed
    qtbot.waitUntil(lambda: dialog.rooms.rowCount() == 3)
    assert problems(dialog, lang, data=known) == []
    # A speaker's unavailable time: one nobody is called, then one who exists.
    dialog.who.setText(TYPED[0])
    QTest.mouseClick(button(dialog, "Add" if lang == "en" else "添加"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.away_error.text()))
    assert problems(dialog, lang, data=known) == []
    dialog.who.setText("王芳")
    QTest.mouseClick(button(dialog, "Add" if lang == "en" else "添加"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.away.rowCount() == 1)
    assert problems(dialog, lang, data=known) == []
    assert dialog.away.item(0, 1).text() == ("Tue, May 20, 2025 09:00" if lang == "en"
                                             else "2025年5月20日 周二 09:00")
    QTest.mouseClick(button(dialog, "Add room" if lang == "en" else "新增会议室"),
                     Qt.MouseButton.LeftButton)
    (editor,) = editors
    assert problems(editor, lang, data=known) == []
    editor.name.setText("新厅")
    QTest.keyClicks(editor.windows, "25:00-26:00")
    QTest.mouseClick(ok_button(editor), Qt.MouseButton.LeftButton)
    assert editor.error.text()
    assert problems(editor, lang, data=[*known, "新厅", "25:00-26:00"]) == []
    editor.reject()
    dialog.reject()


@pytest.mark.parametrize("lang", LANGS)
def test_the_export_menu_its_file_dialog_and_messages_are_in_the_chosen_language(  # type: ignore[no-untyped-def]
        open_view, qtbot, db: Database, small: Small, lang: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_view(lang)
    known = data(db)
    menu = button(view, "Export" if lang == "en" else "导出").menu()
    assert isinstance(menu, ExportMenu)
    assert problems(menu, lang, data=known) == []
    asked: list[tuple[str, str]] = []
    answer: dict[str, str] = {"path": ""}

    def save_as(_parent: QWidget, caption: str, _where: str, filters: str,
                *_a: Any) -> tuple[str, str]:
        asked.append((caption, filters))
        return answer["path"], filters

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    for box in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, box, staticmethod(
            lambda _p, title, text, *_a, kind=box: shown.append((kind, f"{title}\n{text}"))))
    for action in menu.actions():
        if not action.isSeparator():
            action.trigger()  # the file dialog, cancelled
    assert len(asked) == 6
    assert text_problems([t for pair in asked for t in pair], lang, known) == []
    assert all(f.endswith(("(*.pdf)", "(*.ics)", "(*.xlsx)", "(*.csv)")) for _c, f in asked)
    # Written: where it went; not written (a file where the folder should be): why.
    answer["path"] = str(tmp_path / "schedule.csv")
    next(a for a in menu.actions() if ".csv" in a.text()).trigger()
    (tmp_path / "file").write_text("")
    answer["path"] = str(tmp_path / "file" / "schedule.ics")
    next(a for a in menu.actions() if ".ics" in a.text()).trigger()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=30_000)
    assert sorted(kind for kind, _text in shown) == ["information", "warning"]
    # The system's own reason (strerror, in the machine's C library language) is not ours.
    system = [os.strerror(errno.ENOTDIR)]
    assert text_problems([text for _kind, text in shown], lang, [*known, *system]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_undo_and_redo_name_the_edit_in_the_chosen_language(  # type: ignore[no-untyped-def]
        open_view, qtbot, db: Database, small: Small, lang: str) -> None:
    view = open_view(lang)
    known = data(db)
    undo, redo = view.actions()[:2]
    grid = view.grid
    grid.setFocus()
    grid.select(small.items["芯片"])
    QTest.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # 5 minutes later
    qtbot.waitUntil(view.is_settled)
    # The session's English title in English (ui.i18n.either), its Chinese one in Chinese.
    assert undo.text() == ("Undo Move “EN 国产芯片论坛”" if lang == "en"
                           else "撤销 移动“国产芯片论坛”")
    assert problems(view, lang, data=known) == []
    # The button says only the word; the edit it undoes is its tool tip.
    word = next(b for b in view.findChildren(QToolButton) if b.toolTip() == undo.text())
    assert word.text() == ("Undo" if lang == "en" else "撤销") and word.isEnabled()
    QTest.keyClick(grid, Qt.Key.Key_Delete)  # unschedule it
    qtbot.waitUntil(view.is_settled)
    assert undo.text() == ("Undo Unschedule “EN 国产芯片论坛”" if lang == "en"
                           else "撤销 取消排期“国产芯片论坛”")
    undo.trigger()
    qtbot.waitUntil(view.is_settled)
    assert redo.text() == ("Redo Unschedule “EN 国产芯片论坛”" if lang == "en"
                           else "重做 取消排期“国产芯片论坛”")
    assert problems(view, lang, data=known) == []
    # An edit the database refuses (the end before the start): why, under the panel.
    before = grid.item_by_id(small.items["圆桌"])
    assert before is not None and before.room_id is not None
    view.place(before.id, at(small.days[0], "15:00"), at(small.days[0], "14:00"),
               before.room_id)
    qtbot.waitUntil(lambda: bool(view.notice.text()))
    qtbot.waitUntil(view.is_settled)
    assert view.notice.text() == ("Not done: The end must be after the start" if lang == "en"
                                  else "未完成：结束时间须晚于开始时间")
    assert problems(view, lang, data=known) == []

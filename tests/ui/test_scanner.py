"""The scanner always wins: a scanner burst anywhere in the program is a scan at the desk.

Driven as at the show: the main window open, the operator somewhere (the walk-in form, the
people list's filter, the schedule, a dialog of any kind), a USB scanner typing a badge's payload
and Enter within a few milliseconds. The person is checked in at the desk; no field keeps the
payload, no dialog's default button fires, nobody is created.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from eventdesk.domain import names
from eventdesk.services import people
from eventdesk.services.events import get_event
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk.view import DeskView
from eventdesk.ui.desk.walkin import WalkInDialog
from eventdesk.ui.main_window import MainWindow
from tests.services.checkin_cases import count, payload_of
from tests.ui.keys import scanner
from tests.users import ADMIN


def _settings(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "cfg"))
    settings = QSettings("EventDesk", "EventDesk")
    settings.clear()
    for key, value in {"desk/name": "3", "desk/printer": "pdf", "desk/sounds": False,
                       "desk/auto_print": False, "desk/pdf_dir": str(tmp_path / "badges")}.items():
        settings.setValue(key, value)
    settings.sync()


def _open_window(qtbot, event_db: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    window = MainWindow(AppContext(event_db, event, "tester", user=ADMIN))
    qtbot.addWidget(window)
    window.show_view("desk")
    window.show()
    qtbot.waitExposed(window)
    # The window is ready when its start-up work is done (as in tests/ui/test_desk.py).
    ops.wait_idle()
    window.activateWindow()
    return window


@pytest.fixture
def window(qtbot, event_db: Database, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    _settings(tmp_path)
    with event_db.unit_of_work() as s:
        for name, company in (("张伟", "中科可控"), ("李娜", "寒武纪"), ("王芳", "阿丘科技")):
            people.create_person(s, operator="t", data=PersonInput(name=name, company=company))
    w = _open_window(qtbot, event_db)
    yield w
    w.close()


def _desk(window: MainWindow) -> DeskView:
    desk = window.view("desk")
    assert isinstance(desk, DeskView)
    return desk


def _payload(db: Database, name: str) -> str:
    with db.unit_of_work(write=False) as s:
        pid = next(p.id for p in people.list_people(s, limit=None) if p.name == name)
    return payload_of(db, pid)


def _headcount(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return len(people.list_people(s, limit=None))


def _scan(widget: QWidget, payload: str) -> None:
    """A USB scanner: the payload and Enter within milliseconds, into whatever has the focus."""
    scanner(widget, payload)


def _checked_in(qtbot, window: MainWindow, name: str) -> None:  # type: ignore[no-untyped-def]
    desk = _desk(window)
    qtbot.waitUntil(lambda: desk.idle and desk.status.state == "green")
    assert name in desk.status.title.text()
    assert window.stack.currentWidget() is desk  # the desk came forward


def _inside_dialog(qtbot, open_dialog: Callable[[], object],  # type: ignore[no-untyped-def]
                   operator: Callable[[QDialog], None]) -> None:
    """Open a modal dialog the way the program does (exec) and act inside it; the dialog is
    closed afterwards whatever happened, so a failing test never hangs in exec."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QDialog)
            operator(dialog)
        finally:
            if isinstance(dialog, QDialog):
                dialog.reject()

    QTimer.singleShot(0, act)
    open_dialog()


def test_scan_into_walk_in_name_checks_in_and_creates_nobody(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, event_db: Database) -> None:
    desk = _desk(window)
    payload = _payload(event_db, "李娜")
    before = _headcount(event_db)
    seen: dict[str, object] = {}

    def operator(dialog: QDialog) -> None:
        assert isinstance(dialog, WalkInDialog)
        dialog.edits["name"].setText("王五")  # what the operator had typed so far
        dialog.edits["phone"].setText("139 0000 2222")
        name = dialog.edits["name"]
        name.setFocus()
        _scan(name, payload)
        seen.update(open=dialog.isVisible(), fields={k: e.text() for k, e in dialog.edits.items()})
        qtbot.waitUntil(lambda: desk.idle and desk.status.state != "idle")
        seen.update(status=desk.status.state, title=desk.status.title.text())

    _inside_dialog(qtbot, lambda: QTest.keyClick(desk.search, Qt.Key.Key_F2), operator)
    assert seen["open"] is True  # the scanner's Enter did not press 保存并签到
    assert seen["fields"] == {"name": "王五", "company": "", "phone": "139 0000 2222",
                              "email": "", "title": ""}
    assert seen["status"] == "green" and "李娜" in str(seen["title"])
    assert count(event_db) == 1
    assert _headcount(event_db) == before  # nobody named ED1.… was registered


def test_scan_in_people_filter_brings_the_desk_forward(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, event_db: Database) -> None:
    payload = _payload(event_db, "张伟")
    view = window.show_view("people")
    edit = view.pane.filter_edit  # type: ignore[attr-defined]
    edit.setText("阿丘")
    edit.setFocus()
    _scan(edit, payload)
    _checked_in(qtbot, window, "张伟")
    assert edit.text() == "阿丘"
    assert count(event_db) == 1


def test_scan_in_schedule_view_brings_the_desk_forward(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, event_db: Database) -> None:
    payload = _payload(event_db, "王芳")
    view = window.show_view("schedule")
    view.grid.setFocus()  # type: ignore[attr-defined]
    _scan(view.grid, payload)  # type: ignore[attr-defined]
    _checked_in(qtbot, window, "王芳")
    assert count(event_db) == 1


def test_person_typing_in_a_field_is_not_a_scan(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, event_db: Database) -> None:
    view = window.show_view("people")
    edit = view.pane.filter_edit  # type: ignore[attr-defined]
    edit.setFocus()
    QTest.keyClicks(edit, "zhangwei1", delay=80)  # a person: gaps of more than 60 ms
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "zhangwei1"
    assert window.stack.currentWidget() is view
    assert count(event_db) == 0


class _Form(QDialog):
    """A dialog with the other kinds of field a burst may land in."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.notes = QPlainTextEdit("备注：")
        self.number = QSpinBox()
        self.number.setRange(0, 10**6)
        self.number.setValue(7)
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.addItems(["展商", "观众"])
        self.accepted_by_enter = False
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._ok)
        layout = QVBoxLayout(self)
        for w in (self.notes, self.number, self.choice, buttons):
            layout.addWidget(w)

    def _ok(self) -> None:
        self.accepted_by_enter = True

    def fields(self) -> tuple[str, int, str]:
        return self.notes.toPlainText(), self.number.value(), self.choice.currentText()


@pytest.mark.parametrize("where", ["notes", "number", "choice", "no focus"])
def test_scan_in_any_dialog_field_leaves_it_untouched(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, event_db: Database, where: str) -> None:
    payload = _payload(event_db, "李娜")
    seen: dict[str, object] = {}

    def operator(dialog: QDialog) -> None:
        assert isinstance(dialog, _Form)
        before = dialog.fields()
        target: QWidget = dialog
        if where == "no focus":
            if QApplication.focusWidget() is not None:
                QApplication.focusWidget().clearFocus()
        else:
            target = getattr(dialog, where)
            target.setFocus()
            dialog.notes.moveCursor(dialog.notes.textCursor().MoveOperation.End)
        _scan(target, payload)
        seen.update(same=dialog.fields() == before, after=dialog.fields(),
                    enter=dialog.accepted_by_enter)
        qtbot.waitUntil(lambda: _desk(window).idle and _desk(window).status.state != "idle")
        seen.update(status=_desk(window).status.state)

    _inside_dialog(qtbot, lambda: _Form(window).exec(), operator)
    assert seen["same"], seen["after"]
    assert seen["enter"] is False
    assert seen["status"] == "green" and count(event_db) == 1


def _key(kind: QEvent.Type, key: int, text: str, stamp: int) -> QKeyEvent:
    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
    event.setTimestamp(stamp)
    return event


@pytest.mark.parametrize("enter_after_ms", [4, 150])
def test_burst_processed_late_is_still_one_scan(  # type: ignore[no-untyped-def]
        window: MainWindow, qtbot, event_db: Database, enter_after_ms: int) -> None:
    """Key events stamped 4 ms apart (as the scanner sent them), but the GUI thread was busy for
    a moment after the first one: one scan, not `E` + the rest. The Enter may trail the
    characters a little (a suffix sent separately, as `xdotool key Return` does)."""
    desk = _desk(window)
    payload = _payload(event_db, "李娜")
    target = desk.search
    target.setFocus()
    stamp = 5_000_000
    for i, ch in enumerate(payload):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, _key(kind, ord(ch.upper()), ch, stamp))
        stamp += 4 if i < len(payload) - 1 else enter_after_ms
        if i == 0:
            time.sleep(0.2)  # the GUI thread busy (a dictionary loading, a long redraw)
            QApplication.processEvents()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, _key(kind, Qt.Key.Key_Return, "\r", stamp))
    _checked_in(qtbot, window, "李娜")
    assert target.text() == ""
    assert count(event_db) == 1


def test_first_scan_after_the_program_starts_is_accepted(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, tmp_path: Path, monkeypatch) -> None:
    """In a fresh program the traditional/simplified dictionary is not loaded yet; loading it
    takes about 280 ms on the reference machine (while the search index builds beside it). The
    scanner's first keystroke into the desk's search field must not be the one that loads it."""
    import importlib

    _settings(tmp_path)
    with event_db.unit_of_work() as s:
        people.create_person(s, operator="t", data=PersonInput(name="赵敏", company="寒武纪"))
    payload = _payload(event_db, "赵敏")
    # As at start-up: the converter freshly imported, its dictionary not loaded, nothing cached;
    # loading it costs what it costs on the reference machine.
    for module in [m for m in sys.modules if m == "zhconv" or m.startswith("zhconv.")]:
        monkeypatch.delitem(sys.modules, module)
    converter = importlib.import_module("zhconv.zhconv")
    load = converter.loaddict

    def slow_load(*args: object) -> None:
        time.sleep(0.3)
        load(*args)

    monkeypatch.setattr(converter, "loaddict", slow_load)
    names.simplify.cache_clear()
    window = _open_window(qtbot, event_db)
    desk = _desk(window)
    desk.search.setFocus()
    _scan(desk.search, payload)
    _checked_in(qtbot, window, "赵敏")
    assert count(event_db) == 1
    window.close()

"""The people form asks before dropping unsaved edits (issue 13, desk comfort): selecting another
row, "new", Esc, switching view or closing the window with unsaved typing asks Save / Discard /
Cancel with Qt's standard buttons — driven as an organiser does, with clicks and keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from eventdesk.services import people
from eventdesk.services.events import get_event
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.people.view import PeopleView
from tests.ui.modals import Modals, click
from tests.ui.users import as_user

Button = QMessageBox.StandardButton
TIMEOUT = 10_000


@pytest.fixture
def window(event_db: Database, qapp: object, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with event_db.unit_of_work() as s:
        for name, company in (("张伟", "中科可控"), ("李娜", "曙光"), ("王芳", "光合")):
            people.create_person(s, data=PersonInput(name=name, company=company), operator="t")
        event = get_event(s)
    w = MainWindow(AppContext(event_db, event, as_user("admin")))
    w.resize(1400, 860)
    w.show()
    yield w
    ops.wait_idle()
    # Closed here, not by qtbot (which closes its widgets before fixtures end): a form left
    # with typing by a failed test would ask, and nobody would answer.
    view = w.view("people")
    if isinstance(view, PeopleView) and view.panel.is_dirty():
        view.panel.show_row(view.panel.row)
    w.close()
    w.deleteLater()


def people_view(window: MainWindow) -> PeopleView:
    view = window.show_view("people")
    assert isinstance(view, PeopleView)
    view.settle()
    return view


def click_row(qtbot, view: PeopleView, name: str) -> None:  # type: ignore[no-untyped-def]
    """Click the table row of `name` as the mouse does."""
    model = view.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    table = view.pane.table
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def company_of(db: Database, name: str) -> str:
    with db.unit_of_work(write=False) as s:
        found = [p for p in people.list_people(s, limit=None) if p.name == name]
    return found[0].company


def start_typing(qtbot, view: PeopleView, name: str) -> None:  # type: ignore[no-untyped-def]
    """Open `name` and type into its company field (not saved)."""
    click_row(qtbot, view, name)
    assert view.panel.name.text() == name
    view.panel.company.setFocus()
    qtbot.keyClicks(view.panel.company, " Ltd")  # QTest types Latin-1 only
    assert view.panel.is_dirty()


def answer(button: Button, seen: list[str] | None = None):  # type: ignore[no-untyped-def]
    """A handler that notes the question's text and presses `button`."""
    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        if seen is not None:
            seen.append(box.text())
        buttons = {box.standardButton(b) for b in box.buttons()}
        assert buttons == {Button.Save, Button.Discard, Button.Cancel}
        click(box, button)
    return handle


def test_selecting_another_row_asks_and_cancel_keeps_the_typing(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = people_view(window)
    start_typing(qtbot, view, "张伟")
    asked: list[str] = []
    with Modals(answer(Button.Cancel, asked)) as modals:
        click_row(qtbot, view, "李娜")
    assert modals.seen == ["QMessageBox"]
    assert asked == ["“张伟”有未保存的修改，要保存吗？"]
    # Still 张伟, typing kept, and the table shows 张伟 selected again.
    assert view.panel.name.text() == "张伟" and view.panel.company.text() == "中科可控 Ltd"
    assert view.model.index(view.model.row_of(view.pane.selected_id() or -1), 0).data() == "张伟"
    assert company_of(window.ctx.db, "张伟") == "中科可控"


def test_discard_moves_on_and_saves_nothing(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = people_view(window)
    start_typing(qtbot, view, "张伟")
    with Modals(answer(Button.Discard)) as modals:
        click_row(qtbot, view, "李娜")
    assert modals.seen == ["QMessageBox"]
    assert view.panel.name.text() == "李娜" and not view.panel.is_dirty()
    ops.wait_idle()
    assert company_of(window.ctx.db, "张伟") == "中科可控"


def test_save_writes_the_typing_then_moves_on(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = people_view(window)
    start_typing(qtbot, view, "张伟")
    with Modals(answer(Button.Save)) as modals, \
            qtbot.waitSignal(view.panel.save_finished, timeout=TIMEOUT) as outcome:
        click_row(qtbot, view, "李娜")
    assert modals.seen == ["QMessageBox"] and outcome.args == [True]
    assert view.panel.name.text() == "李娜"
    assert company_of(window.ctx.db, "张伟") == "中科可控 Ltd"


def test_no_question_without_unsaved_typing(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = people_view(window)
    click_row(qtbot, view, "张伟")
    with Modals(answer(Button.Cancel)) as modals:
        click_row(qtbot, view, "李娜")
        qtbot.wait(100)
    assert modals.seen == [] and view.panel.name.text() == "李娜"


def test_esc_asks_and_discard_reverts_the_form(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = people_view(window)
    start_typing(qtbot, view, "张伟")
    with Modals(answer(Button.Cancel)) as modals:
        qtbot.keyClick(view.panel.company, Qt.Key.Key_Escape)
    assert modals.seen == ["QMessageBox"] and view.panel.company.text() == "中科可控 Ltd"
    with Modals(answer(Button.Discard)) as modals:
        qtbot.keyClick(view.panel.company, Qt.Key.Key_Escape)
    assert modals.seen == ["QMessageBox"]
    assert view.panel.company.text() == "中科可控" and not view.panel.is_dirty()


def test_new_asks_first(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = people_view(window)
    start_typing(qtbot, view, "张伟")
    with Modals(answer(Button.Cancel)) as modals:
        qtbot.mouseClick(view.pane.new_button, Qt.MouseButton.LeftButton)
    assert modals.seen == ["QMessageBox"] and view.panel.name.text() == "张伟"


def test_switching_view_asks_and_cancel_stays(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = people_view(window)
    start_typing(qtbot, view, "张伟")
    desk_row = [window.nav.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(window.nav.count())].index("desk")
    rect = window.nav.visualItemRect(window.nav.item(desk_row))
    with Modals(answer(Button.Cancel)) as modals:
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert modals.seen == ["QMessageBox"]
    assert window.stack.currentWidget() is view
    assert window.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "people"
    with Modals(answer(Button.Discard)) as modals:
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert modals.seen == ["QMessageBox"] and window.stack.currentWidget() is window.view("desk")


def test_closing_the_window_asks(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = people_view(window)
    start_typing(qtbot, view, "张伟")
    with Modals(answer(Button.Cancel)) as modals:
        window.close()
    assert modals.seen == ["QMessageBox"] and window.isVisible()
    with Modals(answer(Button.Save)) as modals, \
            qtbot.waitSignal(view.panel.save_finished, timeout=TIMEOUT):
        window.close()
    assert modals.seen == ["QMessageBox"] and not window.isVisible()
    assert company_of(window.ctx.db, "张伟") == "中科可控 Ltd"


def test_a_scan_brings_the_desk_forward_without_asking(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A badge scanned while the form holds typing: the desk comes forward at once (the form
    keeps the typing for when the person comes back)."""
    view = people_view(window)
    start_typing(qtbot, view, "张伟")
    with Modals(answer(Button.Cancel)) as modals:
        window.on_scan("ED2:not-a-badge")
        qtbot.wait(100)
    assert modals.seen == [] and window.stack.currentWidget() is window.view("desk")
    assert view.panel.company.text() == "中科可控 Ltd"

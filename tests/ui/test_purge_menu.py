"""数据 › 清除个人信息 in the window (issue 12): only admins see it; it asks twice (a warning, then
typing PURGE) and runs the same action as the command line, off the GUI thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from eventdesk.domain import Person
from eventdesk.domain.access import Principal
from eventdesk.services import people
from eventdesk.services.events import get_event
from eventdesk.services.people import PersonInput
from eventdesk.services.purge import PURGED_NAME
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.main_window import MainWindow
from tests.ui.threads import no_database_on_the_gui_thread
from tests.users import ADMIN, ORGANISER

TITLE = "清除个人信息…"


def make_window(db: Database, user: Principal, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    w = MainWindow(AppContext(db, event, user))
    qtbot.addWidget(w)
    return w


@pytest.fixture
def filled(event_db: Database) -> Iterator[Database]:
    with event_db.unit_of_work() as s:
        people.create_person(s, operator="t", data=PersonInput(name="欧阳娜娜",
                                                               phone="13877776543"))
    yield event_db
    ops.wait_idle()


def names(db: Database) -> set[str]:
    with db.unit_of_work(write=False) as s:
        return set(s.scalars(select(Person.name)))


def purge_action(window: MainWindow):  # type: ignore[no-untyped-def]
    """The 数据 menu's purge item when the signed-in role is shown it, else None."""
    found = [a for a in window.transfer_menu.actions()
             if a.objectName() == "purge" and a.isVisible()]
    return found[0] if found else None


def test_only_admins_have_the_menu_item(filled: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert purge_action(make_window(filled, ORGANISER, qtbot)) is None
    assert purge_action(make_window(filled, ADMIN, qtbot)) is not None


@pytest.mark.parametrize("typed", ["PURGE", "purge?"])
def test_purge_asks_twice_then_erases(filled: Database, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                      typed: str) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a: (typed, True))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window = make_window(filled, ADMIN, qtbot)
    with no_database_on_the_gui_thread(filled):
        purge_action(window).trigger()
        ops.wait_idle()
    if typed == "PURGE":
        assert names(filled) == {PURGED_NAME}
        assert len(shown) == 1 and "已清除 1 人的个人信息" in shown[0]
    else:  # not the word asked for: nothing happens
        assert names(filled) == {"欧阳娜娜"} and shown == []

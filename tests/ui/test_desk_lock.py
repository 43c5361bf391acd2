"""The desk lock and the shift change, driven as at the desk (issue 12): the window locks after
the idle time of the desk settings, Ctrl+L locks at once; the lock screen hides the window's
content but keeps the desk as it was underneath; the same user's password unlocks (a wrong one
says so); a scan on the lock screen is refused; "switch user" signs the next shift in, whose
role decides the views and menus. Nothing of it touches the database on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.users import AuditEntry
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk.view import DeskView
from eventdesk.ui.main_window import MainWindow
from tests.services.checkin_cases import count, payload_of
from tests.services.people_cases import add
from tests.ui.keys import operator_types, scanner
from tests.ui.threads import no_database_on_the_gui_thread
from tests.ui.users import PASSWORD, answer_sign_in

DESK_PASSWORD = "desk-shift-7"
PRINT_PASSWORD = "print-shift-8"


def audit(db: Database) -> list[tuple[str, str]]:
    with db.unit_of_work(write=False) as s:
        return [(e.action, e.actor) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


@pytest.fixture
def staff(event_db: Database) -> Principal:
    """chief (admin), li (desk), wu (print); chief is who signed in."""
    chief = accounts.create_first_admin(event_db, username="chief", password=PASSWORD,
                                        desk="setup")
    actx = ActionContext(db=event_db, desk="setup", user=chief)
    accounts.add_user(actx, username="li", role=UserRole.DESK, password=DESK_PASSWORD)
    accounts.add_user(actx, username="wu", role=UserRole.PRINT, password=PRINT_PASSWORD)
    for name, company in (("张伟", "中科可控"), ("李娜", "寒武纪"), ("王芳", "阿丘科技")):
        add(event_db, name, company=company)
    return chief


def open_window(qtbot: Any, db: Database, user: Principal, *,
                lock_minutes: float = 5) -> MainWindow:
    settings = QSettings("EventDesk", "EventDesk")
    for key, value in {"desk/name": "3", "desk/printer": "pdf", "desk/sounds": False,
                       "desk/lock_minutes": lock_minutes}.items():
        settings.setValue(key, value)
    settings.sync()
    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    window = MainWindow(AppContext(db, event, user))
    qtbot.addWidget(window)
    window.show_view(window.first_view())
    window.show()
    qtbot.waitExposed(window)
    ops.wait_idle()
    window.activateWindow()
    return window


@pytest.fixture
def window(qtbot: Any, event_db: Database, staff: Principal) -> Iterator[MainWindow]:
    w = open_window(qtbot, event_db, staff)
    yield w
    w.close()


def desk_of(window: MainWindow) -> DeskView:
    desk = window.view("desk")
    assert isinstance(desk, DeskView)
    return desk


def search(qtbot: Any, desk: DeskView, text: str) -> None:
    operator_types(desk.search, text)
    qtbot.waitUntil(lambda: not desk.searching and desk.model.rowCount() > 0, timeout=20_000)


def test_idle_desk_locks_and_the_same_users_password_unlocks(
        qtbot: Any, event_db: Database, staff: Principal) -> None:
    window = open_window(qtbot, event_db, staff, lock_minutes=0.01)  # 0.6 s
    desk = desk_of(window)
    search(qtbot, desk, "李娜")
    chosen = desk.selected_id()
    with no_database_on_the_gui_thread(event_db):
        qtbot.waitUntil(lambda: window.lock.locked, timeout=10_000)
        lock = window.lock.dialog
        assert lock is not None and lock.isVisible()
        # Nothing of the desk shows while locked; the lock names who and where.
        assert not window.centralWidget().isVisible()
        assert "chief" in lock.heading.text() and "3" in lock.heading.text()
        assert lock.username.text() == "chief" and lock.username.isReadOnly()
        QTest.keyClick(lock, Qt.Key.Key_Escape)  # Esc does not unlock
        assert lock.isVisible() and window.lock.locked
        answer_sign_in(qtbot, lock, name=None, password="not-the-password")
        assert lock.error.text() == messages.text("signin.wrong_unlock")
        assert lock.password.text() == "" and window.lock.locked
        answer_sign_in(qtbot, lock, name=None, password=PASSWORD)
        qtbot.waitUntil(lambda: not window.lock.locked)
    # The desk as it was left: same view, query, rows and selected person.
    assert window.stack.currentWidget() is desk and window.centralWidget().isVisible()
    assert desk.search.text() == "李娜" and desk.selected_id() == chosen
    assert window.ctx.user == staff
    ops.wait_idle()
    actions = audit(event_db)
    assert ("user.lock", "chief") in actions
    assert actions[-2:] == [("user.login_failed", "chief"), ("user.unlock", "chief")]


def test_ctrl_l_locks_at_once_and_zero_minutes_never_locks(
        qtbot: Any, event_db: Database, staff: Principal) -> None:
    window = open_window(qtbot, event_db, staff, lock_minutes=0)
    qtbot.wait(1500)
    assert not window.lock.locked  # 0 = never
    QTest.keyClick(desk_of(window).search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.lock.locked and window.lock.dialog is not None
    answer_sign_in(qtbot, window.lock.dialog, name=None, password=PASSWORD)
    qtbot.waitUntil(lambda: not window.lock.locked)
    window.close()


def test_keys_keep_the_desk_unlocked(qtbot: Any, event_db: Database, staff: Principal) -> None:
    window = open_window(qtbot, event_db, staff, lock_minutes=0.02)  # 1.2 s
    desk = desk_of(window)
    for ch in "zhangwei":  # a key every 0.3 s for 2.4 s: never 1.2 s without input
        operator_types(desk.search, ch)
        qtbot.wait(300)
    assert not window.lock.locked
    qtbot.waitUntil(lambda: window.lock.locked, timeout=10_000)  # then left alone
    window.close()


def test_a_scan_on_the_lock_screen_is_refused(qtbot: Any, window: MainWindow,
                                              event_db: Database) -> None:
    payload = payload_of(event_db, add(event_db, "欧阳娜娜", company="昆山阿丘"))
    lock = window.lock.lock()
    operator_types(lock.password, "lamp")
    scanner(lock.password, payload)
    qtbot.wait(100)
    ops.wait_idle()
    assert lock.error.text() == messages.text("signin.scan_refused")
    assert lock.password.text() == "lamp" and window.lock.locked
    assert count(event_db) == 0  # the desk underneath checked nobody in


def test_switch_user_signs_in_the_next_shift_with_their_role(
        qtbot: Any, window: MainWindow, event_db: Database) -> None:
    desk = desk_of(window)
    search(qtbot, desk, "张伟")
    menu_titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert any("数据" in t for t in menu_titles)
    assert window.account_menu.users_action.isVisible()
    with no_database_on_the_gui_thread(event_db):
        window.account_menu.switch_user()
        lock = window.lock.dialog
        assert lock is not None and not lock.username.isReadOnly()
        answer_sign_in(qtbot, lock, name="li", password=DESK_PASSWORD)
        qtbot.waitUntil(lambda: not window.lock.locked)
    assert window.ctx.user.username == "li" and window.ctx.user.role == UserRole.DESK
    assert "li" in window.windowTitle() and messages.text("role.desk") in window.windowTitle()
    # A desk user: the desk only; no data menu, no users dialog; a fresh desk (no old query).
    shown = [window.nav.item(r).text() for r in range(window.nav.count())
             if not window.nav.item(r).isHidden()]
    assert shown == ["签到台"]
    assert not window.transfer_menu.menuAction().isVisible()
    assert not window.account_menu.users_action.isVisible()
    assert desk_of(window) is not desk and desk_of(window).search.text() == ""
    window.show_view("people")
    assert window.stack.currentWidget() is desk_of(window)
    assert "人员" in window.statusBar().currentMessage()
    # Checking in works for the desk role; the audit names the new user.
    payload = payload_of(event_db, 2)
    scanner(desk_of(window).search, payload)
    qtbot.waitUntil(lambda: count(event_db) == 1 and desk_of(window).idle, timeout=20_000)
    ops.wait_idle()
    assert ("user.login", "li") in audit(event_db)


def test_print_staff_get_the_badges_view_and_scans_are_refused(
        qtbot: Any, event_db: Database, staff: Principal) -> None:
    wu = accounts.sign_in(event_db, username="wu", password=PRINT_PASSWORD, desk="3")
    window = open_window(qtbot, event_db, wu)
    assert window.first_view() == "badges"
    assert window.stack.currentWidget() is window.view("badges")
    shown = [window.nav.item(r).text() for r in range(window.nav.count())
             if not window.nav.item(r).isHidden()]
    assert shown == ["胸卡"]
    scanner(window.view("badges"), payload_of(event_db, 1))  # type: ignore[arg-type]
    qtbot.wait(100)
    ops.wait_idle()
    assert count(event_db) == 0
    assert window.statusBar().currentMessage() == messages.text(
        "signin.scan_not_allowed", who=f"wu（{messages.text('role.print')}）")
    window.close()


def test_idle_lock_setting_is_for_admins_in_the_desk_settings(
        qtbot: Any, event_db: Database, staff: Principal) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from eventdesk.ui.desk.settings import DeskSettingsDialog

    seen: list[tuple[str, bool, float]] = []

    def answer(set_to: float | None) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DeskSettingsDialog):
            QTimer.singleShot(20, lambda: answer(set_to))
            return
        box = dialog.lock_minutes
        seen.append((window.ctx.operator, box.isEnabled(), box.value()))
        if set_to is None:
            dialog.reject()
        else:
            box.setValue(set_to)
            dialog.accept()

    li = accounts.sign_in(event_db, username="li", password=DESK_PASSWORD, desk="3")
    for user, set_to in ((li, None), (staff, 0.0)):
        window = open_window(qtbot, event_db, user)
        QTimer.singleShot(0, lambda v=set_to: answer(v))  # type: ignore[misc]
        QTest.keyClick(desk_of(window).search, Qt.Key.Key_F9)
        window.close()
    # Desk staff see the idle lock but cannot change it; an admin sets 0 = never.
    assert seen == [("li", False, 5.0), ("chief", True, 5.0)]
    assert window.ctx.lock_minutes == 0
    assert float(QSettings("EventDesk", "EventDesk").value("desk/lock_minutes")) == 0


def test_the_lock_covers_a_form_that_was_open(qtbot: Any, window: MainWindow) -> None:
    """A walk-in form open when the desk locks is under the lock screen, which takes the keys,
    and is still there, as typed, after the unlock."""
    from PySide6.QtWidgets import QApplication

    from eventdesk.ui.desk.walkin import WalkInDialog

    desk = desk_of(window)
    form = WalkInDialog(window.ctx, desk="3", parent=desk)
    form.open()
    qtbot.waitExposed(form)
    field = form.findChildren(type(desk.search))[0]
    operator_types(field, "王")
    lock = window.lock.lock()
    # The lock screen is the modal window on top, and the keyboard's keys go to it.
    assert QApplication.activeModalWidget() is lock
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lock.password)
    operator_types(QApplication.focusWidget(), PASSWORD, enter=True)
    qtbot.waitUntil(lambda: not lock.busy)
    qtbot.waitUntil(lambda: not window.lock.locked)
    assert form.isVisible() and field.text() == "王"
    form.reject()

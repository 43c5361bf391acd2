"""账户 → 账户管理… (admins) and 修改我的密码, driven as a person does: add an account, give it
another role, reset its password, disable it; the last admin refused in one sentence; the new
password works at the next sign-in. All of it through the accounts actions, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import NotSignedIn
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.accounts.users import UsersDialog
from eventdesk.ui.context import AppContext
from eventdesk.ui.main_window import MainWindow
from tests.ui.keys import operator_types
from tests.ui.threads import no_database_on_the_gui_thread
from tests.ui.users import PASSWORD


@pytest.fixture
def window(qtbot: Any, event_db: Database) -> Iterator[MainWindow]:
    chief = accounts.create_first_admin(event_db, username="chief", password=PASSWORD,
                                        desk="setup")
    QSettings("EventDesk", "EventDesk").setValue("desk/name", "3")
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    w = MainWindow(AppContext(event_db, event, chief))
    qtbot.addWidget(w)
    w.show()
    ops.wait_idle()
    yield w
    w.close()


def settle(qtbot: Any, dialog: UsersDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def rows(dialog: UsersDialog) -> list[tuple[str, str, str]]:
    return [tuple(dialog.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(dialog.table.rowCount())]


def test_an_admin_manages_accounts_in_the_users_dialog(qtbot: Any, window: MainWindow,
                                                       event_db: Database) -> None:
    active = messages.text("accounts.state.active")
    with no_database_on_the_gui_thread(event_db):
        dialog = window.account_menu.open_users()
        assert isinstance(dialog, UsersDialog)
        settle(qtbot, dialog)
        assert rows(dialog) == [("chief", messages.text("role.admin"), active)]
        # Add a desk account.
        operator_types(dialog.new_name, "li")
        dialog.new_role.setCurrentIndex(dialog.new_role.findData("desk"))
        operator_types(dialog.new_password, "short")
        dialog.add_button.click()
        settle(qtbot, dialog)
        assert "8" in dialog.message.text()  # the password rule, one sentence; nothing added
        dialog.new_password.clear()
        operator_types(dialog.new_password, "desk-shift-7")
        dialog.add_button.click()
        settle(qtbot, dialog)
        assert dialog.message.text() == messages.text("signin.user_added", user="li")
        assert ("li", messages.text("role.desk"), active) in rows(dialog)
        # Make li an organiser, then reset li's password.
        dialog.choose("li")
        dialog.role.setCurrentIndex(dialog.role.findData("organiser"))
        dialog.set_role_button.click()
        settle(qtbot, dialog)
        assert ("li", messages.text("role.organiser"), active) in rows(dialog)
        operator_types(dialog.reset_password, "new-desk-pass-9")
        dialog.reset_button.click()
        settle(qtbot, dialog)
        assert dialog.message.text() == messages.text("signin.password_reset", user="li")
        # The last admin cannot be disabled: the action's sentence.
        dialog.choose("chief")
        dialog.disable_button.click()
        settle(qtbot, dialog)
        assert dialog.message.text() == messages.text("accounts.last_admin", username="chief")
        dialog.choose("li")
        dialog.disable_button.click()
        settle(qtbot, dialog)
        assert ("li", messages.text("role.organiser"),
                messages.text("accounts.state.disabled")) in rows(dialog)
    with pytest.raises(NotSignedIn):  # disabled
        accounts.sign_in(event_db, username="li", password="new-desk-pass-9", desk="3")


def test_users_dialog_is_only_on_an_admins_menu(qtbot: Any, window: MainWindow) -> None:
    assert window.account_menu.users_action.isVisible()
    window.ctx.switch_user(Principal("org", UserRole.ORGANISER))
    assert not window.account_menu.users_action.isVisible()
    assert window.transfer_menu.menuAction().isVisible()  # organisers import and export


def test_change_my_password(qtbot: Any, window: MainWindow, event_db: Database) -> None:
    with no_database_on_the_gui_thread(event_db):
        dialog = window.account_menu.change_password()
        operator_types(dialog.password, "a-new-password-1")
        operator_types(dialog.repeat, "a-new-password-2")
        dialog.submit()
        assert dialog.message.text() == messages.text("signin.mismatch") and dialog.isVisible()
        operator_types(dialog.repeat, "a-new-password-1")
        dialog.submit()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert window.statusBar().currentMessage() == messages.text("signin.password_changed")
    assert accounts.sign_in(event_db, username="chief", password="a-new-password-1",
                            desk="3").username == "chief"
    with pytest.raises(NotSignedIn):
        accounts.sign_in(event_db, username="chief", password=PASSWORD, desk="3")


def test_an_admin_who_takes_another_role_gets_that_roles_window(
        qtbot: Any, window: MainWindow, event_db: Database) -> None:
    # The fixture made chief; a second admin lets chief give up the admin role.
    accounts.add_user(window.ctx.action_context(), username="second", role=UserRole.ADMIN,
                      password="second-admin-1")
    dialog = window.account_menu.open_users()
    assert isinstance(dialog, UsersDialog)
    settle(qtbot, dialog)
    dialog.choose("chief")
    dialog.role.setCurrentIndex(dialog.role.findData("desk"))
    dialog.set_role_button.click()
    qtbot.waitUntil(lambda: window.ctx.user.role == UserRole.DESK, timeout=20_000)
    assert not window.account_menu.users_action.isVisible()
    assert window.first_view() == "desk"

"""Who a GUI test works as (a signed-in Principal for AppContext), and the sign-in dialogs
answered as a person does (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from tests.ui.keys import operator_types

PASSWORD = "lamp-post-42"  # at least 8 characters (services.accounts.PASSWORD_MIN)


def as_user(name: str = "tester", role: UserRole = UserRole.ADMIN) -> Principal:
    """The account `name` with `role` (admin: every view and action), as if signed in; the
    name is the operator written into audit entries and check-ins."""
    return Principal(name, role)


def answer_first_admin(qtbot: Any, dialog: Any, *, name: str = "admin",
                       password: str = PASSWORD) -> None:
    """Type the first admin's name and password twice into the open FirstAdminDialog, press
    Enter, and wait until the account is made and the dialog closed."""
    qtbot.waitUntil(dialog.isVisible)
    dialog.username.clear()
    operator_types(dialog.username, name)
    operator_types(dialog.password, password)
    operator_types(dialog.repeat, password, enter=True)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
                    timeout=20_000)


def answer_sign_in(qtbot: Any, dialog: Any, *, name: str | None, password: str) -> None:
    """Type the user name (None: keep what the dialog shows) and the password, press Enter,
    and wait for the answer (the dialog closes, or says why not)."""
    qtbot.waitUntil(dialog.isVisible)
    if name is not None:
        dialog.username.clear()
        operator_types(dialog.username, name)
    operator_types(dialog.password, password, enter=True)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.busy, timeout=20_000)


def command_line_account(db: Any, monkeypatch: Any) -> None:
    """What a GUI test that also runs a command needs: the command-line tests' admin in `db`
    and EVENTDESK_USER / EVENTDESK_PASSWORD naming it (every command runs as an account)."""
    from tests.accounts import CLI_PASSWORD, CLI_USER, add_cli_admin

    add_cli_admin(db.url)
    monkeypatch.setenv("EVENTDESK_USER", CLI_USER)
    monkeypatch.setenv("EVENTDESK_PASSWORD", CLI_PASSWORD)


def when_shown(kind: type[QWidget], then: Callable[[Any], None]) -> None:
    """Call `then(dialog)` once a modal dialog of `kind` shows (a start-up dialog's exec())."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            then(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)

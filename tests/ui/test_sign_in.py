"""Signing in at start-up, driven as a person does (issue 12): the first admin of a database
without accounts, a wrong then a right password (both audited), the user name remembered on
this desk but never the password, a scanner burst refused on the sign-in screen, and the demo
accounts listed only on the first run's sign-in of the demo event.

The start-up dialogs run modal (exec()); a timer answers them once they show, as the person at
the desk would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from sqlalchemy import select

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.users import AuditEntry
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui.accounts.sign_in import (
    LAST_USER_KEY,
    FirstAdminDialog,
    ShownAccount,
    SignInDialog,
)
from eventdesk.ui.app import open_for_sign_in, sign_in_at_start
from tests.services.checkin_cases import count, payload_of
from tests.services.people_cases import add
from tests.ui.keys import operator_types, scanner
from tests.ui.threads import no_database_on_the_gui_thread
from tests.ui.users import PASSWORD, answer_first_admin, answer_sign_in, when_shown

DESK_PASSWORD = "desk-shift-7"


def audit(db: Database) -> list[tuple[str, str]]:
    with db.unit_of_work(write=False) as s:
        return [(e.action, e.actor) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def with_accounts(db: Database) -> None:
    admin = accounts.create_first_admin(db, username="chief", password=PASSWORD, desk="setup")
    accounts.add_user(ActionContext(db=db, desk="setup", user=admin), username="li",
                      role=UserRole.DESK, password=DESK_PASSWORD)


def test_a_database_without_accounts_asks_for_its_first_admin(event_db: Database,
                                                             qtbot: Any) -> None:
    said: list[str] = []

    def answer(dialog: FirstAdminDialog) -> None:
        operator_types(dialog.password, "short")
        operator_types(dialog.repeat, "short", enter=True)
        qtbot.waitUntil(lambda: not dialog.busy)
        said.append(dialog.error.text())  # the rule, in one sentence; nothing made
        dialog.password.clear()
        dialog.repeat.clear()
        operator_types(dialog.password, PASSWORD)
        operator_types(dialog.repeat, PASSWORD + "x", enter=True)
        said.append(dialog.error.text())
        dialog.password.clear()
        answer_first_admin(qtbot, dialog, name="chief")

    when_shown(FirstAdminDialog, answer)
    with no_database_on_the_gui_thread(event_db):
        user = sign_in_at_start(event_db, None)
    assert user is not None and (user.username, user.role) == ("chief", UserRole.ADMIN)
    assert "8" in said[0] and said[1] == messages.text("signin.mismatch")
    assert audit(event_db) == [("user.add", "chief")]
    assert not accounts.needs_first_admin(event_db)


def test_wrong_then_right_password_both_audited_and_the_name_remembered(
        event_db: Database, qtbot: Any, local_settings: Path) -> None:
    with_accounts(event_db)
    seen: list[tuple[str, str, bool]] = []

    def answer(dialog: SignInDialog) -> None:
        assert dialog.username.text() == ""  # nobody signed in on this desk yet
        answer_sign_in(qtbot, dialog, name="li", password="not-my-password")
        seen.append((dialog.error.text(), dialog.password.text(), dialog.isVisible()))
        answer_sign_in(qtbot, dialog, name=None, password=DESK_PASSWORD)

    when_shown(SignInDialog, answer)
    with no_database_on_the_gui_thread(event_db):
        user = sign_in_at_start(event_db, None)
    # One sentence, the password field emptied for the next try, the dialog still there.
    assert seen == [(messages.text("signin.wrong"), "", True)]
    assert user is not None and (user.username, user.role) == ("li", UserRole.DESK)
    assert audit(event_db)[-2:] == [("user.login_failed", "li"), ("user.login", "li")]
    # The next start on this desk offers the same name, and the password field has the keys.
    settings = QSettings("EventDesk", "EventDesk")
    assert settings.value(LAST_USER_KEY) == "li"
    settings.sync()
    stored = "".join(p.read_text(errors="replace") for p in local_settings.rglob("*")
                     if p.is_file())
    assert "li" in stored and DESK_PASSWORD not in stored and "not-my-password" not in stored
    again = SignInDialog(event_db, desk="desk-1", settings=settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.focusWidget() is again.password)
    assert again.username.text() == "li" and again.password.text() == ""


def test_closing_the_sign_in_opens_nothing(event_db: Database, qtbot: Any) -> None:
    with_accounts(event_db)
    when_shown(SignInDialog, lambda dialog: dialog.reject())
    assert sign_in_at_start(event_db, None) is None


def test_a_scan_on_the_sign_in_screen_is_refused_and_not_typed(event_db: Database,
                                                             qtbot: Any) -> None:
    with_accounts(event_db)
    payload = payload_of(event_db, add(event_db, "张伟", company="中科可控"))
    seen: list[tuple[str, str, str, bool]] = []

    def answer(dialog: SignInDialog) -> None:
        operator_types(dialog.username, "li")
        scanner(dialog.username, payload)  # the badge in hand, the cursor in the name field
        operator_types(dialog.password, "desk")
        scanner(dialog.password, payload)
        qtbot.wait(50)
        seen.append((dialog.error.text(), dialog.username.text(), dialog.password.text(),
                     dialog.isVisible()))
        dialog.password.clear()
        answer_sign_in(qtbot, dialog, name=None, password=DESK_PASSWORD)

    when_shown(SignInDialog, answer)
    user = sign_in_at_start(event_db, None)
    # Refused with a sentence; neither field kept the payload; its Enter signed nobody in.
    assert seen == [(messages.text("signin.scan_refused"), "li", "desk", True)]
    assert user is not None and user.username == "li"
    assert count(event_db) == 0  # nobody was checked in
    assert [a for a, _ in audit(event_db)].count("user.login_failed") == 0


def test_the_first_run_lists_the_demo_accounts_on_its_sign_in_only(
        event_db: Database, qtbot: Any, db_path: Path) -> None:
    shown = [ShownAccount("admin", UserRole.ADMIN, "pw-admin-1"),
             ShownAccount("desk1", UserRole.DESK, "pw-desk-11")]
    with_accounts(event_db)
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    listed: list[list[str]] = []

    def answer(dialog: SignInDialog) -> None:
        table = dialog.accounts_table
        assert table is not None and table.isVisible()
        listed.extend([table.item(r, c).text() for c in range(3)]
                      for r in range(table.rowCount()))
        dialog.reject()

    when_shown(SignInDialog, answer)
    sign_in_at_start(event_db, event, shown=shown)
    assert listed == [["admin", messages.text("role.admin"), "pw-admin-1"],
                      ["desk1", messages.text("role.desk"), "pw-desk-11"]]
    # A later start (the database exists: not a first run) lists nothing.
    db, accounts_shown = open_for_sign_in(f"sqlite:///{db_path}")
    db.dispose()
    assert accounts_shown == []
    plain = SignInDialog(event_db, desk="desk-1", settings=QSettings("EventDesk", "EventDesk"))
    qtbot.addWidget(plain)
    assert plain.accounts_table is None


def test_sign_in_returns_the_principal_of_the_account(event_db: Database, qtbot: Any) -> None:
    with_accounts(event_db)

    def answer(dialog: SignInDialog) -> None:
        answer_sign_in(qtbot, dialog, name="chief", password=PASSWORD)

    when_shown(SignInDialog, answer)
    user = sign_in_at_start(event_db, None)
    assert isinstance(user, Principal) and user.role == UserRole.ADMIN and user.user_id

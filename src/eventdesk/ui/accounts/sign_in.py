"""The sign-in dialog (start-up, switch user), the lock screen (the same dialog, unlocking the
signed-in user) and the first admin dialog of a database without accounts.

Passwords are checked by the actions (eventdesk.actions.accounts: argon2, 50–100 ms, and an
audit entry) on a worker thread, never on the GUI thread. A scanner burst while one of these is
open is refused with a sentence: the dialog's own scanner filter takes the burst back out of the
field it was typed into (ui/desk/scanner.py) and swallows its Enter, so a badge's payload never
becomes a user name or a password and never presses "sign in".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import NotSignedIn
from eventdesk.messages.desk import desk_label
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.desk.scanner import ScannerFilter
from eventdesk.ui.i18n import translate

# The user name of the last sign-in on this desk (never a password).
LAST_USER_KEY = "login/last_user"


@dataclass(frozen=True)
class ShownAccount:
    """A demo account shown on the first run's sign-in screen (in memory only, never stored)."""

    username: str
    role: UserRole
    password: str


def role_label(role: UserRole) -> str:
    """The role as people read it (messages/accounts.py: role.<key>)."""
    return messages.text(f"role.{role.value}")


def who(user: Principal) -> str:
    """"zhang（签到员）": the user and their role, as the window shows them."""
    return messages.text("signin.who", user=user.username, role=role_label(user.role))


class _PasswordForm(QDialog):
    """What the three dialogs share: a line of error text, busy while a worker checks, and the
    scanner refused."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        # On the dialog, not the label: the lock screen restyles the whole dialog (dark).
        self.setStyleSheet("#signInError { color: #b42318; font-size: 14px; }"
                           " #signInHint { color: #475467; }")
        self._busy = False
        self.principal: Principal | None = None  # who signed in, once accepted
        self.scanner = ScannerFilter(self)
        self.scanner.scanned.connect(self.refuse_scan)

    @staticmethod
    def _password_field() -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    @property
    def busy(self) -> bool:
        """A worker is checking what was typed (tests wait for this to end)."""
        return self._busy

    def refuse_scan(self, _payload: str) -> None:
        """A scanner burst: nothing is signed in and nothing is checked in; one sentence."""
        self.error.setText(messages.text("signin.scan_refused"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.scanner.install()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.scanner.remove()
        super().hideEvent(event)

    def _run(self, call: Callable[[], Principal], fields: Sequence[QWidget]) -> None:
        """Check off the GUI thread; the fields wait disabled until the answer comes."""
        self._busy = True
        self.error.setText(messages.text("signin.working"))
        for field in fields:
            field.setEnabled(False)

        def settle() -> None:
            self._busy = False
            for field in fields:
                field.setEnabled(True)

        def done(user: Principal) -> None:
            settle()
            self.error.clear()
            self.principal = user
            self.accepted_user(user)

        def failed(exc: BaseException) -> None:
            settle()
            self.refused(exc)

        ops.run_call_in_background(call, on_done=done, on_error=failed, owner=self)

    def accepted_user(self, user: Principal) -> None:
        self.accept()

    def refused(self, exc: BaseException) -> None:
        self.error.setText(messages.describe(exc))


class SignInDialog(_PasswordForm):
    """User name + password; Enter signs in. A wrong password says one sentence and clears the
    password field. With `locked` (the context of the signed-in user) it is the lock screen:
    the same user's password unlocks; "switch user" turns it into a sign-in of someone else.

    After `exec()` returns Accepted, `principal` is who signed in (or unlocked)."""

    signed_in = Signal(object)  # the Principal, as the dialog closes

    def __init__(self, db: Database, *, desk: str, settings: QSettings, event_name: str = "",
                 locked: ActionContext | None = None,
                 demo_accounts: Sequence[ShownAccount] = (), username: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self._db, self._desk, self._settings = db, desk, settings
        self._locked = locked
        self._event = event_name
        self.setWindowTitle("EventDesk — " + translate("SignInDialog", "登录")
                            + (f" — {event_name}" if event_name else ""))
        self.heading = QLabel()
        self.heading.setObjectName("signInHeading")
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setPointSize(max(font.pointSize(), 10) + 6)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel()
        self.hint.setObjectName("signInHint")
        self.hint.setWordWrap(True)
        self.username = QLineEdit(username or "")
        self.username.setObjectName("signInUser")
        self.password = self._password_field()
        self.password.setObjectName("signInPassword")
        self.sign_in_button = QPushButton(translate("SignInDialog", "登录"))
        self.sign_in_button.clicked.connect(self.submit)
        self.switch_button = QPushButton(translate("SignInDialog", "切换用户"))
        self.switch_button.setAutoDefault(False)  # Enter signs in, whatever has the focus
        self.switch_button.clicked.connect(self.switch_user)
        form = QFormLayout()
        form.addRow(translate("SignInDialog", "用户名"), self.username)
        form.addRow(translate("SignInDialog", "密码"), self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.sign_in_button)
        card = QWidget()
        card.setObjectName("signInCard")
        card.setMaximumWidth(640)
        inner = QVBoxLayout(card)
        inner.addWidget(self.heading)
        inner.addWidget(self.hint)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        self.accounts_table = self._demo_table(demo_accounts)
        if self.accounts_table is not None:
            note = QLabel(messages.text("signin.demo_accounts"))
            note.setWordWrap(True)
            inner.addWidget(note)
            inner.addWidget(self.accounts_table)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.setMinimumWidth(460)
        # Once the button is inside the dialog: made default before, the dialog picks its own.
        self.sign_in_button.setDefault(True)
        if locked is not None and locked.user is not None:
            self._show_locked(locked.user)
        else:
            self._show_sign_in()

    def _demo_table(self, shown: Sequence[ShownAccount]) -> QTableWidget | None:
        if not shown:
            return None
        table = QTableWidget(len(shown), 3)
        table.setObjectName("demoAccounts")
        table.setHorizontalHeaderLabels([translate("SignInDialog", "用户名"),
                                         translate("SignInDialog", "角色"),
                                         translate("SignInDialog", "密码")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields keep the keys
        for row, account in enumerate(shown):
            for col, value in enumerate((account.username, role_label(account.role),
                                         account.password)):
                table.setItem(row, col, QTableWidgetItem(value))
        # The whole list at once, no scroll bars: the passwords must be readable in full.
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        frame = 2 * table.frameWidth()
        table.setMinimumWidth(sum(table.columnWidth(c) for c in range(3)) + frame + 8)
        table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                             + sum(table.rowHeight(r) for r in range(len(shown))) + frame)
        # A click on an account puts its name in the user field; the password is still typed.
        table.cellClicked.connect(lambda r, _c: self._pick(shown[r].username))
        return table

    def _pick(self, username: str) -> None:
        self.username.setText(username)
        self.password.clear()
        self.password.setFocus()

    # -- the two faces -----------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        """The lock screen (unlock the signed-in user), not a sign-in."""
        return self._locked is not None

    def _show_locked(self, user: Principal) -> None:
        self.heading.setText(messages.text("signin.locked", who=who(user),
                                           desk=desk_label(self._desk)))
        self.hint.setText(messages.text("signin.locked_hint", user=user.username))
        self.username.setText(user.username)
        self.username.setReadOnly(True)
        self.username.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sign_in_button.setText(translate("SignInDialog", "解锁"))
        self.switch_button.setVisible(True)
        self.password.setFocus()

    def _show_sign_in(self) -> None:
        self.heading.setText(f"EventDesk · {self._event}" if self._event else "EventDesk")
        self.hint.setText(messages.text("signin.prompt"))
        self.username.setReadOnly(False)
        self.username.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.sign_in_button.setText(translate("SignInDialog", "登录"))
        self.switch_button.setVisible(False)
        last = str(self._settings.value(LAST_USER_KEY, "") or "")
        if not self.username.text():
            self.username.setText(last)
        (self.password if self.username.text() else self.username).setFocus()

    def switch_user(self) -> None:
        """Shift change: the lock screen becomes a sign-in of another user."""
        self._locked = None
        self.username.clear()
        self.password.clear()
        self.error.clear()
        self._show_sign_in()
        self.username.setFocus()

    # -- checking ----------------------------------------------------------------------------
    def submit(self) -> None:
        if self.busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(messages.text("signin.fill_in"))
            (self.password if username else self.username).setFocus()
            return
        locked = self._locked
        if locked is not None:
            self._run(lambda: accounts.unlock(locked, password=password), self._fields())
        else:
            db, desk = self._db, self._desk
            self._run(lambda: accounts.sign_in(db, username=username, password=password,
                                               desk=desk), self._fields())

    def _fields(self) -> list[QWidget]:
        return [self.username, self.password, self.sign_in_button, self.switch_button]

    def accepted_user(self, user: Principal) -> None:
        if not self.locked:
            self._settings.setValue(LAST_USER_KEY, user.username)  # the name only
        self.password.clear()
        self.signed_in.emit(user)
        self.accept()

    def refused(self, exc: BaseException) -> None:
        if isinstance(exc, NotSignedIn):
            self.error.setText(messages.text("signin.wrong_unlock" if self.locked
                                             else "signin.wrong"))
        else:
            self.error.setText(messages.describe(exc))
        self.password.clear()
        self.password.setFocus()

    # -- the lock screen does not go away by Esc or the close button --------------------------
    def reject(self) -> None:
        if not self.locked:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.locked:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.locked and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)


class FirstAdminDialog(_PasswordForm):
    """A database without accounts: the first admin's name and password (twice), before
    anything else. After Accepted, `principal` is that admin, signed in."""

    def __init__(self, db: Database, *, desk: str, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdminDialog")
        self._db, self._desk, self._settings = db, desk, settings
        self.setWindowTitle("EventDesk — " + translate("FirstAdminDialog", "创建管理员"))
        self.setMinimumWidth(480)
        note = QLabel(messages.text("signin.first_admin"))
        note.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.username.setObjectName("firstAdminUser")
        self.password = self._password_field()
        self.password.setObjectName("firstAdminPassword")
        self.repeat = self._password_field()
        self.repeat.setObjectName("firstAdminRepeat")
        self.create_button = QPushButton(translate("FirstAdminDialog", "创建并登录"))
        self.create_button.clicked.connect(self.submit)
        cancel = QPushButton(translate("FirstAdminDialog", "取消"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("FirstAdminDialog", "用户名"), self.username)
        form.addRow(translate("FirstAdminDialog", "密码"), self.password)
        form.addRow(translate("FirstAdminDialog", "再输一次"), self.repeat)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.create_button.setDefault(True)  # inside the dialog now (see SignInDialog)
        self.password.setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(messages.text("signin.fill_in"))
            return
        if password != self.repeat.text():
            self.error.setText(messages.text("signin.mismatch"))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        db, desk = self._db, self._desk
        self._run(lambda: accounts.create_first_admin(db, username=username, password=password,
                                                      desk=desk),
                  [self.username, self.password, self.repeat, self.create_button])

    def accepted_user(self, user: Principal) -> None:
        self._settings.setValue(LAST_USER_KEY, user.username)
        self.accept()

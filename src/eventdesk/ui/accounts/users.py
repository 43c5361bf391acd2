"""The users dialog (账户 → 账户管理…, admins): the accounts with role, state and last sign-in;
add one, give the chosen one another role, disable it, reset its password.

Every change is an action of eventdesk.actions.accounts run off the GUI thread as the signed-in
user (which checks MANAGE_USERS itself and writes the audit entry); its sentence, or its refusal
(e.g. the last active admin cannot be disabled), shows in the dialog's message line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
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
from eventdesk.actions.accounts import UserInfo
from eventdesk.domain.enums import UserRole
from eventdesk.ui import ops
from eventdesk.ui.accounts.menu import secret_field
from eventdesk.ui.accounts.sign_in import role_label
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate

# Worded where shown (ui.i18n: never at import).
COLUMNS = (QT_TRANSLATE_NOOP("UsersDialog", "用户名"), QT_TRANSLATE_NOOP("UsersDialog", "角色"),
           QT_TRANSLATE_NOOP("UsersDialog", "状态"), QT_TRANSLATE_NOOP("UsersDialog", "最近登录"))


def role_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for role in (UserRole.DESK, UserRole.PRINT, UserRole.ORGANISER, UserRole.ADMIN):
        box.addItem(role_label(role), role.value)
    return box


class UsersDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[UserInfo] = []
        self._running = 0
        self.setWindowTitle(translate("UsersDialog", "账户管理"))
        self.resize(720, 520)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([translate("UsersDialog", c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected_changed)
        # The chosen account: role, disable, password.
        chosen = QGroupBox(translate("UsersDialog", "所选账户"))
        self.role = role_box("chosenRole")
        self.set_role_button = QPushButton(translate("UsersDialog", "改角色"))
        self.set_role_button.clicked.connect(self.set_role)
        self.disable_button = QPushButton(translate("UsersDialog", "停用"))
        self.disable_button.clicked.connect(self.disable)
        self.reset_password = secret_field("resetPassword")
        self.reset_password.setPlaceholderText(translate("UsersDialog", "新密码"))
        self.reset_button = QPushButton(translate("UsersDialog", "重设密码"))
        self.reset_button.clicked.connect(self.reset)
        row = QHBoxLayout(chosen)
        for widget in (self.role, self.set_role_button, self.disable_button,
                       self.reset_password, self.reset_button):
            row.addWidget(widget)
        # A new account.
        new = QGroupBox(translate("UsersDialog", "新账户"))
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newUser")
        self.new_name.setPlaceholderText(translate("UsersDialog", "用户名"))
        self.new_role = role_box("newRole")
        self.new_password = secret_field("newUserPassword")
        self.new_password.setPlaceholderText(translate("UsersDialog", "密码（≥ 8 位）"))
        self.add_button = QPushButton(translate("UsersDialog", "添加"))
        self.add_button.clicked.connect(self.add)
        add_row = QHBoxLayout(new)
        for widget in (self.new_name, self.new_role, self.new_password, self.add_button):
            add_row.addWidget(widget)
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(chosen)
        layout.addWidget(new)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._selected_changed()
        self.reload()

    @property
    def busy(self) -> bool:
        """An action is on its way (tests wait for this)."""
        return self._running > 0

    # -- reading -----------------------------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        actx = self.ctx.action_context()
        self._call(lambda: accounts.list_users(actx), lambda users: self._show(users, keep))

    def _show(self, users: list[UserInfo], keep: str | None) -> None:
        self.users = list(users)
        tz = self.ctx.event_info.tz if self.ctx.event_info is not None else None
        self.table.setRowCount(len(self.users))
        for r, user in enumerate(self.users):
            last = user.last_login_at.astimezone(tz).strftime("%Y-%m-%d %H:%M") \
                if user.last_login_at is not None else messages.text("accounts.never")
            state = messages.text("accounts.state.active" if user.active
                                  else "accounts.state.disabled")
            for c, value in enumerate((user.username, role_label(user.role), state, last)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        if keep is not None:
            self.choose(keep)

    def chosen(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def choose(self, username: str) -> None:
        """Select the account `username` in the list (as a click does)."""
        for r, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(r)
                return

    def _selected_changed(self) -> None:
        user = self.chosen()
        for widget in (self.role, self.set_role_button, self.disable_button,
                       self.reset_password, self.reset_button):
            widget.setEnabled(user is not None)
        if user is not None:
            self.role.setCurrentIndex(max(self.role.findData(user.role.value), 0))
            self.disable_button.setEnabled(user.active)

    # -- changes -------------------------------------------------------------------------------
    def add(self) -> None:
        actx = self.ctx.action_context()
        name, password = self.new_name.text().strip(), self.new_password.text()
        role = UserRole(str(self.new_role.currentData()))

        def done(info: UserInfo) -> None:
            self.new_name.clear()
            self.new_password.clear()
            self._said("signin.user_added", user=info.username)
            self.reload(keep=info.username)

        self._call(lambda: accounts.add_user(actx, username=name, role=role, password=password),
                   done)

    def set_role(self) -> None:
        user = self._need_chosen()
        if user is None:
            return
        actx = self.ctx.action_context()
        role = UserRole(str(self.role.currentData()))

        def done(info: UserInfo) -> None:
            self._said("signin.role_set", user=info.username, role=role_label(info.role))
            me = self.ctx.user
            if info.username == me.username and info.role != me.role:
                # The admin gave themselves another role: the window follows at once (and
                # this dialog's next action is refused by the role check).
                self.ctx.switch_user(replace(me, role=info.role))
                return
            self.reload(keep=info.username)

        self._call(lambda: accounts.set_role(actx, username=user.username, role=role), done)

    def disable(self) -> None:
        user = self._need_chosen()
        if user is None:
            return
        actx = self.ctx.action_context()

        def done(info: UserInfo) -> None:
            self._said("signin.user_disabled", user=info.username)
            self.reload(keep=info.username)

        self._call(lambda: accounts.disable_user(actx, username=user.username), done)

    def reset(self) -> None:
        user = self._need_chosen()
        if user is None:
            return
        actx = self.ctx.action_context()
        password = self.reset_password.text()

        def done(info: UserInfo) -> None:
            self.reset_password.clear()
            self._said("signin.password_reset", user=info.username)

        self._call(lambda: accounts.set_password(actx, username=user.username,
                                                 password=password), done)

    # -- plumbing ------------------------------------------------------------------------------
    def _need_chosen(self) -> UserInfo | None:
        user = self.chosen()
        if user is None:
            self._said("signin.choose_user", error=True)
        return user

    def _said(self, code: str, *, error: bool = False, **params: object) -> None:
        self.message.setStyleSheet("color: #b42318;" if error else "color: #1b7f3b;")
        self.message.setText(messages.text(code, **params))

    def _call(self, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run an accounts action off the GUI thread; a refusal shows as its sentence."""
        self._running += 1

        def finished(value: Any) -> None:
            self._running -= 1
            done(value)

        def failed(exc: BaseException) -> None:
            self._running -= 1
            self.message.setStyleSheet("color: #b42318;")
            self.message.setText(messages.describe(exc))

        ops.run_call_in_background(call, on_done=finished, on_error=failed, owner=self)

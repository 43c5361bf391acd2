"""The 账户 (Account) menu: switch user, lock (Ctrl+L), change my password, and for admins the
users dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.domain.access import Permission
from eventdesk.ui import ops
from eventdesk.ui.accounts.sign_in import who
from eventdesk.ui.context import AppContext
from eventdesk.ui.dialogs import ok_cancel
from eventdesk.ui.i18n import translate

if TYPE_CHECKING:  # the main window builds this menu
    from eventdesk.ui.main_window import MainWindow


class AccountMenu(QMenu):
    """账户: each entry has a method tests call without the menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(translate("AccountMenu", "账户(&A)"), window)
        self.window_ = window
        self.switch_action = self.addAction(translate("AccountMenu", "切换用户…"),
                                            self.switch_user)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.lock_action = self.addAction(translate("AccountMenu", "锁定"), self.lock)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.addSeparator()
        self.password_action = self.addAction(translate("AccountMenu", "修改我的密码…"),
                                              self.change_password)
        self.users_action = self.addAction(translate("AccountMenu", "账户管理…"), self.open_users)
        self.users_dialog: QDialog | None = None
        self.password_dialog: PasswordDialog | None = None

    def guarded(self) -> list[tuple[QAction, Permission]]:
        """Entries shown only to roles with the permission (main window: apply_role)."""
        return [(self.users_action, Permission.MANAGE_USERS)]

    def lock(self) -> None:
        self.window_.lock.lock()

    def switch_user(self) -> None:
        """Shift change: the window locks and its lock screen asks for the next user."""
        self.window_.lock.lock(switch_user=True)

    def change_password(self) -> PasswordDialog:
        dialog = PasswordDialog(self.window_.ctx, self.window_)
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def open_users(self) -> QDialog:
        from eventdesk.ui.accounts.users import UsersDialog

        dialog = UsersDialog(self.window_.ctx, self.window_)
        self.users_dialog = dialog
        dialog.open()
        return dialog


class PasswordDialog(QDialog):
    """The signed-in user's new password, twice (accounts.set_password, off the GUI thread)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("PasswordDialog", "修改我的密码"))
        self.setMinimumWidth(420)
        self.password = secret_field("newPassword")
        self.repeat = secret_field("repeatPassword")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b42318;")
        form = QFormLayout()
        form.addRow(translate("PasswordDialog", "用户"), QLabel(who(ctx.user)))
        form.addRow(translate("PasswordDialog", "新密码"), self.password)
        form.addRow(translate("PasswordDialog", "再输一次"), self.repeat)
        self.buttons = ok_cancel(self, on_ok=self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.busy = False

    def submit(self) -> None:
        if self.busy:
            return
        password = self.password.text()
        if password != self.repeat.text():
            self.message.setText(messages.text("signin.mismatch"))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        actx = self.ctx.action_context()
        self.busy = True
        self.buttons.setEnabled(False)

        def done(_info: object) -> None:
            self.busy = False
            self.buttons.setEnabled(True)
            self.window_status(messages.text("signin.password_changed"))
            self.accept()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.buttons.setEnabled(True)
            self.message.setText(messages.describe(exc))

        ops.run_call_in_background(
            lambda: accounts.set_password(actx, username=actx.operator, password=password),
            on_done=done, on_error=failed, owner=self)

    def window_status(self, text: str) -> None:
        parent = self.parentWidget()
        status = getattr(parent, "statusBar", None)
        if callable(status):
            status().showMessage(text, 10_000)


def secret_field(name: str) -> QLineEdit:
    """A password field (dots), named for tests."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setObjectName(name)
    return edit

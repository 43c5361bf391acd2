"""File menu: new empty event, open a database file, connect to a server, recent databases.

Opening a database (migrating it, or reaching a server that may time out) runs off the GUI thread;
the event is then read through ops like any other service call. Accounts belong to a database, so
the person signs in on the new one (its first admin, for a database without accounts) before the
whole program switches over with AppContext.replace_database; closing that dialog keeps the
database open before. Recent databases are remembered as URLs without passwords
(neither `user:PW@` nor `?password=`); a password typed or given goes to the system keyring, or
nowhere on a machine without one (eventdesk.connection_secrets, issue 12).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
)

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.connection_secrets import (
    keep_password,
    kept_password,
    password_of,
    with_password,
    without_password,
)
from eventdesk.domain.access import Permission, Principal
from eventdesk.services.events import EventInfo, create_event, get_event, has_event
from eventdesk.storage import (
    Database,
    database_error,
    describe,
    open_database,
    sqlite_path,
    to_url,
)
from eventdesk.ui import ops
from eventdesk.ui.accounts.sign_in import FirstAdminDialog, SignInDialog
from eventdesk.ui.context import AppContext
from eventdesk.ui.database_dialogs import (
    ConnectDialog,
    NewEventDialog,
    NewEventSpec,
    sqlite_filter,
)
from eventdesk.ui.i18n import event_name, translate

if TYPE_CHECKING:  # the main window imports this module when it builds its menus
    from eventdesk.ui.main_window import MainWindow
    from eventdesk.ui.signing_dialog import UnlockSigningDialog

RECENT_KEY = "recent/databases"
_told_no_keyring = False  # the "no keyring on this machine" notice, shown once per run
MAX_RECENT = 8


def strip_password(url: str) -> str:
    """The URL without its password, in the user part or `?password=` (never stored, never
    shown); paths stay as they are."""
    return without_password(url)


def open_with_secret(url: str) -> tuple[Database, bool | None]:
    """Open the database at `url` (on a worker: keyring look-ups may wait on the system).

    A server URL given without a password gets the one kept in the system keyring, if any; a
    password given is kept there for the next time. Returns (the database, whether the given
    password was kept: None when none was given, False when this machine has no keyring — then
    it is kept nowhere). Raises what storage.open_database raises."""
    given = password_of(url)
    to_open = url
    if given is None and "://" in url and not url.startswith("sqlite"):
        kept = kept_password(url)
        if kept:
            to_open = with_password(url, kept)
    db = open_database(to_open)
    return db, (keep_password(url, given) if given else None)


def recent_urls(ctx: AppContext) -> list[str]:
    value = ctx.settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings hands back a lone string for a one-item list
        value = [value]
    if not isinstance(value, list | tuple):  # nothing stored, or something else stored there
        return []
    return [str(v) for v in value if v][:MAX_RECENT]


def remember(ctx: AppContext, url: str) -> list[str]:
    clean = strip_password(url)
    urls = [clean] + [u for u in recent_urls(ctx) if u != clean]
    settings = ctx.settings
    settings.setValue(RECENT_KEY, urls[:MAX_RECENT])
    settings.sync()
    return urls[:MAX_RECENT]


def sentence(exc: BaseException, url: str) -> str:
    """One sentence about a failure to open or read the database at `url`: a locked, unreachable
    or foreign database is named as such, never with the driver's own text."""
    return messages.describe(database_error(exc, url=url) or exc)


class DatabaseMenu(QMenu):
    """The File menu. Each action has a method tests call without a modal dialog."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(translate("DatabaseMenu", "文件(&F)"), window)
        self.window_ = window
        self.ctx: AppContext = window.ctx
        self.last_error = ""
        # The sign-in (or first admin) dialog of a database being opened, while it is open.
        self.sign_in_dialog: SignInDialog | FirstAdminDialog | None = None
        self.last_notice = ""
        self.addAction(translate("DatabaseMenu", "新建活动…"), self.new_event_dialog)
        self.addAction(translate("DatabaseMenu", "打开数据库文件…"), self.open_file_dialog)
        self.addAction(translate("DatabaseMenu", "连接服务器…"), lambda: self.connect_dialog())
        self.recent_menu = self.addMenu(translate("DatabaseMenu", "最近的数据库"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.addSeparator()
        self.addAction(messages.text("signing.menu.unlock"), self.unlock_signing_dialog)
        self.backups_action = self.addAction(translate("DatabaseMenu", "备份…"),
                                             self.backups_dialog)
        self.addSeparator()
        self.addAction(translate("DatabaseMenu", "退出"), window.close)
        self._show_for_role()
        self.ctx.user_changed.connect(self._show_for_role)

    def _show_for_role(self) -> None:
        """Backups are the admins' (the action refuses other roles; the menu does not offer
        what would be refused)."""
        self.backups_action.setVisible(self.ctx.can(Permission.BACKUP))

    # -- dialogs (thin: the work is in the methods below) ------------------------------------
    def new_event_dialog(self) -> None:
        dialog = NewEventDialog(self.window_, self._default_dir())
        dialog.submitted.connect(lambda spec: self.create_new_event(spec, dialog=dialog))
        dialog.open()

    def unlock_signing_dialog(self) -> UnlockSigningDialog:
        """The organiser unlocks badge signing for this computer (ui/signing_dialog.py)."""
        from eventdesk.ui.signing_dialog import UnlockSigningDialog

        dialog = UnlockSigningDialog(self.window_, self.ctx)
        dialog.open()
        return dialog

    def open_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window_, translate("DatabaseMenu", "打开数据库"),
                                              str(self._default_dir()), sqlite_filter())
        if path:
            self.open_url(to_url(path))

    def connect_dialog(self, url: str = "") -> None:
        dialog = ConnectDialog(self.window_, url)
        if dialog.exec():
            self.open_url(dialog.url())

    def backups_dialog(self) -> QDialog:
        """The Backups dialog (ui.backups): list, back up now, restore; a restore reopens the
        database here."""
        from eventdesk.ui.backups import BackupsDialog

        dialog = BackupsDialog(self.ctx, self.window_, reopen=self.open_url,
                               auto=getattr(self.window_, "auto_backup", None))
        dialog.setModal(True)
        dialog.show()
        self._backups = dialog  # lives while open
        return dialog

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        urls = recent_urls(self.ctx)
        if not urls:
            self.recent_menu.addAction(translate("DatabaseMenu", "（无）")).setEnabled(False)
        for url in urls:
            self.recent_menu.addAction(describe(url), partial(self.open_url, url, retry=True))
        if urls:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(translate("DatabaseMenu", "清空列表"), self.clear_recent)

    def clear_recent(self) -> None:
        self.ctx.settings.remove(RECENT_KEY)

    def _default_dir(self) -> Path:
        current = sqlite_path(self.ctx.db.url)
        return current.parent if current else Path.home()

    # -- the work ----------------------------------------------------------------------------
    def open_url(self, url: str, *, retry: bool = False) -> None:
        """Open an existing database and switch to it; errors are shown as one sentence.
        `retry`: a server that refuses a remembered URL (no password stored) gets the connect
        dialog again, pre-filled."""

        def failed(exc: BaseException) -> None:
            self.report_error(sentence(exc, url))
            if retry and "://" in url and not url.startswith("sqlite"):
                self.connect_dialog(url)

        def opened(result: tuple[Database, bool | None]) -> None:
            db, kept = result
            if kept is False:
                self.tell_no_keyring()
            self._read_event(db, failed)

        ops.run_call_in_background(lambda: open_with_secret(url), on_done=opened,
                                   on_error=failed)
        self.window_.statusBar().showMessage(translate("DatabaseMenu", "正在打开数据库…"), 5000)

    def create_new_event(self, spec: NewEventSpec, dialog: Any = None) -> None:
        """New SQLite file, migrated, holding one empty event; then switch to it."""
        problem = spec.problem()
        if problem:
            self._dialog_error(dialog, problem)
            return
        url = to_url(spec.path)

        def failed(exc: BaseException) -> None:
            self._dialog_error(dialog, sentence(exc, url))

        def opened(db: Database) -> None:
            temp = AppContext(db, None, self.ctx.user)

            def done(info: EventInfo) -> None:
                if dialog is not None:
                    dialog.accept()
                self._switch(db, info)

            def bad(exc: BaseException) -> None:
                db.dispose()
                spec.path.unlink(missing_ok=True)  # no half-made event left behind
                failed(exc)

            ops.run_in_background(temp, lambda session, _p: create_event(
                session, code=spec.code, name_zh=spec.name_zh, name_en=spec.name_en,
                venue=spec.venue, start_date=spec.start, end_date=spec.end),
                on_done=done, on_error=bad, write=True)

        if spec.path.exists():
            self._dialog_error(dialog, messages.text("gui.file_exists", path=spec.path))
            return
        self._open_then(lambda: open_database(url, create=True), opened, failed)

    def _read_event(self, db: Database, failed: Callable[[BaseException], None]) -> None:
        temp = AppContext(db, None, self.ctx.user)

        def bad(exc: BaseException) -> None:
            db.dispose()
            failed(exc)

        ops.run_in_background(
            temp, lambda session, _p: get_event(session) if has_event(session) else None,
            on_done=lambda info: self._switch(db, info), on_error=bad)

    def _open_then(self, open_fn: Callable[[], Database], then: Callable[[Database], None],
                   failed: Callable[[BaseException], None]) -> None:
        # Migrations and server round trips must not freeze the window.
        self.window_.statusBar().showMessage(translate("DatabaseMenu", "正在打开数据库…"), 5000)
        ops.run_call_in_background(open_fn, on_done=then, on_error=failed)

    def _switch(self, db: Database, event: EventInfo | None) -> None:
        """Sign in on `db` (its accounts, not this one's), then switch the window over to it;
        the dialog closed: `db` is closed and the window stays where it was."""

        def signed_in(user: Principal) -> None:
            remember(self.ctx, db.url)
            self.ctx.replace_database(db, event, user)
            self.window_.statusBar().showMessage(
                translate("DatabaseMenu", "已打开 {database}").format(database=describe(db.url)),
                5000)

        def ask(first: bool) -> None:
            settings, desk = self.ctx.settings, self.ctx.desk_name
            dialog: SignInDialog | FirstAdminDialog = (
                FirstAdminDialog(db, desk=desk, settings=settings, parent=self.window_) if first
                else SignInDialog(db, desk=desk, settings=settings, parent=self.window_,
                                  event_name=event_name(event) if event is not None else ""))
            self.sign_in_dialog = dialog

            def finished(result: int) -> None:
                self.sign_in_dialog = None
                dialog.deleteLater()
                if result == QDialog.DialogCode.Accepted and dialog.principal is not None:
                    signed_in(dialog.principal)
                else:
                    db.dispose()

            dialog.finished.connect(finished)
            dialog.open()

        def failed(exc: BaseException) -> None:
            db.dispose()
            self.report_error(sentence(exc, db.url))

        ops.run_call_in_background(lambda: accounts.needs_first_admin(db), on_done=ask,
                                   on_error=failed)

    def _dialog_error(self, dialog: Any, message: str) -> None:
        if dialog is not None:
            dialog.show_error(message)
            self.last_error = message
        else:
            self.report_error(message)

    def tell_no_keyring(self) -> None:
        """Say once per run that a password cannot be kept on this machine."""
        global _told_no_keyring
        if _told_no_keyring:
            return
        _told_no_keyring = True
        self.last_notice = messages.text("secrets.no_keyring")
        self.window_.statusBar().showMessage(self.last_notice, 15_000)

    def report_error(self, message: str) -> None:
        self.last_error = message
        QMessageBox.warning(self.window_, "EventDesk", message)


__all__ = ["DatabaseMenu", "NewEventSpec", "recent_urls", "remember", "strip_password"]

"""Backups in the window: the rotating automatic backup, and the “备份” (Backups) dialog.

`AutoBackup` makes a backup of the open SQLite database every `backup/interval_minutes` minutes
(desk settings, default 10, 0 = off) into the `backups/` folder beside it, keeping the newest 24
(actions.backups.automatic_backup). It runs on a worker (ui.ops): SQLite's backup API reads one
snapshot while the desks keep writing (WAL). On PostgreSQL the window makes none: the server's
own pg_dump schedule is the backup there (README), not twenty desks dumping at once.

`BackupsDialog` lists the backups of the open database (automatic, restore points, the ones made
here), makes one, and restores the selected one (or any .edbackup file) after a confirmation;
then the window reopens the restored database. Backing up and restoring need the backup
permission (admins); the actions check it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import backups as backup_actions
from eventdesk.actions.base import ActionContext, Outcome, outcome
from eventdesk.backups.points import BackupEntry
from eventdesk.storage import describe, sqlite_path
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.i18n import format_number, translate


def reason_text(reason: str) -> str:
    """Why a backup was made, in the interface's language (messages: backup.reason.<key>)."""
    code = f"backup.reason.{reason}"
    return messages.text(code) if code in messages.catalogue() else reason


def backup_filter() -> str:
    """The file dialog's filter of backup files, in the language shown."""
    return (translate("BackupsDialog", "EventDesk 备份") + " (*.edbackup);;"
            + translate("BackupsDialog", "所有文件") + " (*)")
TICK_MS = 60_000  # how often the timer looks at the clock and the setting


class AutoBackup(QObject):
    """The window's rotating backup (module docstring). The timer ticks every minute and makes
    a backup once the set interval has passed since the last one (or since the start), so a
    change of the setting holds within a minute. `last_path` / `last_error` say how the latest
    run went; `made` counts the runs that wrote a file."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.running = False
        self.made = 0
        self.last_path: Path | None = None
        self.last_error = ""
        self._every_s: float | None = None  # None: the setting
        self._since = time.monotonic()

    def start(self, *, tick_ms: int = TICK_MS, every_s: float | None = None) -> None:
        """Start (or restart) the timer; `every_s` overrides the setting (tests)."""
        self._every_s = every_s
        self._since = time.monotonic()
        self.timer.start(tick_ms)

    def interval_s(self) -> float:
        if self._every_s is not None:
            return self._every_s
        return 60.0 * desk_settings.backup_minutes(self.ctx.settings)

    def tick(self) -> None:
        every = self.interval_s()
        if every > 0 and time.monotonic() - self._since >= every:
            self.run_now()

    def run_now(self) -> None:
        """One backup, unless one is still running or the database is on a server."""
        if self.running or sqlite_path(self.ctx.db.url) is None:
            return
        self.running = True
        self._since = time.monotonic()
        actx = self.ctx.action_context()
        ops.run_call_in_background(lambda: backup_actions.automatic_backup(actx).value,
                                   on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, path: Path | None) -> None:
        self.running = False
        if path is not None:
            self.made += 1
            self.last_path, self.last_error = path, ""

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        # Said in the log and kept for the Backups dialog: a dialog every ten minutes would
        # stand in the way of the desk.
        self.last_error = messages.text("backup.auto_failed", reason=ops.error_text(exc))
        print(f"EventDesk: {self.last_error}", file=sys.stderr)


def _list(actx: ActionContext, _progress: ops.Progress) -> Outcome[list[BackupEntry]]:
    return backup_actions.list_backups(actx)


class BackupsDialog(QDialog):
    """The backups of the open database; make one; restore one. Methods tests call directly."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 reopen: object = None, auto: AutoBackup | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._auto = auto
        self._reopen = reopen  # callable(url): the window reopens the restored database
        self.entries: list[BackupEntry] = []
        self.last_message = ""
        self.setWindowTitle(translate("BackupsDialog", "备份"))
        self.resize(900, 480)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [translate("BackupsDialog", "时间（UTC）"), translate("BackupsDialog", "类型"),
             translate("BackupsDialog", "行数"), translate("BackupsDialog", "活动"),
             translate("BackupsDialog", "文件")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(translate("BackupsDialog", "立即备份"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(translate("BackupsDialog", "还原所选…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(translate("BackupsDialog", "从文件还原…"))
        self.file_button.clicked.connect(self.restore_from_file_dialog)
        close = QPushButton(translate("BackupsDialog", "关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh()

    # -- the list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.where.setText(translate("BackupsDialog", "数据库：{database}").format(
            database=describe(self.ctx.db.url)))
        if self._auto is not None and self._auto.last_error:
            self.say(self._auto.last_error)
        ops.run_action(self.ctx, _list, on_done=self._show, on_error=self._error)

    def _show(self, entries: list[BackupEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            m = entry.manifest
            cells = [entry.created_at.replace("T", " ").removesuffix("+00:00"),
                     reason_text(m.reason) if m else translate("BackupsDialog", "（无法读取）"),
                     format_number(m.rows) if m else "", (m.event_code or "") if m else "",
                     str(entry.path)]
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        if entries:
            self.table.selectRow(0)

    def _error(self, exc: BaseException) -> None:
        self.running(False)
        self.say(ops.error_text(exc))

    def say(self, message: str) -> None:
        self.last_message = message
        self.status.setText(message)

    def running(self, busy: bool) -> None:
        for button in (self.backup_button, self.restore_button, self.file_button):
            button.setEnabled(not busy)

    # -- making one --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        self.running(True)
        self.say(translate("BackupsDialog", "正在备份…"))

        def made(path: Path) -> None:
            self.running(False)
            self.say(translate("BackupsDialog", "已备份：{path}").format(path=path))
            self.refresh()

        ops.run_action(self.ctx, lambda actx, _p: backup_actions.backup_now(actx),
                       on_done=made, on_error=self._error)

    # -- restoring ---------------------------------------------------------------------------
    def selected_file(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.entries):
            return None
        return self.entries[rows[0].row()].path

    def restore_selected(self) -> None:
        file = self.selected_file()
        if file is not None and self.confirm(file):
            self.restore(file)

    def restore_from_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("BackupsDialog", "还原备份"), "",
                                              backup_filter())
        if path and self.confirm(Path(path)):
            self.restore(Path(path))

    def confirm(self, file: Path) -> bool:
        answer = QMessageBox.question(
            self, translate("BackupsDialog", "还原"),
            translate("BackupsDialog", "用备份 {file} 替换当前数据库 {database}？\n"
                      "替换前会先保存一个还原点。").format(
                file=file.name, database=describe(self.ctx.db.url)))
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, file: Path) -> None:
        """Restore `file` into the open database (verified first; a restore point of what it
        replaces is kept), then reopen it in the window."""
        self.running(True)
        self.say(translate("BackupsDialog", "正在还原…"))
        url = self.ctx.db.url

        def work(actx: ActionContext, _p: ops.Progress) -> Outcome[backup_actions.Restored]:
            done = backup_actions.restore_backup(actx, file=file, replace=True)
            return outcome(done.value)  # the window reopens the database: no topics here

        def restored(done: backup_actions.Restored) -> None:
            self.running(False)
            rows = done.manifest.rows  # a plain name: lupdate skips a call counting an expression
            said = translate("BackupsDialog", "已还原 {file}（%n 行）", None,
                             rows).format(file=file.name)
            if done.restore_point:
                said += "\n" + translate("BackupsDialog", "还原点：{path}").format(
                    path=done.restore_point)
            self.say(said)
            if callable(self._reopen):
                self._reopen(url)

        ops.run_action(self.ctx, work, on_done=restored, on_error=self._error)

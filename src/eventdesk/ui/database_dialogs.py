"""The File menu's own dialogs: a new empty event (file, code, names, dates) and a server to
connect to (URL and a password used for this connection only), with the database files' filter
of the open / save dialogs; ui/database_menu.py does the work with what they answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.connection_secrets import with_password
from eventdesk.domain.qr import is_event_code
from eventdesk.ui.dialogs import ok_cancel, path_row
from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate


def sqlite_filter() -> str:
    """The file dialogs' filter of database files, in the language shown."""
    return (translate("DatabaseMenu", "EventDesk 数据库") + " (*.sqlite3 *.sqlite *.db);;"
            + translate("DatabaseMenu", "所有文件") + " (*)")


@dataclass(frozen=True)
class NewEventSpec:
    """What the "new empty event" dialog asks for."""

    path: Path
    code: str
    name_zh: str
    start: date
    end: date
    name_en: str = ""
    venue: str = ""

    def problem(self) -> str | None:
        """What is wrong with the answer, as a sentence; None when it can be created."""
        if not str(self.path).strip() or self.path == Path():
            return messages.text("event.new.path_required")
        if not is_event_code(self.code.strip().upper()):
            return messages.text("event.code_invalid", value=self.code)
        if not self.name_zh.strip():
            return messages.text("event.new.name_required")
        if self.end < self.start:
            return messages.text("event.new.end_before_start")
        return None


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class NewEventDialog(QDialog):
    """Asks for file, code, names and dates; `submitted` hands the answer to the menu, which
    closes the dialog on success or shows the error in it."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None, folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NewEventDialog", "新建活动"))
        self.setMinimumWidth(520)
        self.path = QLineEdit(str(folder / "event.sqlite3"))
        row = path_row(self.path, self._browse)
        self.code = QLineEdit()
        self.code.setPlaceholderText(translate("NewEventDialog", "例如 KS2025"))
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.venue = QLineEdit()
        today = QDate.currentDate()
        self.start = QDateEdit(today)
        self.end = QDateEdit(today.addDays(2))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        for label, field in ((QT_TRANSLATE_NOOP("NewEventDialog", "数据库文件"), row),
                             (QT_TRANSLATE_NOOP("NewEventDialog", "活动代码"), self.code),
                             (QT_TRANSLATE_NOOP("NewEventDialog", "中文名称"), self.name_zh),
                             (QT_TRANSLATE_NOOP("NewEventDialog", "英文名称"), self.name_en),
                             (QT_TRANSLATE_NOOP("NewEventDialog", "地点"), self.venue),
                             (QT_TRANSLATE_NOOP("NewEventDialog", "开始"), self.start),
                             (QT_TRANSLATE_NOOP("NewEventDialog", "结束"), self.end)):
            form.addRow(translate("NewEventDialog", label), field)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        buttons = ok_cancel(self, ok=translate("NewEventDialog", "创建"), on_ok=self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("NewEventDialog", "新建数据库"),
                                              self.path.text(), sqlite_filter())
        if path:
            self.path.setText(path)

    def spec(self) -> NewEventSpec:
        return NewEventSpec(
            path=Path(self.path.text().strip()).expanduser(), code=self.code.text().strip(),
            name_zh=self.name_zh.text().strip(), name_en=self.name_en.text().strip(),
            venue=self.venue.text().strip(), start=_day(self.start.date()),
            end=_day(self.end.date()))

    def submit(self) -> None:
        self.error.clear()
        self.submitted.emit(self.spec())

    def show_error(self, message: str) -> None:
        self.error.setText(message)


class ConnectDialog(QDialog):
    """A server URL and, separately, a password that is used for this connection only."""

    def __init__(self, parent: QWidget | None, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ConnectDialog", "连接服务器"))
        self.setMinimumWidth(560)
        self.url_edit = QLineEdit(url)
        self.url_edit.setPlaceholderText("postgresql+psycopg://user@host/eventdesk")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(translate("ConnectDialog", "地址"), self.url_edit)
        form.addRow(translate("ConnectDialog", "密码"), self.password)
        note = QLabel(translate("ConnectDialog",
                                "密码只保存在系统密钥环中（若本机有），从不写入设置文件。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = ok_cancel(self, ok=translate("ConnectDialog", "连接"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def url(self) -> str:
        return with_password(self.url_edit.text().strip(), self.password.text())

"""The export dialog: people (with QR payloads), exhibitors, check-ins, the schedule and the
programme to a file — actions.exports in a worker with progress and cancel. A programme export
also lists which characters of whose text no font can draw (the same report as the CLI)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import exports
from eventdesk.actions.base import Cancelled
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.dialogs import path_row
from eventdesk.ui.i18n import format_number, translate
from eventdesk.ui.schedule.export_menu import start_export

KINDS = (
    ("people", str(QT_TRANSLATE_NOOP("ExportDialog", "人员")), (".xlsx", ".csv")),
    ("exhibitors", str(QT_TRANSLATE_NOOP("ExportDialog", "展商")), (".xlsx", ".csv")),
    ("checkins", str(QT_TRANSLATE_NOOP("ExportDialog", "签到记录")), (".xlsx", ".csv")),
    ("schedule", str(QT_TRANSLATE_NOOP("ExportDialog", "日程")), (".xlsx", ".csv", ".ics")),
    ("programme", str(QT_TRANSLATE_NOOP("ExportDialog", "节目单（PDF）")), (".pdf",)),
)
# The personal-data columns of the exported files (services.exports PERSONAL_HEADERS: the
# files' own Chinese headers), named in the interface's language before and after exporting.
FIELD_TEXTS = {
    "姓名": str(QT_TRANSLATE_NOOP("ExportDialog", "姓名")),
    "英文名": str(QT_TRANSLATE_NOOP("ExportDialog", "英文名")),
    "职务": str(QT_TRANSLATE_NOOP("ExportDialog", "职务")),
    "手机": str(QT_TRANSLATE_NOOP("ExportDialog", "手机")),
    "邮箱": str(QT_TRANSLATE_NOOP("ExportDialog", "邮箱")),
    "编号": str(QT_TRANSLATE_NOOP("ExportDialog", "编号")),
    "备注": str(QT_TRANSLATE_NOOP("ExportDialog", "备注")),
    "胸卡编号": str(QT_TRANSLATE_NOOP("ExportDialog", "胸卡编号")),
    "二维码": str(QT_TRANSLATE_NOOP("ExportDialog", "二维码")),
    "同意": str(QT_TRANSLATE_NOOP("ExportDialog", "同意")),
    "联系人": str(QT_TRANSLATE_NOOP("ExportDialog", "联系人")),
    "联系电话": str(QT_TRANSLATE_NOOP("ExportDialog", "联系电话")),
    "联系邮箱": str(QT_TRANSLATE_NOOP("ExportDialog", "联系邮箱")),
}


def fields_text(fields: tuple[str, ...]) -> str:
    """Column names of an export, in the interface's language, as one list."""
    return translate("ExportDialog", "、").join(
        translate("ExportDialog", FIELD_TEXTS[f]) if f in FIELD_TEXTS else f for f in fields)


def done_text(done: exports.Exported) -> str:
    """What an export wrote, its personal data, then any texts whose characters no font can
    draw, one per line (ui.schedule.export_menu.done_message, the fields worded)."""
    count = format_number(done.count)
    lines = [messages.text(done.code, **{**done.params, "count": count})]
    if done.personal_fields:
        lines.append(messages.text("exports.personal_fields", **{
            **done.personal_params, "fields": fields_text(done.personal_fields), "count": count}))
    if done.problems:
        lines.append(messages.text("exports.glyphs_heading"))
        lines += [messages.text(p.code, **p.params) for p in done.problems]
    return "\n".join(lines)


class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("ExportDialog", "导出"))
        self.resize(620, 220)
        self.kind_box = QComboBox()
        for key, label, _suffixes in KINDS:
            self.kind_box.addItem(translate("ExportDialog", label), key)
        self.format_box = QComboBox()
        self.path_edit = QLineEdit()
        row = path_row(self.path_edit, self._browse)
        self.bar = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(translate("ExportDialog", "导出"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close_or_cancel)
        form = QFormLayout()
        form.addRow(translate("ExportDialog", "内容"), self.kind_box)
        form.addRow(translate("ExportDialog", "格式"), self.format_box)
        form.addRow(translate("ExportDialog", "文件"), row)
        # Which personal data the chosen kind writes, said before the file is written.
        self.privacy_label = QLabel()
        self.privacy_label.setWordWrap(True)
        self.privacy_label.setStyleSheet("color: #b25e09;")
        # People only (README "Privacy rules"): lists for use beyond the event carry only those
        # who consented; payloads are entry tickets, added only for mailing e-badges.
        self.consented_box = QCheckBox(translate("ExportDialog", "仅导出同意个人信息使用的人员"))
        self.payloads_box = QCheckBox(translate(
            "ExportDialog", "包含二维码内容（入场凭证，仅用于发送电子胸卡）"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.privacy_label)
        layout.addWidget(self.consented_box)
        layout.addWidget(self.payloads_box)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.format_box.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.op: ops.BackgroundOp | None = None
        self.running = False
        self.written: Path | None = None
        self.problems: tuple[exports.TextProblem, ...] = ()
        self._kind_changed()

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))

    def _kind_changed(self) -> None:
        suffixes = KINDS[self.kind_box.currentIndex()][2]
        fields = exports.personal_fields(str(self.kind_box.currentData()))
        self.privacy_label.setText(messages.text("exports.personal_fields_before",
                                                 fields=fields_text(fields)) if fields else "")
        self.privacy_label.setVisible(bool(fields))
        people = self.kind_box.currentData() == "people"
        for box in (self.consented_box, self.payloads_box):
            box.setVisible(people)
            if not people:
                box.setChecked(False)
        self.format_box.blockSignals(True)
        self.format_box.clear()
        for suffix in suffixes:
            self.format_box.addItem(suffix, suffix)
        self.format_box.blockSignals(False)
        self._format_changed()

    def _format_changed(self) -> None:
        suffix = str(self.format_box.currentData() or "")
        current = Path(self.path_edit.text()) if self.path_edit.text() else None
        name = f"{self.kind_box.currentData()}{suffix}"
        folder = current.parent if current else Path.home()
        self.path_edit.setText(str(folder / name))

    def _browse(self) -> None:
        suffix = str(self.format_box.currentData())
        path, _ = QFileDialog.getSaveFileName(self, translate("ExportDialog", "导出到"),
                                              self.path_edit.text(),
                                              f"*{suffix}")
        if path:
            self.path_edit.setText(path if path.lower().endswith(suffix) else path + suffix)

    def start(self) -> None:
        if self.running:
            return
        kind = str(self.kind_box.currentData())
        out = Path(self.path_edit.text().strip())
        if out.suffix.lower() not in KINDS[self.kind_box.currentIndex()][2]:
            self.status.setText(translate("ExportDialog", "文件须以 {suffix} 结尾").format(
                suffix=self.format_box.currentData()))
            return
        self.op = start_export(self.ctx, out, kind=kind, on_done=self._done,
                               on_error=self._failed, on_progress=self._progress,
                               with_payloads=self.payloads_box.isChecked(),
                               consented_only=self.consented_box.isChecked())
        self.running, self.written = True, None
        self.bar.setRange(0, 0)
        self.export_button.setEnabled(False)
        self.close_button.setText(translate("ExportDialog", "取消"))
        self.status.setText(translate("ExportDialog", "正在导出…"))

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _settle(self) -> None:
        self.running = False
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.export_button.setEnabled(True)
        self.close_button.setText(translate("ExportDialog", "关闭"))

    def _done(self, done: exports.Exported) -> None:
        self._settle()
        self.written = done.out
        self.problems = done.problems
        self.status.setText(done_text(done))

    def _failed(self, exc: BaseException) -> None:
        self._settle()
        self.status.setText(messages.text("exports.cancelled") if isinstance(exc, Cancelled)
                            else messages.describe(exc))

    def _close_or_cancel(self) -> None:
        if self.running and self.op is not None:
            self.op.cancel()
            return
        self.reject()

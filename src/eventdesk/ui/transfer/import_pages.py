"""The wizard's later pages: column mapping with a preview, the dry-run report, the import.

The dry run and the import are actions.imports.dry_run / import_list, run through
ui.ops.run_action (which tells the views the topics the import changed)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from eventdesk import messages
from eventdesk.actions import import_process
from eventdesk.actions import imports as import_actions
from eventdesk.actions.base import ActionContext, Cancelled, Outcome
from eventdesk.domain.errors import ImportRejected, RowError
from eventdesk.messages import imports as import_words
from eventdesk.services.imports import ImportReport
from eventdesk.ui import ops
from eventdesk.ui.i18n import format_number, translate

if TYPE_CHECKING:
    from eventdesk.ui.transfer.import_wizard import ImportWizard

POLICY_LABELS = (("update", str(QT_TRANSLATE_NOOP("MappingPage", "更新已有记录"))),
                 ("skip", str(QT_TRANSLATE_NOOP("MappingPage", "跳过"))),
                 ("reject", str(QT_TRANSLATE_NOOP("MappingPage", "视为错误"))))
MAX_SHOWN_ERRORS = 2000


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(translate("MappingPage", "对应列"))
        self.setSubTitle(translate("MappingPage",
                                   "已按列名自动对应，可修改；带 * 的字段是必需的。"))
        self.form = QFormLayout()
        self.boxes: dict[str, QComboBox] = {}
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        # The columns left out and the second columns used, as the dry run will say.
        self.columns = QLabel()
        self.columns.setWordWrap(True)
        self.policy = QComboBox()
        for key, label in POLICY_LABELS:
            self.policy.addItem(translate("MappingPage", label), key)
        self.save = QCheckBox(translate("MappingPage", "记住这个对应关系"))
        self.save.setChecked(True)
        self.create_rooms = QCheckBox(translate("MappingPage", "新建文件中的会议室"))
        options = QFormLayout()
        options.addRow(translate("MappingPage", "重复记录"), self.policy)
        options.addRow(self.save)
        options.addRow(self.create_rooms)
        top = QHBoxLayout()
        top.addLayout(self.form, 1)
        top.addLayout(options, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        layout.addWidget(self.columns)
        layout.addWidget(QLabel(translate("MappingPage", "前几行预览")))
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        preview = self.w.preview
        if preview is None:
            return
        self.create_rooms.setVisible(self.w.kind == "schedule")
        while self.form.rowCount():
            self.form.removeRow(0)
        self.boxes.clear()
        for key, label, required in preview.fields:
            box = QComboBox()
            box.addItem(translate("MappingPage", "（不导入）"), "")
            for header in preview.headers:
                if header:
                    box.addItem(header, header)
            box.setCurrentIndex(max(0, box.findData(preview.mapping.get(key, ""))))
            box.currentIndexChanged.connect(lambda _i: self._changed())
            self.boxes[key] = box
            self.form.addRow(f"{import_words.field_label(label)}{' *' if required else ''}", box)
        headers = [h for h in preview.headers if h]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(preview.rows))
        for r, (number, values) in enumerate(preview.rows):
            self.table.setVerticalHeaderItem(r, QTableWidgetItem(format_number(number)))
            for c, header in enumerate(headers):
                self.table.setItem(r, c, QTableWidgetItem(values.get(header, "")[:200]))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._changed()

    def mapping(self) -> dict[str, str]:
        return {key: str(box.currentData()) for key, box in self.boxes.items()
                if box.currentData()}

    def _changed(self) -> None:
        preview = self.w.preview
        if preview is None:
            return
        problems = import_actions.mapping_problems(preview, self.mapping())
        self.problems.setText("\n".join(
            messages.text(p.code, **import_words.worded_params(p.params)) for p in problems))
        unmapped, secondary = import_actions.left_out(preview, self.mapping())
        self.columns.setText("\n".join(import_words.column_lines(
            kind=preview.kind, unmapped=unmapped, secondary=secondary)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.preview is not None and not self.problems.text()


class _RunPage(QWizardPage):
    """A page that runs one background op with a progress bar and a cancel button."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.bar = QProgressBar()
        self.cancel_button = QPushButton(translate("ImportWizard", "取消"))
        self.cancel_button.clicked.connect(self.cancel)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.columns = QLabel()
        self.columns.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        # Progress and summary on top; a page adds what it shows below them.
        self.body = QVBoxLayout(self)
        self.body.addLayout(row)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.columns)
        self.report: ImportReport | None = None
        self.op: ops.BackgroundOp | None = None
        self.running = False

    def start(self, *, dry_run: bool, expected_hash: str | None) -> None:
        preview = self.w.preview
        assert preview is not None
        page = self.w.mapping_page
        request = import_actions.ImportRequest(
            path=Path(preview.path), kind=self.w.kind, sheet=preview.sheet or None,
            mapping=page.mapping(), on_duplicate=str(page.policy.currentData()),
            skip_invalid=self.w.dry_page.skip_invalid.isChecked(),
            create_rooms=page.create_rooms.isChecked() and self.w.kind == "schedule",
            encoding=(preview.encoding or None) if preview.format == "csv" else None)
        save = page.save.isChecked()

        def work(actx: ActionContext, progress: ops.Progress) -> Outcome[ImportReport]:
            # People lists (tens of thousands of rows) in a child process: planning them on a
            # thread of the window's process stalled the window (GIL, garbage collector) — see
            # actions.import_process. Exhibitor and schedule lists are small.
            in_child = request.kind == "people"
            if dry_run:
                return (import_process.dry_run if in_child else import_actions.dry_run)(
                    actx, request=request, progress=progress)
            return (import_process.import_list if in_child else import_actions.import_list)(
                actx, request=request, expected_hash=expected_hash, save_mapping=save,
                progress=progress)

        self.report, self.running = None, True
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.summary.setText(translate("ImportWizard", "正在预演…") if dry_run
                             else translate("ImportWizard", "正在导入…"))
        self.completeChanged.emit()
        self.op = ops.run_action(self.w.ctx, work, on_done=self._done, on_error=self._failed,
                                 on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def cancel(self) -> None:
        if self.op is not None and self.running:
            self.op.cancel()

    def _finish(self) -> None:
        self.running = False
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)

    def _done(self, report: ImportReport) -> None:
        self._finish()
        self.report = report
        self.summary.setText(import_words.summary(report))
        self.columns.setText("\n".join(import_words.report_columns(report)))
        self.show_report(report)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.summary.setText(translate("ImportWizard", "已取消，没有写入任何数据")
                             if isinstance(exc, Cancelled) else messages.describe(exc))
        self.summary.setStyleSheet("color: #b00020;")
        if isinstance(exc, ImportRejected):
            self.show_rows(exc.errors)  # a damaged CSV: the rows that show it
        self.completeChanged.emit()

    def show_report(self, report: ImportReport) -> None:
        pass

    def show_rows(self, errors: list[RowError]) -> None:
        pass


class DryRunPage(_RunPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(translate("DryRunPage", "预演"))
        self.setSubTitle(translate("DryRunPage",
                                   "不写入任何数据，只显示导入会做什么：新建、更新、跳过和错误。"))
        self.skip_invalid = QCheckBox(translate("DryRunPage", "跳过有错误的行，只导入有效的行"))
        self.skip_invalid.toggled.connect(lambda _on: self.completeChanged.emit())
        self.errors = QTableWidget(0, 4)
        self.errors.setHorizontalHeaderLabels([translate("DryRunPage", "行"),
                                               translate("DryRunPage", "列"),
                                               translate("DryRunPage", "值"),
                                               translate("DryRunPage", "问题")])
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.export_button = QPushButton(translate("DryRunPage", "导出错误报告…"))
        self.export_button.clicked.connect(self._ask_export)
        self.export_button.setEnabled(False)
        self.body.addWidget(self.errors, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_invalid, 1)
        buttons.addWidget(self.export_button)
        self.body.addLayout(buttons)
        self.setCommitPage(True)
        self.setButtonText(self.w.WizardButton.CommitButton, translate("DryRunPage", "导入"))

    def initializePage(self) -> None:
        self.summary.setStyleSheet("")
        self.errors.setRowCount(0)
        self.export_button.setEnabled(False)
        self.start(dry_run=True, expected_hash=None)

    def cleanupPage(self) -> None:
        self.cancel()

    def show_report(self, report: ImportReport) -> None:
        self.show_rows(report.errors)
        self.export_button.setEnabled(bool(report.errors))

    def show_rows(self, errors: list[RowError]) -> None:
        shown = [e for e in errors if e.row > 0][:MAX_SHOWN_ERRORS]
        self.errors.setRowCount(len(shown))
        for r, e in enumerate(shown):
            for c, value in enumerate((format_number(e.row), e.column, e.value,
                                       import_words.row_message(e))):
                self.errors.setItem(r, c, QTableWidgetItem(value))

    def export_errors(self, path: str) -> bool:
        """Save the error report; a file that cannot be written is said in one sentence."""
        if self.report is None:
            return False
        try:
            import_actions.save_error_report(
                [(e.row, e.column, e.value, import_words.row_message(e))
                 for e in self.report.errors], path)
        except OSError as exc:
            QMessageBox.warning(self, "EventDesk", messages.describe(exc))
            return False
        return True

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("DryRunPage", "导出错误报告"),
                                              "import-errors.csv", "CSV (*.csv)")
        if path:
            self.export_errors(path)

    def isComplete(self) -> bool:
        report = self.report
        if report is None or self.running:
            return False
        return not report.errors or self.skip_invalid.isChecked()


class ImportPage(_RunPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(translate("ImportPage", "导入"))
        self.setFinalPage(True)
        self.body.addStretch(1)

    def initializePage(self) -> None:
        self.summary.setStyleSheet("")
        dry = self.w.dry_page.report
        self.start(dry_run=False, expected_hash=dry.content_hash if dry else None)

    def isComplete(self) -> bool:
        return not self.running

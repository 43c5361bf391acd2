"""The import wizard: kind and file → sheet → column mapping → dry run → import, for every kind
of list (people, exhibitors, the schedule).

Reading the file, the dry run and the import are the actions of actions.imports (the same the
CLI runs), each in a worker through ui.ops.run_action, with progress and cancel; the GUI thread
only shows results. The dry run records the file's content hash and the
import refuses a file that changed since, so what is imported is what the person reviewed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from eventdesk import messages
from eventdesk.actions import imports as import_actions
from eventdesk.domain.errors import ImportRejected
from eventdesk.messages import imports as import_words
from eventdesk.services.imports import FilePreview
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.dialogs import path_row
from eventdesk.ui.transfer.import_pages import DryRunPage, ImportPage, MappingPage

FILE_PAGE, SHEET_PAGE, MAPPING_PAGE, DRY_RUN_PAGE, IMPORT_PAGE = range(5)
FILE_FILTER = "名单 Lists (*.csv *.xlsx *.txt);;CSV (*.csv *.txt);;Excel (*.xlsx)"


class ImportWizard(QWizard):
    """`path`/`kind` preset the first page (the File menu passes none; tests do)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 path: str | None = None, kind: str = "people") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("导入名单 Import")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(960, 680)
        self.preview: FilePreview | None = None
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.dry_page = DryRunPage(self)
        self.import_page = ImportPage(self)
        for page_id, page in enumerate((self.file_page, self.sheet_page, self.mapping_page,
                                        self.dry_page, self.import_page)):
            self.setPage(page_id, page)
        self.setStartId(FILE_PAGE)
        self.file_page.set_kind(kind)
        if path:
            self.file_page.set_path(path)

    @property
    def kind(self) -> str:
        return str(self.file_page.kind_box.currentData())

    def inspect(self, *, path: str, sheet: str | None, encoding: str | None,
                on_done: Callable[[FilePreview], None],
                on_error: Callable[[BaseException], None]) -> ops.BackgroundOp:
        kind = self.kind
        return ops.run_action(
            self.ctx,
            lambda actx, _progress: import_actions.inspect(actx, path=path, kind=kind,
                                                           sheet=sheet, encoding=encoding),
            on_done=on_done, on_error=on_error)

    def reject(self) -> None:
        for page in (self.dry_page, self.import_page):
            page.cancel()
        super().reject()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("选择文件 Choose the file")
        self.setSubTitle("CSV（编码自动识别，无法确定时请选择）或 Excel .xlsx；"
                         "下方显示按该编码解码后的内容，乱码说明编码不对。")
        self.kind_box = QComboBox()
        for kind, label in import_actions.kinds():
            self.kind_box.addItem(label, kind)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("文件路径 File path")
        self.path_edit.editingFinished.connect(lambda: self.set_path(self.path_edit.text()))
        self.kind_box.currentIndexChanged.connect(lambda _i: self._reload())
        # A CSV's encoding: detected unless chosen; a file whose encoding is not certain is
        # refused until one is chosen here (the preview then shows the names it gives).
        self.encoding_box = QComboBox()
        self.encoding_box.addItem("自动识别 Automatic", "")
        for codec, label in import_actions.encoding_choices():
            self.encoding_box.addItem(label, codec)
        self.encoding_box.activated.connect(lambda _i: self._reload())
        row = path_row(self.path_edit, self._browse)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        form = QFormLayout()
        form.addRow("导入内容 Kind", self.kind_box)
        form.addRow("文件 File", row)
        form.addRow("编码 Encoding", self.encoding_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.text, 1)
        self._loading = ""
        self.op: ops.BackgroundOp | None = None

    def set_kind(self, kind: str) -> None:
        index = self.kind_box.findData(kind)
        if index >= 0:
            self.kind_box.setCurrentIndex(index)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择名单 Choose a list", str(Path.home()),
                                              FILE_FILTER)
        if path:
            self.set_path(path)

    def _reload(self) -> None:
        if self.path_edit.text():
            self.set_path(self.path_edit.text(), force=True)

    def encoding(self) -> str | None:
        """The encoding chosen for a CSV file (None: detect it)."""
        return str(self.encoding_box.currentData()) or None

    def choose_encoding(self, codec: str) -> None:
        """Pick `codec` as the person does from the list, and read the file with it."""
        index = self.encoding_box.findData(codec)
        if index < 0:
            self.encoding_box.addItem(codec, codec)
            index = self.encoding_box.count() - 1
        self.encoding_box.setCurrentIndex(index)
        self._reload()

    def set_path(self, path: str, *, force: bool = False, sheet: str | None = None) -> None:
        path = path.strip()
        if not path or (not force and sheet is None and path == self._loading):
            return
        self.path_edit.setText(path)
        self._loading = path
        self.w.preview = None
        self.info.setText("正在读取… Reading…")
        self.info.setStyleSheet("")
        self.text.clear()
        self.completeChanged.emit()
        self.op = self.w.inspect(path=path, sheet=sheet, encoding=self.encoding(),
                                 on_done=self._loaded, on_error=self._failed)

    def _loaded(self, preview: FilePreview) -> None:
        if preview.path != str(Path(self._loading)):
            return  # an older file's answer arriving late
        self.w.preview = preview
        self.encoding_box.setEnabled(preview.format == "csv")
        self.info.setStyleSheet("color: #b00020;" if preview.error else "")
        if preview.error:
            self.info.setText(f"{messages.describe(preview.error)}（请在下一步选择其他工作表）")
            self.text.clear()
        elif preview.format == "csv":
            names = {",": "逗号", ";": "分号", "\t": "制表符"}
            what = (f"CSV，编码 {preview.encoding}，分隔符 "
                    f"{names.get(preview.delimiter, preview.delimiter)}")
        else:
            what = f"Excel，工作表“{preview.sheet}”（共 {len(preview.sheets)} 个）"
        if not preview.error:
            self.info.setText(f"{what}；表头在第 {preview.header_line} 行："
                              f"{' | '.join(preview.headers)}")
            self.text.setPlainText(preview.preview_text)
        self.completeChanged.emit()
        if self.w.sheet_page.isVisible():
            self.w.sheet_page.refresh()
        if self.w.currentId() == MAPPING_PAGE:
            self.w.mapping_page.initializePage()

    def _failed(self, exc: BaseException) -> None:
        self.w.preview = None
        self.info.setText(messages.describe(exc))
        self.info.setStyleSheet("color: #b00020;")
        if isinstance(exc, ImportRejected):
            # An unsure encoding: what each candidate makes of the file, to choose from above.
            self.text.setPlainText("\n\n".join(
                f"【{c['label']}】\n{c['sample']}" for c in import_words.encoding_candidates(exc)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        preview = self.w.preview
        return preview is not None and (not preview.error or len(preview.sheets) > 1)

    def nextId(self) -> int:
        preview = self.w.preview
        if preview is not None and preview.format == "xlsx" and len(preview.sheets) > 1:
            return SHEET_PAGE
        return MAPPING_PAGE


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("选择工作表 Choose the sheet")
        self.setSubTitle("表头上方的标题行和空行会被自动跳过。")
        self.sheet_box = QComboBox()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QFormLayout(self)
        layout.addRow("工作表 Sheet", self.sheet_box)
        layout.addRow(self.info)
        self.sheet_box.activated.connect(self._chosen)

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        preview = self.w.preview
        if preview is None:
            self.info.setText("正在读取… Reading…")
            return
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(preview.sheets)
        self.sheet_box.setCurrentText(preview.sheet)
        self.sheet_box.blockSignals(False)
        self.info.setText(messages.describe(preview.error) if preview.error else
                          f"表头在第 {preview.header_line} 行：{' | '.join(preview.headers)}")
        self.info.setStyleSheet("color: #b00020;" if preview.error else "")
        self.completeChanged.emit()

    def _chosen(self, _index: int = 0) -> None:
        preview = self.w.preview
        sheet = self.sheet_box.currentText()
        if preview is not None and sheet == preview.sheet:
            return
        self.w.file_page.set_path(self.w.file_page.path_edit.text(), sheet=sheet)
        self.info.setText("正在读取… Reading…")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.preview is not None and not self.w.preview.error

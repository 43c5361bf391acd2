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

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
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
from eventdesk.ui.i18n import format_number, translate
from eventdesk.ui.transfer.import_pages import DryRunPage, ImportPage, MappingPage

FILE_PAGE, SHEET_PAGE, MAPPING_PAGE, DRY_RUN_PAGE, IMPORT_PAGE = range(5)
# The kinds of list and the CSV encodings a person may choose, in the interface's language
# (the services' labels are the command line's).
KIND_TEXTS = {"people": str(QT_TRANSLATE_NOOP("ImportWizard", "人员")),
              "exhibitors": str(QT_TRANSLATE_NOOP("ImportWizard", "展商")),
              "schedule": str(QT_TRANSLATE_NOOP("ImportWizard", "日程"))}
ENCODING_TEXTS = {
    "utf-8": "UTF-8", "utf-16": "UTF-16",
    "gb18030": str(QT_TRANSLATE_NOOP("ImportWizard", "GB18030/GBK（简体中文）")),
    "big5": str(QT_TRANSLATE_NOOP("ImportWizard", "Big5（繁体中文）")),
    "shift_jis": str(QT_TRANSLATE_NOOP("ImportWizard", "Shift-JIS（日文）")),
    "euc_kr": str(QT_TRANSLATE_NOOP("ImportWizard", "EUC-KR（韩文）")),
    "cp1252": str(QT_TRANSLATE_NOOP("ImportWizard", "Windows-1252（西欧语言）")),
    "cp1251": str(QT_TRANSLATE_NOOP("ImportWizard", "Windows-1251（西里尔文）")),
    "cp1250": str(QT_TRANSLATE_NOOP("ImportWizard", "Windows-1250（中欧语言）")),
    "latin-1": str(QT_TRANSLATE_NOOP("ImportWizard", "ISO-8859-1（拉丁文-1）")),
}
DELIMITER_TEXTS = {",": str(QT_TRANSLATE_NOOP("ImportWizard", "逗号")),
                   ";": str(QT_TRANSLATE_NOOP("ImportWizard", "分号")),
                   "\t": str(QT_TRANSLATE_NOOP("ImportWizard", "制表符"))}


def kind_label(kind: str, fallback: str) -> str:
    text = KIND_TEXTS.get(kind)
    return translate("ImportWizard", text) if text else fallback


def encoding_label(codec: str, fallback: str = "") -> str:
    """A CSV encoding as the wizard names it ("GB18030/GBK（简体中文）"); `fallback` (else the
    codec's name) for one not in the list."""
    name = codec.lower().replace("_", "-")
    for key, text in ENCODING_TEXTS.items():
        if key.replace("_", "-") == name or (key == "utf-8" and name == "utf-8-sig"):
            return translate("ImportWizard", text)
    return fallback or codec


class ImportWizard(QWizard):
    """`path`/`kind` preset the first page (the File menu passes none; tests do)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 path: str | None = None, kind: str = "people") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("ImportWizard", "导入名单"))
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


def header_line(preview: FilePreview) -> str:
    """Where the header is and what it says (the file's own column names)."""
    return translate("ImportWizard", "表头在第 {line} 行：{headers}").format(
        line=format_number(preview.header_line), headers=" | ".join(preview.headers))


def refusal_text(exc: BaseException) -> str:
    """Why a file cannot be read; an unsure encoding names its candidates as the encoding
    list does (the service's labels are the command line's)."""
    if not isinstance(exc, ImportRejected) or exc.code != "imports.encoding_unsure":
        return messages.describe(exc)
    candidates = import_words.encoding_candidates(exc)
    named = translate("ImportWizard", "、").join(encoding_label(c["encoding"], c["label"])
                                                for c in candidates)
    return messages.text("imports.encoding_unsure_wizard", **{**exc.params, "candidates": named})


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(translate("ImportWizard", "选择文件"))
        self.setSubTitle(translate("ImportWizard", "CSV（编码自动识别，无法确定时请选择）或 Excel "
                                   ".xlsx；下方显示按该编码解码后的内容，乱码说明编码不对。"))
        self.kind_box = QComboBox()
        for kind, label in import_actions.kinds():
            self.kind_box.addItem(kind_label(kind, label), kind)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(translate("ImportWizard", "文件路径"))
        self.path_edit.editingFinished.connect(lambda: self.set_path(self.path_edit.text()))
        self.kind_box.currentIndexChanged.connect(lambda _i: self._reload())
        # A CSV's encoding: detected unless chosen; a file whose encoding is not certain is
        # refused until one is chosen here (the preview then shows the names it gives).
        self.encoding_box = QComboBox()
        self.encoding_box.addItem(translate("ImportWizard", "自动识别"), "")
        for codec, label in import_actions.encoding_choices():
            self.encoding_box.addItem(encoding_label(codec, label), codec)
        self.encoding_box.activated.connect(lambda _i: self._reload())
        row = path_row(self.path_edit, self._browse)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        form = QFormLayout()
        form.addRow(translate("ImportWizard", "导入内容"), self.kind_box)
        form.addRow(translate("ImportWizard", "文件"), row)
        form.addRow(translate("ImportWizard", "编码"), self.encoding_box)
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
        lists = translate("ImportWizard", "名单")
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ImportWizard", "选择名单"), str(Path.home()),
            f"{lists} (*.csv *.xlsx *.txt);;CSV (*.csv *.txt);;Excel (*.xlsx)")
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
            self.encoding_box.addItem(encoding_label(codec), codec)
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
        self.info.setText(translate("ImportWizard", "正在读取…"))
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
            self.info.setText(messages.describe(preview.error) + translate(
                "ImportWizard", "（请在下一步选择其他工作表）"))
            self.text.clear()
        elif preview.format == "csv":
            delimiter = DELIMITER_TEXTS.get(preview.delimiter)
            what = translate("ImportWizard", "CSV，编码 {encoding}，分隔符 {delimiter}").format(
                encoding=encoding_label(preview.encoding),
                delimiter=translate("ImportWizard", delimiter) if delimiter else preview.delimiter)
        else:
            what = translate("ImportWizard", "Excel，工作表“{sheet}”（文件共有工作表 {count} 个）"
                             ).format(sheet=preview.sheet, count=format_number(len(preview.sheets)))
        if not preview.error:
            self.info.setText(what + translate("ImportWizard", "；") + header_line(preview))
            self.text.setPlainText(preview.preview_text)
        self.completeChanged.emit()
        if self.w.sheet_page.isVisible():
            self.w.sheet_page.refresh()
        if self.w.currentId() == MAPPING_PAGE:
            self.w.mapping_page.initializePage()

    def _failed(self, exc: BaseException) -> None:
        self.w.preview = None
        self.info.setText(refusal_text(exc))
        self.info.setStyleSheet("color: #b00020;")
        if isinstance(exc, ImportRejected):
            # An unsure encoding: what each candidate makes of the file, to choose from above.
            heading = translate("ImportWizard", "【{encoding}】")
            self.text.setPlainText("\n\n".join(
                heading.format(encoding=encoding_label(c["encoding"], c["label"]))
                + "\n" + c["sample"] for c in import_words.encoding_candidates(exc)))
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
        self.setTitle(translate("ImportWizard", "选择工作表"))
        self.setSubTitle(translate("ImportWizard", "表头上方的标题行和空行会被自动跳过。"))
        self.sheet_box = QComboBox()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QFormLayout(self)
        layout.addRow(translate("ImportWizard", "工作表"), self.sheet_box)
        layout.addRow(self.info)
        self.sheet_box.activated.connect(self._chosen)

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        preview = self.w.preview
        if preview is None:
            self.info.setText(translate("ImportWizard", "正在读取…"))
            return
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(preview.sheets)
        self.sheet_box.setCurrentText(preview.sheet)
        self.sheet_box.blockSignals(False)
        self.info.setText(messages.describe(preview.error) if preview.error else
                          header_line(preview))
        self.info.setStyleSheet("color: #b00020;" if preview.error else "")
        self.completeChanged.emit()

    def _chosen(self, _index: int = 0) -> None:
        preview = self.w.preview
        sheet = self.sheet_box.currentText()
        if preview is not None and sheet == preview.sheet:
            return
        self.w.file_page.set_path(self.w.file_page.path_edit.text(), sheet=sheet)
        self.info.setText(translate("ImportWizard", "正在读取…"))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.preview is not None and not self.w.preview.error

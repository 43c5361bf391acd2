"""Where a designed layout goes: saved in the event (every desk prints it), exported to one file
that carries its images, imported from such a file (or a plain layout JSON with its images
beside it). Reading and writing run off the GUI thread; a refused file is one sentence in a
message box naming the element at fault."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import layouts
from eventdesk.actions.layouts import LayoutDocument, LayoutInfo
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import translate


def _filter() -> str:
    return translate("SaveDialog", "EventDesk 胸卡版式 (*.json)")


class SaveDialog(QDialog):
    """Save in the event: as the event's standard badge (the name "default", which every desk
    prints without changing its settings) or under a name of its own."""

    def __init__(self, parent: QWidget, layout: LayoutDocument) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SaveDialog", "保存到本活动"))
        self.as_default = QRadioButton(translate("SaveDialog",
                                                 "作为本活动的标准胸卡（所有工作台立即使用）"))
        self.as_named = QRadioButton(translate("SaveDialog", "另存为版式，名称："))
        group = QButtonGroup(self)
        group.addButton(self.as_default)
        group.addButton(self.as_named)
        self.name = QLineEdit(layout.name if layout.name != "default" else "")
        self.name.setPlaceholderText(translate("SaveDialog", "字母、数字、- 或 _"))
        self.title = QLineEdit(layout.title)
        (self.as_default if layout.name == "default" else self.as_named).setChecked(True)
        note = QLabel(translate("SaveDialog", "保存在活动数据库里：所有连接到本活动的工作台、"
                                              "批量打印都使用同一版式。"))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.as_default)
        form.addRow(self.as_named, self.name)
        form.addRow(translate("SaveDialog", "标题"), self.title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(buttons)

    def chosen_name(self) -> str:
        return "default" if self.as_default.isChecked() else self.name.text().strip()


def save(parent: QWidget, ctx: AppContext, layout: LayoutDocument,
         done: Callable[[LayoutInfo], None]) -> None:
    """Ask where, then save off the GUI thread; a refusal is shown in a message box."""
    dialog = SaveDialog(parent, layout)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    to_save = LayoutDocument(name=dialog.chosen_name(), document=copy.deepcopy(layout.document),
                             images=dict(layout.images))
    if dialog.title.text().strip():
        to_save.document["title"] = dialog.title.text().strip()
    ops.run_action(ctx, lambda actx, _p: layouts.save_layout(actx, layout=to_save),
                   on_done=done, on_error=lambda exc: refuse(parent, exc), owner=parent)


def refuse(parent: QWidget, exc: BaseException) -> None:
    """One sentence for a person: a layout that cannot be used names its element."""
    if isinstance(exc, ops.Cancelled):
        return
    QMessageBox.warning(parent, "EventDesk", messages.describe(exc))


def import_file(parent: QWidget, done: Callable[[LayoutDocument], None],
                path: Path | None = None) -> None:
    """Choose a layout file (or take `path`) and read it, with its images, off the GUI thread."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, translate("SaveDialog", "导入胸卡版式"),
                                                "", _filter())
        if not chosen:
            return
        path = Path(chosen)
    ops.run_call_in_background(lambda: layouts.import_layout_file(path), on_done=done,
                               on_error=lambda exc: refuse(parent, exc), owner=parent)


def export_file(parent: QWidget, layout: LayoutDocument, done: Callable[[Path], None],
                path: Path | None = None) -> None:
    """Choose where, then write one file with the layout and its images."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, translate("SaveDialog", "导出胸卡版式"),
                                                f"{layout.name}.json", _filter())
        if not chosen:
            return
        path = Path(chosen)
    snapshot = LayoutDocument(name=layout.name, document=copy.deepcopy(layout.document),
                              images=dict(layout.images))
    ops.run_call_in_background(lambda: layouts.export_layout_file(snapshot, path),
                               on_done=done, on_error=lambda exc: refuse(parent, exc),
                               owner=parent)

"""Colours and labels per category: the colour a "category colour" element takes, the text colour
on it, and the label printed when a badge brings none. One undo command per change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QColorDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eventdesk.domain import Category
from eventdesk.ui.designer import commands as c
from eventdesk.ui.designer.model import LayoutModel
from eventdesk.ui.i18n import translate
from eventdesk.ui.labels import category_label

DEFAULT = {"color": "#455A64", "on_color": "#FFFFFF", "label": ""}
KEYS = [cat.value for cat in Category] + ["*"]


def _name(key: str) -> str:
    return category_label(key)


class CategoryPanel(QWidget):
    """A row per category: its name, the label (editable), the colour and the text colour on it
    (buttons that open a colour chooser)."""

    def __init__(self, model: LayoutModel, stack: QUndoStack) -> None:
        super().__init__()
        self.model, self.stack = model, stack
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            translate("CategoryPanel", "类别"), translate("CategoryPanel", "印出的标签"),
            translate("CategoryPanel", "颜色"), translate("CategoryPanel", "文字色")])
        header = self.table.horizontalHeader()
        # The label (what prints) gets the room; the names and colour buttons what they need.
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self._loading = False
        self.table.itemChanged.connect(self._label_changed)
        note = QLabel(translate(
            "CategoryPanel",
            "“类别颜色”元素随人员类别变色；标签在胸卡没有自带类别名时印出（印在胸卡上，不随界面语言变化）。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.refresh()

    def refresh(self) -> None:
        categories = self.model.categories()
        self._loading = True
        try:
            keys = KEYS + sorted(k for k in categories if k not in KEYS)
            self.table.setRowCount(len(keys))
            for row, key in enumerate(keys):
                spec = {**DEFAULT, **categories.get(key, {})}
                name = QTableWidgetItem(_name(key))
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
                name.setData(Qt.ItemDataRole.UserRole, key)
                self.table.setItem(row, 0, name)
                self.table.setItem(row, 1, QTableWidgetItem(str(spec.get("label", ""))))
                for column, colour_key in ((2, "color"), (3, "on_color")):
                    button = QPushButton(str(spec[colour_key]))
                    colour = QColor(str(spec[colour_key]))
                    text = "#000" if colour.lightness() > 140 else "#fff"
                    button.setStyleSheet(f"background: {colour.name()}; color: {text};")
                    button.clicked.connect(
                        lambda _=False, k=key, ck=colour_key: self._choose(k, ck))
                    self.table.setCellWidget(row, column, button)
        finally:
            self._loading = False

    def _set(self, key: str, field: str, value: str) -> None:
        spec = {**DEFAULT, **self.model.categories().get(key, {})}
        if spec.get(field) == value:
            return
        spec[field] = value
        what = {"label": translate("CategoryPanel", "标签"), "color": translate(
            "CategoryPanel", "颜色"), "on_color": translate("CategoryPanel", "文字色")}[field]
        self.stack.push(c.SetCategory(self.model, key, spec, translate(
            "CategoryPanel", "类别“{category}”的{what}").format(category=_name(key), what=what)))

    def _label_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 1:
            return
        name = self.table.item(item.row(), 0)
        if name is not None:
            self._set(str(name.data(Qt.ItemDataRole.UserRole)), "label", item.text().strip())

    def _choose(self, key: str, field: str) -> None:
        current = QColor(str({**DEFAULT, **self.model.categories().get(key, {})}[field]))
        chosen = QColorDialog.getColor(current, self, _name(key))
        if chosen.isValid():
            self._set(key, field, chosen.name().upper())

"""The selected element's options, as the layout data knows them: its box in millimetres; for
text the field it shows (or free text), font size and the floor it shrinks to, bold, alignment,
colour or the category's colour, maximum lines, the rule for names written in Chinese
characters, the fallback field; for a colour block its fill and corner radius. Every change is
one undo command (EditElements), so the canvas and the proof follow it and undo takes it back.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from eventdesk.pdf.layout_check import FIELDS
from eventdesk.ui.designer import commands as c
from eventdesk.ui.designer.items import FIELD_HINTS
from eventdesk.ui.designer.model import LayoutModel, Spec, box_of, with_box

KIND_LABELS = {"text": "文字 Text", "rect": "色块 Colour block", "image": "图片 Image",
               "qr": "二维码 QR code"}
COLOURS = [("类别颜色 Category colour", "category"),
           ("类别色上的文字色 Text colour on category", "on_category"),
           ("黑 #000000", "#000000"), ("深灰 #333333", "#333333"), ("灰 #555555", "#555555"),
           ("白 #FFFFFF", "#FFFFFF")]
ALIGN_LABELS = [("居中 Centre", "center"), ("左 Left", "left"), ("右 Right", "right")]
VALIGN_LABELS = [("居中 Middle", "center"), ("上 Top", "top"), ("下 Bottom", "bottom")]


def _spin(low: float, high: float, step: float, suffix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox(minimum=low, maximum=high, singleStep=step, decimals=1, suffix=suffix)
    box.setMinimumWidth(60)
    box.setKeyboardTracking(False)  # one edit when the person is done typing, not per digit
    return box


def _narrow(box: QComboBox) -> QComboBox:
    """A combo box that does not widen the panel to its longest item."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def _fields_box(*, empty: str) -> QComboBox:
    box = _narrow(QComboBox())
    box.addItem(empty, "")
    for key in FIELDS:
        box.addItem(f"{FIELD_HINTS.get(key, key)} ({key})", key)
    return box


def _colour_box() -> QComboBox:
    box = _narrow(QComboBox())
    box.setEditable(True)  # any #RRGGBB may be typed
    for label, value in COLOURS:
        box.addItem(label, value)
    return box


def _set_combo(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    if index < 0 and box.isEditable():
        box.setEditText(str(value))
    else:
        box.setCurrentIndex(max(index, 0))


def _combo_value(box: QComboBox) -> str:
    data = box.currentData()
    if box.isEditable() and box.currentText() != box.itemText(box.currentIndex()):
        return box.currentText().strip()
    return str(data if data is not None else box.currentText())


class ElementPanel(QWidget):
    """Edits the elements selected on the canvas (the first one's options; a box change moves
    only that one)."""

    def __init__(self, model: LayoutModel, stack: QUndoStack) -> None:
        super().__init__()
        self.model, self.stack = model, stack
        self.where: tuple[int, str] = (0, "front")
        self.indexes: list[int] = []
        self._loading = False
        self.title = QLabel("在画布上选择一个元素 Select an element on the badge")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.box_x, self.box_y = _spin(0, 400, 0.5, " mm"), _spin(0, 400, 0.5, " mm")
        self.box_w, self.box_h = _spin(1, 400, 0.5, " mm"), _spin(1, 400, 0.5, " mm")
        self.field = _fields_box(empty="（自由文字 Free text）")
        self.text, self.prefix = QLineEdit(), QLineEdit()
        self.font_size, self.min_size = _spin(2, 300, 0.5, " pt"), _spin(2, 300, 0.5, " pt")
        self.max_lines = QSpinBox(minimum=1, maximum=3)
        self.max_lines.setKeyboardTracking(False)
        self.bold = QCheckBox("粗体 Bold")
        self.align, self.valign = _narrow(QComboBox()), _narrow(QComboBox())
        for box, labels in ((self.align, ALIGN_LABELS), (self.valign, VALIGN_LABELS)):
            for label, value in labels:
                box.addItem(label, value)
        self.colour = _colour_box()
        self.fallback = _fields_box(empty="（无 None）")
        self.skip = _fields_box(empty="（无 None）")
        self.cjk = QGroupBox("中文姓名规则 CJK name rule")
        self.cjk.setCheckable(True)
        self.cjk_size, self.cjk_min = _spin(2, 300, 1, " pt"), _spin(2, 300, 1, " pt")
        self.cjk_lines = QSpinBox(minimum=1, maximum=3)
        self.cjk_lines.setKeyboardTracking(False)
        self.space2, self.space3 = _spin(0, 2, 0.05, " em"), _spin(0, 2, 0.05, " em")
        self.space2.setDecimals(2)
        self.space3.setDecimals(2)
        cjk_form = QFormLayout(self.cjk)
        cjk_form.addRow("字号 Size", self.cjk_size)
        cjk_form.addRow("最小 Min", self.cjk_min)
        cjk_form.addRow("行数 Lines", self.cjk_lines)
        cjk_form.addRow("两字名字距 2 chars", self.space2)
        cjk_form.addRow("三字名字距 3 chars", self.space3)
        self.fill = _colour_box()
        self.radius = _spin(0, 50, 0.5, " mm")
        self.bleed = QCheckBox("出血（贴边时）Bleed at the trim edge")

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        position, size = QHBoxLayout(), QHBoxLayout()
        for row, pairs in ((position, (("X", self.box_x), ("Y", self.box_y))),
                           (size, (("宽", self.box_w), ("高", self.box_h)))):
            for label, spin in pairs:
                row.addWidget(QLabel(label))
                row.addWidget(spin, 1)
        self.form.addRow("位置 mm", position)
        self.form.addRow("大小 mm", size)
        rows: list[tuple[str, QWidget]] = [
            ("字段 Field", self.field), ("文字 Text", self.text), ("前缀 Prefix", self.prefix),
            ("字号 Size", self.font_size), ("最小 Min", self.min_size),
            ("行数 Lines", self.max_lines), ("", self.bold), ("对齐 Align", self.align),
            ("垂直 V-align", self.valign), ("颜色 Colour", self.colour),
            ("后备 Fallback", self.fallback), ("重复不印 Skip if", self.skip),
            ("", self.cjk), ("填充 Fill", self.fill), ("圆角 Radius", self.radius),
            ("", self.bleed)]
        self._rows: dict[QWidget, int] = {}
        for label, widget in rows:
            self.form.addRow(label, widget)
            self._rows[widget] = self.form.rowCount() - 1
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self._connect()
        self.show_selection((0, "front"), [])

    def _connect(self) -> None:
        def on(key: str, read: Callable[[], Any]) -> Callable[..., None]:
            return lambda *_args: self._apply(key, read())

        for key, spin in (("x", self.box_x), ("y", self.box_y), ("w", self.box_w),
                          ("h", self.box_h)):
            spin.valueChanged.connect(on(key, spin.value))
        self.field.currentIndexChanged.connect(on("field", lambda: self.field.currentData()))
        self.text.editingFinished.connect(on("text", lambda: self.text.text()))
        self.prefix.editingFinished.connect(on("prefix", lambda: self.prefix.text()))
        self.font_size.valueChanged.connect(on("size", self.font_size.value))
        self.min_size.valueChanged.connect(on("min_size", self.min_size.value))
        self.max_lines.valueChanged.connect(on("max_lines", self.max_lines.value))
        self.bold.toggled.connect(on("bold", self.bold.isChecked))
        self.align.currentIndexChanged.connect(on("align", lambda: self.align.currentData()))
        self.valign.currentIndexChanged.connect(on("valign", lambda: self.valign.currentData()))
        self.colour.activated.connect(on("color", lambda: _combo_value(self.colour)))
        self._typed(self.colour, on("color", lambda: _combo_value(self.colour)))
        self.fallback.currentIndexChanged.connect(
            on("fallback", lambda: self.fallback.currentData()))
        self.skip.currentIndexChanged.connect(
            on("skip_if_same_as", lambda: self.skip.currentData()))
        self.cjk.toggled.connect(on("cjk", self._cjk_value))
        for spin in (self.cjk_size, self.cjk_min, self.space2, self.space3):
            spin.valueChanged.connect(on("cjk", self._cjk_value))
        self.cjk_lines.valueChanged.connect(on("cjk", self._cjk_value))
        self.fill.activated.connect(on("fill", lambda: _combo_value(self.fill)))
        self._typed(self.fill, on("fill", lambda: _combo_value(self.fill)))
        self.radius.valueChanged.connect(on("radius", self.radius.value))
        self.bleed.toggled.connect(on("bleed", self.bleed.isChecked))

    @staticmethod
    def _typed(box: QComboBox, slot: Callable[..., None]) -> None:
        line = box.lineEdit()
        if line is not None:
            line.editingFinished.connect(slot)

    def _cjk_value(self) -> dict[str, Any] | None:
        if not self.cjk.isChecked():
            return None
        return {"size": self.cjk_size.value(), "min_size": self.cjk_min.value(),
                "max_lines": self.cjk_lines.value(),
                "spacing": {"2": self.space2.value(), "3": self.space3.value()}}

    # -- model -> widgets ----------------------------------------------------------------------
    def show_selection(self, where: tuple[int, str], indexes: list[int]) -> None:
        self.where, self.indexes = where, indexes
        self.refresh()

    def refresh(self) -> None:
        variant, side = self.where
        count = len(self.model.elements(variant, side)) if variant < self.model.variant_count() \
            else 0
        self.indexes = [i for i in self.indexes if i < count]
        spec = self.model.element(variant, side, self.indexes[0]) if self.indexes else None
        kind = spec.get("type", "text") if spec else ""
        for widget, row in self._rows.items():
            wanted = {self.fill: "rect", self.radius: "rect", self.bleed: "rect"}.get(
                widget, "text")
            self.form.setRowVisible(row, kind == wanted)
        self.form.setRowVisible(0, spec is not None)
        self.form.setRowVisible(1, spec is not None)
        if spec is None:
            self.title.setText("在画布上选择一个元素 Select an element on the badge")
            return
        more = f"（共选中 {len(self.indexes)} 个 · {len(self.indexes)} selected）" \
            if len(self.indexes) > 1 else ""
        label = spec.get("field") or spec.get("text") or spec.get("path") or ""
        self.title.setText(f"{KIND_LABELS.get(kind, kind)} {label}{more}")
        self._loading = True
        try:
            self._load(spec)
        finally:
            self._loading = False

    def _load(self, spec: Spec) -> None:
        x, y, w, h = box_of(spec)
        for spin, value in ((self.box_x, x), (self.box_y, y), (self.box_w, w), (self.box_h, h)):
            spin.setValue(value)
        _set_combo(self.field, spec.get("field", ""))
        self.text.setText(str(spec.get("text", "")))
        self.prefix.setText(str(spec.get("prefix", "")))
        self.font_size.setValue(float(spec.get("size", 12)))
        self.min_size.setValue(float(spec.get("min_size", 6)))
        self.max_lines.setValue(int(spec.get("max_lines", 1)))
        self.bold.setChecked(bool(spec.get("bold", False)))
        _set_combo(self.align, spec.get("align", "center"))
        _set_combo(self.valign, spec.get("valign", "center"))
        _set_combo(self.colour, spec.get("color", "#000000"))
        _set_combo(self.fallback, spec.get("fallback", ""))
        _set_combo(self.skip, spec.get("skip_if_same_as", ""))
        given = spec.get("cjk")
        self.cjk.setChecked(isinstance(given, dict))
        cjk: dict[str, Any] = given if isinstance(given, dict) else {}
        self.cjk_size.setValue(float(cjk.get("size") or spec.get("size") or 12))
        self.cjk_min.setValue(float(cjk.get("min_size") or spec.get("min_size") or 6))
        self.cjk_lines.setValue(int(cjk.get("max_lines", 1)))
        spacing = cjk.get("spacing", {})
        self.space2.setValue(float(spacing.get("2") or 0))
        self.space3.setValue(float(spacing.get("3") or 0))
        _set_combo(self.fill, spec.get("fill", "category"))
        self.radius.setValue(float(spec.get("radius", 0)))
        self.bleed.setChecked(bool(spec.get("bleed", True)))

    # -- widgets -> one command --------------------------------------------------------------
    def _apply(self, key: str, value: Any) -> None:
        if self._loading or not self.indexes:
            return
        variant, side = self.where
        index = self.indexes[0]
        spec = self.model.element(variant, side, index)
        new = copy.deepcopy(spec)
        if key in ("x", "y", "w", "h"):
            x, y, w, h = box_of(spec)
            box = {"x": x, "y": y, "w": w, "h": h}
            box[key] = round(float(value), 2)
            new = with_box(spec, (box["x"], box["y"], box["w"], box["h"]))
        elif value in ("", None) and key not in ("text", "field"):
            new.pop(key, None)
        else:
            new[key] = value
        if new != spec:
            self.stack.push(c.EditElements(self.model, variant, side, {index: new},
                                           f"修改 {key}"))

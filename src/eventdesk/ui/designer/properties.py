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

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
from eventdesk.ui.designer.items import field_hint
from eventdesk.ui.designer.model import LayoutModel, Spec, box_of, with_box
from eventdesk.ui.i18n import translate

KIND_LABELS = {"text": QT_TRANSLATE_NOOP("ElementPanel", "文字"),
               "rect": QT_TRANSLATE_NOOP("ElementPanel", "色块"),
               "image": QT_TRANSLATE_NOOP("ElementPanel", "图片"),
               "qr": QT_TRANSLATE_NOOP("ElementPanel", "二维码")}
COLOURS = [(QT_TRANSLATE_NOOP("ElementPanel", "类别颜色"), "category"),
           (QT_TRANSLATE_NOOP("ElementPanel", "类别色上的文字色"), "on_category"),
           (QT_TRANSLATE_NOOP("ElementPanel", "黑 #000000"), "#000000"),
           (QT_TRANSLATE_NOOP("ElementPanel", "深灰 #333333"), "#333333"),
           (QT_TRANSLATE_NOOP("ElementPanel", "灰 #555555"), "#555555"),
           (QT_TRANSLATE_NOOP("ElementPanel", "白 #FFFFFF"), "#FFFFFF")]
ALIGN_LABELS = [(QT_TRANSLATE_NOOP("ElementPanel", "居中"), "center"),
                (QT_TRANSLATE_NOOP("ElementPanel", "左"), "left"),
                (QT_TRANSLATE_NOOP("ElementPanel", "右"), "right")]
VALIGN_LABELS = [(QT_TRANSLATE_NOOP("VerticalAlign", "居中"), "center"),
                 (QT_TRANSLATE_NOOP("VerticalAlign", "上"), "top"),
                 (QT_TRANSLATE_NOOP("VerticalAlign", "下"), "bottom")]
# The undo command of an option's change, by the option's key (shown in the Edit menu).
OPTION_LABELS = {"x": QT_TRANSLATE_NOOP("ElementOption", "位置"),
                 "y": QT_TRANSLATE_NOOP("ElementOption", "位置"),
                 "w": QT_TRANSLATE_NOOP("ElementOption", "大小"),
                 "h": QT_TRANSLATE_NOOP("ElementOption", "大小"),
                 "field": QT_TRANSLATE_NOOP("ElementOption", "字段"),
                 "text": QT_TRANSLATE_NOOP("ElementOption", "文字"),
                 "prefix": QT_TRANSLATE_NOOP("ElementOption", "前缀"),
                 "size": QT_TRANSLATE_NOOP("ElementOption", "字号"),
                 "min_size": QT_TRANSLATE_NOOP("ElementOption", "最小字号"),
                 "max_lines": QT_TRANSLATE_NOOP("ElementOption", "行数"),
                 "bold": QT_TRANSLATE_NOOP("ElementOption", "粗体"),
                 "align": QT_TRANSLATE_NOOP("ElementOption", "对齐"),
                 "valign": QT_TRANSLATE_NOOP("ElementOption", "垂直对齐"),
                 "color": QT_TRANSLATE_NOOP("ElementOption", "颜色"),
                 "fallback": QT_TRANSLATE_NOOP("ElementOption", "后备字段"),
                 "skip_if_same_as": QT_TRANSLATE_NOOP("ElementOption", "重复不印"),
                 "cjk": QT_TRANSLATE_NOOP("ElementOption", "中文姓名规则"),
                 "fill": QT_TRANSLATE_NOOP("ElementOption", "填充"),
                 "radius": QT_TRANSLATE_NOOP("ElementOption", "圆角"),
                 "bleed": QT_TRANSLATE_NOOP("ElementOption", "出血")}


def _worded(source: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, in the interface's language."""
    return translate("ElementPanel", str(source))


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
        box.addItem(field_hint(key), key)
    return box


def _colour_box() -> QComboBox:
    box = _narrow(QComboBox())
    box.setEditable(True)  # any #RRGGBB may be typed
    for label, value in COLOURS:
        box.addItem(_worded(label), value)
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
        self.title = QLabel(translate("ElementPanel", "在画布上选择一个元素"))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.box_x, self.box_y = _spin(0, 400, 0.5, " mm"), _spin(0, 400, 0.5, " mm")
        self.box_w, self.box_h = _spin(1, 400, 0.5, " mm"), _spin(1, 400, 0.5, " mm")
        self.field = _fields_box(empty=translate("ElementPanel", "（自由文字）"))
        self.text, self.prefix = QLineEdit(), QLineEdit()
        self.font_size, self.min_size = _spin(2, 300, 0.5, " pt"), _spin(2, 300, 0.5, " pt")
        self.max_lines = QSpinBox(minimum=1, maximum=3)
        self.max_lines.setKeyboardTracking(False)
        self.bold = QCheckBox(translate("ElementPanel", "粗体"))
        self.align, self.valign = _narrow(QComboBox()), _narrow(QComboBox())
        for box, context, labels in ((self.align, "ElementPanel", ALIGN_LABELS),
                                     (self.valign, "VerticalAlign", VALIGN_LABELS)):
            for label, value in labels:
                box.addItem(translate(context, str(label)), value)
        self.colour = _colour_box()
        self.fallback = _fields_box(empty=translate("ElementPanel", "（无）"))
        self.skip = _fields_box(empty=translate("ElementPanel", "（无）"))
        self.cjk = QGroupBox(translate("ElementPanel", "中文姓名规则"))
        self.cjk.setCheckable(True)
        self.cjk_size, self.cjk_min = _spin(2, 300, 1, " pt"), _spin(2, 300, 1, " pt")
        self.cjk_lines = QSpinBox(minimum=1, maximum=3)
        self.cjk_lines.setKeyboardTracking(False)
        self.space2, self.space3 = _spin(0, 2, 0.05, " em"), _spin(0, 2, 0.05, " em")
        self.space2.setDecimals(2)
        self.space3.setDecimals(2)
        cjk_form = QFormLayout(self.cjk)
        cjk_form.addRow(translate("ElementPanel", "字号"), self.cjk_size)
        cjk_form.addRow(translate("ElementPanel", "最小"), self.cjk_min)
        cjk_form.addRow(translate("ElementPanel", "行数"), self.cjk_lines)
        cjk_form.addRow(translate("ElementPanel", "两字名字距"), self.space2)
        cjk_form.addRow(translate("ElementPanel", "三字名字距"), self.space3)
        self.fill = _colour_box()
        self.radius = _spin(0, 50, 0.5, " mm")
        self.bleed = QCheckBox(translate("ElementPanel", "出血（贴边时）"))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        position, size = QHBoxLayout(), QHBoxLayout()
        for row, pairs in ((position, (("X", self.box_x), ("Y", self.box_y))),
                           (size, ((translate("ElementPanel", "宽"), self.box_w),
                                   (translate("ElementPanel", "高"), self.box_h)))):
            for label, spin in pairs:
                row.addWidget(QLabel(label))
                row.addWidget(spin, 1)
        self.form.addRow(translate("ElementPanel", "位置 mm"), position)
        self.form.addRow(translate("ElementPanel", "大小 mm"), size)
        rows: list[tuple[str, QWidget]] = [
            (translate("ElementPanel", "字段"), self.field),
            (translate("ElementPanel", "文字"), self.text),
            (translate("ElementPanel", "前缀"), self.prefix),
            (translate("ElementPanel", "字号"), self.font_size),
            (translate("ElementPanel", "最小"), self.min_size),
            (translate("ElementPanel", "行数"), self.max_lines), ("", self.bold),
            (translate("ElementPanel", "对齐"), self.align),
            (translate("ElementPanel", "垂直"), self.valign),
            (translate("ElementPanel", "颜色"), self.colour),
            (translate("ElementPanel", "后备"), self.fallback),
            (translate("ElementPanel", "重复不印"), self.skip), ("", self.cjk),
            (translate("ElementPanel", "填充"), self.fill),
            (translate("ElementPanel", "圆角"), self.radius),
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
            self.title.setText(translate("ElementPanel", "在画布上选择一个元素"))
            return
        more = translate("ElementPanel", "（共选中 {count} 个）").format(
            count=len(self.indexes)) if len(self.indexes) > 1 else ""
        # A field by what it holds; free text and an image's file name are the badge's data.
        label = (field_hint(str(spec["field"])) if spec.get("field")
                 else str(spec.get("text") or spec.get("path") or ""))
        kind_label = KIND_LABELS.get(kind)
        kind_text = _worded(kind_label) if kind_label else kind
        self.title.setText(f"{kind_text} · {label}{more}" if label else f"{kind_text}{more}")
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
                                           self._command_text(key)))

    @staticmethod
    def _command_text(key: str) -> str:
        """The undo step's name: "修改字号" / "Change font size"."""
        option = OPTION_LABELS.get(key)
        return translate("ElementPanel", "修改{option}").format(
            option=translate("ElementOption", str(option)) if option is not None else key)

"""The badge on the designer's canvas: one scene unit is one millimetre, origin at the badge's
top-left corner, as in the layout data. Elements (items.py) can be dragged, resized and nudged
with the arrow keys; every finished gesture is one undo command. The grid, the badge's edge and
the printer's safe margin are drawn behind and above the items and never print.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainter, QPen, QPixmap, QUndoStack
from PySide6.QtWidgets import QGraphicsScene

from eventdesk.domain.badge_data import BadgeData, field_text
from eventdesk.ui.designer import commands as c
from eventdesk.ui.designer.items import DEFAULT_SAFE_MARGIN_MM, ElementItem
from eventdesk.ui.designer.model import (
    Align,
    Box,
    Change,
    LayoutModel,
    Spec,
    aligned,
    box_of,
    clamp,
    distributed,
    with_box,
)
from eventdesk.ui.i18n import translate


class BadgeScene(QGraphicsScene):
    """The canvas of one side of one variant of the model. Gestures become undo commands on
    `stack`; the items are rebuilt from the model after every change (so undo shows at once)."""

    edited = Signal()  # the model changed (for the property panel and the proof)

    def __init__(self, model: LayoutModel, stack: QUndoStack) -> None:
        super().__init__()
        self.model, self.stack = model, stack
        self.variant, self.side = 0, "front"
        self.grid_mm = 1.0
        self.safe_margin_mm = DEFAULT_SAFE_MARGIN_MM
        self.badge: BadgeData | None = None  # who the sketch shows (the proof's person)
        self._pixmaps: dict[str, QPixmap | None] = {}
        self._rebuilding = False
        model.listen(self._on_model)
        self.rebuild()

    # -- what the sketch shows ---------------------------------------------------------------
    @property
    def size_mm(self) -> tuple[float, float]:
        return self.model.size(self.variant)

    def colour(self, spec: str) -> QColor:
        categories = self.model.categories()
        category = self.badge.category if self.badge else "visitor"
        chosen = categories.get(category) or categories.get("*") or {}
        if spec == "category":
            return QColor(str(chosen.get("color", "#455A64")))
        if spec == "on_category":
            return QColor(str(chosen.get("on_color", "#FFFFFF")))
        return QColor(spec)

    def value(self, field: str) -> str:
        if self.badge is None or not field:
            return ""
        labels = {k: str(v.get("label", "")) for k, v in self.model.categories().items()}
        return field_text(self.badge, field, labels)  # what the renderer prints

    def pixmap(self, name: str) -> QPixmap | None:
        if name not in self._pixmaps:
            data = self.model.layout.images.get(name)
            pixmap = QPixmap()
            self._pixmaps[name] = pixmap if data and pixmap.loadFromData(data) else None
        return self._pixmaps[name]

    # -- model -> items ------------------------------------------------------------------------
    def show_side(self, variant: int, side: str) -> None:
        self.variant, self.side = variant, side
        self.rebuild()

    def items_by_index(self) -> dict[int, ElementItem]:
        return {i.index: i for i in self.items() if isinstance(i, ElementItem)}

    def selected_indexes(self) -> list[int]:
        return sorted(i.index for i in self.selectedItems() if isinstance(i, ElementItem))

    def select(self, indexes: list[int]) -> None:
        for index, item in self.items_by_index().items():
            item.setSelected(index in indexes)

    def _specs(self) -> list[Spec]:
        if self.side == "front" or self.model.has_back(self.variant):
            return self.model.elements(self.variant, self.side)
        return []

    def rebuild(self) -> None:
        """Items anew from the model (another side or variant, elements added or removed)."""
        keep = self.selected_indexes()
        self._rebuilding = True
        try:
            self.clear()
            w, h = self.size_mm
            self.setSceneRect(-4, -4, w + 8, h + 8)
            for index, spec in enumerate(self._specs()):
                self.addItem(ElementItem(self, index, spec))
            self.select(keep)
        finally:
            self._rebuilding = False
        self.update()

    def sync(self) -> None:
        """Follow the model: items updated in place when the elements are the same ones (a move,
        an option, an undo of either), rebuilt when elements came or went."""
        specs = self._specs()
        items = self.items_by_index()
        if len(specs) != len(items) or set(items) != set(range(len(specs))):
            self.rebuild()
            return
        self._rebuilding = True
        try:
            for index, spec in enumerate(specs):
                items[index].show_spec(index, spec)
        finally:
            self._rebuilding = False
        self.update()

    def _on_model(self, change: Change) -> None:
        if change.what in ("images", "layout"):
            self._pixmaps.clear()
        if change.what == "layout":
            self.variant, self.side = 0, "front"
        if change.what == "variants" and self.variant >= self.model.variant_count():
            self.variant = self.model.variant_count() - 1
        if change.what == "elements" and (change.variant, change.side) == (self.variant,
                                                                           self.side):
            self.sync()
        else:
            self.rebuild()
        self.edited.emit()

    # -- gestures -> commands ----------------------------------------------------------------
    def _push_boxes(self, boxes: dict[int, Box], text: str, *, merge: bool = False) -> None:
        after = {i: with_box(self.model.element(self.variant, self.side, i), b)
                 for i, b in boxes.items()
                 if box_of(self.model.element(self.variant, self.side, i)) != b}
        if after:
            self.stack.push(c.EditElements(self.model, self.variant, self.side, after, text,
                                           merge=merge))

    def commit_geometry(self) -> None:
        """After a drag or resize: one command for every element whose box changed."""
        if self._rebuilding:
            return
        boxes = {i: clamp(item.box(), self.size_mm) for i, item in self.items_by_index().items()}
        self._push_boxes(boxes, translate("BadgeScene", "移动/缩放"))

    def nudge(self, dx: float, dy: float) -> None:
        boxes = {}
        for i in self.selected_indexes():
            x, y, w, h = box_of(self.model.element(self.variant, self.side, i))
            boxes[i] = clamp((round(x + dx, 2), round(y + dy, 2), w, h), self.size_mm)
        self._push_boxes(boxes, translate("BadgeScene", "微调"), merge=True)

    def align(self, how: Align) -> None:
        picked = self.selected_indexes()
        if len(picked) < 2:
            return
        boxes = aligned([box_of(self.model.element(self.variant, self.side, i))
                         for i in picked], how)
        self._push_boxes(dict(zip(picked, boxes, strict=True)), translate("BadgeScene", "对齐"))

    def distribute(self, axis: str) -> None:
        picked = self.selected_indexes()
        if len(picked) < 3:
            return
        boxes = distributed([box_of(self.model.element(self.variant, self.side, i))
                             for i in picked], "h" if axis == "h" else "v")
        self._push_boxes(dict(zip(picked, boxes, strict=True)), translate("BadgeScene", "等距分布"))

    def delete_selected(self) -> None:
        picked = self.selected_indexes()
        if picked:
            self.stack.push(c.RemoveElements(self.model, self.variant, self.side, picked,
                                             translate("BadgeScene", "删除")))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        step = 0.1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else max(
            1.0, self.grid_mm)
        moves: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Left: lambda: self.nudge(-step, 0),
            Qt.Key.Key_Right: lambda: self.nudge(step, 0),
            Qt.Key.Key_Up: lambda: self.nudge(0, -step),
            Qt.Key.Key_Down: lambda: self.nudge(0, step),
            Qt.Key.Key_Delete: self.delete_selected,
            Qt.Key.Key_Backspace: self.delete_selected,
        }
        action = moves.get(event.key())
        if action is not None and self.selected_indexes():
            action()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- paper, grid and guides ----------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        painter.fillRect(rect, QColor("#8a8f94"))
        w, h = self.size_mm
        painter.fillRect(QRectF(0, 0, w, h), QColor("white"))
        if self.grid_mm <= 0:
            return
        px_per_mm = painter.worldTransform().m11()
        # Lines closer than 6 px would grey the whole badge: the fine grid shows when zoomed in.
        steps = [(s, a) for s, a in ((self.grid_mm, 22), (5.0, 34), (10.0, 60))
                 if s * px_per_mm >= 6]
        for step, alpha in steps:
            pen = QPen(QColor(30, 90, 200, alpha))
            pen.setCosmetic(True)
            painter.setPen(pen)
            for i in range(1, int(w / step) + 1):
                painter.drawLine(QPointF(i * step, 0), QPointF(i * step, h))
            for i in range(1, int(h / step) + 1):
                painter.drawLine(QPointF(0, i * step), QPointF(w, i * step))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802 - Qt API
        w, h = self.size_mm
        pen = QPen(QColor("#222"))
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawRect(QRectF(0, 0, w, h))
        m = self.safe_margin_mm
        if m > 0:
            guide = QPen(QColor("#E53935"))
            guide.setCosmetic(True)
            guide.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(guide)
            painter.drawRect(QRectF(m, m, w - 2 * m, h - 2 * m))

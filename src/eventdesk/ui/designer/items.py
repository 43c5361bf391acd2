"""The elements on the designer's canvas: each sketches what the renderer draws (colour blocks,
the images, a QR pattern, text in the bundled font fitted to its box) and can be dragged
(snapping to the grid), resized from its corner handle and selected. Finished gestures become
undo commands in the scene (scene.py); the proof beside the canvas is the renderer's own output.
"""

from __future__ import annotations

import random
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from eventdesk.ui.designer.model import Box, Spec, box_of, clamp, snap
from eventdesk.ui.i18n import translate

if TYPE_CHECKING:
    from eventdesk.ui.designer.scene import BadgeScene

PT_MM = 25.4 / 72  # millimetres per typographic point
HANDLE_MM = 2.2  # the resize handle's side, at the element's bottom-right corner
DEFAULT_SAFE_MARGIN_MM = 3.0  # what most card and badge printers cannot print near the edge
FIELD_HINTS = {"name": QT_TRANSLATE_NOOP("BadgeField", "姓名"),
               "name_en": QT_TRANSLATE_NOOP("BadgeField", "英文名"),
               "company": QT_TRANSLATE_NOOP("BadgeField", "单位"),
               "company_short": QT_TRANSLATE_NOOP("BadgeField", "单位简称"),
               "title": QT_TRANSLATE_NOOP("BadgeField", "职务"),
               "booth": QT_TRANSLATE_NOOP("BadgeField", "展位"),
               "hall": QT_TRANSLATE_NOOP("BadgeField", "展馆"),
               "hall_booth": QT_TRANSLATE_NOOP("BadgeField", "展馆·展位"),
               "category_label": QT_TRANSLATE_NOOP("BadgeField", "类别"),
               "event_name": QT_TRANSLATE_NOOP("BadgeField", "活动名称")}


def field_hint(field: str) -> str:
    """What a badge field holds, in the interface's language ("姓名" / "Name"); an unknown
    field's key as it is."""
    hint = FIELD_HINTS.get(field)
    return translate("BadgeField", str(hint)) if hint is not None else field


@cache
def _qr_modules(n: int = 25) -> tuple[tuple[int, int], ...]:
    """A fixed QR-like pattern (finder squares and noise): a sketch, not a code."""
    rng = random.Random(15)
    cells = {(x, y) for x in range(n) for y in range(n) if rng.random() < 0.45}
    for ox, oy in ((0, 0), (n - 7, 0), (0, n - 7)):
        for x in range(7):
            for y in range(7):
                ring = max(abs(x - 3), abs(y - 3))
                cells.discard((ox + x, oy + y))
                if ring != 2:
                    cells.add((ox + x, oy + y))
    return tuple(sorted(cells))


class ElementItem(QGraphicsObject):
    """One element; `index` is its place in the side's list (its drawing order)."""

    def __init__(self, canvas: BadgeScene, index: int, spec: Spec) -> None:
        super().__init__()
        self.canvas = canvas
        self.w = self.h = 1.0
        self._resizing: QPointF | None = None
        self.show_spec(index, spec)
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsMovable | flags.ItemIsSelectable
                      | flags.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)

    def show_spec(self, index: int, spec: Spec) -> None:
        """Show this element (after an edit, an undo): its place, size and look."""
        x, y, w, h = box_of(spec)
        self.prepareGeometryChange()
        self.index, self.spec, self.w, self.h = index, spec, w, h
        self.setZValue(index + (10_000 if self.isSelected() else 0))
        self._resizing = None
        self.setPos(x, y)
        self.update()

    def box(self) -> Box:
        """The element's box in mm as the scene shows it now."""
        return round(self.x(), 2), round(self.y(), 2), round(self.w, 2), round(self.h, 2)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(-0.3, -0.3, self.w + 0.6 + HANDLE_MM / 2, self.h + 0.6 + HANDLE_MM / 2)

    def _handle(self) -> QRectF:
        return QRectF(self.w - HANDLE_MM / 2, self.h - HANDLE_MM / 2, HANDLE_MM, HANDLE_MM)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem,
              _widget: QWidget | None = None) -> None:
        rect = QRectF(0, 0, self.w, self.h)
        kind = self.spec.get("type", "text")
        painter.save()
        painter.setClipRect(rect.adjusted(-0.01, -0.01, 0.01, 0.01))
        getattr(self, f"_paint_{kind}", self._paint_unknown)(painter, rect)
        painter.restore()
        pen = QPen(QColor("#1E88E5") if self.isSelected() else QColor(0, 0, 0, 70))
        pen.setCosmetic(True)
        pen.setWidthF(2 if self.isSelected() else 1)
        pen.setStyle(Qt.PenStyle.SolidLine if self.isSelected() else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind != "rect" or self.isSelected():
            painter.drawRect(rect)
        if self.isSelected():
            painter.setBrush(QColor("#1E88E5"))
            painter.drawRect(self._handle())

    def _paint_rect(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.canvas.colour(self.spec.get("fill", "category")))
        radius = float(self.spec.get("radius", 0))
        painter.drawRoundedRect(rect, radius, radius)

    def _paint_qr(self, painter: QPainter, rect: QRectF) -> None:
        side = min(rect.width(), rect.height())
        cell = side / 25
        x0, y0 = rect.center().x() - side / 2, rect.center().y() - side / 2
        painter.fillRect(QRectF(x0, y0, side, side), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for x, y in _qr_modules():
            painter.drawRect(QRectF(x0 + x * cell, y0 + y * cell, cell * 1.02, cell * 1.02))

    def _paint_image(self, painter: QPainter, rect: QRectF) -> None:
        pixmap = self.canvas.pixmap(str(self.spec.get("path", "")))
        if pixmap is None:
            painter.fillRect(rect, QColor(255, 0, 0, 60))
            return
        size = pixmap.size().toSizeF().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(QPointF(0, 0), size)
        target.moveCenter(rect.center())  # the renderer's preserveAspectRatio, anchor centre
        painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))

    def _paint_text(self, painter: QPainter, rect: QRectF) -> None:
        field = str(self.spec.get("field", ""))
        text = str(self.spec.get("text", "")) or self.canvas.value(field)
        same = str(self.spec.get("skip_if_same_as", ""))
        if same and text.strip() == self.canvas.value(same).strip():
            text = ""  # the renderer leaves it out for this person (e.g. an English name twice)
        placeholder = not text
        if placeholder:
            text = "«" + field_hint(field) + "»"
        elif self.spec.get("prefix") and not self.spec.get("text"):
            text = str(self.spec["prefix"]) + text
        font = QFont(QApplication.font())
        font.setPixelSize(100)
        font.setBold(bool(self.spec.get("bold", False)))
        width = QFontMetricsF(font).horizontalAdvance(text) or 1.0
        size_mm = float(self.spec.get("size", 12)) * PT_MM
        size_mm = min(size_mm, rect.width() / width * 100, rect.height() * 0.95)
        colour = self.canvas.colour(str(self.spec.get("color", "#000000")))
        if placeholder:
            colour.setAlpha(120)
        painter.setPen(colour)
        align = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight}.get(
            str(self.spec.get("align", "center")), Qt.AlignmentFlag.AlignHCenter)
        valign = {"top": Qt.AlignmentFlag.AlignTop, "bottom": Qt.AlignmentFlag.AlignBottom}.get(
            str(self.spec.get("valign", "center")), Qt.AlignmentFlag.AlignVCenter)
        k = size_mm / 100
        painter.scale(k, k)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, rect.width() / k, rect.height() / k), align | valign, text)

    def _paint_unknown(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor(255, 0, 0, 60))

    # -- gestures ------------------------------------------------------------------------------
    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        if (change == QGraphicsItem.GraphicsItemChange.ItemPositionChange
                and self._resizing is None and not self.canvas._rebuilding):
            grid = self.canvas.grid_mm
            x, y, _w, _h = clamp((snap(value.x(), grid), snap(value.y(), grid), self.w, self.h),
                                 self.canvas.size_mm)
            return QPointF(x, y)
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            # Selected elements come on top, so their handle can be grabbed where a neighbour
            # overlaps them; the drawing order in the layout does not change.
            self.setZValue(self.index + (10_000 if value else 0))
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        if self.isSelected() and self._handle().adjusted(-0.8, -0.8, 0.8, 0.8).contains(
                event.pos()):
            self._resizing = event.pos()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._resizing is not None:
            grid = self.canvas.grid_mm
            bw, bh = self.canvas.size_mm
            self.prepareGeometryChange()
            self.w = max(1.0, min(snap(event.pos().x(), grid), bw - self.x()))
            self.h = max(1.0, min(snap(event.pos().y(), grid), bh - self.y()))
            self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        self._resizing = None
        super().mouseReleaseEvent(event)
        # After the event: the command's redo may rebuild the items, this one included.
        QTimer.singleShot(0, self.canvas.commit_geometry)

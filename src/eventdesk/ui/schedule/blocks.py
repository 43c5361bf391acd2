"""How one agenda item looks on the grid (a Block), and how items that share a room at the same
time are laid side by side (lanes), so a double booking never hides one of the two."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from eventdesk import messages
from eventdesk.services.schedule.conflicts import Conflict
from eventdesk.services.schedule.items import ItemRow
from eventdesk.ui.i18n import either
from eventdesk.ui.schedule.labels import join_names


def lighter(colour: str, amount: float = 0.78) -> QColor:
    c = QColor(colour)
    return QColor(int(c.red() + (255 - c.red()) * amount), int(c.green() + (255 - c.green())
                  * amount), int(c.blue() + (255 - c.blue()) * amount))


class Block(QGraphicsItem):
    """One agenda item on the grid."""

    def __init__(self, item: ItemRow, colour: str, track: str, conflicts: list[Conflict],
                 tz: ZoneInfo) -> None:
        super().__init__()
        self.item = item
        self.tz = tz
        self.colour = colour
        self.track = track
        self.conflicts = conflicts
        self.live_conflict = False
        self.rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        people = join_names(p.name for p in self.item.people)
        lines = [self.item.title_zh, self.item.title_en, self.track, people]
        lines += [f"⚠ {messages.text(c.code, **c.params)}" for c in self.conflicts]
        return "\n".join(x for x in lines if x)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = rect

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt name
        return self.rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        r = self.rect.adjusted(2, 1, -2, -1)
        painter.setBrush(QBrush(lighter(self.colour)))
        bad = self.live_conflict or bool(self.conflicts)
        pen = QPen(QColor("#d0021b") if bad else QColor(self.colour), 2.5 if bad else 1)
        if self.isSelected():
            pen = QPen(QColor("#1a1a1a"), 2.5, Qt.PenStyle.DashLine if not bad else
                       Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawRoundedRect(r, 3, 3)
        painter.fillRect(QRectF(r.left(), r.top(), 4, r.height()), QColor(self.colour))
        painter.setPen(QColor("#1a1a1a"))
        text = r.adjusted(7, 1, -3, -1)
        start, end = self.item.start, self.item.end
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        painter.setFont(font)
        label = ""
        if start and end:
            label = f"{start.astimezone(self.tz):%H:%M}–{end.astimezone(self.tz):%H:%M}"
        if bad:
            label = "⚠ " + label
        metrics = painter.fontMetrics()
        if text.height() < 30:  # a short item: time and title on one line
            font.setBold(True)
            painter.setFont(font)
            line = f"{label.split('–')[0]} {either(self.item.title_zh, self.item.title_en)}"
            painter.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight,
                                                              int(text.width())))
            return
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(text.width())))
        font.setBold(True)
        painter.setFont(font)
        body = text.adjusted(0, 13, 0, 0)
        people = join_names(p.name for p in self.item.people)
        line_h = painter.fontMetrics().lineSpacing()
        title_h = body.height() - (line_h if people and body.height() > 3 * line_h else 0)
        painter.save()
        painter.setClipRect(QRectF(body.left(), body.top(), body.width(), title_h))
        painter.drawText(QRectF(body.left(), body.top(), body.width(), title_h),
                         int(Qt.TextFlag.TextWordWrap),
                         either(self.item.title_zh, self.item.title_en))
        painter.restore()
        if people and body.height() > 3 * line_h:
            font.setBold(False)
            painter.setFont(font)
            painter.setPen(QColor("#444"))
            painter.drawText(body, int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft),
                             painter.fontMetrics().elidedText(people, Qt.TextElideMode.ElideRight,
                                                              int(body.width())))


def lanes(blocks: list[Block]) -> list[tuple[Block, int, int]]:
    """(block, lane, lanes in its cluster) for blocks of one room, overlapping ones side by side."""
    ordered = sorted(blocks, key=lambda b: (b.item.start, b.item.id))
    out: list[tuple[Block, int, int]] = []
    cluster: list[tuple[Block, int]] = []
    lane_ends: list[datetime] = []
    cluster_end: datetime | None = None

    def flush() -> None:
        n = max((lane for _b, lane in cluster), default=0) + 1
        out.extend((b, lane, n) for b, lane in cluster)

    for b in ordered:
        start, end = b.item.start, b.item.end
        assert start and end
        if cluster_end is not None and start >= cluster_end:
            flush()
            cluster, lane_ends, cluster_end = [], [], None
        lane = next((i for i, e in enumerate(lane_ends) if e <= start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        cluster.append((b, lane))
        cluster_end = max(cluster_end or end, end)
    flush()
    return out

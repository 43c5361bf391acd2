"""The schedule grid of one day: rooms as columns, time down the side, agenda items as blocks.

Mouse: drag a block to move it (5-minute snap, across rooms), drag its top or bottom edge to
resize, double-click to edit; blocks dragged from the unscheduled list drop here. While dragging,
the candidate position is checked against the plain-data conflict snapshot on every move (no
database), so a clash shows at once. Nothing here writes: a finished gesture is emitted as
`place_requested` and the view turns it into one undo command.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypedDict, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from eventdesk.services.schedule.conflicts import Conflict, ConflictData, Slot, check_slot
from eventdesk.services.schedule.items import ItemRow, Schedule
from eventdesk.services.schedule.rooms import RoomRow
from eventdesk.ui.schedule.blocks import Block, lanes

SNAP_MIN = 5
COL_W = 150
ROW_H = 22
EDGE_PX = 6
MIME = "application/x-eventdesk-agenda-item"
DAY_START, DAY_END = 8 * 60, 19 * 60


@dataclass
class Placement:
    start: datetime
    end: datetime
    room_id: int


class _Drag(TypedDict):
    """A mouse drag under way: the block pressed, what the press grabbed, and the preview."""

    block: Block
    mode: str  # "move", "start" or "end" (an edge)
    origin: QPointF  # where the press was, in scene coordinates
    start: int  # minutes, as minute_of gives them
    end: int
    col: int
    placement: Placement | None  # None until the mouse has moved far enough


class ScheduleGrid(QGraphicsView):
    place_requested = Signal(int, object, object, int)  # item id, start, end, room id
    edit_requested = Signal(int)
    unschedule_requested = Signal(int)
    live_conflicts = Signal(object)  # list[Conflict] while dragging, [] when done
    selection_moved = Signal(int)  # item id now selected (0: none)
    geometry_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAcceptDrops(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.minutes_per_row = 15
        self.schedule: Schedule | None = None
        self.data: ConflictData | None = None
        self.day: date | None = None
        self.rooms: list[RoomRow] = []
        self.blocks: dict[int, Block] = {}
        self.first_min, self.last_min = DAY_START, DAY_END
        self.cursor_cell: tuple[int, int] = (0, 9 * 60)  # (column, minute) for keyboard placing
        self.cursor_shown = False  # drawn once the person has put it somewhere
        self._drag: _Drag | None = None
        self.last_gesture = ""  # "key" when the last request came from the keyboard

    # -- geometry ------------------------------------------------------------------------------
    @property
    def ppm(self) -> float:
        return ROW_H / self.minutes_per_row

    @property
    def tz(self) -> ZoneInfo:
        assert self.schedule is not None
        return self.schedule.event.tz

    def minute_of(self, instant: datetime) -> int:
        local = instant.astimezone(self.tz)
        assert self.day is not None
        return (local.date() - self.day).days * 1440 + local.hour * 60 + local.minute

    def instant(self, minute: int) -> datetime:
        assert self.day is not None
        return datetime.combine(self.day, time(0), tzinfo=self.tz) + timedelta(minutes=minute)

    def y_of(self, minute: float) -> float:
        return (minute - self.first_min) * self.ppm

    def minute_at(self, y: float) -> int:
        raw = self.first_min + y / self.ppm
        return int(round(raw / SNAP_MIN) * SNAP_MIN)

    def column_at(self, x: float) -> int:
        return max(0, min(len(self.rooms) - 1, int(x // COL_W)))

    # -- content -------------------------------------------------------------------------------
    def show_day(self, schedule: Schedule, day: date, rooms: list[RoomRow]) -> None:
        self.schedule, self.day, self.rooms = schedule, day, rooms
        self.data = schedule.conflict_data()
        room_ids = {r.id for r in rooms}
        todays = [i for i in schedule.items if i.scheduled and i.start
                  and schedule.event.day_of(i.start) == day]
        first = min([DAY_START, *(self.minute_of(i.start) for i in todays if i.start)])
        last = max([DAY_END, *(self.minute_of(i.end) for i in todays if i.end)])
        self.first_min, self.last_min = first // 60 * 60, -(-last // 60) * 60
        conflicts: dict[int, list[Conflict]] = {}
        for c in schedule.conflicts:
            for ref in c.items:
                conflicts.setdefault(ref.id, []).append(c)
        colours = {t.id: (t.colour, t.name) for t in schedule.tracks}
        selected = self.selected_id()
        self.scene().clear()
        self.blocks = {}
        for item in todays:
            if item.room_id not in room_ids:
                continue
            colour, track = colours.get(item.track_id or -1, ("#8a8a8a", ""))
            block = Block(item, colour, track, conflicts.get(item.id, []), schedule.event.tz)
            self.scene().addItem(block)
            self.blocks[item.id] = block
        self.relayout()
        if selected in self.blocks:
            self.blocks[selected].setSelected(True)

    def apply_placement(self, item_id: int, start: datetime | None, end: datetime | None,
                        room_id: int | None) -> None:
        """Show an edit at once, before its action has written it: later gestures (a burst of
        keyboard nudges) start from here. The reload after the write shows what is true."""
        if self.schedule is None:
            return
        shown = self.item_by_id(item_id)
        if shown is None:
            return
        moved = replace(shown, start=start, end=end, room_id=room_id)
        self.schedule = replace(self.schedule, items=tuple(
            moved if i.id == item_id else i for i in self.schedule.items))
        if self.data is not None:
            self.data = self.data.with_slot(moved.slot())
        block = self.blocks.get(item_id)
        if block is None:
            return
        on_grid = (start is not None and room_id in {r.id for r in self.rooms}
                   and self.schedule.event.day_of(start) == self.day)
        if on_grid:
            block.item = moved
            block.update()
        else:
            self.scene().removeItem(block)
            del self.blocks[item_id]
        self.relayout()

    def relayout(self) -> None:
        width = max(1, len(self.rooms)) * COL_W
        self.scene().setSceneRect(0, 0, width, self.y_of(self.last_min))
        cols = {r.id: i for i, r in enumerate(self.rooms)}
        by_room: dict[int, list[Block]] = {}
        for block in self.blocks.values():
            by_room.setdefault(block.item.room_id or -1, []).append(block)
        for room_id, blocks in by_room.items():
            for block, lane, count in lanes(blocks):
                it = block.item
                assert it.start and it.end
                self._put(block, cols[room_id], self.minute_of(it.start), self.minute_of(it.end),
                          lane, count)
        self.viewport().update()
        self.geometry_changed.emit()

    def _put(self, block: Block, col: int, start_min: int, end_min: int, lane: int = 0,
             lanes: int = 1) -> None:
        # Double-booked items sit side by side in their column, so neither hides the other.
        w = COL_W / lanes
        block.set_rect(QRectF(col * COL_W + lane * w, self.y_of(start_min), w,
                              (end_min - start_min) * self.ppm))
        block.setZValue(2 if self._drag and self._drag.get("block") is block else 1)

    def set_minutes_per_row(self, minutes: int) -> None:
        centre = self.minute_at(self.mapToScene(self.viewport().rect().center()).y())
        self.minutes_per_row = max(5, min(60, minutes))
        self.relayout()
        self.centerOn(self.horizontalScrollBar().value() + self.viewport().width() / 2,
                      self.y_of(centre))

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        rect = QRectF(rect)
        painter.fillRect(rect, QColor("#ffffff"))
        if self.day is None:
            return
        height = self.y_of(self.last_min)
        for col, room in enumerate(self.rooms):  # shade times a room is not available
            if not room.windows:
                continue
            x = col * COL_W
            painter.fillRect(QRectF(x, 0, COL_W, height), QColor("#e4e4e4"))
            for w0, w1 in room.windows:
                y0, y1 = self.y_of(self.minute_of(w0)), self.y_of(self.minute_of(w1))
                painter.fillRect(QRectF(x, max(0, y0), COL_W, max(0, min(height, y1) - y0)),
                                 QColor("#ffffff"))
        minute = self.first_min
        while minute <= self.last_min:
            y = self.y_of(minute)
            painter.setPen(QPen(QColor("#b8b8b8" if minute % 60 == 0 else "#ececec"), 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            minute += self.minutes_per_row
        painter.setPen(QPen(QColor("#d0d0d0"), 1))
        for col in range(len(self.rooms) + 1):
            painter.drawLine(QPointF(col * COL_W, 0), QPointF(col * COL_W, height))
        col, minute = self.cursor_cell
        if self.cursor_shown and not self.selected_id() and col < len(self.rooms):
            painter.setPen(QPen(QColor("#2a6ad6"), 2, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(col * COL_W + 1, self.y_of(minute), COL_W - 2,
                                    self.minutes_per_row * self.ppm))

    # -- selection -----------------------------------------------------------------------------
    def selected_id(self) -> int:
        chosen = [b for b in self.blocks.values() if b.isSelected()]
        return chosen[0].item.id if chosen else 0

    def select(self, item_id: int) -> None:
        self.scene().clearSelection()
        block = self.blocks.get(item_id)
        if block is not None:
            block.setSelected(True)
            self.ensureVisible(block.rect, 40, 40)
        self.selection_moved.emit(item_id if block else 0)

    # -- candidate positions and live conflicts ------------------------------------------------
    def candidate_conflicts(self, item: ItemRow, placement: Placement) -> list[Conflict]:
        if self.data is None:
            return []
        slot = Slot(item.id, item.title_zh, placement.room_id, placement.start, placement.end,
                    tuple(p.person_id for p in item.people), item.expected_audience)
        return check_slot(self.data, slot)

    def _preview(self, block: Block, col: int, start_min: int, end_min: int) -> Placement:
        self._put(block, col, start_min, end_min)
        placement = Placement(self.instant(start_min), self.instant(end_min), self.rooms[col].id)
        found = self.candidate_conflicts(block.item, placement)
        block.live_conflict = bool(found)
        block.update()
        self.live_conflicts.emit(found)
        return placement

    # -- mouse ---------------------------------------------------------------------------------
    def _block_at(self, pos: QPoint) -> Block | None:
        for item in self.items(pos):
            if isinstance(item, Block):
                return item
        return None

    def _mode(self, block: Block, scene_y: float) -> str:
        if scene_y >= block.rect.bottom() - EDGE_PX:
            return "end"
        if scene_y <= block.rect.top() + EDGE_PX:
            return "start"
        return "move"

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus()
        if event.button() != Qt.MouseButton.LeftButton or self.day is None:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        scene = self.mapToScene(pos)
        block = self._block_at(pos)
        self.scene().clearSelection()
        if block is None:
            self.cursor_cell = (self.column_at(scene.x()), self.minute_at(scene.y()))
            self.cursor_shown = True
            self.selection_moved.emit(0)
            self.viewport().update()
            return
        block.setSelected(True)
        self.selection_moved.emit(block.item.id)
        it = block.item
        assert it.start and it.end
        self._drag = {"block": block, "mode": self._mode(block, scene.y()), "origin": scene,
                      "start": self.minute_of(it.start), "end": self.minute_of(it.end),
                      "col": self.column_at(block.rect.center().x()), "placement": None}

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        scene = self.mapToScene(pos)
        drag = self._drag
        if drag is None:
            block = self._block_at(pos)
            mode = self._mode(block, scene.y()) if block else "none"
            self.viewport().setCursor(Qt.CursorShape.SizeVerCursor if mode in ("start", "end")
                                      else Qt.CursorShape.ArrowCursor)
            return super().mouseMoveEvent(event)
        origin = drag["origin"]
        assert isinstance(origin, QPointF)
        if (scene - origin).manhattanLength() < 4 and drag["placement"] is None:
            return
        dragged = drag["block"]
        assert isinstance(dragged, Block)
        start, end, col = int(drag["start"]), int(drag["end"]), int(drag["col"])
        delta = int(round((scene.y() - origin.y()) / self.ppm / SNAP_MIN) * SNAP_MIN)
        if drag["mode"] == "move":
            col = self.column_at(scene.x())
            start, end = start + delta, end + delta
        elif drag["mode"] == "end":
            end = max(start + SNAP_MIN, end + delta)
        else:
            start = min(end - SNAP_MIN, start + delta)
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor if drag["mode"] == "move"
                                  else Qt.CursorShape.SizeVerCursor)
        drag["placement"] = self._preview(dragged, col, start, end)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        drag, self._drag = self._drag, None
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        if drag is None:
            return super().mouseReleaseEvent(event)
        block, placement = drag["block"], drag["placement"]
        assert isinstance(block, Block)
        block.live_conflict = False
        self.live_conflicts.emit([])
        it = block.item
        if isinstance(placement, Placement) and (placement.start, placement.end,
                                                 placement.room_id) != (it.start, it.end,
                                                                        it.room_id):
            self.place_requested.emit(it.id, placement.start, placement.end, placement.room_id)
        else:
            self.relayout()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        block = self._block_at(event.position().toPoint())
        if block is not None:
            self._drag = None
            self.edit_requested.emit(block.item.id)

    # -- keyboard: the alternative to every drag -----------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        block = self.blocks.get(self.selected_id())
        arrows = {int(Qt.Key.Key_Up): (0, -1), int(Qt.Key.Key_Down): (0, 1),
                  int(Qt.Key.Key_Left): (-1, 0), int(Qt.Key.Key_Right): (1, 0)}
        if block is not None and alt and key in arrows:
            dcol, dmin = arrows[key]
            it = block.item
            assert it.start and it.end and it.room_id is not None
            col = next(i for i, r in enumerate(self.rooms) if r.id == it.room_id)
            start, end = self.minute_of(it.start), self.minute_of(it.end)
            if shift:  # Shift+Alt+Up/Down: the end edge
                end = max(start + SNAP_MIN, end + dmin * SNAP_MIN)
            else:
                col = max(0, min(len(self.rooms) - 1, col + dcol))
                start, end = start + dmin * SNAP_MIN, end + dmin * SNAP_MIN
            self.last_gesture = "key"
            self.place_requested.emit(it.id, self.instant(start), self.instant(end),
                                      self.rooms[col].id)
            return
        if block is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(block.item.id)
            return
        if block is not None and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.unschedule_requested.emit(block.item.id)
            return
        if key in arrows and not alt:
            self._step_selection(*arrows[key])
            return
        super().keyPressEvent(event)

    def _step_selection(self, dcol: int, drow: int) -> None:
        """Arrows walk the blocks (or the empty cells) like a spreadsheet cursor."""
        col, minute = self.cursor_cell
        current = self.blocks.get(self.selected_id())
        if current is not None and current.item.start:
            col = next(i for i, r in enumerate(self.rooms) if r.id == current.item.room_id)
            minute = self.minute_of(current.item.start)
        col = max(0, min(len(self.rooms) - 1, col + dcol))
        minute = max(self.first_min, min(self.last_min - self.minutes_per_row,
                                         minute + drow * self.minutes_per_row))
        self.cursor_cell = (col, minute)
        self.cursor_shown = True
        room = self.rooms[col].id if self.rooms else -1
        here = [b for b in self.blocks.values() if b.item.room_id == room and b.item.start
                and b.item.end and self.minute_of(b.item.start) <= minute
                < self.minute_of(b.item.end)]
        if drow and current is not None and not here:
            ahead = sorted((b for b in self.blocks.values() if b.item.room_id == room
                            and b.item.start and (self.minute_of(b.item.start) - minute) * drow
                            > 0),
                           # start is set: the generator keeps only blocks that have one
                           key=lambda b: abs(self.minute_of(cast(datetime, b.item.start))
                                             - minute))
            here = ahead[:1]
        if here:
            self.select(here[0].item.id)
        else:
            self.scene().clearSelection()
            self.selection_moved.emit(0)
            self.ensureVisible(QRectF(col * COL_W, self.y_of(minute), COL_W, ROW_H), 40, 40)
        self.viewport().update()

    # -- drops from the unscheduled list -------------------------------------------------------
    def item_by_id(self, item_id: int) -> ItemRow | None:
        if self.schedule is None:
            return None
        return next((i for i in self.schedule.items if i.id == item_id), None)

    def drop_placement(self, item: ItemRow, pos: QPoint) -> Placement:
        scene = self.mapToScene(pos)
        start = self.minute_at(scene.y())
        return Placement(self.instant(start), self.instant(start + default_minutes(item)),
                         self.rooms[self.column_at(scene.x())].id)

    def _dropped(self, event: QDropEvent) -> ItemRow | None:
        mime = event.mimeData()
        if not mime.hasFormat(MIME) or not self.rooms:
            return None
        return self.item_by_id(int(bytes(mime.data(MIME).data()).decode()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped(event) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        item = self._dropped(event)
        if item is None:
            return
        event.acceptProposedAction()
        placement = self.drop_placement(item, event.position().toPoint())
        self.live_conflicts.emit(self.candidate_conflicts(item, placement))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self.live_conflicts.emit([])

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        item = self._dropped(event)
        self.live_conflicts.emit([])
        if item is None:
            return
        event.acceptProposedAction()
        p = self.drop_placement(item, event.position().toPoint())
        self.place_requested.emit(item.id, p.start, p.end, p.room_id)


def default_minutes(item: ItemRow) -> int:
    """How long an unscheduled item lasts when first placed (the editor changes it)."""
    if item.start and item.end:
        return int((item.end - item.start).total_seconds() // 60)
    return {"break": 30, "keynote": 30, "forum": 120, "panel": 60}.get(item.kind.value, 45)

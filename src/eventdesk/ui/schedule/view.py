"""The schedule view: day tabs, zoom, room filter and groups, the grid, the unscheduled list and
the conflict panel. Every edit becomes one undo command (commands.py) whose action runs off the
GUI thread; the grid shows the edit at once, and the view reloads (also off the GUI thread) from
the SCHEDULE topic once the edits asked for are written, so grid, panel and CLI always show the
same conflict list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import shiboken6
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import schedule as actions
from eventdesk.domain.sorting import text_key
from eventdesk.messages.schedule import conflict_line, conflict_text
from eventdesk.services.schedule.conflicts import Conflict
from eventdesk.services.schedule.items import ItemRow, Schedule
from eventdesk.services.schedule.rooms import RoomRow
from eventdesk.ui import ops
from eventdesk.ui.context import SCHEDULE, AppContext
from eventdesk.ui.i18n import either, format_number, translate
from eventdesk.ui.schedule.commands import (
    CreateItemCommand,
    EditItemCommand,
    PlaceItemCommand,
    ScheduleEdits,
)
from eventdesk.ui.schedule.export_menu import ExportMenu
from eventdesk.ui.schedule.grid import COL_W, MIME, ScheduleGrid, default_minutes
from eventdesk.ui.schedule.labels import day_label, join_names

ZOOMS = (5, 10, 15, 30, 60)
ID_ROLE = Qt.ItemDataRole.UserRole


class RoomHeader(QWidget):
    """Room names over the grid's columns; follows the grid's horizontal scrolling."""

    def __init__(self, grid: ScheduleGrid) -> None:
        super().__init__()
        self.grid = grid
        self.setFixedHeight(40)
        grid.horizontalScrollBar().valueChanged.connect(self.update)
        grid.geometry_changed.connect(self.update)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#f3f4f6"))
        offset = self.grid.horizontalScrollBar().value()
        for col, room in enumerate(self.grid.rooms):
            x = col * COL_W - offset
            if x + COL_W < 0 or x > self.width():
                continue
            p.setPen(QColor("#d0d0d0"))
            p.drawLine(x, 0, x, self.height())
            p.setPen(QColor("#1a1a1a"))
            font = p.font()
            font.setBold(True)
            p.setFont(font)
            p.drawText(x + 4, 2, COL_W - 8, 20, int(Qt.AlignmentFlag.AlignLeft
                                                    | Qt.AlignmentFlag.AlignVCenter),
                       p.fontMetrics().elidedText(room.name, Qt.TextElideMode.ElideRight,
                                                  COL_W - 8))
            font.setBold(False)
            p.setFont(font)
            p.setPen(QColor("#666"))
            p.drawText(x + 4, 20, COL_W - 8, 18, int(Qt.AlignmentFlag.AlignLeft
                                                     | Qt.AlignmentFlag.AlignVCenter),
                       p.fontMetrics().elidedText(self.detail(room),
                                                  Qt.TextElideMode.ElideRight, COL_W - 8))

    @staticmethod
    def detail(room: RoomRow) -> str:
        """The line under a room's name: its seats, then its group (or hall)."""
        seats = translate("RoomHeader", "{seats} 座").format(
            seats=format_number(room.capacity)) if room.capacity else ""
        return " · ".join(x for x in (seats, room.room_group or room.hall) if x)


class TimeRuler(QWidget):
    """Times down the side; follows the grid's vertical scrolling and zoom."""

    def __init__(self, grid: ScheduleGrid) -> None:
        super().__init__()
        self.grid = grid
        self.setFixedWidth(48)
        grid.verticalScrollBar().valueChanged.connect(self.update)
        grid.geometry_changed.connect(self.update)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#f3f4f6"))
        g = self.grid
        offset = g.verticalScrollBar().value()
        step = 60 if g.minutes_per_row >= 30 else max(g.minutes_per_row, 15)
        minute = g.first_min
        while minute <= g.last_min:
            y = int(g.y_of(minute)) - offset
            if -20 < y < self.height() + 20:
                font = p.font()
                font.setBold(minute % 60 == 0)
                p.setFont(font)
                p.setPen(QColor("#1a1a1a" if minute % 60 == 0 else "#888"))
                p.drawText(2, y - 7, 42, 14, int(Qt.AlignmentFlag.AlignRight),
                           f"{minute // 60 % 24:02d}:{minute % 60:02d}")
            minute += step


class UnscheduledList(QListWidget):
    """Items without a time or room; drag one onto the grid, or select it and press Enter."""

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.setWordWrap(True)

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        if items:
            mime.setData(MIME, str(items[0].data(ID_ROLE)).encode())
        return mime


class ScheduleView(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.schedule: Schedule | None = None
        self.undo_stack = QUndoStack(self)
        self.edits = ScheduleEdits(ctx, self.undo_stack, self)
        self._generation = 0  # of the latest load asked for; older answers are dropped
        self._loads = 0  # loads still running
        self._reload_wanted = False  # a reload waits for the edits in flight
        self.grid = ScheduleGrid()
        self.days = QTabBar()
        self.days.setExpanding(False)
        self.zoom = QComboBox()
        for z in ZOOMS:
            self.zoom.addItem(translate("ScheduleView", "每行 {minutes} 分钟").format(minutes=z), z)
        self.zoom.setCurrentIndex(ZOOMS.index(15))
        self.group = QComboBox()
        # Filled after the first load: sized to its items then, not when first shown empty
        # (“全部会议室组” / “All room groups” were cut off).
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("ScheduleView", "筛选会议室…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(180)
        self.in_use = QCheckBox(translate("ScheduleView", "仅显示当天有会议的"))
        self.in_use.setToolTip(translate("ScheduleView",
                                         "隐藏当天没有安排会议的会议室（40 个会议室时更易浏览）"))
        self.unscheduled = UnscheduledList()
        self.conflict_list = QListWidget()
        self.conflict_list.setWordWrap(True)
        self.live = QLabel()
        self.live.setWordWrap(True)
        self.live.setStyleSheet("color: #c0392b; font-weight: bold")
        self.conflict_title = QLabel()
        self.notice = QLabel()  # an edit that did not happen, and why
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #a0281b")
        self._build_layout()
        self._connect()
        self.reload()

    # -- layout --------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        new = QPushButton(translate("ScheduleView", "新建会议"))
        new.clicked.connect(self.new_item)
        rooms = QPushButton(translate("ScheduleView", "会议室…"))
        rooms.setToolTip(translate("ScheduleView",
                                   "会议室容量、会议室组、可用时间；嘉宾没空的时间"))
        rooms.clicked.connect(self.open_rooms)
        # The prefix goes before the command's own text: “撤销 移动“开幕式”” / “Undo Move …”.
        undo = self.undo_stack.createUndoAction(self, translate("ScheduleView", "撤销"))
        redo = self.undo_stack.createRedoAction(self, translate("ScheduleView", "重做"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        bar = QHBoxLayout()  # the days, and what edits do
        bar.addWidget(self.days, 1)
        tools = QHBoxLayout()  # what the grid shows
        for w in (QLabel(translate("ScheduleView", "缩放")), self.zoom,
                  QLabel(translate("ScheduleView", "会议室组")), self.group, self.filter,
                  self.in_use):
            tools.addWidget(w)
        tools.addStretch(1)
        tools.addWidget(new)
        tools.addWidget(rooms)
        # A push button with a menu makes room for its arrow; a tool button drew it over the text.
        export = QPushButton(translate("ScheduleView", "导出"))
        export.setMenu(ExportMenu(self, self.ctx, self.current_day, self.selected_room_name))
        tools.addWidget(export)
        for action, word in ((undo, translate("ScheduleView", "撤销")),
                             (redo, translate("ScheduleView", "重做"))):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            bar.addWidget(undo_button(action, word))
        centre = QWidget()
        grid_layout = QGridLayout(centre)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.setSpacing(0)
        grid_layout.addWidget(RoomHeader(self.grid), 0, 1)
        grid_layout.addWidget(TimeRuler(self.grid), 1, 0)
        grid_layout.addWidget(self.grid, 1, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.unscheduled_title = QLabel()
        place = QPushButton(translate("ScheduleView", "安排到选中格"))
        place.setToolTip(translate("ScheduleView",
                                   "把选中的会议放到日程格中光标所在的会议室和时间（Enter）"))
        place.clicked.connect(self.place_selected_unscheduled)
        left_layout.addWidget(self.unscheduled_title)
        left_layout.addWidget(self.unscheduled, 1)
        left_layout.addWidget(place)
        help_text = QLabel(translate("ScheduleView",
                                     "拖动移动，拖上下边调时长，双击编辑。\n"
                                     "键盘：方向键选择，Alt+方向键移动，"
                                     "Shift+Alt+↑↓ 调时长，Enter 编辑，Del 取消排期。"))
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #666")
        left_layout.addWidget(help_text)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.conflict_title)
        right_layout.addWidget(self.live)
        right_layout.addWidget(self.conflict_list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(centre)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 960, 250])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.days.currentChanged.connect(lambda _i: self.show_day())
        self.zoom.currentIndexChanged.connect(
            lambda _i: self.grid.set_minutes_per_row(self.zoom.currentData()))
        self.group.currentIndexChanged.connect(lambda _i: self.show_day())
        self.filter.textChanged.connect(lambda _t: self.show_day())
        self.in_use.toggled.connect(lambda _on: self.show_day())
        self.grid.place_requested.connect(self.place)
        self.grid.edit_requested.connect(self.edit_item)
        self.grid.unschedule_requested.connect(
            lambda item_id: self.place(item_id, None, None, None))
        self.grid.live_conflicts.connect(self.show_live)
        self.conflict_list.itemActivated.connect(self._go_to_conflict)
        self.conflict_list.itemClicked.connect(self._go_to_conflict)
        self.unscheduled.itemActivated.connect(lambda _i: self.place_selected_unscheduled())
        self.unscheduled.itemDoubleClicked.connect(
            lambda i: self.edit_item(int(i.data(ID_ROLE))))
        self.ctx.changed.connect(self._on_changed)
        self.edits.failed.connect(self._edit_failed)
        self.edits.idle.connect(self._edits_idle)
        self.undo_stack.indexChanged.connect(lambda _i: self.notice.clear())

    # -- data ----------------------------------------------------------------------------------
    def _on_changed(self, topics: frozenset[str]) -> None:
        if SCHEDULE in topics:
            self.reload()

    def _edit_failed(self, sentence: str) -> None:
        self.notice.setText(sentence)
        self.reload()  # the grid showed the edit before it was refused: show what is true

    def _edits_idle(self) -> None:
        if self._reload_wanted:
            self.reload()

    def is_settled(self) -> bool:
        """No edit in flight, no load running or waiting: the view shows the database."""
        return self.edits.is_idle() and self._loads == 0 and not self._reload_wanted

    def reload(self) -> None:
        """Load the programme off the GUI thread. While edits are in flight a load would show a
        state between them, so it waits for the queue to run dry."""
        if self.ctx.event_info is None:
            return
        if not self.edits.is_idle():
            self._reload_wanted = True
            return
        self._reload_wanted = False
        self._generation += 1
        self._loads += 1
        generation = self._generation

        def done(loaded: Schedule) -> None:
            if shiboken6.isValid(self):
                self._loads -= 1
                self._loaded(generation, loaded)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._loads -= 1
                self.notice.setText(messages.describe(exc))

        ops.run_action(self.ctx, lambda actx, _progress: actions.load_schedule(actx),
                       on_done=done, on_error=failed)

    def _loaded(self, generation: int, loaded: Schedule) -> None:
        if generation != self._generation:
            return  # a later load is on its way
        if not self.edits.is_idle():
            self._reload_wanted = True  # an edit started meanwhile; its own reload follows
            return
        self.schedule = loaded
        self.blockSignals(True)
        if self.days.count() != len(loaded.event.days):
            while self.days.count():
                self.days.removeTab(0)
            for d in loaded.event.days:
                self.days.addTab(day_label(d))
        groups = sorted({r.room_group or r.hall for r in loaded.rooms} - {""}, key=text_key)
        if [self.group.itemText(i) for i in range(1, self.group.count())] != groups:
            self.group.blockSignals(True)
            self.group.clear()
            self.group.addItem(translate("ScheduleView", "全部会议室组"))
            self.group.addItems(groups)
            self.group.blockSignals(False)
        self.blockSignals(False)
        self.show_day()
        self._fill_unscheduled()
        self._fill_conflicts()

    def current_day(self) -> date:
        assert self.schedule is not None
        return self.schedule.event.days[max(0, self.days.currentIndex())]

    def visible_rooms(self) -> list[RoomRow]:
        assert self.schedule is not None
        group = self.group.currentText() if self.group.currentIndex() > 0 else ""
        text = self.filter.text().strip().lower()
        used: set[int] | None = None
        if self.in_use.isChecked():
            day, event = self.current_day(), self.schedule.event
            used = {i.room_id for i in self.schedule.items if i.room_id is not None
                    and i.start and event.day_of(i.start) == day}
        return [r for r in self.schedule.rooms
                if (not group or group in (r.room_group, r.hall))
                and (used is None or r.id in used)
                and (not text or text in f"{r.name} {r.hall} {r.floor} {r.room_group}".lower())]

    def show_day(self) -> None:
        if self.schedule is not None:
            self.grid.show_day(self.schedule, self.current_day(), self.visible_rooms())

    def _fill_unscheduled(self) -> None:
        assert self.schedule is not None
        self.unscheduled.clear()
        rows = [i for i in self.schedule.items if not i.scheduled]
        for item in rows:
            people = join_names(p.name for p in item.people)
            minutes = translate("ScheduleView", "{minutes} 分钟").format(
                minutes=default_minutes(item))
            title = either(item.title_zh, item.title_en)
            entry = QListWidgetItem(f"{title}\n{kind_label(item)} · {minutes}"
                                    + (f" · {people}" if people else ""))
            entry.setData(ID_ROLE, item.id)
            self.unscheduled.addItem(entry)
        # {count}, not %n: a plain message, as lupdate writes no numerus entries for Python.
        self.unscheduled_title.setText(translate("ScheduleView", "<b>未排期</b>（{count}）")
                                       .format(count=format_number(len(rows))))

    def _fill_conflicts(self) -> None:
        assert self.schedule is not None
        self.conflict_list.clear()
        for c in self.schedule.conflicts:
            entry = QListWidgetItem(conflict_line(c))
            entry.setData(ID_ROLE, c)
            entry.setForeground(QColor("#a0281b"))
            self.conflict_list.addItem(entry)
        n = len(self.schedule.conflicts)
        self.conflict_title.setText(translate("ScheduleView", "<b>冲突</b>（{count}）").format(
            count=format_number(n)) if n else translate("ScheduleView", "<b>冲突</b>：无"))

    def conflicts(self) -> list[Conflict]:
        """What the panel lists (tests read it)."""
        return [self.conflict_list.item(i).data(ID_ROLE)
                for i in range(self.conflict_list.count())]

    def show_live(self, found: list[Conflict]) -> None:
        self.live.setText("\n".join(f"⚠ {conflict_text(c)}" for c in found))

    def _go_to_conflict(self, entry: QListWidgetItem) -> None:
        conflict: Conflict = entry.data(ID_ROLE)
        ref = conflict.items[0]
        if ref.start is not None and self.schedule is not None:
            day = ref.start.date()
            if day in self.schedule.event.days:
                self.days.setCurrentIndex(self.schedule.event.days.index(day))
            self.grid.select(ref.id)

    # -- edits: each one undo command ----------------------------------------------------------
    def _shown(self, item_id: int) -> ItemRow | None:
        """The item as the view shows it (the command's action reads the true "before" itself)."""
        return self.grid.item_by_id(item_id)

    def place(self, item_id: int, start: datetime | None, end: datetime | None,
              room_id: int | None) -> None:
        before = self._shown(item_id)
        if before is None:
            return
        keyboard = self.grid.last_gesture == "key" and before.scheduled and start is not None
        self.grid.last_gesture = ""
        self.undo_stack.push(PlaceItemCommand(self.edits, before, start=start, end=end,
                                              room_id=room_id, mergeable=keyboard))
        self.grid.apply_placement(item_id, start, end, room_id)  # shown now, written soon
        if start is not None:
            self.grid.select(item_id)

    def place_selected_unscheduled(self) -> None:
        entry = self.unscheduled.currentItem()
        if entry is None or not self.grid.rooms:
            return
        item = self.grid.item_by_id(int(entry.data(ID_ROLE)))
        if item is None:
            return
        col, minute = self.grid.cursor_cell
        col = min(col, len(self.grid.rooms) - 1)
        self.place(item.id, self.grid.instant(minute),
                   self.grid.instant(minute + default_minutes(item)), self.grid.rooms[col].id)

    def edit_item(self, item_id: int) -> None:
        from eventdesk.ui.schedule.editor import ItemEditor

        before = self._shown(item_id)
        if before is None or self.schedule is None:
            return
        dialog = ItemEditor(self.ctx, self.schedule, before, self)
        if dialog.exec() and dialog.result_input is not None:
            self.undo_stack.push(EditItemCommand(self.edits, before, dialog.result_input))

    def new_item(self) -> None:
        from eventdesk.ui.schedule.editor import ItemEditor

        if self.schedule is None:
            return
        dialog = ItemEditor(self.ctx, self.schedule, None, self)
        if dialog.exec() and dialog.result_input is not None:
            self.undo_stack.push(CreateItemCommand(self.edits, dialog.result_input))

    def selected_room_name(self) -> str | None:
        """The room of the selected session, else of the grid's cursor cell."""
        item = self.grid.item_by_id(self.grid.selected_id())
        if item is not None and item.room_id is not None and self.schedule is not None:
            return next((r.name for r in self.schedule.rooms if r.id == item.room_id), None)
        col = self.grid.cursor_cell[0]
        return self.grid.rooms[col].name if col < len(self.grid.rooms) else None

    def open_rooms(self) -> None:
        from eventdesk.ui.schedule.rooms import RoomsDialog

        RoomsDialog(self, self.ctx, self.edits).exec()

    # -- main window hooks ---------------------------------------------------------------------
    def activated(self) -> None:
        self.grid.setFocus()

    def settle(self) -> None:
        """Before a screenshot: scroll to the morning so the busiest hours show."""
        self.grid.verticalScrollBar().setValue(int(self.grid.y_of(9 * 60 - 15)))


def undo_button(action: QAction, word: str) -> QToolButton:
    """A button that says only “撤销”/“Undo”: the action's own text names the edit (“Undo Move
    “…””) and, on the button, grew with a session's title until it pushed the day tabs away.
    The full text is its tool tip (and the action's, in the window's menus)."""
    button = QToolButton()
    button.setText(word)
    button.clicked.connect(action.trigger)

    def sync() -> None:
        if not (shiboken6.isValid(action) and shiboken6.isValid(button)):
            return  # the view is being taken down: the action says it changed as it goes
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.text())
    action.changed.connect(sync)
    sync()
    return button


def kind_label(item: ItemRow) -> str:
    return messages.text(f"schedule.kind.{item.kind.value}")


def create_view(ctx: AppContext) -> QWidget:
    return ScheduleView(ctx)


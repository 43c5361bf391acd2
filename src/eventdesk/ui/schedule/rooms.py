"""Rooms (capacity, hall/floor, group, availability windows) and speakers' unavailable times.
Every change is one undo command on the schedule view's stack, like a drag on the grid; the lists
load off the GUI thread and reload when the schedule changed."""

from __future__ import annotations

from datetime import datetime, time

import shiboken6
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import schedule as actions
from eventdesk.actions.schedule import RoomsAndAway
from eventdesk.domain.errors import DomainError
from eventdesk.services.events import EventInfo
from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule import windows as schedule_windows
from eventdesk.services.schedule.items import PersonMatch
from eventdesk.services.schedule.rooms import RoomRow, UnavailableRow, Window
from eventdesk.ui import ops
from eventdesk.ui.context import SCHEDULE, AppContext
from eventdesk.ui.dialogs import ok_cancel
from eventdesk.ui.i18n import format_number, translate
from eventdesk.ui.schedule.commands import SaveRoomCommand, ScheduleEdits, UnavailabilityCommand
from eventdesk.ui.schedule.labels import day_label_with_year, moment_label


def windows_text(windows: tuple[Window, ...], event: EventInfo) -> str:
    """The windows one per line, as the organiser writes them (services.schedule.windows)."""
    return schedule_windows.windows_text(windows, tz=event.tz)


def parse_windows(text: str, event: EventInfo) -> list[Window]:
    """One window per line, “2025-05-20 08:00–18:00”, “08:00–18:00” for every event day,
    “08:00–24:00”, “22:00–02:00” over midnight. Raises ValidationFailed (a sentence via
    messages.describe) naming the line."""
    return schedule_windows.parse_windows(text, days=event.days, tz=event.tz)


class RoomEditor(QDialog):
    def __init__(self, event: EventInfo, room: RoomRow | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.info, self.room = event, room
        self.result_row: RoomRow | None = None
        self.setWindowTitle(translate("RoomEditor", "会议室"))
        self.setMinimumWidth(440)  # the availability examples on one line each, in English too
        form = QFormLayout(self)
        self.name = QLineEdit(room.name if room else "")
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setValue(room.capacity if room else 0)
        self.hall = QLineEdit(room.hall if room else "")
        self.floor = QLineEdit(room.floor if room else "")
        self.group = QLineEdit(room.room_group if room else "")
        self.windows = QPlainTextEdit(windows_text(room.windows, event) if room else "")
        self.windows.setPlaceholderText(translate(
            "RoomEditor", "留空：会期内全天可用\n2025-05-20 08:00–18:00\n"
            "08:00–18:00（每天）\n08:00–24:00（到午夜）\n22:00–02:00（跨午夜，到次日 02:00）"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        for label, widget in ((translate("RoomEditor", "名称"), self.name),
                              (translate("RoomEditor", "容量"), self.capacity),
                              (translate("RoomEditor", "展馆"), self.hall),
                              (translate("RoomEditor", "楼层"), self.floor),
                              (translate("RoomEditor", "会议室组"), self.group),
                              (translate("RoomEditor", "可用时间"), self.windows)):
            form.addRow(label, widget)
        form.addRow(self.error)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            windows = parse_windows(self.windows.toPlainText(), self.info)
        except DomainError as exc:  # the line and what is wrong in it, as a sentence
            self.error.setText(messages.describe(exc))
            return
        if not self.name.text().strip():
            self.error.setText(messages.text("schedule.room.name_required"))
            return
        self.error.clear()
        self.result_row = RoomRow(self.room.id if self.room else 0, self.name.text().strip(),
                                  self.capacity.value(), self.hall.text().strip(),
                                  self.floor.text().strip(), self.group.text().strip(),
                                  self.room.sort_order if self.room else 0, tuple(windows))
        super().accept()


class RoomsDialog(QDialog):
    def __init__(self, view: QWidget, ctx: AppContext, edits: ScheduleEdits) -> None:
        super().__init__(view)
        self.ctx, self.edits = ctx, edits
        self._rooms: list[RoomRow] = []
        self._away: list[UnavailableRow] = []
        self._generation = 0
        assert ctx.event_info is not None
        self.info = ctx.event_info
        self.setWindowTitle(translate("RoomsDialog", "会议室与嘉宾时间"))
        self.resize(760, 520)
        tabs = QTabWidget()
        self.rooms = QTableWidget(0, 6)
        self.rooms.setHorizontalHeaderLabels(
            [translate("RoomsDialog", "名称"), translate("RoomsDialog", "容量"),
             translate("RoomsDialog", "展馆"), translate("RoomsDialog", "楼层"),
             translate("RoomsDialog", "会议室组"), translate("RoomsDialog", "可用时间")])
        self.rooms.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rooms.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.rooms.cellDoubleClicked.connect(lambda r, _c: self.edit_room(r))
        add_room = QPushButton(translate("RoomsDialog", "新增会议室"))
        add_room.clicked.connect(lambda: self.edit_room(-1))
        room_tab = QWidget()
        lay = QVBoxLayout(room_tab)
        lay.addWidget(self.rooms)
        lay.addWidget(add_room, 0, Qt.AlignmentFlag.AlignLeft)
        tabs.addTab(room_tab, translate("RoomsDialog", "会议室"))
        self.away = QTableWidget(0, 3)
        self.away.setHorizontalHeaderLabels([translate("RoomsDialog", "嘉宾"),
                                             translate("RoomsDialog", "开始"),
                                             translate("RoomsDialog", "结束")])
        self.away.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.away.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.who = QLineEdit()
        self.who.setPlaceholderText(translate("RoomsDialog", "嘉宾姓名"))
        # The namesake rule in the tip: in English the placeholder was cut off mid-sentence.
        self.who.setToolTip(translate("RoomsDialog", "同名者写 姓名（公司）"))
        self.who.setMinimumWidth(220)
        self.day = QComboBox()
        for d in self.info.days:
            self.day.addItem(day_label_with_year(d), d)
        self.start, self.end = QTimeEdit(QTime(9, 0)), QTimeEdit(QTime(12, 0))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")  # 24-hour in both languages, as the grid
        add_away = QPushButton(translate("RoomsDialog", "添加"))
        add_away.clicked.connect(self.add_unavailable)
        remove_away = QPushButton(translate("RoomsDialog", "删除选中"))
        remove_away.clicked.connect(self.remove_unavailable)
        self.away_error = QLabel()
        self.away_error.setStyleSheet("color: #c0392b")
        row = QHBoxLayout()
        for w in (self.who, self.day, self.start, self.end, add_away, remove_away):
            row.addWidget(w)
        away_tab = QWidget()
        lay2 = QVBoxLayout(away_tab)
        lay2.addWidget(self.away)
        lay2.addLayout(row)
        lay2.addWidget(self.away_error)
        tabs.addTab(away_tab, translate("RoomsDialog", "嘉宾没空的时间"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, topics: frozenset[str]) -> None:
        if SCHEDULE in topics and shiboken6.isValid(self):
            self.refresh()

    def refresh(self) -> None:
        """Reload both lists off the GUI thread; an older answer than the latest is dropped."""
        self._generation += 1
        generation = self._generation

        def done(loaded: RoomsAndAway) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._show(loaded)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self.away_error.setText(messages.describe(exc))

        ops.run_action(self.ctx, lambda actx, _p: actions.rooms_and_unavailability(actx),
                       on_done=done, on_error=failed)

    def _show(self, loaded: RoomsAndAway) -> None:
        rooms, away, names = list(loaded.rooms), list(loaded.away), loaded.names
        self._rooms, self._away = rooms, away
        self.rooms.setRowCount(len(rooms))
        for r, room in enumerate(rooms):
            windows = windows_text(room.windows, self.info).replace(
                "\n", translate("RoomsDialog", "；"))
            for c, text in enumerate((room.name, format_number(room.capacity), room.hall,
                                      room.floor, room.room_group,
                                      windows or translate("RoomsDialog", "全天"))):
                self.rooms.setItem(r, c, QTableWidgetItem(text))
        self.away.setRowCount(len(away))
        tz = self.info.tz
        for r, a in enumerate(away):
            for c, text in enumerate((names.get(a.person_id, f"#{a.person_id}"),
                                      moment_label(a.start.astimezone(tz)),
                                      moment_label(a.end.astimezone(tz)))):
                self.away.setItem(r, c, QTableWidgetItem(text))

    def edit_room(self, row: int) -> None:
        before = self._rooms[row] if row >= 0 else None
        dialog = RoomEditor(self.info, before, self)
        if dialog.exec() and dialog.result_row is not None:
            self.edits.stack.push(SaveRoomCommand(self.edits, before, dialog.result_row))

    def add_unavailable(self) -> None:
        """Find the speaker off the GUI thread, then add their unavailable time (undoable)."""
        name = self.who.text().strip()
        if not name:
            self.away_error.setText(messages.text("schedule.speaker.not_found", name=name))
            return
        day, tz = self.day.currentData(), self.info.tz
        a, b = self.start.time(), self.end.time()
        start = datetime.combine(day, time(a.hour(), a.minute()), tzinfo=tz)
        end = datetime.combine(day, time(b.hour(), b.minute()), tzinfo=tz)
        if end <= start:
            self.away_error.setText(messages.text("schedule.time.end_before_start"))
            return

        def found(matches: list[PersonMatch]) -> None:
            if not shiboken6.isValid(self):
                return
            if not matches or matches[0].person_id is None:
                self.away_error.setText(messages.text("schedule.speaker.not_found", name=name))
                return
            self.away_error.clear()
            self.edits.stack.push(UnavailabilityCommand(
                self.edits, UnavailableRow(0, matches[0].person_id, start, end)))

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self.away_error.setText(messages.describe(exc))

        ops.run_in_background(self.ctx, lambda s, _p: schedule.match_people(s, names=[name]),
                              on_done=found, on_error=failed, owner=self)

    def remove_unavailable(self) -> None:
        row = self.away.currentRow()
        if 0 <= row < len(self._away):
            self.edits.stack.push(UnavailabilityCommand(self.edits, self._away[row], remove=True))

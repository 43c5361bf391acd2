"""The agenda item editor (double-click a block, Enter on it, or “新建会议”).

A session may end the next day (“次日结束”: 23:00 to 01:00). On OK, the speakers and moderators
typed are matched to people off the GUI thread; the dialog closes when they are (or shows who
could not be matched)."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import shiboken6
from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from eventdesk import messages
from eventdesk.domain import AgendaKind
from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule.items import ItemInput, ItemRow, PersonMatch, Schedule
from eventdesk.storage import Session
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.dialogs import ok_cancel
from eventdesk.ui.i18n import format_number, translate
from eventdesk.ui.schedule.labels import day_label_with_year, join_names

SEPARATORS = re.compile(r"[、，,;；/\n]+")
People = tuple[tuple[int, ...], tuple[int, ...]]  # (speakers, moderators) person ids


def names_of(text: str) -> list[str]:
    return [n.strip() for n in SEPARATORS.split(text) if n.strip()]


class ItemEditor(QDialog):
    def __init__(self, ctx: AppContext, sched: Schedule, item: ItemRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.sched, self.item = ctx, sched, item
        self.result_input: ItemInput | None = None
        self._cancelled = False
        self.setWindowTitle(translate("ItemEditor", "会议") if item
                            else translate("ItemEditor", "新建会议"))
        self.setMinimumWidth(480)
        tz = sched.event.tz
        form = QFormLayout(self)
        self.title_zh = QLineEdit(item.title_zh if item else "")
        self.title_en = QLineEdit(item.title_en if item else "")
        self.kind = QComboBox()
        for kind in AgendaKind:
            self.kind.addItem(messages.text(f"schedule.kind.{kind.value}"), kind)
        self.kind.setCurrentIndex(list(AgendaKind).index(item.kind) if item else 2)
        self.unscheduled = QCheckBox(translate("ItemEditor", "未排期"))
        # The day list is kept beside the combo box: a Python date stored as item data comes back
        # as a QDate, so findData(date) never matched and every item showed the first day.
        self.days = list(sched.event.days)
        shown_day = sched.event.day_of(item.start) if item and item.start else None
        if shown_day is not None and shown_day not in self.days:  # outside the event's dates
            self.days = sorted([*self.days, shown_day])
        self.day = QComboBox()
        for d in self.days:
            self.day.addItem(day_label_with_year(d))
        self.start, self.end = QTimeEdit(), QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.next_day = QCheckBox(translate("ItemEditor", "次日结束"))  # over midnight: 23:00–01:00
        self.room = QComboBox()
        for r in sched.rooms:
            self.room.addItem(translate("ItemEditor", "{room}（{seats} 座）").format(
                room=r.name, seats=format_number(r.capacity)) if r.capacity else r.name, r.id)
        self.track = QComboBox()
        self.track.addItem(translate("ItemEditor", "（无）"), None)
        for t in sched.tracks:
            self.track.addItem(t.name, t.id)
        self.audience = QSpinBox()
        self.audience.setRange(0, 100_000)
        self.speakers = QLineEdit(join_names(p.name for p in item.speakers) if item else "")
        self.moderators = QLineEdit(join_names(p.name for p in item.moderators) if item else "")
        for names in (self.speakers, self.moderators):
            names.setPlaceholderText(
                translate("ItemEditor", "姓名，用、分隔；同名者写 姓名（公司）"))
        self.description = QPlainTextEdit(item.description if item else "")
        self.description.setFixedHeight(70)
        if item and item.scheduled and item.start and item.end and shown_day is not None:
            self.day.setCurrentIndex(self.days.index(shown_day))
            s, e = item.start.astimezone(tz), item.end.astimezone(tz)
            self.start.setTime(QTime(s.hour, s.minute))
            self.end.setTime(QTime(e.hour, e.minute))
            self.next_day.setChecked(e.date() > s.date())
            self.room.setCurrentIndex(max(0, self.room.findData(item.room_id)))
        else:
            self.unscheduled.setChecked(True)
            self.start.setTime(QTime(9, 0))
            self.end.setTime(QTime(9, 45))
        if item:
            self.track.setCurrentIndex(max(0, self.track.findData(item.track_id)))
            self.audience.setValue(item.expected_audience)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        self.error.setWordWrap(True)
        form.addRow(translate("ItemEditor", "议题（中文）"), self.title_zh)
        form.addRow(translate("ItemEditor", "议题（英文）"), self.title_en)
        form.addRow(translate("ItemEditor", "类型"), self.kind)
        form.addRow("", self.unscheduled)
        form.addRow(translate("ItemEditor", "日期"), self.day)
        form.addRow(translate("ItemEditor", "开始"), self.start)
        form.addRow(translate("ItemEditor", "结束"), self.end)
        form.addRow("", self.next_day)
        form.addRow(translate("ItemEditor", "会议室"), self.room)
        form.addRow(translate("ItemEditor", "论坛"), self.track)
        form.addRow(translate("ItemEditor", "预计人数"), self.audience)
        form.addRow(translate("ItemEditor", "演讲嘉宾"), self.speakers)
        form.addRow(translate("ItemEditor", "主持人"), self.moderators)
        form.addRow(translate("ItemEditor", "简介"), self.description)
        form.addRow(self.error)
        buttons = ok_cancel(self)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form.addRow(buttons)
        self.unscheduled.toggled.connect(self._sync)
        self._sync()
        self._shown = self._slot_shown()
        self._shown_people = (self.speakers.text(), self.moderators.text())

    def _slot_shown(self) -> tuple[bool, int, str, str, bool, object]:
        # What the day, time and room widgets show now, to tell whether the person changed them.
        return (self.unscheduled.isChecked(), self.day.currentIndex(),
                self.start.time().toString("HH:mm"), self.end.time().toString("HH:mm"),
                self.next_day.isChecked(), self.room.currentData())

    def _sync(self) -> None:
        for w in (self.day, self.start, self.end, self.next_day, self.room):
            w.setEnabled(not self.unscheduled.isChecked())

    @staticmethod
    def _resolved(matches: list[PersonMatch]) -> tuple[tuple[int, ...], list[str]]:
        """Person ids of the matched names, and a note for each name that was not."""
        why = {"ambiguous": translate("ItemEditor", "{name}（同名多人，请写 姓名（公司））"),
               "unmatched": translate("ItemEditor", "{name}（找不到此人）")}
        problems = [why.get(m.problem, why["unmatched"]).format(name=m.name)
                    for m in matches if m.person_id is None]
        return tuple(m.person_id for m in matches if m.person_id is not None), problems

    def _unchanged_people(self) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        # The item's own speakers and moderators when their fields were not touched: names alone
        # cannot round-trip (a speaker with a namesake would be refused as ambiguous).
        shown = (self.speakers.text(), self.moderators.text())
        if self.item is None or shown != self._shown_people:
            return None
        return (tuple(p.person_id for p in self.item.speakers),
                tuple(p.person_id for p in self.item.moderators))

    def build_input(self, people: People | None = None) -> ItemInput | None:
        """The item as the form shows it; None (with the reason shown in the form) when it cannot
        be saved. Fields left as they were opened give back the item's own values exactly.
        `people`: the speakers' and moderators' ids as matched (accept() matches them off the
        GUI thread); needed only when those fields were changed."""
        people = people or self._unchanged_people()
        if people is None:
            if names_of(self.speakers.text()) or names_of(self.moderators.text()):
                raise ValueError("names typed but not matched yet: accept() matches them")
            people = ((), ())
        speakers, moderators = people
        start: datetime | None = None
        end: datetime | None = None
        room_id: int | None = None
        if self.item is not None and self._slot_shown() == self._shown:
            # Day, times and room untouched: the item's own slot (seconds and all, and also an
            # unplaced item that has times but no room).
            start, end, room_id = self.item.start, self.item.end, self.item.room_id
        elif not self.unscheduled.isChecked():
            tz, day = self.sched.event.tz, self.days[self.day.currentIndex()]
            st, et = self.start.time(), self.end.time()
            end_day = day + timedelta(days=1) if self.next_day.isChecked() else day
            start = datetime.combine(day, time(st.hour(), st.minute()), tzinfo=tz)
            end = datetime.combine(end_day, time(et.hour(), et.minute()), tzinfo=tz)
            room_id = self.room.currentData()
            if end <= start:
                self.error.setText(messages.text("schedule.time.end_before_start"))
                return None
        if not self.title_zh.text().strip():
            self.error.setText(messages.text("schedule.item.title_required"))
            return None
        return ItemInput(
            title_zh=self.title_zh.text(), title_en=self.title_en.text(),
            kind=self.kind.currentData(), start=start, end=end, room_id=room_id,
            track_id=self.track.currentData(), expected_audience=self.audience.value(),
            description=self.description.toPlainText(),
            external_ref=self.item.external_ref if self.item else None,
            speakers=speakers, moderators=moderators)

    def accept(self) -> None:
        """Match the typed speakers and moderators off the GUI thread (unless untouched), then
        save and close; a name that matches nobody, or several people, keeps the dialog open."""
        kept = self._unchanged_people()
        wanted = (names_of(self.speakers.text()), names_of(self.moderators.text()))
        if kept is not None or not any(wanted):
            self._finish(kept or ((), ()))
            return
        if self.build_input(((), ())) is None:  # the form's own mistakes first, at once
            return
        self.error.clear()
        self._ok.setEnabled(False)  # one look-up at a time

        def match(session: Session, _progress: object) -> tuple[list[PersonMatch], ...]:
            return tuple(schedule.match_people(session, names=names) if names else []
                         for names in wanted)

        def matched(found: tuple[list[PersonMatch], ...]) -> None:
            if not shiboken6.isValid(self) or self._cancelled:  # closed meanwhile
                return
            self._ok.setEnabled(True)
            (speakers, bad1), (moderators, bad2) = (self._resolved(m) for m in found)
            if bad1 or bad2:
                self.error.setText(translate("ItemEditor", "嘉宾未匹配：{names}").format(
                    names=translate("ItemEditor", "；").join(bad1 + bad2)))
                return
            self._finish((speakers, moderators))

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._ok.setEnabled(True)
                self.error.setText(messages.describe(exc))

        ops.run_in_background(self.ctx, match, on_done=matched, on_error=failed, owner=self)

    def reject(self) -> None:
        self._cancelled = True  # a look-up still on its way must not save
        super().reject()

    def _finish(self, people: People) -> None:
        data = self.build_input(people)
        if data is not None:
            self.result_input = data
            super().accept()

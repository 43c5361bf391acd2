"""The edit form beside a list: heading, fields, Save / Revert, and what the save said.

A subclass adds its fields to `self.form`, says how to fill them from a row (`show_row`), how to
read them back (`collect`) and which action saves them (`save_action`); this class owns the buttons,
the Ctrl+S shortcut, the scrolling body and how a refused save is shown.

Saving runs the subclass's action (`save_action`) on a worker thread through ui.ops; the result
comes back on the GUI thread to the record that was saved (see `row`), announced by `save_finished`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from eventdesk import messages
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.domain.errors import ValidationFailed
from eventdesk.services.edits import EditConflict, field_changed_phrase
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import translate
from eventdesk.ui.tables.form import ERROR_STYLE, FieldForm
from eventdesk.ui.tables.paging import HasId

RowT = TypeVar("RowT", bound=HasId)
InputT = TypeVar("InputT", bound="DataclassInstance")  # a form's input: a dataclass
if TYPE_CHECKING:
    from _typeshed import DataclassInstance

OK_STYLE = "color: #2e7d32;"
SAVING_STYLE = "color: #555;"


class DetailPanel(QWidget, Generic[RowT, InputT]):
    saved = Signal(int)  # the row's id, after a successful save
    # After every save that `save()` started, on the GUI thread: True when it was written,
    # False when it was refused (the form says why).
    save_finished = Signal(bool)

    def __init__(self, ctx: AppContext, *, min_width: int, heading_scale: float) -> None:
        super().__init__()
        self.ctx = ctx
        self._row: RowT | None = None
        # Which record the form shows: counted up whenever it moves to another row (or a new
        # blank form). A save remembers the count it started with, so that its result lands on
        # the record it saved, never on a row the person has moved on to meanwhile.
        self._record = 0
        self._saving: int | None = None  # the record whose save is running, if any
        self._focus: QWidget | None = None  # where the typing was when Save was pressed
        self.setMinimumWidth(min_width)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * heading_scale)
        font.setBold(True)
        self.heading.setFont(font)
        self.form = FieldForm()

        self.save_button = QPushButton(translate("DetailPanel", "保存"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        # Only while focus is in this panel: other views have their own Ctrl+S.
        save_key = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.revert_button = QPushButton(translate("DetailPanel", "还原"))
        self.revert_button.clicked.connect(lambda: self.show_row(self.row))
        self.message = QLabel()
        self.message.setWordWrap(True)

    def _lay_out(self, above: tuple[QWidget, ...], spacing: int,
                 below: tuple[tuple[QWidget | int, int], ...] = ()) -> None:
        """Stack heading, `above`, the form, the buttons, the message and `below` (widgets with
        their stretch, or an int for spacing) in a scroll area: small screens still reach Save."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(12, 8, 12, 8)
        inner.addWidget(self.heading)
        for widget in above:
            inner.addWidget(widget)
        inner.addSpacing(spacing)
        inner.addWidget(self.form)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        for item, stretch in below:
            if isinstance(item, int):
                inner.addSpacing(item)
            else:
                inner.addWidget(item, stretch)
        if not below:
            inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_row(None)

    # -- what a subclass provides ----------------------------------------------------------
    def show_row(self, row: RowT | None) -> None:
        """Fill the form from `row`; None starts a blank form for a new one."""
        raise NotImplementedError

    def collect(self) -> InputT:
        raise NotImplementedError

    def fill(self, data: InputT) -> None:
        """Put `data` into the fields."""
        raise NotImplementedError

    def input_of(self, row: RowT) -> InputT:
        """What the form shows for `row`."""
        raise NotImplementedError

    def is_dirty(self) -> bool:
        """Has the user typed something that is not saved?"""
        raise NotImplementedError

    def check(self, data: InputT) -> dict[str, str]:
        """Problems the form can see before asking the service (field key → message)."""
        return {}

    def save_action(self, data: InputT,
                    row: RowT | None) -> Callable[[ActionContext, ops.Progress], Outcome[RowT]]:
        """The action (eventdesk.actions) that saves `data` (creates when `row` is None). It
        runs on a worker thread: it must hold plain data only, no widget nor this panel."""
        raise NotImplementedError

    def name_of(self, data: InputT) -> str:
        """The record's name as typed, for a message about it once the form shows another."""
        raise NotImplementedError

    def show_saved(self, result: RowT, was_new: bool) -> None:
        raise NotImplementedError

    # -- state -----------------------------------------------------------------------------
    @property
    def row(self) -> RowT | None:
        """The record shown; None while a new one is being entered."""
        return self._row

    @row.setter
    def row(self, row: RowT | None) -> None:
        if row is None or self._row is None or row.id != self._row.id:
            self._record += 1  # another record: a save still running is not this one's
            self._show_saving(self._saving == self._record)
        self._row = row

    @property
    def saving(self) -> bool:
        """Whether the record shown is being saved (its fields wait for the result)."""
        return self._saving is not None and self._saving == self._record

    @property
    def row_id(self) -> int | None:
        return int(self.row.id) if self.row is not None else None

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        """Start saving the form on a worker thread (ui.ops: nothing that touches the database
        runs on the GUI thread). Returns True when a save started — its result arrives later
        through `save_finished` (and `saved` when written) — and False when none did: the form's
        own check found problems (shown under the fields), or a save of this record is still
        running (a second click must not save twice)."""
        if self._saving == self._record:
            return False
        data = self.collect()
        problems = self.check(data)
        if problems:
            self.form.show_errors(problems)
            return False
        record, was_new, name = self._record, self.row is None, self.name_of(data)

        def done(result: RowT) -> None:
            if self._end_save(record):
                self.show_saved(result, was_new)
            self.saved.emit(int(result.id))
            self.save_finished.emit(True)

        def failed(exc: BaseException) -> None:
            if self._end_save(record):
                self._refused(exc)
            else:  # the person moved on to another record: say so, do not lose it silently
                self._say(messages.text("form.not_saved_elsewhere", name=name,
                                        reason=messages.describe(exc)), ok=False)
            self.save_finished.emit(False)

        self._start_saving(record)
        ops.run_action(self.ctx, self.save_action(data, self.row), on_done=done,
                       on_error=failed, owner=self)
        return True

    def _refused(self, exc: BaseException) -> None:
        """The save of the record shown was refused: each problem where it belongs."""
        self.form.clear_errors()
        if isinstance(exc, ValidationFailed):
            rest = self.form.show_errors(messages.field_texts(exc))
            self._say(" ".join([messages.text("form.correct_marked"), *rest]), ok=False)
        elif isinstance(exc, EditConflict):
            self._changed_meanwhile(exc)
        else:  # another domain error, the database's one sentence, or an unexpected error
            self._say(messages.describe(exc), ok=False)

    def _start_saving(self, record: int) -> None:
        """Show that the record is being saved: Save, Revert and the fields wait for the result
        (typing during the save would be overwritten by the saved row)."""
        self._saving = record
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and self.isAncestorOf(focus) else None
        self._show_saving(True)
        self.message.setStyleSheet(SAVING_STYLE)
        self.message.setText(messages.text("form.saving"))

    def _end_save(self, record: int) -> bool:
        """A save of `record` finished: True when the form still shows that record (the result
        belongs in it); the form is usable again either way."""
        focus = None
        if self._saving == record:
            self._saving, focus, self._focus = None, self._focus, None
            self._show_saving(False)
        if record != self._record:
            return False
        if focus is not None and Shiboken.isValid(focus) and focus.isEnabled():
            focus.setFocus()  # disabling the fields took the focus away from them
        return True

    def _show_saving(self, saving: bool) -> None:
        for widget in (self.save_button, self.revert_button, self.form):
            widget.setEnabled(not saving)

    def rebase(self, row: RowT, *, redraw: bool = False) -> None:
        """Take `row`, the record shown read again, as the form's starting point: the fields
        the person has not changed show its values, what they typed stays. A save writes only
        what differs from the starting point (services.edits), so the form and its starting
        point must never disagree on a field the person did not touch. `redraw`: heading and
        details too (and the message cleared)."""
        if self.row is None:
            self.row = row
            return
        typed, before = self.collect(), self.input_of(self.row)
        mine = {f.name: getattr(typed, f.name) for f in fields(typed)
                if getattr(typed, f.name) != getattr(before, f.name)}
        if redraw:
            self.show_row(row)
        else:
            self.row = row
        self.fill(replace(self.input_of(row), **mine))

    def _changed_meanwhile(self, exc: EditConflict) -> None:
        """Another desk changed some of the same fields since this form was read. The form now
        starts from the record as it is (the other desk's changes shown) with this person's own
        changes kept on top, so that pressing Save again writes theirs, knowingly, and nothing
        else. Under each field both changed: its value now and who changed it."""
        self.rebase(cast(RowT, exc.current), redraw=True)  # the same kind of row as shown
        self.form.show_errors({c.field: messages.field_text(field_changed_phrase(c))
                               for c in exc.changed})
        self._say(messages.describe(exc), ok=False)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

"""The edit form beside a list: heading, fields, Save / Revert, and what the save said.

A subclass adds its fields to `self.form`, says how to fill them from a row (`show_row`), how to
read them back (`collect`) and which service writes them (`write`); this class owns the buttons,
the Ctrl+S shortcut, the scrolling body and how a refused save is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.domain.errors import DomainError, ValidationFailed
from eventdesk.services.edits import EditConflict, field_changed_phrase
from eventdesk.storage import Session
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.tables.form import ERROR_STYLE, FieldForm
from eventdesk.ui.tables.paging import HasId

RowT = TypeVar("RowT", bound=HasId)
InputT = TypeVar("InputT", bound="DataclassInstance")  # a form's input: a dataclass
if TYPE_CHECKING:
    from _typeshed import DataclassInstance

OK_STYLE = "color: #2e7d32;"


class DetailPanel(QWidget, Generic[RowT, InputT]):
    saved = Signal(int)  # the row's id, after a successful save

    # What a save may change: the views listening for these topics reload.
    changes: tuple[str, ...] = ()

    def __init__(self, ctx: AppContext, *, min_width: int, heading_scale: float) -> None:
        super().__init__()
        self.ctx = ctx
        self.row: RowT | None = None  # None while a new one is being entered
        self.setMinimumWidth(min_width)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * heading_scale)
        font.setBold(True)
        self.heading.setFont(font)
        self.form = FieldForm()

        self.save_button = QPushButton("保存 Save")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        # Only while focus is in this panel: other views have their own Ctrl+S.
        save_key = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.revert_button = QPushButton("还原 Revert")
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

    def write(self, data: InputT, row: RowT | None) -> Callable[[Session], RowT]:
        """The service call that saves `data` (creates when `row` is None), run in one unit
        of work."""
        raise NotImplementedError

    def show_saved(self, result: RowT, was_new: bool) -> None:
        raise NotImplementedError

    # -- state -----------------------------------------------------------------------------
    @property
    def row_id(self) -> int | None:
        return int(self.row.id) if self.row is not None else None

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        data = self.collect()
        problems = self.check(data)
        if problems:
            self.form.show_errors(problems)
            return False
        was_new = self.row is None
        try:
            result: Any = ops.run_now(self.ctx, self.write(data, self.row),
                                      changes=self.changes, parent=self, show_errors=False)
        except ValidationFailed as exc:
            rest = self.form.show_errors(messages.field_texts(exc))
            self._say(" ".join([messages.text("form.correct_marked"), *rest]), ok=False)
            return False
        except EditConflict as exc:
            self._changed_meanwhile(exc)
            return False
        except DomainError as exc:
            self._say(messages.describe(exc), ok=False)
            return False
        assert result is not None
        self.show_saved(result, was_new)
        self.saved.emit(result.id)
        return True

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

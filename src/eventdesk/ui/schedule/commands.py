"""One QUndoCommand per schedule edit. redo/undo call an action (eventdesk.actions.schedule)
through ui.ops, so no database work runs on the GUI thread, not even during a drag.

Because the work is asynchronous, a command's actions go through `ScheduleEdits`, one queue per
undo stack that runs them strictly in order (an undo pressed right after a drag runs after the
drag's write, never beside it). Undo restores exactly: the state before an edit is the one the
action read in its own transaction, not what the screen showed. An edit whose action fails does
not stay on the stack as if it had happened: a failed redo leaves the stack, a failed undo puts
the command back to done, and `failed` says why in one sentence.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from eventdesk import messages
from eventdesk.actions import schedule as actions
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.schedule import ItemChange, RoomChange, RoomInput
from eventdesk.services.schedule.items import ItemInput, ItemRow
from eventdesk.services.schedule.rooms import RoomRow, UnavailableRow
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import either, translate

_MERGE_ID = 6001
Placement = tuple[datetime | None, datetime | None, int | None]  # start, end, room id
Direction = Literal["redo", "undo"]


@dataclass
class _State:
    """What a command knows, kept apart from the Qt object: the stack may delete a command while
    its action still runs (a push drops the redo history), and the action must still finish."""

    failed: bool = False  # its redo failed: nothing of it happened, nothing of it may run
    skip_redo: bool = False  # the stack re-marks it done after a failed undo; run nothing
    merged_into: _State | None = None  # a keyboard nudge merged into an earlier one
    restore: Any = None  # what the earlier nudge's `after` was before the merge
    values: dict[str, Any] = field(default_factory=dict)

    def dead(self) -> bool:
        return self.failed or (self.merged_into is not None and self.merged_into.failed)


@dataclass
class _Step:
    command: _ScheduleCommand
    state: _State
    direction: Direction
    run: Callable[[ActionContext], Outcome[Any]]
    done: Callable[[Any], None]


class ScheduleEdits(QObject):
    """Runs the actions of one undo stack's commands one after another, off the GUI thread."""

    failed = Signal(str)  # an edit did not happen: one sentence for the person
    applied = Signal(object)  # an action's value (ItemChange, RoomChange, UnavailableRow)
    idle = Signal()  # the queue ran dry: every edit asked for is in the database

    def __init__(self, ctx: AppContext, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.stack = ctx, stack
        self._queue: deque[_Step] = deque()
        self._running: _Step | None = None
        self._op: ops.BackgroundOp | None = None

    def is_idle(self) -> bool:
        return self._running is None and not self._queue

    def submit(self, step: _Step) -> None:
        self._queue.append(step)
        self._next()

    def _next(self) -> None:
        if self._running is not None:
            return
        while self._queue and self._queue[0].state.dead():
            self._queue.popleft()  # its redo failed: its undo/redo must not run either
        if not self._queue:
            self._op = None
            self.idle.emit()
            return
        step = self._running = self._queue.popleft()
        self._op = ops.run_action(self.ctx, lambda actx, _progress: step.run(actx),
                                  on_done=self._done, on_error=self._error)

    def _done(self, value: object) -> None:
        step, self._running = self._running, None
        assert step is not None
        step.done(value)
        self.applied.emit(value)
        self._next()

    def _error(self, exc: BaseException) -> None:
        step, self._running = self._running, None
        assert step is not None
        self._unwind(step)
        self.failed.emit(messages.text("schedule.edit.failed", reason=messages.describe(exc)))
        self._next()

    def _unwind(self, step: _Step) -> None:
        """Make the stack say what the database holds after `step` failed."""
        command = step.command if shiboken6.isValid(step.command) else None
        if step.state.merged_into is not None:
            # A merged keyboard nudge: the earlier command is still done, at its old `after`.
            step.state.failed = True
            step.state.merged_into.values["after"] = step.state.restore
            return
        if step.direction == "redo":
            step.state.failed = True
            if command is None:
                return
            command.setObsolete(True)  # the stack drops it when it next passes over it
            if self.stack.index() > 0 and self.stack.command(self.stack.index() - 1) is command:
                self.stack.undo()  # obsolete: removed at once, its undo() is not called
            return
        if command is not None and self.stack.index() < self.stack.count() \
                and self.stack.command(self.stack.index()) is command:
            step.state.skip_redo = True  # still done in the database: mark it done again
            self.stack.redo()
        elif command is not None:
            command.setObsolete(True)


class _ScheduleCommand(QUndoCommand):
    def __init__(self, edits: ScheduleEdits, text: str) -> None:
        super().__init__(text)
        # Weak: the stack owns its commands and `edits` holds the stack, so a strong reference
        # here would close a cycle of Qt objects that only the cyclic collector can free — and
        # it frees them in an order that crashes (the stack's C++ object deletes the commands
        # under their wrappers). Without the cycle, reference counting frees them in order.
        self._edits = weakref.ref(edits)
        self.state = _State()

    @property
    def edits(self) -> ScheduleEdits:
        edits = self._edits()
        if edits is None:
            raise RuntimeError("the schedule view that made this edit is gone")
        return edits

    @property
    def failed(self) -> bool:
        return self.state.failed

    def _submit(self, direction: Direction, run: Callable[[ActionContext], Outcome[Any]],
                done: Callable[[Any], None] = lambda _value: None) -> None:
        self.edits.submit(_Step(self, self.state, direction, run, done))

    def redo(self) -> None:
        if self.state.skip_redo:
            self.state.skip_redo = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class PlaceItemCommand(_ScheduleCommand):
    """Move, resize, drag between rooms, place from the unscheduled list, or unschedule."""

    def __init__(self, edits: ScheduleEdits, item: ItemRow, *, start: datetime | None,
                 end: datetime | None, room_id: int | None, text: str = "",
                 mergeable: bool = False) -> None:
        # The undo menu's words for it (“撤销 移动“开幕式”” / “Undo Move “开幕式””).
        label = text or (translate("PlaceItemCommand", "移动“{title}”") if start
                         else translate("PlaceItemCommand", "取消排期“{title}”")
                         ).format(title=either(item.title_zh, item.title_en))
        super().__init__(edits, label)
        self.item_id = item.id
        self.state.values["after"] = (start, end, room_id)
        self.mergeable = mergeable

    def _place(self, key: str) -> Callable[[ActionContext], Outcome[ItemChange]]:
        values, item_id = self.state.values, self.item_id

        def run(actx: ActionContext) -> Outcome[ItemChange]:
            start, end, room_id = values[key]  # read when it runs: earlier steps have finished
            return actions.place_item(actx, item_id=item_id, start=start, end=end,
                                      room_id=room_id)
        return run

    def _redo(self) -> None:
        values = self.state.values

        def done(change: ItemChange) -> None:
            if "before" not in values and change.before is not None:
                b = change.before
                values["before"] = (b.start, b.end, b.room_id)
        self._submit("redo", self._place("after"), done)

    def _undo(self) -> None:
        self._submit("undo", self._place("before"))

    def id(self) -> int:  # noqa: A003 - Qt name
        # Keyboard nudges of one item merge into one undo step; mouse drags never merge.
        return _MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, PlaceItemCommand) or other.item_id != self.item_id \
                or not other.mergeable or other.state.dead() or self.state.dead():
            return False
        other.state.merged_into, other.state.restore = self.state, self.state.values["after"]
        self.state.values["after"] = other.state.values["after"]
        return True


class EditItemCommand(_ScheduleCommand):
    """The editor dialog's OK: every field at once, undone as a whole."""

    def __init__(self, edits: ScheduleEdits, item: ItemRow, after: ItemInput) -> None:
        super().__init__(edits, translate("EditItemCommand", "编辑“{title}”")
                         .format(title=either(item.title_zh, item.title_en)))
        self.item_id, self.after = item.id, after

    def _redo(self) -> None:
        item_id, after, values = self.item_id, self.after, self.state.values

        def done(change: ItemChange) -> None:
            if "before" not in values and change.before is not None:
                values["before"] = change.before.as_input()
        self._submit("redo", lambda actx: actions.update_item(actx, item_id=item_id, data=after),
                     done)

    def _undo(self) -> None:
        item_id, values = self.item_id, self.state.values
        self._submit("undo", lambda actx: actions.update_item(actx, item_id=item_id,
                                                              data=values["before"]))


class CreateItemCommand(_ScheduleCommand):
    def __init__(self, edits: ScheduleEdits, data: ItemInput) -> None:
        super().__init__(edits, translate("CreateItemCommand", "新建“{title}”")
                         .format(title=either(data.title_zh, data.title_en)))
        self.data = data

    @property
    def item_id(self) -> int | None:
        return self.state.values.get("item_id")

    def _redo(self) -> None:
        # Redo after undo brings back the same id, so later commands still point at it.
        data, values = self.data, self.state.values

        def done(change: ItemChange) -> None:
            assert change.after is not None
            values["item_id"] = change.after.id
        self._submit("redo", lambda actx: actions.create_item(
            actx, data=data, item_id=values.get("item_id")), done)

    def _undo(self) -> None:
        values = self.state.values
        self._submit("undo", lambda actx: actions.delete_item(actx, item_id=values["item_id"]))


class DeleteItemCommand(_ScheduleCommand):
    def __init__(self, edits: ScheduleEdits, item: ItemRow) -> None:
        super().__init__(edits, translate("DeleteItemCommand", "删除“{title}”")
                         .format(title=either(item.title_zh, item.title_en)))
        self.item_id = item.id

    def _redo(self) -> None:
        item_id, values = self.item_id, self.state.values

        def done(change: ItemChange) -> None:
            assert change.before is not None
            values["before"] = change.before.as_input()
        self._submit("redo", lambda actx: actions.delete_item(actx, item_id=item_id), done)

    def _undo(self) -> None:
        item_id, values = self.item_id, self.state.values
        self._submit("undo", lambda actx: actions.create_item(actx, data=values["before"],
                                                              item_id=item_id))


class SaveRoomCommand(_ScheduleCommand):
    """Add a room (before is None) or change one: name, capacity, hall/floor, group, windows."""

    def __init__(self, edits: ScheduleEdits, before: RoomRow | None, after: RoomRow) -> None:
        label = (translate("SaveRoomCommand", "新增会议室“{room}”") if before is None
                 else translate("SaveRoomCommand", "修改会议室“{room}”"))
        super().__init__(edits, label.format(room=after.name))
        self.new = before is None
        self.after = RoomInput.of(after)
        if before is not None:
            self.state.values["room_id"] = before.id

    def _redo(self) -> None:
        after, values = self.after, self.state.values

        def created(change: RoomChange) -> None:
            assert change.after is not None
            values["room_id"], values["sort_order"] = change.after.id, change.after.sort_order

        def updated(change: RoomChange) -> None:
            if "before" not in values and change.before is not None:
                values["before"] = RoomInput.of(change.before)

        if self.new:
            self._submit("redo", lambda actx: actions.create_room(
                actx, room=after, room_id=values.get("room_id"),
                sort_order=values.get("sort_order")), created)
        else:
            self._submit("redo", lambda actx: actions.update_room(
                actx, room_id=values["room_id"], room=after), updated)

    def _undo(self) -> None:
        values = self.state.values
        if self.new:
            self._submit("undo", lambda actx: actions.delete_room(actx,
                                                                  room_id=values["room_id"]))
        else:
            self._submit("undo", lambda actx: actions.update_room(
                actx, room_id=values["room_id"], room=values["before"]))


class UnavailabilityCommand(_ScheduleCommand):
    """A speaker's unavailable window added (or, with remove=True, taken away)."""

    def __init__(self, edits: ScheduleEdits, row: UnavailableRow, *, remove: bool = False) -> None:
        super().__init__(edits, translate("UnavailabilityCommand", "删除嘉宾没空的时间") if remove
                         else translate("UnavailabilityCommand", "添加嘉宾没空的时间"))
        self.remove = remove
        self.state.values["row"] = row

    @property
    def row(self) -> UnavailableRow:
        row: UnavailableRow = self.state.values["row"]
        return row

    def _add(self, direction: Direction) -> None:
        values = self.state.values

        def run(actx: ActionContext) -> Outcome[UnavailableRow]:
            row: UnavailableRow = values["row"]
            return actions.add_unavailability(actx, person_id=row.person_id, start=row.start,
                                              end=row.end)
        self._submit(direction, run, lambda added: values.__setitem__("row", added))

    def _take_away(self, direction: Direction) -> None:
        values = self.state.values
        self._submit(direction, lambda actx: actions.remove_unavailability(
            actx, unavailability_id=values["row"].id))

    def _redo(self) -> None:
        self._take_away("redo") if self.remove else self._add("redo")

    def _undo(self) -> None:
        self._add("undo") if self.remove else self._take_away("undo")

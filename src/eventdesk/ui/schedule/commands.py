"""One QUndoCommand per user action on the schedule. Each redo/undo is one transaction through
ops.run_now calling a service — never a widget — so undo restores exactly what was there (the
"before" state is read from the database when the command is built, not from the screen)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtGui import QUndoCommand

from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule import rooms as schedule_rooms
from eventdesk.services.schedule.items import ItemInput, ItemRow
from eventdesk.services.schedule.rooms import RoomRow, UnavailableRow
from eventdesk.storage import Session
from eventdesk.ui import ops
from eventdesk.ui.context import SCHEDULE, AppContext

T = TypeVar("T")
_MERGE_ID = 6001


class _ScheduleCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.failed = False

    def _run(self, fn: Callable[[Session], T]) -> T | None:
        result = ops.run_now(self.ctx, fn, changes=(SCHEDULE,))
        if result is None:
            # The service refused (a message was shown); drop the command from the stack.
            self.failed = True
            self.setObsolete(True)
        return result


class PlaceItemCommand(_ScheduleCommand):
    """Move, resize, drag between rooms, place from the unscheduled list, or unschedule."""

    def __init__(self, ctx: AppContext, before: ItemRow, *, start: datetime | None,
                 end: datetime | None, room_id: int | None, text: str = "",
                 mergeable: bool = False) -> None:
        label = text or (f"移动“{before.title_zh}”" if start else f"取消排期“{before.title_zh}”")
        super().__init__(ctx, label)
        self.item_id = before.id
        self.before = (before.start, before.end, before.room_id)
        self.after = (start, end, room_id)
        self.mergeable = mergeable

    def _place(self, where: tuple[datetime | None, datetime | None, int | None]) -> None:
        start, end, room_id = where
        self._run(lambda s: schedule.place_item(s, item_id=self.item_id, start=start, end=end,
                                                room_id=room_id))

    def redo(self) -> None:
        self._place(self.after)

    def undo(self) -> None:
        self._place(self.before)

    def id(self) -> int:  # noqa: A003 - Qt name
        # Keyboard nudges of one item merge into one undo step; mouse drags never merge.
        return _MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, PlaceItemCommand) or other.item_id != self.item_id \
                or not other.mergeable or other.failed:
            return False
        self.after = other.after
        return True


class EditItemCommand(_ScheduleCommand):
    """The editor dialog's OK: every field at once, undone as a whole."""

    def __init__(self, ctx: AppContext, before: ItemRow, after: ItemInput) -> None:
        super().__init__(ctx, f"编辑“{before.title_zh}”")
        self.item_id = before.id
        self.before, self.after = before.as_input(), after

    def redo(self) -> None:
        self._run(lambda s: schedule.update_item(s, item_id=self.item_id, data=self.after))

    def undo(self) -> None:
        self._run(lambda s: schedule.update_item(s, item_id=self.item_id, data=self.before))


class CreateItemCommand(_ScheduleCommand):
    def __init__(self, ctx: AppContext, data: ItemInput) -> None:
        super().__init__(ctx, f"新建“{data.title_zh}”")
        self.data = data
        self.item_id: int | None = None

    def redo(self) -> None:
        # Redo after undo brings back the same id, so later commands still point at it.
        row = self._run(lambda s: schedule.create_item(s, data=self.data, item_id=self.item_id))
        if row is not None:
            self.item_id = row.id

    def undo(self) -> None:
        item_id = self.item_id
        assert item_id is not None
        self._run(lambda s: schedule.delete_item(s, item_id=item_id))


class DeleteItemCommand(_ScheduleCommand):
    def __init__(self, ctx: AppContext, before: ItemRow) -> None:
        super().__init__(ctx, f"删除“{before.title_zh}”")
        self.item_id, self.before = before.id, before.as_input()

    def redo(self) -> None:
        self._run(lambda s: schedule.delete_item(s, item_id=self.item_id))

    def undo(self) -> None:
        self._run(lambda s: schedule.create_item(s, data=self.before, item_id=self.item_id))


class SaveRoomCommand(_ScheduleCommand):
    """Add a room (before is None) or change one: name, capacity, hall/floor, group, windows."""

    def __init__(self, ctx: AppContext, before: RoomRow | None, after: RoomRow) -> None:
        super().__init__(ctx, f"{'新增' if before is None else '修改'}会议室“{after.name}”")
        self.before, self.after = before, after
        self.room_id: int | None = before.id if before else None

    @staticmethod
    def _fields(row: RoomRow) -> dict[str, object]:
        return {"name": row.name, "capacity": row.capacity, "hall": row.hall,
                "floor": row.floor, "room_group": row.room_group, "windows": row.windows}

    def redo(self) -> None:
        if self.before is None:
            created = self._run(lambda s: schedule_rooms.create_room(
                s, **self._fields(self.after), room_id=self.room_id))  # type: ignore[arg-type]
            if created is not None:
                self.room_id = created.id
            return
        room_id = self.before.id
        self._run(lambda s: schedule_rooms.update_room(s, room_id=room_id,
                                                       **self._fields(self.after)))  # type: ignore[arg-type]

    def undo(self) -> None:
        room_id = self.room_id
        assert room_id is not None
        if self.before is None:
            self._run(lambda s: schedule_rooms.delete_room(s, room_id=room_id) or True)
            return
        before = self.before
        self._run(lambda s: schedule_rooms.update_room(s, room_id=room_id,
                                                       **self._fields(before)))  # type: ignore[arg-type]


class UnavailabilityCommand(_ScheduleCommand):
    """A speaker's unavailable window added (or, with remove=True, taken away)."""

    def __init__(self, ctx: AppContext, row: UnavailableRow, *, remove: bool = False) -> None:
        super().__init__(ctx, "嘉宾时间" + ("删除" if remove else "添加"))
        self.row, self.remove = row, remove

    def _add(self) -> None:
        row = self.row
        added = self._run(lambda s: schedule_rooms.add_unavailability(
            s, person_id=row.person_id, start=row.start, end=row.end))
        if added is not None:
            self.row = added

    def _remove(self) -> None:
        row_id = self.row.id
        self._run(lambda s: schedule_rooms.remove_unavailability(s, unavailability_id=row_id)
                  or True)

    def redo(self) -> None:
        self._remove() if self.remove else self._add()

    def undo(self) -> None:
        self._add() if self.remove else self._remove()

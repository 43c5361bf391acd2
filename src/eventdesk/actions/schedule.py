"""Schedule edits, one action each: what the schedule view's undo commands (and scripts) call.

Every edit opens one write unit of work, reads the state before it inside that same transaction
(so undo hands back exactly what was there, not what a screen showed), calls the services of
services/schedule, and returns the rows before and after plus the conflicts the edited item has
now, with Topic.SCHEDULE. Reading actions (`load_schedule`, `find_conflicts`) change nothing.

Conflicts are warnings: an edit that creates one still succeeds. Refusals are domain errors with
codes (`schedule.*` in eventdesk.messages.schedule): NotFound, ValidationFailed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, Topic, outcome
from eventdesk.domain.access import Permission
from eventdesk.services import audit
from eventdesk.services.schedule import items as schedule_items
from eventdesk.services.schedule import rooms as schedule_rooms
from eventdesk.services.schedule.conflicts import Conflict
from eventdesk.services.schedule.items import ItemInput, ItemRow, PersonMatch, Schedule
from eventdesk.services.schedule.rooms import RoomRow, UnavailableRow, Window
from eventdesk.storage import Session


@dataclass(frozen=True)
class ItemChange:
    """One agenda item edited: `before` (None when created), `after` (None when deleted), and the
    conflicts `after` has (empty when unscheduled or deleted)."""

    before: ItemRow | None
    after: ItemRow | None
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True)
class RoomChange:
    """One room edited: `before` (None when created), `after` (None when deleted)."""

    before: RoomRow | None
    after: RoomRow | None


@dataclass(frozen=True)
class RoomInput:
    """Every field of a room the room dialog edits; `windows` empty means available all event."""

    name: str
    capacity: int = 0
    hall: str = ""
    floor: str = ""
    room_group: str = ""
    windows: tuple[Window, ...] = ()

    @staticmethod
    def of(row: RoomRow) -> RoomInput:
        return RoomInput(row.name, row.capacity, row.hall, row.floor, row.room_group, row.windows)


def _conflicts(session: Session, item: ItemRow | None) -> tuple[Conflict, ...]:
    if item is None or not item.scheduled:
        return ()
    return tuple(schedule_items.conflicts_for_item(session, item_id=item.id))


# -- reading -------------------------------------------------------------------------------------
def load_schedule(ctx: ActionContext) -> Outcome[Schedule]:
    """The whole programme with its conflicts (the grid, the lists, the panel). Read only."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(schedule_items.load_schedule(session))


def find_conflicts(ctx: ActionContext) -> Outcome[list[Conflict]]:
    """Every conflict of the programme, in a stable order (`schedule conflicts`). Read only."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(schedule_items.find_conflicts(session))


def get_item(ctx: ActionContext, *, item_id: int) -> Outcome[ItemRow]:
    """One agenda item as it is now. Raises NotFound."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(schedule_items.get_item(session, item_id=item_id))


def match_people(ctx: ActionContext, *, names: Sequence[str]) -> Outcome[list[PersonMatch]]:
    """Names typed in the editor (“姓名” or “姓名（公司）”) matched to people; never a guess."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(schedule_items.match_people(session, names=names))


@dataclass(frozen=True)
class RoomsAndAway:
    """What the rooms dialog lists: rooms, speakers' unavailable times and those speakers' names
    (person id -> name)."""

    rooms: tuple[RoomRow, ...]
    away: tuple[UnavailableRow, ...]
    names: dict[int, str]


def rooms_and_unavailability(ctx: ActionContext) -> Outcome[RoomsAndAway]:
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work(write=False) as session:
        away = schedule_rooms.list_unavailability(session)
        names = schedule_rooms.person_names(session, person_ids={a.person_id for a in away})
        return outcome(RoomsAndAway(tuple(schedule_rooms.list_rooms(session)), tuple(away),
                                    names))


def _changed(before: Any, after: Any) -> dict[str, Any]:
    """What a schedule edit changed, field by field: {field: [before, after]} (JSON values;
    a created or deleted thing has null on one side)."""
    old = json.loads(json.dumps(asdict(before), default=str)) if before is not None else {}
    new = json.loads(json.dumps(asdict(after), default=str)) if after is not None else {}
    return {k: [old.get(k), new.get(k)] for k in dict.fromkeys([*old, *new])
            if old.get(k) != new.get(k)}


def _audit(session: Session, ctx: ActionContext, verb: str, subject: tuple[str, int],
           before: object | None, after: object | None) -> None:
    """The `schedule.<verb>` audit entry of an edit (issue 12: what changed), written last in
    the edit's unit of work."""
    audit.record(session, actor=ctx.operator, desk=ctx.desk, action=f"schedule.{verb}",
                 subject_type=subject[0], subject_id=subject[1],
                 detail={"changed": _changed(before, after)})


# -- agenda items --------------------------------------------------------------------------------
def create_item(ctx: ActionContext, *, data: ItemInput,
                item_id: int | None = None) -> Outcome[ItemChange]:
    """A new agenda item; `item_id` brings back the very same item (redo, undo of a delete).
    Raises ValidationFailed."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        after = schedule_items.create_item(session, data=data, item_id=item_id)
        _audit(session, ctx, "item_create", ("agenda_item", after.id), None, after)
        return outcome(ItemChange(None, after, _conflicts(session, after)), Topic.SCHEDULE)


def update_item(ctx: ActionContext, *, item_id: int, data: ItemInput) -> Outcome[ItemChange]:
    """Every field of an item at once (the editor's OK). Raises NotFound, ValidationFailed."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        before = schedule_items.get_item(session, item_id=item_id)
        after = schedule_items.update_item(session, item_id=item_id, data=data)
        _audit(session, ctx, "item_update", ("agenda_item", item_id), before, after)
        return outcome(ItemChange(before, after, _conflicts(session, after)), Topic.SCHEDULE)


def place_item(ctx: ActionContext, *, item_id: int, start: datetime | None,
               end: datetime | None, room_id: int | None) -> Outcome[ItemChange]:
    """Move, resize, drop from the unscheduled list, or (all three None) unschedule an item.
    Aware datetimes. Raises NotFound, ValidationFailed."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        before = schedule_items.get_item(session, item_id=item_id)
        schedule_items.place_item(session, item_id=item_id, start=start, end=end,
                                  room_id=room_id)
        after = schedule_items.get_item(session, item_id=item_id)
        _audit(session, ctx, "item_place", ("agenda_item", item_id), before, after)
        return outcome(ItemChange(before, after, _conflicts(session, after)), Topic.SCHEDULE)


def delete_item(ctx: ActionContext, *, item_id: int) -> Outcome[ItemChange]:
    """Delete an item; `before` is all of it, so undo can create it again with the same id."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        before = schedule_items.delete_item(session, item_id=item_id)
        _audit(session, ctx, "item_delete", ("agenda_item", item_id), before, None)
        return outcome(ItemChange(before, None), Topic.SCHEDULE)


# -- rooms ---------------------------------------------------------------------------------------
def create_room(ctx: ActionContext, *, room: RoomInput, room_id: int | None = None,
                sort_order: int | None = None) -> Outcome[RoomChange]:
    """A new room (placed last unless `sort_order`); `room_id` brings back the same room.
    Raises ValidationFailed."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        after = schedule_rooms.create_room(
            session, name=room.name, capacity=room.capacity, hall=room.hall, floor=room.floor,
            room_group=room.room_group, sort_order=sort_order, windows=room.windows,
            room_id=room_id)
        _audit(session, ctx, "room_create", ("room", after.id), None, after)
        return outcome(RoomChange(None, after), Topic.SCHEDULE)


def update_room(ctx: ActionContext, *, room_id: int, room: RoomInput) -> Outcome[RoomChange]:
    """Every field of a room at once, availability windows included (they replace the old
    ones). Raises NotFound, ValidationFailed."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        before = schedule_rooms.get_room(session, room_id=room_id)
        after = schedule_rooms.update_room(
            session, room_id=room_id, name=room.name, capacity=room.capacity, hall=room.hall,
            floor=room.floor, room_group=room.room_group, windows=room.windows)
        _audit(session, ctx, "room_update", ("room", room_id), before, after)
        return outcome(RoomChange(before, after), Topic.SCHEDULE)


def set_room_availability(ctx: ActionContext, *, room_id: int,
                          windows: Sequence[Window]) -> Outcome[RoomChange]:
    """Replace a room's availability windows (none: available all event). Raises NotFound,
    ValidationFailed."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        before = schedule_rooms.get_room(session, room_id=room_id)
        after = schedule_rooms.set_room_availability(session, room_id=room_id, windows=windows)
        _audit(session, ctx, "room_availability", ("room", room_id), before, after)
        return outcome(RoomChange(before, after), Topic.SCHEDULE)


def delete_room(ctx: ActionContext, *, room_id: int) -> Outcome[RoomChange]:
    """Delete a room that holds no session. Raises NotFound, ValidationFailed (in use)."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        before = schedule_rooms.get_room(session, room_id=room_id)
        schedule_rooms.delete_room(session, room_id=room_id)
        _audit(session, ctx, "room_delete", ("room", room_id), before, None)
        return outcome(RoomChange(before, None), Topic.SCHEDULE)


# -- speakers' unavailable times -----------------------------------------------------------------
def add_unavailability(ctx: ActionContext, *, person_id: int, start: datetime,
                       end: datetime) -> Outcome[UnavailableRow]:
    """A time a speaker is not available (a conflict for any item of theirs then).
    Raises NotFound, ValidationFailed."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        row = schedule_rooms.add_unavailability(session, person_id=person_id, start=start,
                                                end=end)
        _audit(session, ctx, "unavailability_add", ("person", person_id), None, row)
        return outcome(row, Topic.SCHEDULE)


def remove_unavailability(ctx: ActionContext, *,
                          unavailability_id: int) -> Outcome[UnavailableRow]:
    """Take a speaker's unavailable time away; returns what it was. Raises NotFound."""
    require(ctx, Permission.EDIT_SCHEDULE)
    with ctx.db.unit_of_work() as session:
        row = schedule_rooms.remove_unavailability(session,
                                                   unavailability_id=unavailability_id)
        _audit(session, ctx, "unavailability_remove", ("person", row.person_id), row, None)
        return outcome(row, Topic.SCHEDULE)

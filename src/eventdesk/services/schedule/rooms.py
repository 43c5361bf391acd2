"""Rooms (capacity, hall/floor, room group, availability windows), tracks with a colour, and the
times speakers are not available. The agenda items themselves live in `items`.

Errors carry codes + parameters (`schedule.room.*`, … in eventdesk.messages.schedule)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from eventdesk.domain import Person, Room, RoomAvailability, SpeakerUnavailability, Track
from eventdesk.domain.agenda import merge_windows
from eventdesk.domain.errors import NotFound, ValidationFailed
from eventdesk.domain.sorting import text_key

Window = tuple[datetime, datetime]
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class RoomRow:
    id: int
    name: str
    capacity: int
    hall: str
    floor: str
    room_group: str
    sort_order: int
    windows: tuple[Window, ...] = ()


@dataclass(frozen=True)
class TrackRow:
    id: int
    name: str
    colour: str


@dataclass(frozen=True)
class UnavailableRow:
    id: int
    person_id: int
    start: datetime
    end: datetime


Problem = tuple[str, Mapping[str, object]]  # (message code, its parameters)


def invalid(problems: Mapping[str, Problem]) -> ValidationFailed:
    """A ValidationFailed whose `fields` map each field to its problem's code; the error's own
    code and params are those of the first problem (the sentence a person sees first)."""
    error = ValidationFailed({name: code for name, (code, _params) in problems.items()})
    first_code, first_params = next(iter(problems.values()))
    error.code, error.params = first_code, dict(first_params)
    return error


def invalid_field(field: str, code: str, /, **params: object) -> ValidationFailed:
    """One invalid field: `raise invalid_field("name", "schedule.room.name_required")`."""
    return invalid({field: (code, params)})


def _check_windows(windows: Iterable[Window]) -> list[Window]:
    """The windows as stored: checked, then merged where they touch or overlap
    (domain.agenda.merge_windows), so a room open until 24:00 and from 00:00 the next day is
    one window across midnight."""
    out = []
    for start, end in windows:
        if start.tzinfo is None or end.tzinfo is None:
            raise invalid_field("window", "schedule.time.zone_required")
        if end <= start:
            raise invalid_field("window", "schedule.time.end_before_start")
        out.append((start, end))
    return list(merge_windows(out))


def _room_row(room: Room, windows: Sequence[Window] = ()) -> RoomRow:
    return RoomRow(room.id, room.name, room.capacity, room.hall, room.floor, room.room_group,
                   room.sort_order, tuple(windows))


def create_room(
    session: Session, *, name: str, capacity: int = 0, hall: str = "", floor: str = "",
    room_group: str = "", sort_order: int | None = None, windows: Iterable[Window] = (),
    room_id: int | None = None,
) -> RoomRow:
    name = " ".join(name.split())
    if not name:
        raise invalid_field("name", "schedule.room.name_required")
    if capacity < 0:
        raise invalid_field("capacity", "schedule.room.capacity_negative")
    if session.scalar(select(Room.id).where(Room.name == name)) is not None:
        raise invalid_field("name", "schedule.room.name_taken", name=name)
    if sort_order is None:
        sort_order = (session.scalar(select(Room.sort_order).order_by(Room.sort_order.desc())
                                     .limit(1)) or 0) + 1
    room = Room(name=name, capacity=capacity, hall=hall, floor=floor, room_group=room_group,
                sort_order=sort_order)
    if room_id is not None:  # undo of a delete brings back the same room
        room.id = room_id
    session.add(room)
    session.flush()
    checked = _check_windows(windows)
    for start, end in checked:
        session.add(RoomAvailability(room_id=room.id, start_at=start, end_at=end))
    session.flush()
    return _room_row(room, checked)


def set_room_availability(session: Session, *, room_id: int, windows: Iterable[Window]) -> RoomRow:
    room = session.get(Room, room_id)
    if room is None:
        raise NotFound(code="schedule.room.not_found", room_id=room_id)
    checked = _check_windows(windows)
    session.execute(delete(RoomAvailability).where(RoomAvailability.room_id == room_id))
    for start, end in checked:
        session.add(RoomAvailability(room_id=room_id, start_at=start, end_at=end))
    session.flush()
    return _room_row(room, checked)


def update_room(
    session: Session, *, room_id: int, name: str, capacity: int = 0, hall: str = "",
    floor: str = "", room_group: str = "", windows: Iterable[Window] = (),
) -> RoomRow:
    """Every field of a room at once (what the room dialog and its undo hand over)."""
    room = session.get(Room, room_id)
    if room is None:
        raise NotFound(code="schedule.room.not_found", room_id=room_id)
    name = " ".join(name.split())
    if not name:
        raise invalid_field("name", "schedule.room.name_required")
    if capacity < 0:
        raise invalid_field("capacity", "schedule.room.capacity_negative")
    if session.scalar(select(Room.id).where(Room.name == name, Room.id != room_id)) is not None:
        raise invalid_field("name", "schedule.room.name_taken", name=name)
    room.name, room.capacity, room.hall, room.floor = name, capacity, hall, floor
    room.room_group = room_group
    return set_room_availability(session, room_id=room_id, windows=windows)


def delete_room(session: Session, *, room_id: int) -> None:
    """Only an unused room: its sessions would silently lose their place otherwise."""
    from eventdesk.domain import AgendaItem

    if session.scalar(select(AgendaItem.id).where(AgendaItem.room_id == room_id).limit(1)):
        raise invalid_field("room_id", "schedule.room.in_use")
    session.execute(delete(Room).where(Room.id == room_id))
    session.flush()


def list_rooms(session: Session) -> list[RoomRow]:
    windows: dict[int, list[Window]] = {}
    for rid, start, end in session.execute(
            select(RoomAvailability.room_id, RoomAvailability.start_at, RoomAvailability.end_at)
            .order_by(RoomAvailability.start_at)):
        windows.setdefault(rid, []).append((start, end))
    # A few dozen rooms: in their set order, then by pinyin (domain.sorting), here.
    rooms = sorted(session.scalars(select(Room)),
                   key=lambda r: (r.sort_order, text_key(r.name), r.id))
    return [_room_row(r, windows.get(r.id, ())) for r in rooms]


def create_track(session: Session, *, name: str, colour: str = "#4a6fa5") -> TrackRow:
    name = " ".join(name.split())
    if not name:
        raise invalid_field("name", "schedule.track.name_required")
    if not _COLOUR.match(colour):
        raise invalid_field("colour", "schedule.track.bad_colour", colour=colour)
    track = Track(name=name, colour=colour)
    session.add(track)
    session.flush()
    return TrackRow(track.id, track.name, track.colour)


def list_tracks(session: Session) -> list[TrackRow]:
    tracks = sorted(session.scalars(select(Track)), key=lambda t: (text_key(t.name), t.id))
    return [TrackRow(t.id, t.name, t.colour) for t in tracks]


# A palette that stays readable as a pale fill behind black text.
TRACK_PALETTE = ("#4a6fa5", "#c0504d", "#9bbb59", "#8064a2", "#4bacc6", "#f79646",
                 "#2c7873", "#d4a017", "#b05f9a", "#5b8c2a", "#7f6a4f", "#3d5a80")


def ensure_track(session: Session, *, name: str) -> TrackRow:
    track = session.scalars(select(Track).where(Track.name == " ".join(name.split()))).first()
    if track:
        return TrackRow(track.id, track.name, track.colour)
    n = len(list_tracks(session))
    return create_track(session, name=name, colour=TRACK_PALETTE[n % len(TRACK_PALETTE)])


def add_unavailability(session: Session, *, person_id: int, start: datetime,
                       end: datetime) -> UnavailableRow:
    if session.get(Person, person_id) is None:
        raise NotFound(code="schedule.person.not_found", person_id=person_id)
    ((start, end),) = _check_windows([(start, end)])
    row = SpeakerUnavailability(person_id=person_id, start_at=start, end_at=end)
    session.add(row)
    session.flush()
    return UnavailableRow(row.id, person_id, start, end)


def remove_unavailability(session: Session, *, unavailability_id: int) -> UnavailableRow:
    """Take a speaker's unavailable time away; returns what it was (undo adds it back).
    Raises NotFound when it is already gone."""
    row = session.get(SpeakerUnavailability, unavailability_id)
    if row is None:
        raise NotFound(code="schedule.unavailability.not_found",
                       unavailability_id=unavailability_id)
    before = UnavailableRow(row.id, row.person_id, row.start_at, row.end_at)
    session.delete(row)
    session.flush()
    return before


def get_room(session: Session, *, room_id: int) -> RoomRow:
    """One room with its availability windows. Raises NotFound."""
    room = session.get(Room, room_id)
    if room is None:
        raise NotFound(code="schedule.room.not_found", room_id=room_id)
    windows = session.execute(
        select(RoomAvailability.start_at, RoomAvailability.end_at)
        .where(RoomAvailability.room_id == room_id).order_by(RoomAvailability.start_at))
    return _room_row(room, [(start, end) for start, end in windows])


def list_unavailability(session: Session) -> list[UnavailableRow]:
    rows = session.execute(select(SpeakerUnavailability.id, SpeakerUnavailability.person_id,
                                  SpeakerUnavailability.start_at, SpeakerUnavailability.end_at)
                           .order_by(SpeakerUnavailability.start_at))
    return [UnavailableRow(*r) for r in rows]


def person_names(session: Session, *, person_ids: Iterable[int]) -> dict[int, str]:
    """Person id -> name, for the speakers a list of unavailable times names."""
    wanted = list(set(person_ids))
    if not wanted:
        return {}
    return {pid: name for pid, name in session.execute(
        select(Person.id, Person.name).where(Person.id.in_(wanted)))}

"""Schedule conflicts as plain data (in the manner of pretalx's schedule warnings): a kind, the
items, and the parameters of its sentence; eventdesk.messages words it (code
`schedule.conflict.<kind>`), in the UI's language, so the services hold no sentences.

The grid (live, while dragging), the conflict panel and `eventdesk schedule conflicts` all read
the same list, computed here from a `ConflictData` snapshot. The checks are pure functions on
plain values so the grid can re-check a candidate position on every mouse move without touching
the database; `schedule.load_conflict_data` fills the snapshot from the database.

Conflicts are warnings, never refusals: an organiser may knowingly double-book a room.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from eventdesk.domain.agenda import merge_windows

ROOM_DOUBLE_BOOKED = "room_double_booked"
SPEAKER_DOUBLE_BOOKED = "speaker_double_booked"
SPEAKER_UNAVAILABLE = "speaker_unavailable"
OUTSIDE_ROOM_AVAILABILITY = "outside_room_availability"
OUTSIDE_EVENT_DAYS = "outside_event_days"
ROOM_TOO_SMALL = "room_too_small"

KINDS = (ROOM_DOUBLE_BOOKED, SPEAKER_DOUBLE_BOOKED, SPEAKER_UNAVAILABLE,
         OUTSIDE_ROOM_AVAILABILITY, OUTSIDE_EVENT_DAYS, ROOM_TOO_SMALL)

Window = tuple[datetime, datetime]


@dataclass(frozen=True)
class ItemRef:
    """An agenda item as a conflict names it; start/end in the event's time zone."""

    id: int
    title: str
    room: str
    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class Conflict:
    """One warning: `kind` (one of KINDS), the items it names, and the parameters its sentence
    needs (titles, room and speaker names, capacity, audience; times as datetimes in the event's
    time zone). `code` is its message code; word it with `messages.text(c.code, **c.params)`."""

    kind: str
    items: tuple[ItemRef, ...]
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    @property
    def code(self) -> str:
        return f"schedule.conflict.{self.kind}"

    @property
    def item_ids(self) -> tuple[int, ...]:
        return tuple(i.id for i in self.items)

    def as_json(self, message: str | None = None) -> dict[str, object]:
        """{"kind", "message", "items": [{"id", "title", "room", "start", "end"}]}: the shape of
        `schedule conflicts --json`. `message` is the worded sentence (the caller words it;
        services cannot), else the code stands in for it."""
        return {
            "kind": self.kind,
            "message": self.code if message is None else message,
            "items": [
                {"id": i.id, "title": i.title, "room": i.room,
                 "start": i.start.isoformat() if i.start else None,
                 "end": i.end.isoformat() if i.end else None}
                for i in self.items
            ],
        }


@dataclass(frozen=True)
class Slot:
    """Where and when one agenda item sits (UTC), and who speaks there."""

    id: int
    title: str
    room_id: int | None
    start: datetime | None
    end: datetime | None
    speakers: tuple[int, ...] = ()
    audience: int = 0

    @property
    def scheduled(self) -> bool:
        return self.start is not None and self.end is not None and self.room_id is not None


@dataclass(frozen=True)
class RoomFacts:
    name: str
    capacity: int
    windows: tuple[Window, ...] = ()  # empty: available all event long

    def __post_init__(self) -> None:
        # Merged (domain.agenda.merge_windows): an item is inside the room's availability when
        # it lies in their union, also across two windows that touch at midnight.
        object.__setattr__(self, "windows", merge_windows(self.windows))


@dataclass
class ConflictData:
    """Everything the checks need, as plain values. `slots` may be only those near a window."""

    tz: ZoneInfo
    days: frozenset[date]
    rooms: dict[int, RoomFacts]
    slots: dict[int, Slot]
    unavailable: dict[int, tuple[Window, ...]] = field(default_factory=dict)
    person_names: dict[int, str] = field(default_factory=dict)

    def ref(self, slot: Slot) -> ItemRef:
        room = self.rooms.get(slot.room_id) if slot.room_id is not None else None
        return ItemRef(
            id=slot.id, title=slot.title, room=room.name if room else "",
            start=slot.start.astimezone(self.tz) if slot.start else None,
            end=slot.end.astimezone(self.tz) if slot.end else None,
        )

    def with_slot(self, slot: Slot) -> ConflictData:
        slots = dict(self.slots)
        slots[slot.id] = slot
        return ConflictData(self.tz, self.days, self.rooms, slots, self.unavailable,
                            self.person_names)


def _local(instant: datetime, tz: ZoneInfo) -> datetime:
    return instant.astimezone(tz)


def _overlap(a: Slot, b: Slot) -> bool:
    assert a.start and a.end and b.start and b.end
    return a.start < b.end and b.start < a.end


def _room_pair(data: ConflictData, a: Slot, b: Slot) -> Conflict:
    room = data.rooms[a.room_id].name if a.room_id in data.rooms else "?"
    return Conflict(ROOM_DOUBLE_BOOKED, (data.ref(a), data.ref(b)),
                    {"room": room, "first": a.title, "second": b.title})


def _speaker_pair(data: ConflictData, person: int, a: Slot, b: Slot) -> Conflict:
    who = data.person_names.get(person, f"#{person}")
    return Conflict(SPEAKER_DOUBLE_BOOKED, (data.ref(a), data.ref(b)),
                    {"speaker": who, "first": a.title, "second": b.title})


def _own_conflicts(data: ConflictData, slot: Slot) -> list[Conflict]:
    """What is wrong with one item on its own: availability, event days, room size."""
    out: list[Conflict] = []
    assert slot.start and slot.end
    room = data.rooms.get(slot.room_id) if slot.room_id is not None else None
    tz = data.tz
    first_day = slot.start.astimezone(tz).date()
    last_day = (slot.end - timedelta(microseconds=1)).astimezone(tz).date()
    when = {"title": slot.title, "start": _local(slot.start, tz), "end": _local(slot.end, tz)}
    ref = (data.ref(slot),)
    if first_day not in data.days or last_day not in data.days:
        out.append(Conflict(OUTSIDE_EVENT_DAYS, ref, when))
    if room is not None:
        if room.windows and not any(w0 <= slot.start and slot.end <= w1
                                    for w0, w1 in room.windows):
            out.append(Conflict(OUTSIDE_ROOM_AVAILABILITY, ref, {**when, "room": room.name}))
        if room.capacity and slot.audience > room.capacity:
            out.append(Conflict(ROOM_TOO_SMALL, ref, {
                "room": room.name, "title": slot.title, "capacity": room.capacity,
                "audience": slot.audience}))
    for person in slot.speakers:
        for w0, w1 in data.unavailable.get(person, ()):
            if slot.start < w1 and w0 < slot.end:
                who = data.person_names.get(person, f"#{person}")
                out.append(Conflict(SPEAKER_UNAVAILABLE, ref, {
                    "speaker": who, "title": slot.title, "start": _local(w0, tz),
                    "end": _local(w1, tz)}))
                break
    return out


def _sweep(slots: list[Slot]) -> Iterable[tuple[Slot, Slot]]:
    """Overlapping pairs among slots, by a sweep over start times (n log n, not n²)."""
    slots = sorted(slots, key=lambda s: (s.start, s.id))
    active: list[Slot] = []
    for s in slots:
        assert s.start
        active = [a for a in active if a.end and a.end > s.start]
        for a in active:
            yield a, s
        active.append(s)


def scan(data: ConflictData) -> list[Conflict]:
    """Every conflict in the snapshot, in a stable order (by kind, then time)."""
    scheduled = [s for s in data.slots.values() if s.scheduled]
    by_room: dict[int, list[Slot]] = defaultdict(list)
    by_person: dict[int, list[Slot]] = defaultdict(list)
    for s in scheduled:
        by_room[s.room_id].append(s)  # type: ignore[index]  # scheduled: it has a room
        for p in s.speakers:
            by_person[p].append(s)
    out: list[Conflict] = []
    for room_slots in by_room.values():
        out.extend(_room_pair(data, a, b) for a, b in _sweep(room_slots))
    for person, person_slots in by_person.items():
        out.extend(_speaker_pair(data, person, a, b) for a, b in _sweep(person_slots))
    for s in scheduled:
        out.extend(_own_conflicts(data, s))
    return sort_conflicts(out)


def check_slot(data: ConflictData, slot: Slot) -> list[Conflict]:
    """The conflicts one item would have at `slot` (incremental: only pairs involving it)."""
    if not slot.scheduled:
        return []
    out: list[Conflict] = []
    speakers = set(slot.speakers)
    for other in data.slots.values():
        if other.id == slot.id or not other.scheduled or not _overlap(slot, other):
            continue
        a, b = (other, slot) if (other.start, other.id) < (slot.start, slot.id) else (slot, other)
        if other.room_id == slot.room_id:
            out.append(_room_pair(data, a, b))
        for p in sorted(speakers.intersection(other.speakers)):
            out.append(_speaker_pair(data, p, a, b))
    out.extend(_own_conflicts(data, slot))
    return sort_conflicts(out)


def sort_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    order = {k: i for i, k in enumerate(KINDS)}
    latest = datetime.max.replace(tzinfo=ZoneInfo("UTC"))
    return sorted(conflicts, key=lambda c: (
        min((i.start for i in c.items if i.start), default=latest),
        order.get(c.kind, 99), c.item_ids))

"""Agenda items (shown as “Session / 会议”): create, edit, move, resize, unschedule, delete, and
the conflict checks that go with every move. Times are aware datetimes, stored UTC; the UI shows
and takes them in the event's time zone.

Every function flushes and never commits: one user action (a drag, a dialog's OK, an import) is
one transaction around it. Rows returned are frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, insert, select
from sqlalchemy.orm import Session

from eventdesk.domain import (
    AgendaItem,
    AgendaKind,
    AgendaSpeaker,
    Person,
    Room,
    RoomAvailability,
    SpeakerRole,
    SpeakerUnavailability,
    Track,
)
from eventdesk.domain.errors import NotFound
from eventdesk.services.events import EventInfo, get_event
from eventdesk.services.schedule.conflicts import (
    Conflict,
    ConflictData,
    RoomFacts,
    Slot,
    Window,
    check_slot,
    scan,
)
from eventdesk.services.schedule.rooms import (
    Problem,
    RoomRow,
    TrackRow,
    invalid,
    invalid_field,
    list_rooms,
    list_tracks,
)

# The Chinese labels the exports print (programme PDF, ICS categories); screens word kinds through
# eventdesk.messages (`schedule.kind.<kind>`), in the UI's language.
KIND_LABELS_ZH = {AgendaKind.KEYNOTE: "主旨演讲", AgendaKind.FORUM: "论坛",
                  AgendaKind.TALK: "演讲", AgendaKind.PANEL: "圆桌", AgendaKind.BREAK: "休息"}


@dataclass(frozen=True)
class SpeakerRef:
    person_id: int
    name: str
    company: str
    role: SpeakerRole = SpeakerRole.SPEAKER


@dataclass(frozen=True)
class ItemInput:
    """What the editor dialog or an import row says about an agenda item."""

    title_zh: str
    title_en: str = ""
    kind: AgendaKind | str = AgendaKind.TALK
    start: datetime | None = None
    end: datetime | None = None
    room_id: int | None = None
    track_id: int | None = None
    expected_audience: int = 0
    description: str = ""
    external_ref: str | None = None
    speakers: tuple[int, ...] = ()
    moderators: tuple[int, ...] = ()


@dataclass(frozen=True)
class ItemRow:
    id: int
    title_zh: str
    title_en: str
    kind: AgendaKind
    start: datetime | None
    end: datetime | None
    room_id: int | None
    track_id: int | None
    expected_audience: int
    description: str
    external_ref: str | None
    people: tuple[SpeakerRef, ...] = ()

    @property
    def scheduled(self) -> bool:
        return self.start is not None and self.end is not None and self.room_id is not None

    @property
    def speakers(self) -> tuple[SpeakerRef, ...]:
        return tuple(p for p in self.people if p.role == SpeakerRole.SPEAKER)

    @property
    def moderators(self) -> tuple[SpeakerRef, ...]:
        return tuple(p for p in self.people if p.role == SpeakerRole.MODERATOR)

    def as_input(self) -> ItemInput:
        """The same item as an ItemInput: what undo hands back to update_item."""
        return ItemInput(self.title_zh, self.title_en, self.kind, self.start, self.end,
                         self.room_id, self.track_id, self.expected_audience, self.description,
                         self.external_ref, tuple(p.person_id for p in self.speakers),
                         tuple(p.person_id for p in self.moderators))

    def slot(self) -> Slot:
        return Slot(self.id, self.title_zh, self.room_id, self.start, self.end,
                    tuple(p.person_id for p in self.people), self.expected_audience)


@dataclass(frozen=True)
class Schedule:
    """The whole programme as plain data, for the grid and the exports."""

    event: EventInfo
    rooms: tuple[RoomRow, ...]
    tracks: tuple[TrackRow, ...]
    items: tuple[ItemRow, ...]
    conflicts: tuple[Conflict, ...] = ()
    unavailable: dict[int, tuple[Window, ...]] = field(default_factory=dict)
    person_names: dict[int, str] = field(default_factory=dict)

    def conflict_data(self) -> ConflictData:
        return ConflictData(
            tz=self.event.tz, days=frozenset(self.event.days),
            rooms={r.id: RoomFacts(r.name, r.capacity, r.windows) for r in self.rooms},
            slots={i.id: i.slot() for i in self.items},
            unavailable=dict(self.unavailable), person_names=dict(self.person_names))


# -- validation ---------------------------------------------------------------------------------
def _validate(session: Session, data: ItemInput) -> ItemInput:
    problems: dict[str, Problem] = {}
    title = " ".join((data.title_zh or "").split())
    if not title:
        problems["title_zh"] = ("schedule.item.title_required", {})
    try:
        kind = AgendaKind(str(data.kind).strip().lower())
    except ValueError:
        problems["kind"] = ("schedule.item.unknown_kind", {"kind": str(data.kind)})
        kind = AgendaKind.TALK
    for name, value in (("start", data.start), ("end", data.end)):
        if value is not None and value.tzinfo is None:
            problems[name] = ("schedule.time.zone_required", {})
    if (data.start is None) != (data.end is None):
        problems["end"] = ("schedule.time.both_or_neither", {})
    elif data.start and data.end and data.end <= data.start and "start" not in problems:
        problems["end"] = ("schedule.time.end_before_start", {})
    if data.room_id is not None and session.get(Room, data.room_id) is None:
        problems["room_id"] = ("schedule.room.not_found", {"room_id": data.room_id})
    if data.track_id is not None and session.get(Track, data.track_id) is None:
        problems["track_id"] = ("schedule.track.not_found", {"track_id": data.track_id})
    if data.expected_audience < 0:
        problems["expected_audience"] = ("schedule.item.audience_negative", {})
    people = {*data.speakers, *data.moderators}
    if people:
        found = set(session.scalars(select(Person.id).where(Person.id.in_(people))))
        if people - found:
            missing = ", ".join(str(p) for p in sorted(people - found))
            problems["speakers"] = ("schedule.item.people_not_found", {"person_ids": missing})
    if problems:
        raise invalid(problems)
    return ItemInput(title, " ".join(data.title_en.split()), kind, data.start, data.end,
                     data.room_id, data.track_id, data.expected_audience, data.description,
                     (data.external_ref or "").strip() or None, tuple(dict.fromkeys(data.speakers)),
                     tuple(p for p in dict.fromkeys(data.moderators) if p not in data.speakers))


def _item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound(code="schedule.item.not_found", item_id=item_id)
    return item


def _set_people(session: Session, item_id: int, speakers: Sequence[int],
                moderators: Sequence[int]) -> None:
    session.execute(delete(AgendaSpeaker).where(AgendaSpeaker.agenda_item_id == item_id))
    rows = [{"agenda_item_id": item_id, "person_id": p, "role": SpeakerRole.SPEAKER, "position": i}
            for i, p in enumerate(speakers)]
    rows += [{"agenda_item_id": item_id, "person_id": p, "role": SpeakerRole.MODERATOR,
              "position": i} for i, p in enumerate(moderators)]
    if rows:
        session.execute(insert(AgendaSpeaker), rows)


def _people_of(session: Session, item_ids: Iterable[int] | None) -> dict[int, list[SpeakerRef]]:
    query = (select(AgendaSpeaker.agenda_item_id, Person.id, Person.name, Person.company,
                    AgendaSpeaker.role)
             .join(Person, Person.id == AgendaSpeaker.person_id)
             .order_by(AgendaSpeaker.role.desc(), AgendaSpeaker.position))
    if item_ids is not None:
        query = query.where(AgendaSpeaker.agenda_item_id.in_(list(item_ids)))
    out: dict[int, list[SpeakerRef]] = {}
    for item_id, pid, name, company, role in session.execute(query):
        out.setdefault(item_id, []).append(SpeakerRef(pid, name, company, role))
    return out


_COLUMNS = (AgendaItem.id, AgendaItem.title_zh, AgendaItem.title_en, AgendaItem.kind,
            AgendaItem.start_at, AgendaItem.end_at, AgendaItem.room_id, AgendaItem.track_id,
            AgendaItem.expected_audience, AgendaItem.description, AgendaItem.external_ref)


def _rows(session: Session, query: Select[*tuple[Any, ...]]) -> list[ItemRow]:
    found = list(session.execute(query))
    people = _people_of(session, [r[0] for r in found] if len(found) < 500 else None)
    out = []
    for item_id, title_zh, title_en, kind, start, end, room_id, track_id, audience, \
            description, ref in found:
        out.append(ItemRow(item_id, title_zh, title_en, kind, start, end, room_id, track_id,
                           audience, description, ref, tuple(people.get(item_id, ()))))
    return out


# -- reading -------------------------------------------------------------------------------------
def get_item(session: Session, *, item_id: int) -> ItemRow:
    rows = _rows(session, select(*_COLUMNS).where(AgendaItem.id == item_id))
    if not rows:
        raise NotFound(code="schedule.item.not_found", item_id=item_id)
    return rows[0]


def list_items(session: Session) -> list[ItemRow]:
    return _rows(session, select(*_COLUMNS).order_by(AgendaItem.start_at, AgendaItem.id))


def load_schedule(session: Session, *, with_conflicts: bool = True) -> Schedule:
    event = get_event(session)
    items = list_items(session)
    unavailable: dict[int, list[Window]] = {}
    for pid, start, end in session.execute(select(SpeakerUnavailability.person_id,
                                                  SpeakerUnavailability.start_at,
                                                  SpeakerUnavailability.end_at)):
        unavailable.setdefault(pid, []).append((start, end))
    names = {p.person_id: p.name for i in items for p in i.people}
    schedule = Schedule(event, tuple(list_rooms(session)), tuple(list_tracks(session)),
                        tuple(items), (), {k: tuple(v) for k, v in unavailable.items()}, names)
    if not with_conflicts:
        return schedule
    return Schedule(schedule.event, schedule.rooms, schedule.tracks, schedule.items,
                    tuple(scan(schedule.conflict_data())), schedule.unavailable, names)


# -- conflicts -----------------------------------------------------------------------------------
def load_conflict_data(session: Session, *, window: Window | None = None,
                       event: EventInfo | None = None) -> ConflictData:
    """The conflict snapshot; with `window`, only the items overlapping it (an incremental check
    needs no more), read with a handful of narrow queries instead of the whole programme."""
    event = event or get_event(session)
    query = select(AgendaItem.id, AgendaItem.title_zh, AgendaItem.room_id, AgendaItem.start_at,
                   AgendaItem.end_at, AgendaItem.expected_audience)
    if window is not None:
        query = query.where(AgendaItem.start_at < window[1], AgendaItem.end_at > window[0])
    found = list(session.execute(query))
    speakers: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    sp = select(AgendaSpeaker.agenda_item_id, AgendaSpeaker.person_id, Person.name).join(
        Person, Person.id == AgendaSpeaker.person_id)
    if window is not None:
        sp = sp.where(AgendaSpeaker.agenda_item_id.in_([r[0] for r in found]))
    for item_id, pid, name in session.execute(sp):
        speakers.setdefault(item_id, []).append(pid)
        names[pid] = name
    unav = select(SpeakerUnavailability.person_id, SpeakerUnavailability.start_at,
                  SpeakerUnavailability.end_at)
    if window is not None:
        unav = unav.where(SpeakerUnavailability.person_id.in_(list(names)))
    unavailable: dict[int, list[Window]] = {}
    for pid, start, end in session.execute(unav):
        unavailable.setdefault(pid, []).append((start, end))
    windows: dict[int, list[Window]] = {}
    for rid, start, end in session.execute(select(RoomAvailability.room_id,
                                                  RoomAvailability.start_at,
                                                  RoomAvailability.end_at)):
        windows.setdefault(rid, []).append((start, end))
    rooms = {rid: RoomFacts(name, cap, tuple(windows.get(rid, ())))
             for rid, name, cap in session.execute(select(Room.id, Room.name, Room.capacity))}
    slots = {r[0]: Slot(r[0], r[1], r[2], r[3], r[4], tuple(speakers.get(r[0], ())), r[5])
             for r in found}
    return ConflictData(event.tz, frozenset(event.days), rooms, slots,
                        {k: tuple(v) for k, v in unavailable.items()}, names)


def find_conflicts(session: Session) -> list[Conflict]:
    """Every conflict of the programme: what the panel and `schedule conflicts` show."""
    return scan(load_conflict_data(session))


def conflicts_for_item(session: Session, *, item_id: int,
                       event: EventInfo | None = None) -> list[Conflict]:
    item = _item(session, item_id)
    if item.start_at is None or item.end_at is None or item.room_id is None:
        return []
    data = load_conflict_data(session, window=(item.start_at, item.end_at), event=event)
    return check_slot(data, data.slots[item_id])


# -- editing -------------------------------------------------------------------------------------
def create_item(session: Session, *, data: ItemInput, item_id: int | None = None) -> ItemRow:
    """A new agenda item; `item_id` lets undo of a delete bring back the very same item."""
    data = _validate(session, data)
    if data.external_ref and session.scalar(
            select(AgendaItem.id).where(AgendaItem.external_ref == data.external_ref)):
        raise invalid_field("external_ref", "schedule.item.ref_taken", ref=data.external_ref)
    item = AgendaItem(title_zh=data.title_zh, title_en=data.title_en, kind=data.kind,
                      start_at=data.start, end_at=data.end, room_id=data.room_id,
                      track_id=data.track_id, expected_audience=data.expected_audience,
                      description=data.description, external_ref=data.external_ref)
    if item_id is not None:
        item.id = item_id
    session.add(item)
    session.flush()
    _set_people(session, item.id, data.speakers, data.moderators)
    session.flush()
    return get_item(session, item_id=item.id)


def update_item(session: Session, *, item_id: int, data: ItemInput) -> ItemRow:
    item = _item(session, item_id)
    data = _validate(session, data)
    if data.external_ref and session.scalar(select(AgendaItem.id).where(
            AgendaItem.external_ref == data.external_ref, AgendaItem.id != item_id)):
        raise invalid_field("external_ref", "schedule.item.ref_taken", ref=data.external_ref)
    item.title_zh, item.title_en, item.kind = data.title_zh, data.title_en, AgendaKind(data.kind)
    item.start_at, item.end_at, item.room_id = data.start, data.end, data.room_id
    item.track_id, item.expected_audience = data.track_id, data.expected_audience
    item.description, item.external_ref = data.description, data.external_ref
    _set_people(session, item_id, data.speakers, data.moderators)
    session.flush()
    return get_item(session, item_id=item_id)


def delete_item(session: Session, *, item_id: int) -> ItemRow:
    """Delete an item; returns what it was, so undo can create it again with the same id."""
    before = get_item(session, item_id=item_id)
    session.delete(_item(session, item_id))
    session.flush()
    return before


def place_item(session: Session, *, item_id: int, start: datetime | None,
               end: datetime | None, room_id: int | None) -> ItemRow:
    """Set where and when an item sits; all three None unschedules it. The primitive under
    move, resize, unschedule, and their undo."""
    item = _item(session, item_id)
    if (start is None) != (end is None):
        raise invalid_field("end", "schedule.time.both_or_neither")
    for name, value in (("start", start), ("end", end)):
        if value is not None and value.tzinfo is None:
            raise invalid_field(name, "schedule.time.zone_required")
    if start is not None and end is not None and end <= start:
        raise invalid_field("end", "schedule.time.end_before_start")
    if room_id is not None and room_id != item.room_id and session.get(Room, room_id) is None:
        raise invalid_field("room_id", "schedule.room.not_found", room_id=room_id)
    item.start_at, item.end_at, item.room_id = start, end, room_id
    session.flush()
    return ItemRow(item.id, item.title_zh, item.title_en, item.kind, item.start_at, item.end_at,
                   item.room_id, item.track_id, item.expected_audience, item.description,
                   item.external_ref)


@dataclass(frozen=True)
class PersonMatch:
    name: str
    person_id: int | None
    problem: str = ""  # "unmatched" or "ambiguous" when person_id is None


def match_people(session: Session, *, names: Sequence[str]) -> list[PersonMatch]:
    """Match names (optionally “name（company）” or “name/company”) to people; namesakes are
    told apart by company, or reported as ambiguous — never guessed."""
    wanted = [n.strip() for n in names if n.strip()]
    parsed = []
    for raw in wanted:
        name, company = raw, ""
        for open_, close in (("（", "）"), ("(", ")")):
            if open_ in raw and raw.endswith(close):
                name, company = raw[: raw.index(open_)].strip(), raw[raw.index(open_) + 1:-1]
        parsed.append((raw, name, company.strip()))
    found: dict[str, list[tuple[int, str]]] = {}
    plain = {p[1] for p in parsed}
    for pid, name, name_en, company in session.execute(
            select(Person.id, Person.name, Person.name_en, Person.company)
            .where(Person.name.in_(plain) | Person.name_en.in_(plain))):
        for key in {name, name_en}:
            if key in plain:
                found.setdefault(key, []).append((pid, company))
    out = []
    for raw, name, company in parsed:
        cands = found.get(name, [])
        if company:
            cands = [c for c in cands if company in c[1]] or cands
        if len(cands) == 1:
            out.append(PersonMatch(raw, cands[0][0]))
        else:
            out.append(PersonMatch(raw, None, "ambiguous" if cands else "unmatched"))
    return out

"""The demo event's programme: 40 rooms, tracks, and agenda items with speakers (services.demo).

Forums fill a room for a half-day (opening, talks, a tea break, a closing panel); the main hall
has keynotes every half-day. Speakers are chosen so that nobody is in two places at once, except
for a handful of deliberate conflicts on a full-size build: the schedule view should have
something to show, as a real programme a week before the event does.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import NotRequired, TypedDict
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.orm import Session

from eventdesk.demo import data as d
from eventdesk.domain import AgendaItem, AgendaKind, AgendaSpeaker, Room, SpeakerRole, Track

Progress = Callable[[str, int, int], None]
HALF_DAYS = ((time(9, 0), time(12, 0)), (time(13, 30), time(17, 30)))
MAX_ITEMS_PER_SPEAKER = 3
PLANTED_CONFLICTS_FROM = 100  # items; a small build stays clean


@dataclass
class _Item:
    title_zh: str
    kind: AgendaKind
    start: datetime
    end: datetime
    room: int  # index into the room list
    track: int
    audience: int
    title_en: str = ""
    description: str = ""
    speakers: list[int] = field(default_factory=list)  # person ids; a panel's first moderates


@dataclass(frozen=True)
class AgendaCounts:
    rooms: int
    tracks: int
    items: int
    speaker_links: int


class _RoomRow(TypedDict):
    """A Room row as inserted; `sort_order` is numbered once the list is complete."""

    name: str
    capacity: int
    hall: str
    floor: str
    room_group: str
    sort_order: NotRequired[int]


def _rooms() -> list[_RoomRow]:
    rooms: list[_RoomRow] = [
        {"name": "主会场", "capacity": 3000, "hall": "A", "floor": "1F", "room_group": "主会场"}]
    for i, cap in enumerate((800, 600, 500), start=1):
        rooms.append({"name": f"平行论坛厅{'一二三'[i - 1]}", "capacity": cap, "hall": "B",
                      "floor": "1F", "room_group": "论坛厅"})
    caps = (60, 80, 100, 120, 150, 200, 300)
    for group, hall, floor, count in d.ROOM_GROUPS:
        for n in range(1, count + 1):
            if group.endswith("洽谈区"):
                name, cap = f"{hall}馆洽谈室{n}", 30
            else:
                name, cap = f"{hall}{floor[0]}{n:02d}会议室", caps[(n * 3 + len(group)) % len(caps)]
            rooms.append({"name": name, "capacity": cap, "hall": hall, "floor": floor,
                          "room_group": group})
    for i, room in enumerate(rooms):
        room["sort_order"] = i
    return rooms


def _at(day: date, hm: time, tz: ZoneInfo, minutes: int = 0) -> datetime:
    return datetime.combine(day, hm, tzinfo=tz) + timedelta(minutes=minutes)


def _talk_title(rng: random.Random, topic: str) -> str:
    tech, tech2 = rng.sample(d.TECH, 2)
    return rng.choice(d.TALK_TEMPLATES).format(tech=tech, tech2=tech2, scene=rng.choice(d.SCENES),
                                              topic=topic)


def _block(rng: random.Random, *, day: date, half: int, room: int, capacity: int, main: bool,
           opening: bool, topic: str, track: int, tz: ZoneInfo) -> list[_Item]:
    """One room for one half-day: what a forum organiser would hand in."""
    start_t, end_t = HALF_DAYS[half]
    t = _at(day, start_t, tz)
    end = _at(day, end_t, tz)
    forum = "主论坛" if main else f"{topic}论坛"
    items: list[_Item] = []

    def add(kind: AgendaKind, minutes: int, title: str, title_en: str = "") -> None:
        nonlocal t
        share = rng.uniform(0.4, 0.95) if kind != AgendaKind.BREAK else 0.0
        items.append(_Item(title, kind, t, t + timedelta(minutes=minutes), room, track,
                           round(capacity * share), title_en, f"{forum}：{title}"))
        t += timedelta(minutes=minutes)

    keynotes = list(d.KEYNOTES[1:])
    rng.shuffle(keynotes)
    if main and opening:
        add(AgendaKind.KEYNOTE, 30, d.KEYNOTES[0], "Opening Address")
    elif main:
        add(AgendaKind.KEYNOTE, 30, keynotes.pop())
    else:
        add(AgendaKind.FORUM, 15, f"{forum}开幕致辞", f"{topic} Forum: Opening")
    talks = 0
    while t + timedelta(minutes=75) <= end:
        if talks == 3 and rng.random() < 0.7:
            add(AgendaKind.BREAK, 15, "茶歇")
        minutes = 30 if main else rng.choice((20, 30, 30, 40))
        kind = AgendaKind.KEYNOTE if main else AgendaKind.TALK
        add(kind, minutes, keynotes.pop() if main else _talk_title(rng, topic))
        talks += 1
    if t + timedelta(minutes=45) <= end:
        add(AgendaKind.PANEL, 45, rng.choice(d.PANEL_TEMPLATES).format(topic=topic))
    return items


def _plan(rng: random.Random, days: Sequence[date], rooms: list[_RoomRow], target: int,
          tz: ZoneInfo) -> list[_Item]:
    """Half-day blocks until `target` items: the main hall every half-day first, then forums
    spread over the days and rooms."""
    half_days = [(day, half) for day in days for half in (0, 1)]
    slots = [(day, half, r) for r in range(1, len(rooms)) for day, half in half_days]
    rng.shuffle(slots)
    track_of = {name: i for i, (name, _) in enumerate(d.TRACKS)}
    items: list[_Item] = []
    order = [(day, half, 0) for day, half in half_days] + slots
    for n, (day, half, room) in enumerate(order):
        if len(items) >= target:
            break
        topic, track_name = d.FORUM_TOPICS[n % len(d.FORUM_TOPICS)]
        track = 0 if room == 0 else track_of[track_name]
        items += _block(rng, day=day, half=half, room=room, capacity=int(rooms[room]["capacity"]),
                        main=room == 0, opening=n == 0, topic=topic, track=track, tz=tz)
    return items[:target]


def _cast(rng: random.Random, items: list[_Item], speakers: Sequence[int]) -> None:
    """Give each item its speakers without double-booking anyone, if the pool allows."""
    busy: dict[int, list[tuple[datetime, datetime]]] = {}
    if not speakers:
        return
    wanted = {AgendaKind.KEYNOTE: (1, 1), AgendaKind.FORUM: (1, 2), AgendaKind.TALK: (1, 2),
              AgendaKind.PANEL: (3, 3), AgendaKind.BREAK: (0, 0)}
    for item in items:
        low, high = wanted[item.kind]
        count = low if low == high or rng.random() < 0.8 else high
        for _ in range(count):
            chosen = None
            for _attempt in range(40):
                pid = rng.choice(speakers)
                spans = busy.get(pid, [])
                if pid in item.speakers or len(spans) >= MAX_ITEMS_PER_SPEAKER:
                    continue
                if all(item.end <= s or e <= item.start for s, e in spans):
                    chosen = pid
                    break
            if chosen is None:  # a tiny pool: accept a clash rather than an empty panel
                free = [p for p in speakers if p not in item.speakers]
                if not free:
                    break
                chosen = rng.choice(free)
            item.speakers.append(chosen)
            busy.setdefault(chosen, []).append((item.start, item.end))


def _plant_conflicts(rng: random.Random, items: list[_Item],
                     rooms: list[_RoomRow]) -> None:
    """Three speakers booked twice, one room double-booked, one room too small."""
    talks = [i for i in items if i.kind == AgendaKind.TALK and len(i.speakers) < 3]
    planted = 0
    for a in rng.sample(talks, len(talks)):
        others = [b for b in talks if b is not a and b.room != a.room and b.speakers
                  and b.start < a.end and a.start < b.end and b.speakers[0] not in a.speakers]
        if others:
            a.speakers.append(rng.choice(others).speakers[0])
            planted += 1
        if planted == 3:
            break
    follow = [i for i, x in enumerate(items[1:], start=1)
              if x.kind == AgendaKind.TALK and items[i - 1].room == x.room
              and items[i - 1].end == x.start]
    if follow:
        moved = items[rng.choice(follow)]
        moved.start -= timedelta(minutes=10)
    small = [i for i in talks if int(rooms[i.room]["capacity"]) <= 100]
    if small:
        crowded = rng.choice(small)
        crowded.audience = int(rooms[crowded.room]["capacity"]) + 40


def build_agenda(session: Session, rng: random.Random, *, days: Sequence[date], tz: ZoneInfo,
                 items: int, speakers: Sequence[int], progress: Progress | None) -> AgendaCounts:
    """Insert rooms, tracks, items and speaker links; `speakers` are person ids to cast from."""
    rooms = _rooms()
    room_ids = list(session.scalars(insert(Room).returning(Room.id, sort_by_parameter_order=True),
                                    rooms))
    tracks = [{"name": n, "colour": c} for n, c in d.TRACKS]
    track_ids = list(session.scalars(
        insert(Track).returning(Track.id, sort_by_parameter_order=True), tracks))
    if progress:
        progress("rooms", len(rooms), len(rooms))
    plan = _plan(rng, days, rooms, items, tz)
    _cast(rng, plan, speakers)
    if len(plan) >= PLANTED_CONFLICTS_FROM:
        _plant_conflicts(rng, plan, rooms)
    rows = [{"title_zh": i.title_zh, "title_en": i.title_en, "kind": i.kind,
             "start_at": i.start, "end_at": i.end, "room_id": room_ids[i.room],
             "track_id": track_ids[i.track], "expected_audience": i.audience,
             "description": i.description, "external_ref": f"GH25-S{n:03d}"}
            for n, i in enumerate(plan, start=1)]
    item_ids = list(session.scalars(
        insert(AgendaItem).returning(AgendaItem.id, sort_by_parameter_order=True), rows)
    ) if rows else []
    links = []
    for item_id, item in zip(item_ids, plan, strict=True):
        panel = item.kind == AgendaKind.PANEL
        for pos, pid in enumerate(item.speakers):
            role = SpeakerRole.MODERATOR if panel and pos == 0 else SpeakerRole.SPEAKER
            links.append({"agenda_item_id": item_id, "person_id": pid, "role": role,
                          "position": pos - 1 if panel and pos else pos})
    if links:
        session.execute(insert(AgendaSpeaker), links)
    if progress:
        progress("agenda", len(plan), len(plan))
    return AgendaCounts(len(rooms), len(tracks), len(plan), len(links))

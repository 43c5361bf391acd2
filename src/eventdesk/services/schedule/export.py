"""Schedule exports: iCalendar (whole event or one room, Asia/Shanghai with VTIMEZONE, RFC 5545),
CSV/XLSX (the same columns the schedule import reads, so a file round-trips; written by the shared
services.exports.write_table, so every text cell gets the one formula guard), and the plain data
of the printed programme (actions.exports hands it to pdf.programme: services never import pdf).

Date-times are written as ISO 8601 with offset, in the event's time zone.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import Person
from eventdesk.domain.errors import FieldProblem, NotFound, ValidationFailed
from eventdesk.domain.programme import Programme, ProgrammeItem, ProgrammePage, ProgrammeRoom
from eventdesk.files import write_whole
from eventdesk.services.exports import Progress, write_table
from eventdesk.services.schedule.items import (
    KIND_LABELS_ZH,
    ItemRow,
    Schedule,
    SpeakerRef,
    load_schedule,
)
from eventdesk.services.schedule.rooms import RoomRow

WEEKDAYS = "一二三四五六日"
ROOMS_PER_PAGE = 6
HEADERS = ("编号 ID", "日期 Date", "开始 Start", "结束 End", "会议室 Room", "议题 Title",
           "英文标题 Title EN", "类型 Kind", "论坛 Track", "演讲嘉宾 Speakers", "主持人 Moderators",
           "预计人数 Audience")


def day_label(d: date) -> str:
    return f"{d.month}月{d.day}日 周{WEEKDAYS[d.weekday()]}"


def _room(sched: Schedule, name: str | None) -> RoomRow | None:
    if name is None:
        return None
    for r in sched.rooms:
        if r.name == name.strip():
            return r
    raise NotFound(code="schedule.export.room_unknown", name=name)


def _scheduled(sched: Schedule, room: RoomRow | None) -> list[ItemRow]:
    items = [i for i in sched.items if i.scheduled and (room is None or i.room_id == room.id)]
    return sorted(items, key=lambda i: (i.start, i.room_id, i.id))


def _ref(sched: Schedule, item: ItemRow) -> str:
    return item.external_ref or f"{sched.event.code}-{item.id}"


# -- iCalendar -----------------------------------------------------------------------------------
def ics_bytes(session: Session, *, room: str | None = None) -> tuple[bytes, int]:
    from icalendar import Calendar, Event

    sched = load_schedule(session, with_conflicts=False)
    only = _room(sched, room)
    rooms = {r.id: r for r in sched.rooms}
    tracks = {t.id: t.name for t in sched.tracks}
    tz = sched.event.tz
    cal = Calendar()
    cal.add("prodid", "-//EventDesk//Schedule//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", sched.event.name_zh + (f" · {only.name}" if only else ""))
    cal.add("x-wr-timezone", sched.event.timezone)
    stamp = datetime.now(UTC).replace(microsecond=0)
    items = _scheduled(sched, only)
    for item in items:
        assert item.start and item.end and item.room_id is not None
        ev = Event()
        ev.add("uid", f"{_ref(sched, item)}@{sched.event.code.lower()}.eventdesk")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", item.start.astimezone(tz))
        ev.add("dtend", item.end.astimezone(tz))
        ev.add("summary", item.title_zh + (f" / {item.title_en}" if item.title_en else ""))
        ev.add("location", rooms[item.room_id].name)
        lines = []
        if item.speakers:
            lines.append("演讲嘉宾：" + "、".join(p.name for p in item.speakers))
        if item.moderators:
            lines.append("主持人：" + "、".join(p.name for p in item.moderators))
        if item.description:
            lines.append(item.description)
        if lines:
            ev.add("description", "\n".join(lines))
        categories = [KIND_LABELS_ZH[item.kind]]
        if item.track_id in tracks:
            categories.append(tracks[item.track_id])
        ev.add("categories", categories)
        cal.add_component(ev)
    cal.add_missing_timezones()
    return cal.to_ical(), len(items)


# -- CSV / XLSX ---------------------------------------------------------------------------------
def table_rows(session: Session, *, room: str | None = None) -> list[list[object]]:
    sched = load_schedule(session, with_conflicts=False)
    only = _room(sched, room)
    rooms = {r.id: r.name for r in sched.rooms}
    tracks = {t.id: t.name for t in sched.tracks}
    tz = sched.event.tz
    items = _scheduled(sched, only)
    if only is None:
        items += [i for i in sched.items if not i.scheduled]
    # Namesakes are written as 姓名（公司）, so the file imports back to the same people.
    names = {p.name for i in items for p in i.people}
    twins = {name for name, n in session.execute(
        select(Person.name, func.count()).where(Person.name.in_(names)).group_by(Person.name))
        if n > 1}

    def who(people: tuple[SpeakerRef, ...]) -> str:
        return "、".join(f"{p.name}（{p.company}）" if p.name in twins and p.company else p.name
                        for p in people)

    rows: list[list[object]] = []
    for i in items:
        start = i.start.astimezone(tz) if i.start else None
        end = i.end.astimezone(tz) if i.end else None
        rows.append([
            _ref(sched, i), start.date().isoformat() if start else "",
            start.isoformat() if start else "", end.isoformat() if end else "",
            rooms.get(i.room_id, "") if i.room_id is not None else "",
            i.title_zh, i.title_en, i.kind.value,
            tracks.get(i.track_id, "") if i.track_id is not None else "",
            who(i.speakers), who(i.moderators),
            i.expected_audience,
        ])
    return rows


def export_schedule(session: Session, *, out: Path | None = None, room: str | None = None,
                    path: Path | None = None, progress: Progress | None = None) -> int:
    """Write the schedule to `out`, the format chosen by its suffix (.ics, .csv, .xlsx), whole
    or not at all; returns the number of agenda items written. `path` is accepted for `out`, the
    name the other exports use. Raises ValidationFailed for another suffix, NotFound for an
    unknown room."""
    out = out or path
    if out is None:
        raise ValidationFailed({"out": FieldProblem("schedule.export.out_required")},
                               code="schedule.export.out_required")
    suffix = out.suffix.lower()
    if suffix == ".ics":
        data, n = ics_bytes(session, room=room)
        write_whole(out, data)
        return n
    if suffix not in (".csv", ".xlsx"):
        raise ValidationFailed(
            {"out": FieldProblem("schedule.export.unsupported_format", suffix=out.suffix)},
            code="schedule.export.unsupported_format", suffix=out.suffix)
    rows = table_rows(session, room=room)
    return write_table(out, HEADERS, rows, total=len(rows), progress=progress,
                       sheet_title="日程 Schedule")


# -- the printed programme ---------------------------------------------------------------
def _people_text(item: ItemRow) -> str:
    text = "、".join(p.name for p in item.speakers)
    if item.moderators:
        text += ("；" if text else "") + "主持：" + "、".join(p.name for p in item.moderators)
    return text


def _detail(room: RoomRow) -> str:
    return " · ".join(x for x in (f"{room.capacity}人" if room.capacity else "", room.hall,
                                  room.floor) if x)


def _pack(groups: dict[str, list[RoomRow]]) -> list[tuple[list[str], list[RoomRow], str]]:
    """Pages of at most ROOMS_PER_PAGE rooms: a room group never shares its rooms' page with a
    part of another group, but small whole groups share a page rather than waste one each."""
    pages: list[tuple[list[str], list[RoomRow], str]] = []
    for group, rooms in groups.items():
        if len(rooms) > ROOMS_PER_PAGE:
            chunks = [rooms[k:k + ROOMS_PER_PAGE] for k in range(0, len(rooms), ROOMS_PER_PAGE)]
            pages += [([group], chunk, f"（{n}/{len(chunks)}）")
                      for n, chunk in enumerate(chunks, 1)]
        elif pages and not pages[-1][2] and len(pages[-1][1]) + len(rooms) <= ROOMS_PER_PAGE:
            pages[-1][0].append(group)
            pages[-1][1].extend(rooms)
        else:
            pages.append(([group], list(rooms), ""))
    return pages


def programme_data(session: Session, *, day: date | None = None,
                   room: str | None = None) -> Programme:
    """Grid pages per day (rooms split by room group, at most ROOMS_PER_PAGE per page, only rooms
    in use that day), or with `room` one list of that room's items over all days."""
    sched = load_schedule(session, with_conflicts=False)
    event, tz = sched.event, sched.event.tz
    tracks = {t.id: t for t in sched.tracks}
    only = _room(sched, room)
    if day is not None and day not in event.days:
        raise ValidationFailed({"day": FieldProblem("schedule.export.day_outside_event", day=day)},
                               code="schedule.export.day_outside_event", day=day)

    def entry(item: ItemRow) -> ProgrammeItem:
        assert item.start and item.end
        s, e = item.start.astimezone(tz), item.end.astimezone(tz)
        track = tracks.get(item.track_id) if item.track_id is not None else None
        minute = (e.date() - s.date()).days * 1440
        return ProgrammeItem(
            title=item.title_zh, title_en=item.title_en, kind=KIND_LABELS_ZH[item.kind],
            start_min=s.hour * 60 + s.minute, end_min=minute + e.hour * 60 + e.minute,
            time_text=f"{s:%H:%M}–{e:%H:%M}", people=_people_text(item),
            track=track.name if track else "", colour=track.colour if track else "#8a8a8a",
            day_label=day_label(s.date()))

    items = _scheduled(sched, only)
    pages: list[ProgrammePage] = []
    if only is not None:
        # _scheduled keeps only items with a start and a room (here and below).
        chosen = [i for i in items if day is None or event.day_of(i.start) == day]  # type: ignore[arg-type]
        pages.append(ProgrammePage(f"{only.name} · 全部日程" if day is None else
                                   f"{only.name} · {day_label(day)}", "list",
                                   (ProgrammeRoom(only.name, _detail(only),
                                                  tuple(entry(i) for i in chosen)),)))
    for d in ([] if only is not None else [day] if day else event.days):
        todays = [i for i in items if event.day_of(i.start) == d]  # type: ignore[arg-type]  # scheduled
        by_room: dict[int, list[ItemRow]] = defaultdict(list)
        for i in todays:
            by_room[i.room_id].append(i)  # type: ignore[index]  # scheduled: it has a room
        groups: dict[str, list[RoomRow]] = defaultdict(list)
        for r in sched.rooms:  # already in sort order
            if by_room.get(r.id):
                groups[r.room_group or r.hall or ""].append(r)
        for names, chunk, part in _pack(groups):
            page_items = [entry(i) for r in chunk for i in by_room[r.id]]
            first = min(p.start_min for p in page_items) // 60 * 60
            last = -(-max(p.end_min for p in page_items) // 60) * 60
            heading = " · ".join(x for x in (day_label(d), "、".join(n for n in names if n)) if x)
            pages.append(ProgrammePage(heading + part, "grid", tuple(
                ProgrammeRoom(r.name, _detail(r), tuple(entry(i) for i in by_room[r.id]))
                for r in chunk), first, last))
    used = {i.track_id for i in items}
    legend = tuple((t.name, t.colour) for t in sched.tracks if t.id in used)
    span = f"{event.start_date:%Y-%m-%d} – {event.end_date:%Y-%m-%d}"
    return Programme(title=event.name_zh, subtitle=" · ".join(x for x in (span, event.venue) if x),
                     pages=tuple(pages), tracks=legend)

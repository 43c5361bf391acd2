"""Schedule lists: agenda items (shown as “Session / 会议”), the `schedule` kind of the imports.

Headers: 日期/Date, 开始/开始时间/Start, 结束/结束时间/End, 会议室/会场/Room, 议题/标题/Title,
类型/Kind, 论坛/Track, 演讲嘉宾/Speakers (+ 编号/ID, 英文标题, 主持人, 预计人数); our own export's
bilingual headers ("开始 Start") match by their first word. Dates and times as Excel cells or
text (2025/5/20, 2025-05-20, 9:00, 09:00, a day fraction, or a full ISO date-time). A row with no
start, end and room is an item still to be placed (the unscheduled list).

A row describes the whole item: a blank cell clears that field on re-import, except the item's
external id (kept when the row has none) and its description (never in the file). Duplicates:
the same external id, our own export's id (“EVENTCODE-12”), else the same title on the same day
in the same room (or the same title, unscheduled).

Speakers and moderators are matched to people by name, or “姓名（公司）” for namesakes; a name
that matches nobody or several people is a warning on the row, not an error (a namesake already
on the matched item stays). Conflicts the imported items have are reported in
`report.extra["conflicts"]` (Conflict values, worded by eventdesk.messages), never refused;
rooms the file names that the event lacks are row errors unless `ImportOptions.create_rooms`,
then they are created and listed in `report.extra["rooms_created"]`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from eventdesk.domain import AgendaKind
from eventdesk.domain.errors import Phrase
from eventdesk.services import audit
from eventdesk.services.events import EventInfo, get_event
from eventdesk.services.imports.engine import Existing, Key, KindAdapter, Plan, Progress, Warning_
from eventdesk.services.imports.mapping import FieldSpec
from eventdesk.services.imports.normalise import clean
from eventdesk.services.imports.report import FieldProblem, Problem, problem
from eventdesk.services.schedule.conflicts import RoomFacts, Slot, scan
from eventdesk.services.schedule.items import (
    ItemInput,
    create_item,
    find_conflicts,
    get_item,
    list_items,
    load_conflict_data,
    match_people,
    update_item,
)
from eventdesk.services.schedule.rooms import create_room, ensure_track, list_rooms, list_tracks

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("ref", "编号", ("编号", "id", "外部编号", "externalid", "ref")),
    FieldSpec("date", "日期", ("日期", "date", "day")),
    FieldSpec("start", "开始", ("开始", "开始时间", "start", "starttime", "begin", "from"),
              required=True),
    FieldSpec("end", "结束", ("结束", "结束时间", "end", "endtime", "to"), required=True),
    FieldSpec("room", "会议室", ("会议室", "会场", "room", "venue", "地点"), required=True),
    FieldSpec("title", "议题", ("议题", "标题", "题目", "title", "session"), required=True),
    FieldSpec("title_en", "英文标题", ("英文标题", "英文议题", "titleen", "englishtitle")),
    FieldSpec("kind", "类型", ("类型", "kind", "type")),
    FieldSpec("track", "论坛", ("论坛", "分论坛", "track", "forum")),
    FieldSpec("speakers", "演讲嘉宾", ("演讲嘉宾", "嘉宾", "演讲人", "speakers", "speaker")),
    FieldSpec("moderators", "主持人", ("主持人", "主持", "moderators", "moderator")),
    FieldSpec("audience", "预计人数", ("预计人数", "人数", "audience", "expectedaudience")),
)
COMPARE = ("title_zh", "title_en", "kind", "start", "end", "room", "track", "expected_audience",
           "external_ref", "speakers", "moderators")
KIND_WORDS = {AgendaKind.KEYNOTE: ("主旨演讲", "主题演讲", "keynote"),
              AgendaKind.FORUM: ("论坛", "forum"), AgendaKind.TALK: ("演讲", "报告", "talk"),
              AgendaKind.PANEL: ("圆桌", "圆桌对话", "圆桌论坛", "panel"),
              AgendaKind.BREAK: ("休息", "茶歇", "午餐", "午休", "break")}
ROLES = ("speakers", "moderators")
SPLIT = re.compile(r"[、，,;；/\n]+")
_DATE = re.compile(r"^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_TIME = re.compile(r"^(\d{1,2})\s*[:：.]\s*(\d{2})(?:\s*[:：]\s*\d{2})?$")


class CellProblem(ValueError):
    """A cell that cannot be read; carries the Problem for the row report."""

    def __init__(self, issue: Problem) -> None:
        super().__init__(issue.code)
        self.problem = issue


def _typed(value: Any) -> Any:
    """Excel keeps dates and times typed (parsed as such); text is cleaned like any cell."""
    return clean(value) if isinstance(value, str) or value is None else value


def parse_date(value: Any, event: EventInfo) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 20000 < value < 80000:  # an Excel serial day number
        return date(1899, 12, 30) + timedelta(days=int(value))
    text = clean(value)
    m = _DATE.match(text)
    try:
        if m:
            return date(int(m.group(1) or event.start_date.year), int(m.group(2)),
                        int(m.group(3)))
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise CellProblem(problem("imports.schedule.bad_date", value=text)) from None


def parse_instant(value: Any, day: date | None, event: EventInfo) -> datetime:
    """A time on `day` (9:00, Excel time cell or day fraction), or a full date-time."""
    tz = event.tz
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value
        if value.year > 1900:  # a full date-time cell
            return value.replace(tzinfo=tz)
        value = value.time()
    if isinstance(value, time):
        t = value
    elif isinstance(value, int | float) and 0 <= value < 1:
        minutes = round(float(value) * 1440)
        t = time(minutes // 60, minutes % 60)
    else:
        text = clean(value)
        m = _TIME.match(text)
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            t = time(int(m.group(1)), int(m.group(2)))
        else:
            try:
                parsed = datetime.fromisoformat(text.replace("/", "-"))
            except ValueError:
                raise CellProblem(problem("imports.schedule.bad_time", value=text)) from None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
    if day is None:
        raise CellProblem(problem("imports.schedule.no_date"))
    return datetime.combine(day, t, tzinfo=tz)


def parse_kind(value: Any) -> AgendaKind:
    text = clean(value).lower()
    if not text:
        return AgendaKind.TALK
    for kind, words in KIND_WORDS.items():
        if text in words:
            return kind
    raise CellProblem(problem("imports.schedule.unknown_kind", value=clean(value)))


class ScheduleAdapter(KindAdapter):
    kind = "schedule"
    label = Phrase("imports.kind.schedule")
    fields = FIELDS
    compare = COMPARE

    # stamp() stays None: a programme has hundreds of items, so the real import plans again
    # inside its write transaction (milliseconds) rather than trusting a fingerprint.

    def load(self, session: Session) -> Existing:
        # Speakers are matched while rows are cleaned, so the planning session is kept.
        self.session = session
        self.event = get_event(session)
        self.names: dict[int, str] = {}  # matched people, for conflict sentences
        self.rooms = {r.name: r.id for r in list_rooms(session)}
        self.room_names = {rid: name for name, rid in self.rooms.items()}
        tracks = {t.id: t.name for t in list_tracks(session)}
        records: dict[int, dict[str, Any]] = {}
        for item in list_items(session):
            records[item.id] = {
                "id": item.id, "title_zh": item.title_zh, "title_en": item.title_en,
                "kind": AgendaKind(item.kind), "start": item.start, "end": item.end,
                "room": self.room_names.get(item.room_id, "") if item.room_id else "",
                "track": tracks.get(item.track_id, "") if item.track_id else "",
                "expected_audience": item.expected_audience, "external_ref": item.external_ref,
                "speakers": tuple(p.person_id for p in item.speakers),
                "moderators": tuple(p.person_id for p in item.moderators),
                "people": {p.name: p.person_id for p in item.people},
            }
        self._existing = records
        return Existing(records)

    def clean(self, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, FieldProblem]]:
        cell = {f.key: clean(values.get(f.key)) for f in FIELDS}
        problems: dict[str, FieldProblem] = {}
        event = self.event
        title = cell["title"]
        if not title:
            problems["title"] = problem("imports.schedule.title_blank")
        # No start, end or room at all: an item still to be placed.
        unscheduled = not any(cell[k] for k in ("start", "end", "room"))
        day: date | None = None
        times: dict[str, datetime | None] = {"start": None, "end": None}
        try:
            day = parse_date(_typed(values.get("date")), event) if cell["date"] else None
        except CellProblem as exc:
            problems["date"] = exc.problem
        for key in () if unscheduled else ("start", "end"):
            if not cell[key]:
                problems[key] = problem("imports.schedule.time_blank")
                continue
            try:
                instant = parse_instant(_typed(values.get(key)), day, event)
            except CellProblem as exc:
                problems[key] = exc.problem
                continue
            times[key] = instant
            if key == "start" and day is None:
                day = event.day_of(instant)
        start, end = times["start"], times["end"]
        if start and end and end <= start:
            problems["end"] = problem("imports.schedule.end_before_start")
        kind = AgendaKind.TALK
        try:
            kind = parse_kind(cell["kind"])
        except CellProblem as exc:
            problems["kind"] = exc.problem
        audience = 0
        if cell["audience"]:
            try:
                audience = int(float(cell["audience"]))
            except ValueError:
                problems["audience"] = problem("imports.schedule.bad_audience")
        room = cell["room"]
        if not room and not unscheduled:
            problems["room"] = problem("imports.schedule.room_blank")
        elif room and room not in self.rooms and not self.options.create_rooms:
            problems["room"] = problem("imports.schedule.unknown_room", room=room)
        if problems:
            return {}, problems
        data: dict[str, Any] = {
            "title_zh": title, "title_en": cell["title_en"], "kind": kind,
            "start": start, "end": end, "room": room, "track": cell["track"],
            "expected_audience": audience,
        }
        ref = cell["ref"]
        own = re.fullmatch(rf"{re.escape(event.code)}-(\d+)", ref) if ref else None
        if own:
            data["own_id"] = int(own.group(1))  # our own export's id: matched, never stored
        elif ref:
            data["external_ref"] = ref
        for role in ROLES:
            names = [n for n in SPLIT.split(cell[role]) if n.strip()]
            data[role] = match_people(self.session, names=names) if names else []
        return data, {}

    def keys(self, record: dict[str, Any]) -> list[Key]:
        keys: list[Key] = []
        if record.get("external_ref"):
            keys.append(("ref", ("ref", record["external_ref"])))
        for name in ("id", "own_id"):
            if record.get(name):
                keys.append(("ref", ("id", record[name])))
        if record.get("start") is None:
            keys.append(("title", ("unscheduled", record["title_zh"])))
        else:
            day = self.event.day_of(record["start"])
            keys.append(("title", ("slot", record["title_zh"], day, record["room"])))
        return keys

    def distinct(self, record: dict[str, Any], data: dict[str, Any], *, new: bool) -> bool:
        return False  # a title in the same room on the same day is that item, whatever its id

    def resolve(self, record: dict[str, Any] | None,
                data: dict[str, Any]) -> tuple[dict[str, Any], list[Warning_]]:
        # A namesake already on this very item stays: re-importing a file must not drop him.
        known: dict[str, int] = dict(record.get("people", {})) if record else {}
        notes: list[Warning_] = []
        out = dict(data)
        for role in ROLES:
            ids: list[int] = []
            for m in data.get(role, []):
                pid = m.person_id if m.person_id is not None else known.get(m.name)
                if pid is None:
                    code = ("imports.schedule.speaker_ambiguous" if m.problem == "ambiguous"
                            else "imports.schedule.speaker_unknown")
                    notes.append((role, m.name, problem(code, name=m.name)))
                else:
                    ids.append(pid)
                    self.names[pid] = m.name
            out[role] = tuple(ids)
        return out, notes

    def complete(self, data: dict[str, Any]) -> dict[str, Any]:
        return {"external_ref": None, "people": {}, **data}

    def describe(self, record: dict[str, Any]) -> str:
        return str(record.get("title_zh", ""))

    def planned(self, session: Session, plan: Plan) -> None:
        """Rooms to create and the conflicts the imported items would have, from the plan."""
        records = [*plan.creates, *({**self._existing[rid], **ch} for rid, ch in plan.updates)]
        new_rooms = list(dict.fromkeys(r["room"] for r in records
                                       if r["room"] and r["room"] not in self.rooms))
        plan.report.extra["rooms_created"] = new_rooms
        data = load_conflict_data(session, event=self.event)
        data.person_names.update({k: v for k, v in self.names.items()
                                  if k not in data.person_names})
        room_ids = dict(self.rooms)
        for n, name in enumerate(new_rooms, start=1):
            room_ids[name] = -n  # not yet in the database: ids of the plan only
            data.rooms[-n] = RoomFacts(name, 0)
        touched: set[int] = set()
        for n, record in enumerate(records, start=1):
            sid = record.get("id") or -n
            touched.add(sid)
            people = (*record["speakers"], *record["moderators"])
            data.slots[sid] = Slot(sid, record["title_zh"], room_ids.get(record["room"]),
                                   record["start"], record["end"], people,
                                   record["expected_audience"])
        plan.report.extra["conflicts"] = [c for c in scan(data)
                                          if touched.intersection(c.item_ids)]

    def apply(self, session: Session, *, creates: list[dict[str, Any]],
              updates: list[tuple[int, dict[str, Any]]], operator: str, source: str,
              progress: Progress | None) -> None:
        rooms = {r.name: r.id for r in list_rooms(session)}
        self.touched: list[int] = []

        def room_id(name: str) -> int | None:
            if not name:
                return None
            if name not in rooms:
                rooms[name] = create_room(session, name=name).id
            return rooms[name]

        def item_input(record: dict[str, Any], base: ItemInput | None) -> ItemInput:
            track = record["track"]
            values = ItemInput(
                title_zh=record["title_zh"], title_en=record["title_en"], kind=record["kind"],
                start=record["start"], end=record["end"], room_id=room_id(record["room"]),
                track_id=ensure_track(session, name=track).id if track else None,
                expected_audience=record["expected_audience"],
                external_ref=record["external_ref"], speakers=record["speakers"],
                moderators=record["moderators"])
            return replace(values, description=base.description) if base else values

        total = len(creates) + len(updates)
        for done, record in enumerate(creates, start=1):
            self.touched.append(create_item(session, data=item_input(record, None)).id)
            if progress is not None:
                progress(done, total)
        for done, (item_id, changes) in enumerate(updates, start=len(creates) + 1):
            record = {**self._existing[item_id], **changes}
            before = get_item(session, item_id=item_id)
            update_item(session, item_id=item_id, data=item_input(record, before.as_input()))
            self.touched.append(item_id)
            if progress is not None:
                progress(done, total)
        audit.record(session, actor=operator, action="import.schedule", subject_type="import",
                     detail={"file": source, "created": len(creates), "updated": len(updates)})

    def written(self, session: Session, plan: Plan) -> None:
        touched = set(self.touched)
        plan.report.extra["conflicts"] = [c for c in find_conflicts(session)
                                          if touched.intersection(c.item_ids)]


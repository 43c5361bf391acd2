"""Schedule import from CSV/XLSX (the `--kind schedule` of `eventdesk import`).

Files are read through the shared reader of services/imports/ when it is installed (see
schedule_table, which keeps a small fallback reader written before that landed); the header
aliases and cell parsing specific to the schedule live here.

Headers: 日期/Date, 开始/开始时间/Start, 结束/结束时间/End, 会议室/会场/Room, 议题/标题/Title,
类型/Kind, 论坛/Track, 演讲嘉宾/Speakers (+ 编号/ID, 英文标题, 主持人, 预计人数). Dates and times
as Excel cells or text (2025/5/20, 2025-05-20, 9:00, 09:00, or a full ISO date-time). Speakers
are matched to people by name, or “姓名（公司）” for namesakes; unmatched or ambiguous names are
reported as warnings. Re-import updates items by external id, else by title + day + room.
Conflicts among the imported items are reported, not refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventdesk.domain import AgendaItem
from eventdesk.domain.errors import ImportRejected, RowError
from eventdesk.services.events import EventInfo, get_event
from eventdesk.services.schedule.conflicts import Conflict
from eventdesk.services.schedule.items import (
    ItemInput,
    create_item,
    find_conflicts,
    get_item,
    match_people,
    update_item,
)
from eventdesk.services.schedule.rooms import create_room, ensure_track, list_rooms
from eventdesk.services.schedule.table import read_table

ALIASES: dict[str, tuple[str, ...]] = {
    "ref": ("编号", "id", "外部编号", "externalid", "ref"),
    "date": ("日期", "date", "day"),
    "start": ("开始", "开始时间", "start", "starttime", "begin", "from"),
    "end": ("结束", "结束时间", "end", "endtime", "to"),
    "room": ("会议室", "会场", "room", "venue", "地点"),
    "title": ("议题", "标题", "题目", "title", "session"),
    "title_en": ("英文标题", "英文议题", "titleen", "englishtitle"),
    "kind": ("类型", "kind", "type"),
    "track": ("论坛", "分论坛", "track", "forum"),
    "speakers": ("演讲嘉宾", "嘉宾", "演讲人", "speakers", "speaker"),
    "moderators": ("主持人", "主持", "moderators", "moderator"),
    "audience": ("预计人数", "人数", "audience", "expectedaudience"),
}
REQUIRED = ("start", "end", "room", "title")
KINDS = {"keynote": ("主旨演讲", "主题演讲", "keynote"), "forum": ("论坛", "forum"),
         "talk": ("演讲", "报告", "talk"), "panel": ("圆桌", "圆桌对话", "圆桌论坛", "panel"),
         "break": ("休息", "茶歇", "午餐", "午休", "break")}
SPLIT = re.compile(r"[、，,;；/\n]+")
_DATE = re.compile(r"^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_TIME = re.compile(r"^(\d{1,2})\s*[:：.]\s*(\d{2})(?:\s*[:：]\s*\d{2})?$")


@dataclass
class ScheduleImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    rooms_created: list[str] = field(default_factory=list)
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        def row(e: RowError) -> dict[str, Any]:
            return {"row": e.row, "column": e.column, "value": e.value, "message": e.message}

        return {"created": self.created, "updated": self.updated, "skipped": self.skipped,
                "errors": [row(e) for e in self.errors],
                "warnings": [row(e) for e in self.warnings],
                "conflicts": [c.as_json() for c in self.conflicts],
                "rooms_created": self.rooms_created, "dry_run": self.dry_run}


def _norm(header: str) -> str:
    return re.sub(r"[\s_（）()\-:：*]+", "", str(header or "")).lower()


def map_headers(headers: list[str]) -> dict[str, int]:
    """Field → column index; the whole header first, then its first word (“开始 Start”)."""
    lookup = {_norm(a): key for key, names in ALIASES.items() for a in names}
    out: dict[str, int] = {}
    for i, h in enumerate(headers):
        text = str(h or "").strip()
        key = lookup.get(_norm(text)) or lookup.get(_norm(text.split(" ")[0] if text else ""))
        if key and key not in out:
            out[key] = i
    return out


def parse_date(value: Any, event: EventInfo) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 20000 < value < 80000:  # an Excel serial day number
        return date(1899, 12, 30) + timedelta(days=int(value))
    text = str(value).strip()
    m = _DATE.match(text)
    if m:
        return date(int(m.group(1) or event.start_date.year), int(m.group(2)), int(m.group(3)))
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"看不懂的日期“{text}”（例：2025/5/20、2025-05-20）") from None


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
        text = str(value).strip()
        m = _TIME.match(text)
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            t = time(int(m.group(1)), int(m.group(2)))
        else:
            try:
                parsed = datetime.fromisoformat(text.replace("/", "-"))
            except ValueError:
                raise ValueError(f"看不懂的时间“{text}”（例：9:00、09:00）") from None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
    if day is None:
        raise ValueError("缺少日期")
    return datetime.combine(day, t, tzinfo=tz)


def parse_kind(value: Any) -> str:
    text = str(value or "").strip().lower()
    if not text:
        return "talk"
    for key, names in KINDS.items():
        if text in names:
            return key
    raise ValueError(f"未知的类型“{value}”（主旨演讲/论坛/演讲/圆桌/休息）")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # our own exports neutralise formulas this way; read them back as typed
    return text


def _existing(session: Session, event: EventInfo, ref: str, title: str,
              start: datetime | None, room_id: int | None) -> int | None:
    if ref:
        found = session.scalar(select(AgendaItem.id).where(AgendaItem.external_ref == ref))
        if found:
            return found
        m = re.fullmatch(rf"{re.escape(event.code)}-(\d+)", ref)  # our own export's ids
        if m and session.get(AgendaItem, int(m.group(1))) is not None:
            return int(m.group(1))
    if start is None or room_id is None:  # unscheduled: the same title, still unscheduled
        return session.scalar(select(AgendaItem.id).where(
            AgendaItem.title_zh == title, AgendaItem.start_at.is_(None)).limit(1))
    day = event.day_of(start)
    for item_id, item_start in session.execute(
            select(AgendaItem.id, AgendaItem.start_at).where(
                AgendaItem.title_zh == title, AgendaItem.room_id == room_id)):
        if item_start is not None and event.day_of(item_start) == day:
            return item_id
    return None


def import_schedule(session: Session, *, path: Path, sheet: str | None = None,
                    dry_run: bool = False, create_rooms: bool = False,
                    on_duplicate: str = "update", skip_invalid: bool = False
                    ) -> ScheduleImportResult:
    """Import agenda items. Errors reject the whole file (ImportRejected) unless skip_invalid;
    a dry run reports what would happen and writes nothing."""
    event = get_event(session)
    headers, rows = read_table(path, sheet=sheet, known=lambda h: bool(map_headers([h])))
    cols = map_headers(headers)
    result = ScheduleImportResult(dry_run=dry_run)
    missing = [k for k in REQUIRED if k not in cols]
    if missing:
        names = "、".join(ALIASES[k][0] for k in missing)
        raise ImportRejected(f"缺少必需的列：{names}",
                             [RowError(0, ALIASES[k][0], "", "缺少此列") for k in missing])
    label = {k: str(headers[i]) for k, i in cols.items()}
    rooms = {r.name: r.id for r in list_rooms(session)}
    nested = session.begin_nested()
    touched: list[int] = []
    for n, raw in enumerate(rows, start=1):
        cell = {k: (raw[i] if i < len(raw) else None) for k, i in cols.items()}
        if all(_text(v) == "" for v in cell.values()):
            continue
        errors: list[RowError] = []

        def bad(key: str, message: str, n: int = n, errors: list[RowError] = errors) -> None:
            errors.append(RowError(n, label.get(key, key), _text(cell.get(key)), message))

        title = _text(cell.get("title"))
        if not title:
            bad("title", "议题不能为空")
        day = start = end = None
        # No start, end or room at all: an item still to be placed (the unscheduled list).
        unscheduled = not any(_text(cell.get(k)) for k in ("start", "end", "room"))
        try:
            day = parse_date(cell["date"], event) if _text(cell.get("date")) else None
        except ValueError as exc:
            bad("date", str(exc))
        for key in ("start", "end") if not unscheduled else ():
            try:
                value = parse_instant(cell.get(key), day, event) if _text(cell.get(key)) else None
                if value is None:
                    bad(key, "时间不能为空")
                if key == "start":
                    start = value
                    day = day or (value.astimezone(event.tz).date() if value else None)
                else:
                    end = value
            except ValueError as exc:
                bad(key, str(exc))
        if start and end and end <= start:
            bad("end", "结束时间须晚于开始时间")
        try:
            kind = parse_kind(cell.get("kind"))
        except ValueError as exc:
            bad("kind", str(exc))
            kind = "talk"
        audience = 0
        if _text(cell.get("audience")):
            try:
                audience = int(float(_text(cell["audience"])))
            except ValueError:
                bad("audience", "预计人数须为整数")
        room_name = _text(cell.get("room"))
        room_id = rooms.get(room_name)
        if not room_name and not unscheduled:
            bad("room", "会议室不能为空")
        elif room_id is None and not create_rooms and not unscheduled:
            bad("room", f"未知的会议室“{room_name}”（可用 --create-rooms 创建）")
        if errors:
            result.errors.extend(errors)
            continue
        if room_id is None and not unscheduled:
            room_id = create_room(session, name=room_name).id
            rooms[room_name] = room_id
            result.rooms_created.append(room_name)
        track = _text(cell.get("track"))
        ref = _text(cell.get("ref"))
        existing = _existing(session, event, ref, title, start, room_id)
        # A namesake already on this very item stays: re-importing a file must not drop him.
        known = ({p.name: p.person_id for p in get_item(session, item_id=existing).people}
                 if existing is not None else {})
        people: dict[str, tuple[int, ...]] = {}
        for key in ("speakers", "moderators"):
            names = [x for x in SPLIT.split(_text(cell.get(key))) if x.strip()]
            found = match_people(session, names=names) if names else []
            ids: list[int] = []
            for m in found:
                pid = m.person_id if m.person_id is not None else known.get(m.name)
                if pid is None:
                    why = "同名多人，请写 姓名（公司）" if m.problem == "ambiguous" else "人员名单中没有此人"
                    result.warnings.append(RowError(n, label.get(key, key), m.name,
                                                    f"嘉宾“{m.name}”未匹配：{why}"))
                else:
                    ids.append(pid)
            people[key] = tuple(ids)
        data = ItemInput(title_zh=title, title_en=_text(cell.get("title_en")), kind=kind,
                         start=start, end=end, room_id=room_id,
                         track_id=ensure_track(session, name=track).id if track else None,
                         expected_audience=audience,
                         external_ref=ref if ref and not ref.startswith(f"{event.code}-")
                         else None,
                         speakers=people.get("speakers", ()),
                         moderators=people.get("moderators", ()))
        if existing is None:
            touched.append(create_item(session, data=data).id)
            result.created += 1
            continue
        if on_duplicate == "reject":
            result.errors.append(RowError(n, label.get("title", "title"), title, "会议已存在"))
            continue
        before = get_item(session, item_id=existing)
        if data.external_ref is None:
            data = ItemInput(**{**data.__dict__, "external_ref": before.external_ref,
                                "description": before.description})
        else:
            data = ItemInput(**{**data.__dict__, "description": before.description})
        if on_duplicate == "skip" or before.as_input() == data:
            result.skipped += 1
            continue
        update_item(session, item_id=existing, data=data)
        touched.append(existing)
        result.updated += 1
    ids = set(touched)
    result.conflicts = [c for c in find_conflicts(session) if ids.intersection(c.item_ids)]
    if dry_run or (result.errors and not skip_invalid):
        nested.rollback()
    else:
        nested.commit()
    if result.errors and not skip_invalid and not dry_run:
        raise ImportRejected(f"日程文件有 {len(result.errors)} 处错误，未导入任何内容",
                             result.errors)
    if result.errors:
        result.skipped += len({e.row for e in result.errors})
    return result

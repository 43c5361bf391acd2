"""A small three-day programme built through the services, shared by the schedule tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from eventdesk.domain import Category
from eventdesk.services.events import create_event, get_event
from eventdesk.services.people import PersonInput, create_person
from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule import rooms as schedule_rooms
from eventdesk.storage import Database, Session
from tests.users import ADMIN

if TYPE_CHECKING:
    from eventdesk.ui.context import AppContext

TZ = ZoneInfo("Asia/Shanghai")


def at(day: date, hm: str) -> datetime:
    h, m = (int(x) for x in hm.split(":"))
    return datetime(day.year, day.month, day.day, h, m, tzinfo=TZ)


@dataclass
class Small:
    days: list[date]
    rooms: dict[str, int]
    tracks: dict[str, int]
    people: dict[str, int]
    items: dict[str, int]


def person(session: Session, name: str, company: str = "") -> int:
    return create_person(session, data=PersonInput(name=name, category=Category.SPEAKER,
                                                   company=company), operator="test").id


def build_small(db: Database, *, start: date | None = None) -> Small:
    """Three days, three rooms (one small, one with an availability window), two tracks, people
    and four items without any conflict."""
    start = start or date(2025, 5, 20)
    days = [start + timedelta(days=i) for i in range(3)]
    with db.unit_of_work() as s:
        create_event(s, code="SCHED", name_zh="光合组织大会", start_date=days[0], end_date=days[-1])
        rooms = {
            "主会场": schedule_rooms.create_room(s, name="主会场", capacity=1000, hall="A",
                                              room_group="A馆").id,
            "分会场一": schedule_rooms.create_room(s, name="分会场一", capacity=200, hall="A",
                                               room_group="A馆").id,
            "小会议室": schedule_rooms.create_room(
                s, name="小会议室", capacity=30, hall="B", room_group="B馆",
                windows=[(at(days[0], "08:00"), at(days[0], "18:00")),
                         (at(days[1], "08:00"), at(days[1], "18:00"))]).id,
        }
        tracks = {"算力": schedule_rooms.create_track(s, name="算力", colour="#4a6fa5").id,
                  "应用": schedule_rooms.create_track(s, name="应用", colour="#c0504d").id}
        people = {n: person(s, n, c) for n, c in
                  [("张伟", "海光信息"), ("李娜", "曙光"), ("王芳", "中科院"), ("赵昇", "昆山")]}
        people["张伟2"] = person(s, "张伟", "华为")

        def item(title: str, day: int, a: str, b: str, room: str, speakers: list[str],
                 audience: int = 50, track: str = "算力") -> int:
            return schedule.create_item(s, data=schedule.ItemInput(
                title_zh=title, title_en=f"EN {title}", kind="talk", start=at(days[day], a),
                end=at(days[day], b), room_id=rooms[room], track_id=tracks[track],
                expected_audience=audience,
                speakers=tuple(people[p] for p in speakers))).id

        items = {
            "开幕": item("开幕主旨演讲", 0, "09:00", "10:00", "主会场", ["张伟"], 800),
            "芯片": item("国产芯片论坛", 0, "10:30", "12:00", "分会场一", ["李娜"], 150),
            "应用": item("AI应用实践", 1, "09:00", "10:00", "分会场一", ["王芳"], 100, "应用"),
            "圆桌": item("圆桌对话", 0, "14:00", "15:00", "小会议室", ["赵昇"], 20),
        }
        items["未排"] = schedule.create_item(s, data=schedule.ItemInput(
            title_zh="待定报告", kind="talk", speakers=(people["王芳"],))).id
    return Small(days, rooms, tracks, people, items)


def window_context(db: Database) -> AppContext:
    """What the schedule views and dialogs get from the window: the database and its event."""
    from eventdesk.ui.context import AppContext

    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    return AppContext(db, event, "test", user=ADMIN)

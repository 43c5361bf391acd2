"""A small fair for the exhibitor figures' tests (services, CLI, view): 寒武纪 over quota (3
registered of 2, one more cancelled); 摩尔线程 and 壁仞科技 at the same booth of hall B1; 燧原科技
with the same booth code in hall B2 (not shared); two exhibitors without a booth; arrivals on two
days, one person twice, a cancelled person's check-in that never counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventdesk.domain import CheckIn, Exhibitor, Person, PersonStatus
from eventdesk.services import exhibitors, people
from eventdesk.services.exhibitors import ExhibitorInput, event_today
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database


def _exhibitor(s: Session, name: str, hall: str, booth: str, quota: int) -> int:
    return exhibitors.create_exhibitor(s, data=ExhibitorInput(
        name_zh=name, hall=hall, booth=booth, staff_quota=quota), operator="t").id


def _staff(s: Session, exhibitor_id: int, *names: str) -> list[int]:
    return [people.create_person(s, operator="t", data=PersonInput(
        name=n, exhibitor_id=exhibitor_id, category="exhibitor")).id for n in names]


def build_fair(event_db: Database) -> dict[str, int]:
    """The fair (module doc) in `event_db` -> name -> id of its exhibitors and people."""
    with event_db.unit_of_work() as s:
        today = event_today(s)
        ids = {
            "over": _exhibitor(s, "寒武纪", "A1", "A1-101", 2),
            "shared1": _exhibitor(s, "摩尔线程", "B1", "B1-01", 5),
            "shared2": _exhibitor(s, "壁仞科技", "B1", "b1-01 ", 5),
            "alone": _exhibitor(s, "燧原科技", "B2", "B1-01", 5),
            "empty": _exhibitor(s, "无展位公司", "B1", "", 1),
            "empty2": _exhibitor(s, "另一无展位公司", "B1", "", 1),
        }
        a, b, c = _staff(s, ids["over"], "甲", "乙", "丙")
        _d = people.create_person(s, operator="t", data=PersonInput(
            name="丁", exhibitor_id=ids["over"], category="exhibitor",
            status=PersonStatus.CANCELLED)).id
        e, f = _staff(s, ids["shared1"], "戊", "己")
        s.flush()
        yesterday = today - timedelta(days=1)
        for pid, day in ((a, today), (a, yesterday), (b, yesterday), (e, today), (_d, today)):
            s.add(CheckIn(person_id=pid, event_day=day, desk="1", operator="t",
                          at=datetime.now(UTC)))
        ids.update(a=a, b=b, c=c, e=e, f=f, cancelled=_d)
    return ids


def direct(s: Session, today: date) -> dict[int, tuple[int, int, int, bool, bool]]:
    """exhibitor id -> (registered, arrived, arrived today, over quota, shared booth), counted
    in Python from every row."""
    everyone = s.execute(select(Person.id, Person.exhibitor_id, Person.status)).all()
    checkins = s.execute(select(CheckIn.person_id, CheckIn.event_day)).all()
    booths = s.execute(select(Exhibitor.id, Exhibitor.hall, Exhibitor.booth,
                              Exhibitor.staff_quota)).all()
    found = {}
    for ex_id, hall, booth, quota in booths:
        staff = {p for p, e, st in everyone if e == ex_id and st == PersonStatus.REGISTERED}
        came = {p for p, _day in checkins if p in staff}
        today_n = {p for p, day in checkins if p in staff and day == today}
        shared = bool(booth) and sum(1 for _i, h, b, _q in booths if (h, b) == (hall, booth)) > 1
        found[ex_id] = (len(staff), len(came), len(today_n), len(staff) > quota, shared)
    return found



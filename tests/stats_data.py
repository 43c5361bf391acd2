"""A small event for the dashboard's tests, made through the services as the desk makes it, and
the dashboard's figures counted directly from the rows (plain Python over plain SELECTs), to
compare with services.stats.

Event "STAT", Asia/Shanghai, days D1 = 2026-03-01 and D2 = 2026-03-02. Check-ins at the edges of
a day in the event's zone: 23:30 on D1 (15:30 UTC) and 00:30 on D2 (16:30 UTC of D1 — the same
UTC date as the 23:30 one, a different event day).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from eventdesk.domain import AuditEntry, BadgePrint, CheckIn, Exhibitor, Person, PersonStatus
from eventdesk.services import checkin, exhibitors, people
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.events import create_event
from eventdesk.services.exhibitors import ExhibitorInput
from eventdesk.services.people import PersonInput
from eventdesk.services.signing import KdfCost, create_key
from eventdesk.storage import Database
from tests.conftest import CHEAP_KDF, TEST_SIGNING_PASSPHRASE

TZ = ZoneInfo("Asia/Shanghai")
D1, D2 = date(2026, 3, 1), date(2026, 3, 2)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


@dataclass(frozen=True)
class Built:
    ids: dict[str, int]
    exhibitors: dict[str, int]


def build(db: Database) -> Built:
    """The event and its activity (see the module doc)."""
    ids: dict[str, int] = {}
    ex: dict[str, int] = {}
    with db.unit_of_work() as s:
        create_event(s, code="STAT", name_zh="统计测试大会", start_date=D1, end_date=D2,
                     timezone="Asia/Shanghai")
        # a signing key, left unlocked here: the rejected scans below need real payloads
        create_key(s, passphrase=TEST_SIGNING_PASSPHRASE, created_by="test",
                   cost=KdfCost(*CHEAP_KDF))
        for key, hall, booth in (("north", "A1", "A1-001"), ("south", "B2", "B2-010"),
                                 ("empty", "A1", "A1-002"), ("quiet", "C3", "C3-100")):
            ex[key] = exhibitors.create_exhibitor(s, data=ExhibitorInput(
                name_zh=f"{key}科技有限公司", hall=hall, booth=booth, contact_name="联系人",
                contact_phone="13812345678", staff_quota=3), operator="t").id
        for key, category, exhibitor in (
                ("late", "exhibitor", "north"), ("early", "visitor", None),
                ("twice", "speaker", None), ("gone", "visitor", None),
                ("south1", "exhibitor", "south"), ("quiet1", "exhibitor", "quiet"),
                ("never", "media", None)):
            ids[key] = people.create_person(s, data=PersonInput(
                name=f"测试{key}", category=category,
                exhibitor_id=ex[exhibitor] if exhibitor else None), operator="t").id
    plan = (("late", local(D1, 23, 30), "desk-2"),
            ("early", local(D2, 0, 30), "desk-10"),
            ("twice", local(D1, 9, 5), "desk-2"),
            ("twice", local(D2, 9, 10), "desk-2"),
            ("gone", local(D1, 10, 0), "desk-10"),
            ("south1", local(D2, 11, 59), "desk-3"))
    for key, at, desk in plan:
        with db.unit_of_work() as s:
            result = checkin.check_in(s, person_id=ids[key], desk=desk, operator="op", now=at)
            assert result.result == "checked_in", result
    with db.unit_of_work() as s:
        s.get(Person, ids["gone"]).status = PersonStatus.CANCELLED  # type: ignore[union-attr]
        desk_badges.record_print(s, person_id=ids["late"], desk="desk-2", operator="op",
                                 layout="standard", now=local(D1, 23, 31))
        desk_badges.record_print(s, person_id=ids["late"], desk="desk-2", operator="op",
                                 layout="standard", reason="damaged", now=local(D2, 0, 5))
        desk_badges.record_print(s, person_id=ids["early"], desk="desk-10", operator="op",
                                 layout="standard", now=local(D2, 0, 40))
        # Reprints for the reasons of issue 13: a printer fault on D1, "other" on D2.
        for reason, note, at in (("first", "", local(D1, 9, 6)),
                                 ("printer_fault", "", local(D1, 9, 7)),
                                 ("other", "换成媒体证", local(D2, 9, 12))):
            desk_badges.record_print(s, person_id=ids["twice"], desk="desk-2", operator="op",
                                     layout="standard", reason=reason, note=note, now=at)
    with db.unit_of_work() as s:  # rejected scans: a forged code, a cancelled registration
        payload = people.get_person(s, person_id=ids["gone"], with_payload=True).qr_payload
        assert checkin.check_in_scan(s, payload=payload, desk="desk-3", operator="op",
                                     now=local(D2, 8, 0)).reason == "cancelled"
        forged = payload[:-2] + ("AA" if not payload.endswith("AA") else "BB")
        assert checkin.check_in_scan(s, payload=forged, desk="desk-3", operator="op",
                                     now=local(D1, 8, 0)).reason == "forged"
    return Built(ids=ids, exhibitors=ex)


def bounds(day: date | None) -> tuple[datetime, datetime]:
    if day is None:
        return datetime(1970, 1, 1, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC)
    return (datetime.combine(day, time(0), tzinfo=TZ),
            datetime.combine(day + timedelta(days=1), time(0), tzinfo=TZ))


def direct(db: Database, day: date | None = None) -> dict[str, object]:
    """The figures counted from the rows themselves, in the shape of `eventdesk stats --json`
    (without the zero hours)."""
    lo, hi = bounds(day)
    with db.unit_of_work(write=False) as s:
        checks = [c for c in s.scalars(select(CheckIn)) if lo <= c.at < hi]
        persons = {p.id: p for p in s.scalars(select(Person))}
        exhibitors_ = list(s.scalars(select(Exhibitor)))
        prints = list(s.scalars(select(BadgePrint)))
        rejected = [json.loads(a.detail)["reason"] for a in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "checkin.rejected")) if lo <= a.at < hi]
        hours = Counter(c.at.astimezone(TZ).replace(minute=0, second=0, microsecond=0).isoformat()
                        for c in checks)
        active = {i for i, p in persons.items() if p.status != PersonStatus.CANCELLED}
        arrived = {c.person_id for c in checks}
        by_category: dict[str, dict[str, int]] = {}
        for i in active:
            entry = by_category.setdefault(persons[i].category.value,
                                           {"registered": 0, "checked_in": 0})
            entry["registered"] += 1
            entry["checked_in"] += i in arrived
        arrived_exhibitors = {persons[i].exhibitor_id for i in arrived}
        first_print: dict[int, datetime] = {}
        for p in prints:
            first_print[p.person_id] = min(first_print.get(p.person_id, p.at), p.at)
        in_period = [p for p in prints if lo <= p.at < hi]
        printed = sum(1 for at in first_print.values() if lo <= at < hi)
        return {
            "hours": dict(hours),
            "by_category": by_category,
            "by_desk": dict(Counter(c.desk for c in checks)),
            "exhibitors_without_arrivals": sorted(
                (e.hall, e.booth, e.name_zh) for e in exhibitors_
                if e.id not in arrived_exhibitors),
            "prints": {"printed": printed, "reprinted": len(in_period) - printed,
                       "by_reason": dict(Counter(p.reason.value for p in in_period)),
                       "other_notes": dict(Counter(p.note for p in in_period
                                                   if p.reason.value == "other" and p.note))},
            "rejected_scans": dict(Counter(rejected)),
        }

"""Demo-event checks shared by the SQLite layer (tests/services) and PostgreSQL (tests/pg)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from eventdesk.demo import build as demo
from eventdesk.domain import (
    AgendaItem,
    AgendaKind,
    AgendaSpeaker,
    Category,
    CheckIn,
    Exhibitor,
    Person,
    PersonStatus,
    Room,
    SpeakerRole,
    Track,
)
from eventdesk.domain.errors import EventAlreadyExists
from eventdesk.domain.qr import is_badge_code
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from tests.badge_payloads import payload_for, verified

SMALL = {"exhibitors": 60, "people": 600}
TZ = ZoneInfo("Asia/Shanghai")


def build(db: Database, **kw: object) -> demo.DemoSummary:
    with db.unit_of_work() as s:
        return demo.build_demo(s, **{**SMALL, **kw})  # type: ignore[arg-type]


def count(db: Database, model: type) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def fingerprint(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """What must repeat for a seed: people, exhibitors and the programme, in insertion order."""
    with db.unit_of_work(write=False) as s:
        return {
            "people": [tuple(r) for r in s.execute(select(
                Person.name, Person.badge_code, Person.category, Person.company, Person.phone,
                Person.email, Person.status, Person.external_ref).order_by(Person.id))],
            "exhibitors": [tuple(r) for r in s.execute(select(
                Exhibitor.name_zh, Exhibitor.booth, Exhibitor.staff_quota).order_by(Exhibitor.id))],
            "agenda": [tuple(r) for r in s.execute(select(
                AgendaItem.title_zh, AgendaItem.start_at, AgendaItem.end_at, AgendaItem.kind)
                .order_by(AgendaItem.id))],
            "speakers": [(r[0], r[1]) for r in s.execute(select(
                AgendaItem.external_ref, Person.badge_code)
                .join(AgendaSpeaker, AgendaSpeaker.agenda_item_id == AgendaItem.id)
                .join(Person, Person.id == AgendaSpeaker.person_id)
                .order_by(AgendaItem.id, AgendaSpeaker.role, AgendaSpeaker.position))],
        }


def case_small_build(db: Database) -> None:
    summary = build(db, today=date(2025, 5, 20))
    assert (summary.event_code, summary.exhibitors, summary.people) == ("GH25", 60, 600)
    assert count(db, Exhibitor) == 60 and count(db, Person) == 600
    assert count(db, Room) == summary.rooms == 40
    assert count(db, Track) == summary.tracks == 10
    assert count(db, AgendaItem) == summary.agenda_items >= 12
    assert count(db, CheckIn) == 0  # the desk starts from nobody arrived
    assert set(summary.by_category) == {c.value for c in Category}
    assert all(n > 0 for n in summary.by_category.values()), summary.by_category
    assert sum(summary.by_category.values()) == 600
    assert summary.by_category["exhibitor"] == 210 and summary.by_category["speaker"] == 9
    with db.unit_of_work(write=False) as s:
        event = get_event(s)
        assert (event.start_date, event.end_date) == (date(2025, 5, 20), date(2025, 5, 22))
        assert event.timezone == "Asia/Shanghai" and "光合组织" in event.name_zh
        assert event.venue == "昆山国际会展中心"
        statuses = Counter(s.scalars(select(Person.status)))
        assert statuses[PersonStatus.CANCELLED] == summary.cancelled == 6  # 1% of 600
        assert s.scalar(select(func.count()).where(
            Person.category == Category.SPEAKER, Person.status == PersonStatus.CANCELLED)) == 0
        # Exhibitor staff belong to their exhibitor, under its name, within its quota.
        staff = s.execute(select(Person.company, Exhibitor.name_zh, Exhibitor.id)
                          .join(Exhibitor, Exhibitor.id == Person.exhibitor_id)).all()
        assert len(staff) == 210 and all(company == name for company, name, _ in staff)
        assert len({e for _, _, e in staff}) == 60  # every exhibitor has at least its contact
        quotas = dict(s.execute(select(Exhibitor.id, Exhibitor.staff_quota)).all())
        assert all(n <= quotas[e] for e, n in Counter(e for _, _, e in staff).items())
        assert s.scalar(select(func.count()).where(
            Person.exhibitor_id.is_not(None), Person.category != Category.EXHIBITOR)) == 0
        names = list(s.scalars(select(Exhibitor.name_zh)))
        assert len(set(names)) == len(names) and "中科可控信息产业有限公司" in names
        booths = list(s.scalars(select(Exhibitor.booth)))
        assert len(set(booths)) == len(booths) and "A2-101" in booths
        assert all(e.booth.startswith(e.hall + "-") for e in s.scalars(select(Exhibitor)))
        # Badge codes: unique, valid, and signed payloads verify under this event's key.
        codes = list(s.scalars(select(Person.badge_code)))
        assert len(set(codes)) == 600 and all(is_badge_code(c) for c in codes)
        payload = payload_for(s, codes[0])
        assert payload.startswith("ED2.GH25.")
        assert verified(s, payload).badge_code == codes[0]


def case_agenda_within_days(db: Database, today: date) -> None:
    build(db, today=today)
    days = {today + timedelta(days=i) for i in range(3)}
    with db.unit_of_work(write=False) as s:
        items = list(s.scalars(select(AgendaItem)))
        assert items
        for item in items:
            assert item.start_at is not None and item.end_at is not None and item.room_id
            start, end = item.start_at.astimezone(TZ), item.end_at.astimezone(TZ)
            assert start.date() in days and end.date() == start.date()
            assert time(8, 30) <= start.time() and end.time() <= time(17, 30) and end > start
        cast = s.execute(select(AgendaSpeaker.agenda_item_id, Person.category, AgendaSpeaker.role)
                         .join(Person, Person.id == AgendaSpeaker.person_id)).all()
        per_item = Counter(item_id for item_id, _, _ in cast)
        for item in items:
            if item.kind == AgendaKind.BREAK:
                assert per_item[item.id] == 0
            else:
                assert 1 <= per_item[item.id] <= 3, (item.title_zh, per_item[item.id])
        assert {c for _, c, _ in cast} == {Category.SPEAKER}
        assert SpeakerRole.MODERATOR in {r for _, _, r in cast} or not any(
            i.kind == AgendaKind.PANEL for i in items)


def case_second_build_refused_then_replaced(db: Database) -> None:
    build(db)
    before = fingerprint(db)
    with pytest.raises(EventAlreadyExists):
        build(db, seed=2)
    assert fingerprint(db) == before  # the refused build left nothing behind
    with db.unit_of_work() as s:
        demo.clear_event(s)
    assert count(db, Person) == count(db, Exhibitor) == count(db, AgendaItem) == 0
    build(db, seed=2)
    assert count(db, Person) == 600
    with db.unit_of_work(write=False) as s:
        assert s.scalar(select(func.min(Person.id))) == 1  # ids start again after a replace


def case_today_is_shanghai_date(db: Database) -> None:
    before = datetime.now(UTC).astimezone(TZ).date()
    build(db, people=120, exhibitors=10)
    after = datetime.now(UTC).astimezone(TZ).date()
    with db.unit_of_work(write=False) as s:
        assert get_event(s).start_date in {before, after}

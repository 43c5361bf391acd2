"""Exhibitor figures (issue 13): registered vs quota vs arrived, the over-quota and shared-booth
flags, the staff list and the pack pick-up record — each checked against direct counts of the
database's rows (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from eventdesk.domain.errors import ValidationFailed
from eventdesk.domain.pickup import BadgeCollection
from eventdesk.services import exhibitors
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.exhibitor_staff import exhibitor_staff
from eventdesk.services.exhibitors import event_today
from eventdesk.storage import Database
from tests.exhibitor_cases import build_fair, direct


@pytest.fixture
def fair(event_db: Database) -> dict[str, int]:
    return build_fair(event_db)


def test_figures_equal_direct_counts(event_db: Database, fair: dict[str, int]) -> None:
    with event_db.unit_of_work(write=False) as s:
        today = event_today(s)
        rows = exhibitors.list_exhibitors(s, figures=True)
        expected = direct(s, today)
    got = {r.id: (r.staff_count, r.arrived, r.arrived_today, r.over_quota > 0, r.shared_booth)
           for r in rows}
    assert got == expected
    over = next(r for r in rows if r.id == fair["over"])
    assert (over.staff_count, over.arrived, over.arrived_today, over.over_quota) == (3, 2, 1, 1)
    assert next(r for r in rows if r.id == fair["shared1"]).shared_with == ("壁仞科技",)
    assert next(r for r in rows if r.id == fair["alone"]).shared_with == ()


def test_flags_filter_and_count(event_db: Database, fair: dict[str, int]) -> None:
    with event_db.unit_of_work(write=False) as s:
        def ids(flag: exhibitors.ExhibitorFlag) -> set[int]:
            found = {r.id for r in exhibitors.list_exhibitors(s, flag=flag)}
            assert exhibitors.count_exhibitors(s, flag=flag) == len(found)
            return found

        assert ids("over_quota") == {fair["over"]}
        assert ids("shared_booth") == {fair["shared1"], fair["shared2"]}
        assert ids("any") == {fair["over"], fair["shared1"], fair["shared2"]}
        assert {r.id for r in exhibitors.list_exhibitors(s, flag="any", hall="B1")} \
            == {fair["shared1"], fair["shared2"]}
        assert exhibitors.count_exhibitors(s, flag="any", hall="B1") == 2


@pytest.mark.parametrize("sort", ["arrived", "arrived_today", "flags", "pickup", "staff"])
def test_figure_sorts_order_by_their_figure(event_db: Database, fair: dict[str, int],
                                            sort: exhibitors.ExhibitorSort) -> None:
    with event_db.unit_of_work(write=False) as s:
        rows = exhibitors.list_exhibitors(s, sort=sort, descending=True)
    # flags is a rank (0: over quota, 1: shared booth, 2: neither): descending lists it last
    key = {"arrived": lambda r: r.arrived, "arrived_today": lambda r: r.arrived_today,
           "flags": lambda r: 0 if r.over_quota else 1 if r.shared_booth else 2,
           "staff": lambda r: r.staff_count, "pickup": lambda r: r.pickup is not None}[sort]
    values = [key(r) for r in rows]
    assert values == sorted(values, reverse=True) and len(rows) == 6
    if sort == "flags":
        with event_db.unit_of_work(write=False) as s:
            first = exhibitors.list_exhibitors(s, sort="flags")
        assert [r.name_zh for r in first[:3]] == ["寒武纪", "摩尔线程", "壁仞科技"]


def test_staff_list_shows_arrivals_prints_and_collection(event_db: Database,
                                                          fair: dict[str, int]) -> None:
    with event_db.unit_of_work() as s:
        desk_badges.record_print(s, person_id=fair["a"], desk="1", operator="o",
                                 layout="default")
        desk_badges.mark_pack_collected(s, exhibitor_id=fair["over"], desk="1", operator="o",
                                        collected_by="甲")
    with event_db.unit_of_work(write=False) as s:
        staff = {m.person.id: m for m in exhibitor_staff(s, exhibitor_id=fair["over"])}
    assert set(staff) == {fair["a"], fair["b"], fair["c"], fair["cancelled"]}
    a, b, c = staff[fair["a"]], staff[fair["b"]], staff[fair["c"]]
    assert (a.arrived_today, b.arrived_today, c.arrived_today) == (True, False, False)
    assert a.first_arrival is not None and b.first_arrival is not None and c.first_arrival is None
    assert (a.print_count, b.print_count) == (1, 0)
    assert a.collected_at is not None and b.collected_at is None


def test_pickup_records_collector_name_phone_and_time(event_db: Database,
                                                      fair: dict[str, int]) -> None:
    first = datetime(2026, 5, 1, 2, 0, tzinfo=UTC)
    with event_db.unit_of_work() as s:
        for pid in (fair["a"], fair["b"]):
            desk_badges.record_print(s, person_id=pid, desk="1", operator="o", layout="default")
        handed = desk_badges.mark_pack_collected(
            s, exhibitor_id=fair["over"], desk="东门", operator="op1", collected_by=" 王  芳 ",
            collector_phone="+86 139 1234 5678", now=first)
        assert handed == 2
        desk_badges.record_print(s, person_id=fair["c"], desk="1", operator="o",
                                 layout="default")
        desk_badges.mark_pack_collected(s, exhibitor_id=fair["over"], desk="2", operator="op2",
                                        collected_by="李雷", now=first + timedelta(hours=3))
    with event_db.unit_of_work(write=False) as s:
        row = exhibitors.get_exhibitor(s, exhibitor_id=fair["over"], figures=True)
        stored = s.execute(select(BadgeCollection.collected_by, BadgeCollection.collector_phone)
                           .where(BadgeCollection.person_id == fair["a"])).one()
        state = desk_badges.pickup_state(s, exhibitor_id=fair["over"])
    assert tuple(stored) == ("王 芳", "13912345678")
    assert row.pickup is not None and state.exhibitor.pickup == row.pickup
    assert (row.pickup.collected_by, row.pickup.phone, row.pickup.badges, row.pickup.desk) \
        == ("李雷", "", 1, "2")
    assert row.pickup.at == first + timedelta(hours=3)
    assert row.masked().pickup == row.pickup  # nothing to mask in an empty phone
    with event_db.unit_of_work(write=False) as s:
        pickups = {r.id: r.pickup for r in exhibitors.list_exhibitors(s, figures=True)}
    assert pickups[fair["over"]] == row.pickup and pickups[fair["shared1"]] is None


def test_pickup_needs_a_name_and_a_valid_phone(event_db: Database, fair: dict[str, int]) -> None:
    with event_db.unit_of_work() as s:
        desk_badges.record_print(s, person_id=fair["a"], desk="1", operator="o",
                                 layout="default")
    for name, phone, fields in (("", "", {"collected_by"}), ("王芳", "12ab", {"collector_phone"}),
                                ("x" * 101, "", {"collected_by"})):
        with pytest.raises(ValidationFailed) as caught, event_db.unit_of_work() as s:
            desk_badges.mark_pack_collected(s, exhibitor_id=fair["over"], desk="1",
                                            operator="o", collected_by=name,
                                            collector_phone=phone)
        assert set(caught.value.fields) == fields
    with event_db.unit_of_work(write=False) as s:
        assert s.scalar(select(BadgeCollection.person_id)) is None  # nothing recorded


def test_masked_row_masks_the_collector_phone(event_db: Database, fair: dict[str, int]) -> None:
    with event_db.unit_of_work() as s:
        desk_badges.record_print(s, person_id=fair["a"], desk="1", operator="o",
                                 layout="default")
        desk_badges.mark_pack_collected(s, exhibitor_id=fair["over"], desk="1", operator="o",
                                        collected_by="王芳", collector_phone="13912345678")
    with event_db.unit_of_work(write=False) as s:
        row = exhibitors.get_exhibitor(s, exhibitor_id=fair["over"], figures=True)
    assert row.pickup is not None and row.pickup.phone == "13912345678"
    masked = row.masked().pickup
    assert masked is not None and masked.phone == "139****5678"


def test_one_exhibitor_has_the_figures_of_the_list(event_db: Database,
                                                    fair: dict[str, int]) -> None:
    """get_exhibitor counts one company through its own rows (the desk's pick-up), the list
    through whole-event subqueries: the same figures either way."""
    with event_db.unit_of_work() as s:
        desk_badges.record_print(s, person_id=fair["e"], desk="1", operator="o",
                                 layout="default")
        desk_badges.mark_pack_collected(s, exhibitor_id=fair["shared1"], desk="1", operator="o",
                                        collected_by="李雷")
    with event_db.unit_of_work(write=False) as s:
        listed = exhibitors.list_exhibitors(s, figures=True)
        assert listed == [exhibitors.get_exhibitor(s, exhibitor_id=r.id, figures=True)
                          for r in listed]

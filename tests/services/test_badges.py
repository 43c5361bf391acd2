"""Batch badge selection, order, BadgeData and the print log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from eventdesk.domain import BadgePrint, Category, Person
from eventdesk.domain.sorting import blank_last, text_key
from eventdesk.services import exhibitors
from eventdesk.services.badges import batch as badges
from eventdesk.services.badges.desk import revoke_badge
from eventdesk.storage import Database
from tests.services.people_cases import add


def _exhibitor(db: Database, name: str, short: str, hall: str, booth: str) -> int:
    with db.unit_of_work() as s:
        return exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh=name, short_name=short, hall=hall, booth=booth), operator="t").id


def _people(db: Database) -> dict[str, int]:
    ex_a = _exhibitor(db, "昆山阿丘智能科技有限公司", "阿丘科技", "A1", "A1-101")
    ex_b = _exhibitor(db, "北京寒武纪科技有限公司", "寒武纪", "B2", "B2-005")
    ids = {
        "李齐": add(db, "李齐", category="exhibitor", exhibitor_id=ex_a,
                    company="昆山阿丘智能科技有限公司"),
        "张伟": add(db, "张伟", category="exhibitor", exhibitor_id=ex_b,
                    company="北京寒武纪科技有限公司"),
        "王芳": add(db, "王芳", category="visitor", company="苏州大学"),
        "Alice Wong": add(db, "Alice Wong", category="speaker", company="Foxconn"),
        "陈取消": add(db, "陈取消", category="visitor", status="cancelled"),
    }
    return ids


def test_filters_sorts_and_payloads(event_db: Database) -> None:
    ids = _people(event_db)
    with event_db.unit_of_work(write=False) as s:
        every = badges.select_badges(s)
        assert "陈取消" not in [r.name for r in every]
        # By company in pinyin order (domain.sorting), people without one last.
        assert [r.company for r in every] == sorted((r.company for r in every),
                                                    key=lambda c: blank_last(text_key(c)))
        by_booth = [r.name for r in badges.select_badges(s, sort="booth")]
        assert by_booth[:2] == ["李齐", "张伟"]
        assert [r.name for r in badges.select_badges(s, sort="name")] == [
            "Alice Wong", "李齐", "王芳", "张伟"]
        exhibitors_only = badges.BadgeFilter(category=Category.EXHIBITOR)
        assert len(badges.select_badges(s, criteria=exhibitors_only)) == 2
        assert [r.name for r in badges.select_badges(
            s, criteria=badges.BadgeFilter(hall="B2"))] == ["张伟"]
        assert [r.name for r in badges.select_badges(
            s, criteria=badges.BadgeFilter(company="阿丘"))] == ["李齐"]
        assert [r.name for r in badges.select_badges(
            s, criteria=badges.BadgeFilter(company="FOXCONN"))] == ["Alice Wong"]
        row = next(r for r in every if r.person_id == ids["李齐"])
        assert (row.hall, row.booth, row.company_short) == ("A1", "A1-101", "阿丘科技")
        assert row.qr_payload.startswith(f"ED2.TEST.{row.badge_code}.")
        data = badges.badge_data(s, rows=[row])[0]
        assert data.category_label == "展商 EXHIBITOR"
        assert data.event_name == "测试大会"
        assert data.person_id == ids["李齐"]


def test_record_prints_not_printed_and_changed(event_db: Database) -> None:
    ids = _people(event_db)
    not_printed = badges.BadgeFilter(not_printed=True)
    changed = badges.BadgeFilter(changed_since_print=True)
    with event_db.unit_of_work() as s:
        assert len(badges.select_badges(s, criteria=not_printed)) == 4
        codes = {r.person_id: r.badge_code for r in badges.select_badges(s)}
        log = badges.record_prints(s, printed=[(ids["李齐"], codes[ids["李齐"]]),
                                               (ids["王芳"], codes[ids["王芳"]])],
                                   desk="d", operator="op", layout="default")
        assert (log.recorded, log.reissued) == (2, ())
    with event_db.unit_of_work() as s:
        assert {r.name for r in badges.select_badges(s, criteria=not_printed)} == {
            "张伟", "Alice Wong"}
        assert badges.select_badges(s, criteria=changed) == []
        printed = s.scalars(select(BadgePrint).where(BadgePrint.person_id == ids["李齐"])).one()
        assert (printed.desk, printed.operator, printed.layout) == ("d", "op", "default")
        # An edit after the print makes the badge out of date.
        later = datetime.now(UTC) + timedelta(seconds=5)
        s.execute(update(Person).where(Person.id == ids["王芳"]).values(updated_at=later))
    with event_db.unit_of_work() as s:
        assert [r.name for r in badges.select_badges(s, criteria=changed)] == ["王芳"]
        # A lost-badge reprint gives a new code, which counts as not printed.
        revoke_badge(s, person_id=ids["李齐"], reason="lost", desk="d", operator="op")
    with event_db.unit_of_work(write=False) as s:
        assert "李齐" in {r.name for r in badges.select_badges(s, criteria=not_printed)}

"""Service tests shared by the SQLite layer (tests/services) and PostgreSQL (tests/pg)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventdesk.domain import Category
from eventdesk.domain.errors import ValidationFailed
from eventdesk.services import exhibitors, people
from eventdesk.services.people import PersonInput
from eventdesk.services.search import query as search
from eventdesk.storage import Database


def add(db: Database, name: str, **kw: object) -> int:
    with db.unit_of_work() as s:
        return people.create_person(s, data=PersonInput(name=name, **kw), operator="t").id  # type: ignore[arg-type]


def case_create_validate_and_update(db: Database) -> None:
    pid = add(db, " 张伟 ", company="昆山智造科技有限公司", phone="+86 138 1234 5678",
              email="ZW@Example.com", category="speaker")
    with db.unit_of_work(write=False) as s:
        row = people.get_person(s, person_id=pid)
    assert (row.name, row.phone, row.email, row.category) == (
        "张伟", "13812345678", "zw@example.com", Category.SPEAKER)
    assert row.qr_payload.startswith("ED1.TEST.")
    with pytest.raises(ValidationFailed) as info, db.unit_of_work() as s:
        people.update_person(s, person_id=pid, operator="t",
                             data=PersonInput(name="", phone="123", email="x"))
    assert set(info.value.fields) == {"name", "phone", "email"}
    with db.unit_of_work() as s:
        people.update_person(s, person_id=pid, operator="t",
                             data=replace(people.as_input(row), title="总经理"))
    with db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=pid).title == "总经理"


def case_search_ranks_and_matches_forms(db: Database) -> None:
    add(db, "张伟", company="中科可控信息产业有限公司", phone="13800005678")
    add(db, "张伟明", company="阿丘科技")
    add(db, "曾小贤", company="昆山光电")
    add(db, "Alice Wong", company="Foxconn")
    with db.unit_of_work(write=False) as s:
        def names(q: str) -> list[str]:
            return [r.name for r in search.search_people(s, query=q)]

        assert names("张伟")[0] == "张伟"
        assert names("zw")[:2] == ["张伟", "张伟明"]
        assert names("zhang wei")[0] == "张伟"
        assert names("張偉") [0] == "张伟"
        assert names("5678") == ["张伟"]
        assert names("cengxiaoxian") == ["曾小贤"]
        assert names("alice") == ["Alice Wong"]
        assert names("阿丘") == ["张伟明"]
        assert names("zw 阿丘") == ["张伟明"]
        assert names("nobody") == []


def case_exhibitor_staff_count(db: Database) -> None:
    with db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="昆山阿丘智能科技有限公司", short_name="阿丘科技", hall="A1", booth="a1-101",
            staff_quota=3), operator="t")
    add(db, "李齐", exhibitor_id=ex.id, company=ex.name_zh, category="exhibitor")
    with db.unit_of_work(write=False) as s:
        rows = exhibitors.list_exhibitors(s, query="阿丘")
        assert [(r.booth, r.staff_count) for r in rows] == [("A1-101", 1)]
        assert [r.name for r in search.search_people(s, query="阿丘科技")] == ["李齐"]


def case_short_name_change_reindexes_staff(db: Database) -> None:
    with db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="苏州脉塔智能科技有限公司", short_name="脉塔"), operator="t")
    add(db, "李齐", exhibitor_id=ex.id, company=ex.name_zh, category="exhibitor")
    with db.unit_of_work() as s:
        new = exhibitors.as_input(ex).__class__(**{**exhibitors.as_input(ex).__dict__,
                                                  "short_name": "MetaBot"})
        exhibitors.update_exhibitor(s, exhibitor_id=ex.id, data=new, operator="t")
    with db.unit_of_work(write=False) as s:
        assert [r.name for r in search.search_people(s, query="metabot")] == ["李齐"]

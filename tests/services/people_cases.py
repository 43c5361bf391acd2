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
    assert row.qr_payload.startswith("ED2.TEST.")
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


def case_two_desks_edit_one_person(db: Database) -> None:
    """Desk A and desk B open 张伟's form; A saves a new phone; B, whose form still shows the
    old phone, saves a new e-mail: both changes are kept. B then changes the phone A changed:
    refused, nothing written, B is told the phone now, who changed it and where."""
    from eventdesk.domain.errors import DomainError
    from eventdesk.messages import describe
    from eventdesk.services.edits import EditConflict

    pid = add(db, "张伟", company="阿丘科技", phone="13812345678", email="zw@example.cn")
    with db.unit_of_work(write=False) as s:
        opened = people.get_person(s, person_id=pid)  # both desks' forms show this
    with db.unit_of_work() as s:  # desk A
        people.update_person(s, person_id=pid, operator="wang", desk="A 台", base=opened,
                             data=replace(people.as_input(opened), phone="13900001111"))
    with db.unit_of_work() as s:  # desk B, form opened before A saved
        saved = people.update_person(s, person_id=pid, operator="li", desk="B 台", base=opened,
                                     data=replace(people.as_input(opened), email="new@ex.cn"))
    assert (saved.phone, saved.email) == ("13900001111", "new@ex.cn")

    with pytest.raises(EditConflict) as info, db.unit_of_work() as s:
        people.update_person(s, person_id=pid, operator="li", desk="B 台", base=opened,
                             data=replace(people.as_input(opened), phone="13700002222",
                                          title="经理"))
    conflict = info.value
    assert isinstance(conflict, DomainError) and conflict.exit_code == 3
    assert [(c.field, c.value, c.operator, c.desk) for c in conflict.changed] == [
        ("phone", "13900001111", "wang", "A 台")]
    assert describe(conflict).startswith("张伟：电话在你打开之后已被“A 台”的 wang（")
    assert "改为“13900001111”" in describe(conflict)
    assert conflict.current.phone == "13900001111"  # type: ignore[attr-defined]
    with db.unit_of_work(write=False) as s:
        now = people.get_person(s, person_id=pid)
    assert (now.phone, now.email, now.title) == ("13900001111", "new@ex.cn", "")
    # Told, B saves again from the person as it is now: B's phone wins, knowingly.
    with db.unit_of_work() as s:
        again = people.update_person(s, person_id=pid, operator="li", desk="B 台", base=now,
                                     data=replace(people.as_input(now), phone="13700002222"))
    assert (again.phone, again.email) == ("13700002222", "new@ex.cn")


def case_two_desks_edit_one_exhibitor(db: Database) -> None:
    from eventdesk.services.edits import EditConflict

    with db.unit_of_work() as s:
        opened = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="苏州脉塔智能科技有限公司", booth="A1-101", contact_phone="0512-57001234"),
            operator="t")
    with db.unit_of_work() as s:
        exhibitors.update_exhibitor(s, exhibitor_id=opened.id, operator="wang", desk="A 台",
                                    base=opened, data=replace(exhibitors.as_input(opened),
                                                              booth="B2-202"))
    with db.unit_of_work() as s:
        both = exhibitors.update_exhibitor(
            s, exhibitor_id=opened.id, operator="li", desk="B 台", base=opened,
            data=replace(exhibitors.as_input(opened), staff_quota=12))
    assert (both.booth, both.staff_quota) == ("B2-202", 12)
    with pytest.raises(EditConflict) as info, db.unit_of_work() as s:
        exhibitors.update_exhibitor(s, exhibitor_id=opened.id, operator="li", desk="B 台",
                                    base=opened, data=replace(exhibitors.as_input(opened),
                                                              booth="C3-303"))
    assert [(c.field, c.value, c.desk) for c in info.value.changed] == [
        ("booth", "B2-202", "A 台")]


def case_two_saves_at_the_same_moment(db: Database) -> None:
    """Two desks save the same field from the same form state at once: one is written, the
    other is told (the person's row is locked while a save compares, so the second compares
    against the first's result rather than against what both read)."""
    import threading

    from eventdesk.services.edits import EditConflict

    pid = add(db, "李娜", phone="13812345678")
    with db.unit_of_work(write=False) as s:
        opened = people.get_person(s, person_id=pid)
    first_holds = threading.Event()
    second_started = threading.Event()
    outcomes: dict[str, str] = {}

    def save(desk: str, phone: str) -> None:
        try:
            with db.unit_of_work() as s:
                if desk == "B":
                    second_started.set()
                people.update_person(s, person_id=pid, operator=desk, desk=desk, base=opened,
                                     data=replace(people.as_input(opened), phone=phone))
                if desk == "A":
                    first_holds.set()
                    second_started.wait(5)
                    threading.Event().wait(0.3)  # B is now waiting for A's transaction
            outcomes[desk] = "saved"
        except EditConflict:
            outcomes[desk] = "told"

    a = threading.Thread(target=save, args=("A", "13900001111"))
    a.start()
    first_holds.wait(5)
    b = threading.Thread(target=save, args=("B", "13700002222"))
    b.start()
    a.join(10)
    b.join(10)
    assert outcomes == {"A": "saved", "B": "told"}
    with db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=pid).phone == "13900001111"

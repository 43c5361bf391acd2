"""Lists and exports in pinyin order (拼音排序), ordered by the database on both backends:
the sort keys (domain.sorting) are kept on every write and compared by code point."""

from __future__ import annotations

import csv
from pathlib import Path

from alembic import command
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from eventdesk.domain import ChangeLogEntry, Exhibitor, Person
from eventdesk.domain.names import sort_pinyin
from eventdesk.domain.sorting import name_key, text_key
from eventdesk.services import exports
from eventdesk.services.badges.batch import companies
from eventdesk.services.exhibitors import (
    ExhibitorInput,
    create_exhibitor,
    exhibitor_choices,
    list_exhibitors,
    update_exhibitor,
)
from eventdesk.services.imports import import_file
from eventdesk.services.people import (
    PersonInput,
    create_person,
    list_people,
    person_ids,
    update_person,
)
from eventdesk.storage import Database, _alembic_config

# Surnames read apart from their ordinary reading, Latin names among them, homophones.
NAMES = ["曾伟", "张伟", "Zhang Wei", "章伟", "阿里", "Alice", "单田芳", "仇英", "区志",
         "陈明", "Bob", "白云", "解缙"]
# By pinyin: a li, alice, bai yun, bob, chen ming, ou zhi, qiu ying, shan tian fang, xie jin,
# zeng wei, zhang wei (Latin first, then 张 before 章 by the characters).
NAME_ORDER = ["阿里", "Alice", "白云", "Bob", "陈明", "区志", "仇英", "单田芳", "解缙", "曾伟",
              "Zhang Wei", "张伟", "章伟"]
COMPANIES = ["珠海格力", "重庆长安", "", "Apple", "北京字节", "曾氏集团"]
# 曾氏 is a company: ceng shi, before chong qing; blank companies last.
COMPANY_ORDER = ["Apple", "北京字节", "曾氏集团", "重庆长安", "珠海格力", ""]


def add_people(db: Database) -> dict[str, int]:
    with db.unit_of_work() as s:
        return {name: create_person(s, data=PersonInput(
            name=name, company=COMPANIES[i % len(COMPANIES)]), operator="t").id
            for i, name in enumerate(NAMES)}


def names_of(db: Database, ids: list[int]) -> list[str]:
    with db.unit_of_work(write=False) as s:
        by_id = dict(s.execute(select(Person.id, Person.name)).all())
    return [by_id[i] for i in ids]


def test_people_list_by_name_in_pinyin_order(event_db: Database) -> None:
    add_people(event_db)
    with event_db.unit_of_work(write=False) as s:
        assert [r.name for r in list_people(s, sort="name", limit=None)] == NAME_ORDER
        assert [r.name for r in list_people(s, sort="name", descending=True,
                                            limit=None)] == NAME_ORDER[::-1]
        # Pages come from the database in the same order.
        assert [r.name for r in list_people(s, sort="name", limit=4, offset=4)] == NAME_ORDER[4:8]
        ids = person_ids(s, sort="name")
    assert names_of(event_db, ids) == NAME_ORDER


def test_people_by_company_in_pinyin_order_blank_last(event_db: Database) -> None:
    add_people(event_db)
    with event_db.unit_of_work(write=False) as s:
        rows = list_people(s, sort="company", limit=None)
        ids = person_ids(s, sort="company")
        completions = companies(s)
    order = list(dict.fromkeys(r.company for r in rows))
    assert order == COMPANY_ORDER
    assert [r.id for r in rows] == ids
    # Within a company, by name.
    cheng = [r.name for r in rows if r.company == "重庆长安"]
    assert cheng == sorted(cheng, key=name_key)
    assert completions == [c for c in COMPANY_ORDER if c]


def test_cities_chongqing_before_zhuhai(event_db: Database) -> None:
    with event_db.unit_of_work() as s:
        for city in ("珠海", "重庆", "北京"):
            create_person(s, data=PersonInput(name=city + "人", company=city), operator="t")
            create_exhibitor(s, data=ExhibitorInput(name_zh=city + "展商"), operator="t")
        people = [r.company for r in list_people(s, sort="company", limit=None)]
        exhibitors = [r.name_zh for r in list_exhibitors(s, sort="name")]
        choices = [name for _i, name, _b in exhibitor_choices(s)]
    assert people == ["北京", "重庆", "珠海"]
    assert exhibitors == choices == ["北京展商", "重庆展商", "珠海展商"]


def test_keys_follow_every_write(event_db: Database, tmp_path: Path) -> None:
    ids = add_people(event_db)
    with event_db.unit_of_work() as s:
        update_person(s, person_id=ids["张伟"], operator="t",
                      data=PersonInput(name="曾国藩", company="湘军"))
        ex = create_exhibitor(s, data=ExhibitorInput(name_zh="珠海展商"), operator="t")
        update_exhibitor(s, exhibitor_id=ex.id, operator="t",
                         data=ExhibitorInput(name_zh="重庆展商"))
    path = tmp_path / "p.csv"
    path.write_text("姓名,单位,手机号码\n单雄信,重庆长安,13900000001\nAnna,,13900000002\n",
                    encoding="utf-8")
    ex_path = tmp_path / "e.csv"
    ex_path.write_text("名称,简称\n区氏贸易,区氏\n", encoding="utf-8")
    with event_db.unit_of_work() as s:
        assert not import_file(s, path=path, kind="people").rejected
        assert not import_file(s, path=ex_path, kind="exhibitors").rejected
    with event_db.unit_of_work(write=False) as s:
        people = s.execute(select(Person.name, Person.company, Person.name_pinyin,
                                  Person.company_pinyin)).all()
        exhibitors = s.execute(select(Exhibitor.name_zh, Exhibitor.name_pinyin)).all()
    assert len(people) == len(NAMES) + 2
    for name, company, name_pinyin, company_pinyin in people:
        assert (name_pinyin, company_pinyin) == (name_key(name), text_key(company)), name
    assert {name: key.split("\x1f")[0] for name, key in exhibitors} == {
        "重庆展商": "chong qing zhan shang", "区氏贸易": "qu shi mao yi"}
    assert name_key("单雄信").startswith("shan xiong xin\x1f")


def test_exports_in_pinyin_order(event_db: Database, tmp_path: Path) -> None:
    add_people(event_db)
    with event_db.unit_of_work() as s:
        for name, booth in (("珠海展商", "A1"), ("重庆展商", "A1"), ("北京展商", "A2")):
            create_exhibitor(s, data=ExhibitorInput(name_zh=name, hall="A", booth=booth),
                             operator="t")
        exports.export(s, kind="people", path=tmp_path / "p.csv")
        exports.export(s, kind="people", path=tmp_path / "p.xlsx")
        exports.export(s, kind="exhibitors", path=tmp_path / "e.csv")
    with open(tmp_path / "p.csv", encoding="utf-8-sig", newline="") as fh:
        assert [row[0] for row in csv.reader(fh)][1:] == NAME_ORDER
    sheet = load_workbook(tmp_path / "p.xlsx", read_only=True).active
    assert sheet is not None
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == NAME_ORDER
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as fh:
        # By hall and booth; two exhibitors at one booth by pinyin.
        assert [row[0] for row in csv.reader(fh)][1:] == ["重庆展商", "珠海展商", "北京展商"]


def test_migration_fills_keys_and_leaves_the_feed(event_db: Database) -> None:
    """0013 down to the toneless key and back: every row's keys, the change feed untouched,
    and on PostgreSQL the columns compare by code point ("C") whatever the database's locale."""
    add_people(event_db)
    with event_db.unit_of_work() as s:
        create_exhibitor(s, data=ExhibitorInput(name_zh="重庆展商"), operator="t")
    with event_db.engine.connect() as conn:
        feed = conn.scalar(select(func.count(ChangeLogEntry.id)))
    try:
        with event_db.engine.begin() as conn:
            command.downgrade(_alembic_config(conn), "0011_live_updates")
        with event_db.engine.connect() as conn:
            old = dict(conn.execute(text("SELECT name, name_pinyin FROM person")).all())
            assert old == {n: sort_pinyin(n) for n in NAMES}
    finally:
        with event_db.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")
    with event_db.unit_of_work(write=False) as s:
        rows = s.execute(select(Person.name, Person.company, Person.name_pinyin,
                                Person.company_pinyin)).all()
        assert {r[0]: (r[2], r[3]) for r in rows} == {
            r[0]: (name_key(r[0]), text_key(r[1])) for r in rows}
        assert s.scalar(select(Exhibitor.name_pinyin)) == text_key("重庆展商")
        assert s.scalar(select(func.count(ChangeLogEntry.id))) == feed
        assert [r.name for r in list_people(s, sort="name", limit=None)] == NAME_ORDER
        if s.get_bind().dialect.name == "postgresql":
            collations = dict(s.execute(text(
                "SELECT table_name || '.' || column_name, collation_name "
                "FROM information_schema.columns WHERE column_name LIKE '%pinyin'")).all())
            assert collations == {"person.name_pinyin": "C", "person.company_pinyin": "C",
                                  "exhibitor.name_pinyin": "C"}

"""Accent-insensitive search (issue 11, kind 10): foreign guests' names are typed on Chinese
keyboards without accents, so every Latin letter with an accent, stroke or ligature is found by
its plain spelling, in the desk search, the people list and the exhibitor list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select, text, update

from eventdesk.domain import Exhibitor, Person
from eventdesk.paths import migrations_dir
from eventdesk.services import exhibitors, people
from eventdesk.services.events import create_event
from eventdesk.services.search import index as search_index
from eventdesk.services.search import query as search
from eventdesk.storage import Database, _alembic_config, open_database, to_url
from tests.services.people_cases import add

NAMES = ["María Díaz", "Jérôme Dupont", "Zoë Saldaña", "Anders Ångström", "Jürgen Groß",
         "Øystein Ørsted", "Æsa Berg", "Łukasz Wałęsa", "Đorđe Balašević", "Nguyễn Văn An",
         "Jose\u0301 Pe\u0301rez",  # typed or pasted in decomposed form: e + combining acute
         "Ignacio Ibáñez", "Þóra Ólafsdóttir", "Kırmızı Yılmaz"]


@pytest.fixture
def guests(event_db: Database) -> Database:
    for name in NAMES:
        add(event_db, name, company="Foreign Guests Ltd")
    add(event_db, "Maria Diaz", company="Plain Spelling SA")  # stored without accents
    add(event_db, "张伟", company="中科可控")
    return event_db


def found(db: Database, query: str) -> list[str]:
    with db.unit_of_work(write=False) as s:
        return [r.name for r in search.search_people(s, query=query)]


@pytest.mark.parametrize(("query", "name"), [
    ("diaz", "María Díaz"), ("maria diaz", "María Díaz"), ("jerome", "Jérôme Dupont"),
    ("zoe", "Zoë Saldaña"), ("saldana", "Zoë Saldaña"), ("angstrom", "Anders Ångström"),
    ("gross", "Jürgen Groß"), ("jurgen", "Jürgen Groß"), ("juergen", "Jürgen Groß"),
    ("oystein", "Øystein Ørsted"), ("orsted", "Øystein Ørsted"), ("aesa", "Æsa Berg"),
    ("lukasz", "Łukasz Wałęsa"), ("walesa", "Łukasz Wałęsa"), ("dorde", "Đorđe Balašević"),
    ("balasevic", "Đorđe Balašević"), ("nguyen van", "Nguyễn Văn An"),
    ("jose perez", "Jose\u0301 Pe\u0301rez"), ("ibanez", "Ignacio Ibáñez"),
    ("thora", "Þóra Ólafsdóttir"), ("olafsdottir", "Þóra Ólafsdóttir"),
    ("yilmaz", "Kırmızı Yılmaz"),
    # typed with accents, or as the name was stored: the same people
    ("Díaz", "María Díaz"), ("JÉRÔME", "Jérôme Dupont"), ("Groß", "Jürgen Groß"),
    ("gröss", "Jürgen Groß"),
])
def test_plain_spelling_finds_the_accented_name(guests: Database, query: str, name: str) -> None:
    assert name in found(guests, query)


def test_accented_query_finds_a_name_stored_without_accents(guests: Database) -> None:
    assert set(found(guests, "maría díaz")) == {"María Díaz", "Maria Diaz"}
    assert set(found(guests, "diaz")) == {"María Díaz", "Maria Diaz"}
    assert found(guests, "zhangwei") == ["张伟"]  # Han names are untouched: no "Zhang" from 张


def test_people_list_filter_finds_accented_names(guests: Database) -> None:
    with guests.unit_of_work(write=False) as s:
        ids = people.person_ids(s, query="angstrom", sort=None)
        assert [people.get_person(s, person_id=i).name for i in ids] == ["Anders Ångström"]


def test_rows_stored_before_accent_free_forms_are_found(guests: Database) -> None:
    # A database written by an older EventDesk: search_text holds only the accented forms.
    with guests.unit_of_work() as s:
        s.execute(update(Person).where(Person.name == "María Díaz")
                  .values(search_text="maríadíaz|maría díaz|foreignguestsltd"))
    search_index.desk_index(guests).invalidate()
    assert "María Díaz" in found(guests, "diaz")


def test_exhibitor_list_finds_accented_company(event_db: Database) -> None:
    with event_db.unit_of_work() as s:
        exhibitors.create_exhibitor(s, operator="t", data=exhibitors.ExhibitorInput(
            name_zh="法国兴业银行", name_en="Société Générale", booth="B2-001"))
        exhibitors.create_exhibitor(s, operator="t", data=exhibitors.ExhibitorInput(
            name_zh="昆山光电", booth="B2-002"))
    with event_db.unit_of_work(write=False) as s:
        assert [e.name_en for e in exhibitors.list_exhibitors(s, query="societe generale")] == [
            "Société Générale"]
        assert exhibitors.count_exhibitors(s, query="Générale") == 1


def test_migration_adds_accent_free_forms_to_existing_exhibitors(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(to_url(path), create=True)
    with db.unit_of_work() as s:
        create_event(s, code="OLD", name_zh="旧展会", start_date=date(2025, 6, 1),
                     end_date=date(2025, 6, 2))
        exhibitors.create_exhibitor(s, operator="t", data=exhibitors.ExhibitorInput(
            name_zh="法国兴业银行", name_en="Société Générale", booth="B2-001"))
    before = ScriptDirectory(str(migrations_dir())).get_revision(
        "0005_accent_free_search").down_revision
    with db.engine.begin() as conn:  # as the revision before left it: accented forms only
        # (down through the later revisions first, so that upgrading runs them again)
        command.downgrade(_alembic_config(conn), before)
        conn.execute(update(Exhibitor).values(search_text="法国兴业银行|fgxyyx|sociétégénérale"))
    db.dispose()
    db = open_database(to_url(path))
    try:
        with db.unit_of_work(write=False) as s:
            assert s.scalar(text("SELECT search_text FROM exhibitor")) == (
                "法国兴业银行|fgxyyx|sociétégénérale|societegenerale")
            assert exhibitors.count_exhibitors(s, query="societe") == 1
    finally:
        db.dispose()


def test_snapshot_of_the_earlier_forms_is_not_used(guests: Database,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A desk's snapshot on disk made by an EventDesk whose forms had no accent-free spellings
    # (snapshot format 1), at the database's current version: the next start must not load it.
    from eventdesk.services.search import snapshot
    from eventdesk.services.search.base import BaseIndex
    from eventdesk.services.search.forms import SEP, Entry

    index = search_index.desk_index(guests)
    index.warm_up()
    with guests.unit_of_work(write=False) as s:
        # what the desk saved its snapshot under
        identity, version = index._identity(s), search_index._version(s)
        pid = s.scalar(select(Person.id).where(Person.name == "María Díaz"))
    assert pid is not None
    old = BaseIndex.of_entries([Entry(id=pid, key=("maría díaz", pid), phone="",
                                      text=f"{SEP}maríadíaz{SEP}maría díaz{SEP}")])
    old.complete()
    old.fill_grams()
    monkeypatch.setattr(snapshot, "FORMAT", 1)
    snapshot.save(identity, version, old)
    monkeypatch.undo()
    index.invalidate()
    assert "María Díaz" in found(guests, "diaz")

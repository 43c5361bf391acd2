"""The reference demo event (services.demo), built small on SQLite."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from eventdesk.demo import build as demo
from eventdesk.demo import data as demo_data
from eventdesk.domain import Category, Exhibitor, Person, PersonStatus
from eventdesk.domain.contact import normalise_email, normalise_phone
from eventdesk.domain.names import split_query
from eventdesk.services.people import refresh_search_fields
from eventdesk.services.search import query as search
from eventdesk.storage import Database, open_database, to_url
from tests.services import demo_cases as cases

RARE = ("䶮", "堃", "昇", "赟", "𠮷")


@pytest.fixture
def other_db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "other.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_database(to_url(path))
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def larger(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A tenth of the reference event, built once for the tests that need a real sample."""
    path = tmp_path_factory.mktemp("demo") / "larger.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_database(to_url(path))
    with database.unit_of_work() as s:
        demo.build_demo(s, exhibitors=250, people=3000, seed=7)
    yield database
    database.dispose()


def test_small_build(db: Database) -> None:
    cases.case_small_build(db)


def test_agenda_items_within_the_three_days(db: Database) -> None:
    cases.case_agenda_within_days(db, date(2025, 5, 20))


def test_second_build_refused_then_replaced(db: Database) -> None:
    cases.case_second_build_refused_then_replaced(db)


def test_days_start_today_in_shanghai(db: Database) -> None:
    cases.case_today_is_shanghai_date(db)


def test_same_seed_same_event_other_seed_other_event(db: Database, other_db: Database,
                                                     tmp_path: Path, template_db: Path) -> None:
    cases.build(db, seed=3, today=date(2025, 5, 20))
    cases.build(other_db, seed=3, today=date(2025, 5, 20))
    first = cases.fingerprint(db)
    assert first == cases.fingerprint(other_db)
    assert first["speakers"]  # the programme's cast repeats too, not only the people
    third_path = tmp_path / "third.sqlite3"
    shutil.copyfile(template_db, third_path)
    third = open_database(to_url(third_path))
    try:
        cases.build(third, seed=4, today=date(2025, 5, 20))
        other = cases.fingerprint(third)
    finally:
        third.dispose()
    names = [p[0] for p in first["people"]]
    assert [p[0] for p in other["people"]] != names
    assert {p[1] for p in other["people"]}.isdisjoint({p[1] for p in first["people"]})


def test_progress_reports_each_stage(db: Database) -> None:
    seen: list[tuple[str, int, int]] = []
    with db.unit_of_work() as s:
        demo.build_demo(s, exhibitors=20, people=1200, progress=lambda *a: seen.append(a))
    stages = [stage for stage, _, _ in seen]
    assert stages[0] == "exhibitors" and stages[-1] == "agenda"
    people = [(done, total) for stage, done, total in seen if stage == "people"]
    assert len(people) >= 2 and people[-1] == (1200, 1200)
    assert all(done <= total for done, total in people)
    assert [d for d, _ in people] == sorted(d for d, _ in people)


def test_without_exhibitors_their_staff_come_as_visitors(db: Database) -> None:
    summary = cases.build(db, exhibitors=0, people=200)
    assert summary.by_category["exhibitor"] == 0 and summary.people == 200
    assert cases.count(db, Exhibitor) == 0


def test_negative_sizes_are_refused(db: Database) -> None:
    with pytest.raises(ValueError):
        cases.build(db, people=-1)


def _all(db: Database, model: type) -> list:  # type: ignore[type-arg]
    """Rows detached but loaded: a read-only unit of work rolls back, which expires them."""
    with db.unit_of_work(write=False) as s:
        rows = list(s.scalars(select(model).order_by(model.id)))  # type: ignore[attr-defined]
        s.expunge_all()
    return rows


def test_rare_and_varied_names_in_a_larger_sample(larger: Database) -> None:
    people = _all(larger, Person)
    names = [p.name for p in people]
    for ch in RARE:
        assert any(ch in n for n in names), ch
    showcase = set(demo_data.SHOWCASE_NAMES)
    drawn = [n for n in names if n not in showcase]
    # Beyond the showcase, the generator itself draws rare characters and dotted names.
    assert sum(any(ch in n for ch in demo_data.RARE_GIVEN + demo_data.RARE_SURNAMES)
               for n in drawn) >= 5
    assert sum("·" in n for n in drawn) >= 2
    for surname in ("曾", "单", "解"):
        assert sum(n.startswith(surname) for n in drawn) >= 1, surname
    english = [p for p in people if p.name.isascii()]
    assert 10 <= len(english) <= 100 and all(p.name_en == p.name for p in english)
    assert sum(bool(p.name_en) for p in people if not p.name.isascii()) >= 30
    assert Counter(names).most_common(1)[0][1] < 30  # common names repeat, but not absurdly
    surnames = Counter(n[0] for n in drawn if not n.isascii())
    assert {"王", "李", "张"} <= {s for s, _ in surnames.most_common(6)}


def test_contacts_are_valid_and_mostly_unique(larger: Database) -> None:
    people = _all(larger, Person)
    exhibitors = _all(larger, Exhibitor)
    phones = [p.phone for p in people if p.phone]
    assert len(phones) > 0.95 * len(people)
    assert all(normalise_phone(ph) == ph for ph in phones)
    assert len(set(phones)) > 0.98 * len(phones)
    assert sum(ph.startswith("1") and len(ph) == 11 for ph in phones) > 0.97 * len(phones)
    emails = [p.email for p in people if p.email]
    assert all(normalise_email(e) == e for e in emails)
    assert len(set(emails)) > 0.97 * len(emails)
    for e in exhibitors:
        assert normalise_phone(e.contact_phone) == e.contact_phone and e.contact_name
        assert e.sector and e.hall in demo_data.HALLS and e.staff_quota > 0
    assert len({e.hall for e in exhibitors}) == 8
    titles = Counter(p.title for p in people if p.category == Category.MEDIA)
    assert "记者" in titles
    refs = [p.external_ref for p in people if p.external_ref]
    assert refs and all(r.startswith("REG-2025-") and len(r) == 15 for r in refs)
    assert len(set(refs)) == len(refs)
    assert {p.category for p in people if p.external_ref} == {Category.VISITOR}
    cancelled = sum(p.status == PersonStatus.CANCELLED for p in people)
    assert cancelled == 30


def test_search_fields_match_what_the_people_service_stores(larger: Database) -> None:
    with larger.unit_of_work(write=False) as s:
        shorts = dict(s.execute(select(Exhibitor.id, Exhibitor.short_name)).all())
        sample = list(s.scalars(select(Person).order_by(Person.id).limit(400)))
        for p in sample:
            stored = (p.name_pinyin, p.company_pinyin, p.search_text)
            refresh_search_fields(p, company_short=shorts.get(p.exhibitor_id or -1, ""))
            assert (p.name_pinyin, p.company_pinyin, p.search_text) == stored, p.name


def test_demo_people_are_found_at_the_desk(larger: Database) -> None:
    with larger.unit_of_work(write=False) as s:
        staff = s.scalars(select(Person).where(Person.category == Category.EXHIBITOR)
                          .order_by(Person.id).limit(1)).one()
        short = s.scalar(select(Exhibitor.short_name).where(Exhibitor.id == staff.exhibitor_id))
        found = search.search_people(s, query=f"{staff.name} {short}", limit=50)
        assert staff.id in {r.id for r in found}
        found = search.search_people(s, query=staff.badge_code, limit=5)
        assert [r.id for r in found][:1] == [staff.id]
        assert split_query(staff.name)

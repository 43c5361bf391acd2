"""The demo event on PostgreSQL: the same checks as on SQLite, and the same content per seed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from eventdesk.storage import Database, open_database, to_url
from tests.services import demo_cases as cases

pytestmark = [pytest.mark.pg, pytest.mark.xdist_group("pg")]


def test_small_build(pg_db: Database) -> None:
    cases.case_small_build(pg_db)


def test_agenda_items_within_the_three_days(pg_db: Database) -> None:
    cases.case_agenda_within_days(pg_db, date(2025, 5, 20))


def test_second_build_refused_then_replaced(pg_db: Database) -> None:
    cases.case_second_build_refused_then_replaced(pg_db)


def test_days_start_today_in_shanghai(pg_db: Database) -> None:
    cases.case_today_is_shanghai_date(pg_db)


def test_same_content_as_on_sqlite(pg_db: Database, template_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "sqlite.sqlite3"
    shutil.copyfile(template_db, path)
    lite = open_database(to_url(path))
    try:
        cases.build(lite, seed=9, today=date(2025, 5, 20))
        expected = cases.fingerprint(lite)
    finally:
        lite.dispose()
    cases.build(pg_db, seed=9, today=date(2025, 5, 20))
    assert cases.fingerprint(pg_db) == expected

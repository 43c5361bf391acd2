"""Shared fixtures: a migrated SQLite template copied per test, and a small event in it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from eventdesk.storage import Database, open_database, to_url  # noqa: E402


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, empty database per test run; tests copy it instead of migrating again."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(to_url(path), create=True)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "event.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(to_url(db_path))
    yield database
    database.dispose()


@pytest.fixture
def event_db(db: Database) -> Database:
    """A database holding an empty event (code TEST) whose days include today."""
    from eventdesk.services.events import create_event

    today = date.today()
    with db.unit_of_work() as session:
        create_event(session, code="TEST", name_zh="测试大会", start_date=today, end_date=today)
    return db

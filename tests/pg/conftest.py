"""A real PostgreSQL database per test run (created and dropped here), so runs never share data.

Skips with a reason when no server answers, except under CI=true where PostgreSQL is part of the
contract and a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from eventdesk.storage import Database, open_database

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _server_url() -> str:
    return os.environ.get("EVENTDESK_TEST_PG_URL", DEFAULT_URL)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    base = make_url(_server_url())
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "no server"
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL must run in CI but {base.render_as_string()} did not answer: {exc}")
        pytest.skip(f"no PostgreSQL server at {base.render_as_string()}: {exc}")
    name = f"eventdesk_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """The run's PostgreSQL database, emptied before each test (schema kept)."""
    db = open_database(pg_url)
    with db.engine.begin() as conn:
        tables = [r[0] for r in conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> 'alembic_version'"))]
        if tables:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    yield db
    db.dispose()


@pytest.fixture
def pg_event_db(pg_db: Database) -> Database:
    from eventdesk.services.events import create_event

    today = date.today()
    with pg_db.unit_of_work() as session:
        create_event(session, code="TEST", name_zh="测试大会", start_date=today, end_date=today)
    return pg_db

"""Shared fixtures: one database fixture for every backend the program supports.

`db` (and `event_db` on top of it) is a real database, emptied for each test:

- on SQLite, a copy of a migrated template file (copying is much faster than migrating);
- on PostgreSQL, a database of this run's own (created once per test process, dropped at its
  end, emptied between tests), so parallel runs, xdist workers and other worktrees never see each
  other's data. The server comes from EVENTDESK_TEST_PG_URL (default: the local server).

The service tests (tests/services) run on both: `pytest_generate_tests` parametrises them with
the backend, and the PostgreSQL variant carries the `pg` marker (`-m "not pg"` leaves it out).
Without a server the PostgreSQL variants skip with the reason; under CI=true they fail instead,
because there PostgreSQL is part of the contract. A test that asks for `db_path` needs a file on
disk and so runs on SQLite only; tests outside tests/services (ui, cli) use SQLite.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# argon2 at its cheapest for the accounts tests create and sign in (services.accounts; tests
# only): thousands of sign-ins at the production cost would take minutes. The production
# defaults are tested on their own (tests/actions/test_accounts.py).
os.environ.setdefault("EVENTDESK_INSECURE_FAST_HASH_FOR_TESTS", "1")
# Search-index snapshots (services.search.snapshot) of test databases stay out of ~/.cache.
os.environ.setdefault("EVENTDESK_CACHE_DIR", tempfile.mkdtemp(prefix="eventdesk-test-cache-"))
# Restore points of server databases (an import or demo --replace on PostgreSQL) stay out of the
# per-user data directory too.
os.environ.setdefault("EVENTDESK_BACKUP_DIR", tempfile.mkdtemp(prefix="eventdesk-test-backups-"))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from eventdesk.storage import Database, open_database, to_url  # noqa: E402
from tests.cups import cups_queue  # noqa: E402, F401 - the CUPS printer fixture, for every layer

PG_URL_VAR = "EVENTDESK_TEST_PG_URL"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SQLITE, PG = "sqlite", "pg"
# The tests that run on every backend: the services are where SQL differs between them.
EVERY_BACKEND = Path(__file__).parent / "services"



@pytest.fixture(autouse=True)
def _chinese_again() -> Iterator[None]:
    """Every test starts in Chinese: a test that showed the window in English (--lang en, the
    language menu, in_language) must not leave its translators to the next test of the worker."""
    yield
    from eventdesk import messages

    i18n = sys.modules.get("eventdesk.ui.i18n")
    if i18n is not None and i18n.installed() not in (None, "zh"):
        i18n.install("zh")
    if messages.language() != "zh":
        messages.set_language("zh")

def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_backend" not in metafunc.fixturenames or "db_path" in metafunc.fixturenames:
        return
    if EVERY_BACKEND not in metafunc.definition.path.parents:
        return
    metafunc.parametrize("db_backend", [SQLITE, pytest.param(PG, marks=pytest.mark.pg)],
                         indirect=True)


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """The backend of this test's `db`: "sqlite" unless parametrised (see pytest_generate_tests)."""
    return str(getattr(request, "param", SQLITE))


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
    """The file of this test's SQLite database (asking for it keeps the test on SQLite)."""
    path = tmp_path / "event.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@dataclass(frozen=True)
class PgRun:
    """This test process's own PostgreSQL database and the SQL that empties it."""

    url: str
    empty_sql: str


def _pg_server_url() -> str:
    return os.environ.get(PG_URL_VAR, DEFAULT_PG_URL)


def _empty_sql(db: Database) -> str:
    """One round trip that deletes every row (children first) and restarts every sequence.

    DELETE in foreign-key order is several times faster than TRUNCATE on tables this small;
    tables the models do not know (none today) are truncated with CASCADE to stay correct.
    """
    from eventdesk.domain import Base

    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            " AND tablename <> 'alembic_version'"))}
        sequences = [r[0] for r in conn.execute(text(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"))]
    ordered = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name in tables]
    # The change feed last: its triggers add a row for each row the other deletes remove.
    ordered.sort(key=lambda name: name == "change_log")
    unknown = sorted(tables - set(ordered))
    statements = [f'DELETE FROM "{name}"' for name in ordered]
    if unknown:
        statements.append("TRUNCATE " + ", ".join(f'"{n}"' for n in unknown) + " CASCADE")
    statements += [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences]
    return "; ".join(statements)


@pytest.fixture(scope="session")
def pg_run() -> Iterator[PgRun]:
    """Create, migrate and finally drop this process's database on the test server."""
    server = make_url(_pg_server_url())
    shown = server.render_as_string(hide_password=True)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "no server"
        admin.dispose()
        first_line = (str(exc).splitlines() or [""])[0]
        reason = f"no PostgreSQL server answered at {shown} ({PG_URL_VAR}): {first_line}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true requires PostgreSQL, but {reason}", pytrace=False)
        pytest.skip(reason)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # named for whoever looks at the server
    name = f"eventdesk_test_{worker}_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = server.set(database=name).render_as_string(hide_password=False)
        db = open_database(url, create=True)  # migrates once for the whole run
        try:
            empty_sql = _empty_sql(db)
        finally:
            db.dispose()
        yield PgRun(url=url, empty_sql=empty_sql)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db(db_backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated, empty database on this test's backend."""
    if db_backend == PG:
        run: PgRun = request.getfixturevalue("pg_run")
        database = open_database(run.url)
        with database.engine.begin() as conn:
            conn.exec_driver_sql(run.empty_sql)
    else:
        path: Path = request.getfixturevalue("db_path")
        database = open_database(to_url(path))
    yield database
    database.dispose()


# The signing passphrase of `event_db`'s key, and a cheap Argon2id cost for test keys (the
# stored cost is what unlocking uses, so tests of the real cost make their own key).
TEST_SIGNING_PASSPHRASE = "test signing passphrase"
CHEAP_KDF = (1, 1, 8)  # iterations, lanes, KiB


@pytest.fixture
def event_db(db: Database) -> Database:
    """A database holding an empty event (code TEST) whose days include today, with a badge
    signing key (passphrase TEST_SIGNING_PASSPHRASE) left unlocked in this process."""
    from eventdesk.services.events import create_event
    from eventdesk.services.signing import KdfCost, create_key

    today = date.today()
    with db.unit_of_work() as session:
        create_event(session, code="TEST", name_zh="测试大会", start_date=today, end_date=today)
        create_key(session, passphrase=TEST_SIGNING_PASSPHRASE, created_by="test",
                   cost=KdfCost(*CHEAP_KDF))
    return db


@pytest.fixture(autouse=True)
def local_settings(tmp_path: Path) -> Iterator[Path]:
    """This machine's EventDesk settings (QSettings: desk settings, printer calibration) in a
    directory of the test's own, never the user's — for every test: a desk name or printer one
    test saved must not reach the next test on the same worker (the desk was "3" instead of
    the default "desk-1" for a test that ran after a desk-settings test)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings("EventDesk", "EventDesk").clear()
    yield folder

"""Engine and session factory from a URL; SQLite pragmas; migrations applied on open.

`--db PATH_OR_URL` wins over EVENTDESK_DB, which wins over the per-user default. Only `demo` and the
GUI's first run create a database: everything else on a missing file fails instead of leaving an
empty database behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

__all__ = ["Database", "Session", "open_database", "resolve_url", "to_url"]

from eventdesk.domain.errors import DomainError
from eventdesk.paths import migrations_dir

ENV_VAR = "EVENTDESK_DB"
APP_NAME = "eventdesk"
DEFAULT_FILENAME = "eventdesk.sqlite3"
BUSY_TIMEOUT_MS = 15_000


class DatabaseMissing(DomainError):
    code = "database_missing"


class DatabaseUnavailable(DomainError):
    code = "database_unavailable"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DEFAULT_FILENAME


def to_url(path_or_url: str | os.PathLike[str]) -> str:
    text = os.fspath(path_or_url)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def resolve_url(cli_value: str | None = None) -> str:
    """The database the user asked for: --db, then EVENTDESK_DB, then the per-user default."""
    chosen = cli_value or os.environ.get(ENV_VAR) or str(default_db_path())
    return to_url(chosen)


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def describe(url: str) -> str:
    """The URL as shown to people: a file path, or the server URL without its password."""
    path = sqlite_path(url)
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN and cannot take a write lock up front;
        # we issue BEGIN ourselves (below) so a writing unit of work starts with BEGIN IMMEDIATE
        # and two desks queue on the busy timeout instead of failing on a lock upgrade.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_pragmas(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection: Any) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory(str(migrations_dir())).get_current_head()


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest migration; a no-op on a current database."""
    head = head_revision()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


@dataclass
class Database:
    url: str
    engine: Engine

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def unit_of_work(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction per user action: commit when the block ends, roll back on error.

        Services flush, never commit; this is the only place that does.
        """
        with self.engine.connect() as conn:
            if self.is_sqlite:
                conn.execution_options(sqlite_begin="IMMEDIATE" if write else "DEFERRED")
            with Session(bind=conn, expire_on_commit=False, autoflush=True) as session:
                try:
                    yield session
                    if write:
                        session.commit()
                    else:
                        session.rollback()
                except BaseException:
                    session.rollback()
                    raise

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, create: bool = False, migrate_schema: bool = True) -> Database:
    """Open (and upgrade) the database at `url`.

    A missing SQLite file is created only when `create` is true; otherwise DatabaseMissing.
    """
    path = sqlite_path(url)
    if path is not None and not path.exists():
        if not create:
            raise DatabaseMissing(f"数据库文件不存在：{path}（请先运行 eventdesk demo 或在界面中新建活动）")
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        if migrate_schema:
            migrate(engine)
    except DomainError:
        engine.dispose()
        raise
    except Exception as exc:  # connection refused, not a database, permission denied…
        engine.dispose()
        raise DatabaseUnavailable(f"无法打开数据库 {describe(url)}：{exc.__class__.__name__}: {exc}") from exc
    return Database(url=url, engine=engine)

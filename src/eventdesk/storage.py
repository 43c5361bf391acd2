"""Engine and session factory from a URL; SQLite pragmas; migrations applied on open.

`--db PATH_OR_URL` wins over EVENTDESK_DB, which wins over the per-user default. Only `demo` and the
GUI's first run create a database: everything else on a missing file fails instead of leaving an
empty database behind.
"""

from __future__ import annotations

import os
import select
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["MAX_BOUND_PARAMETERS", "SERVER_TIMEOUTS", "Database", "DatabaseFailed",
           "DatabaseLocked", "DatabaseMissing", "DatabaseTooNew", "DatabaseUnavailable",
           "DatabaseUnreachable", "NotADatabase", "Owned", "Session", "chunked",
           "database_error", "database_of", "failure_of", "open_database", "resolve_url",
           "to_url"]

from eventdesk.backups.manifest import BEFORE_MIGRATION
from eventdesk.backups.points import make_point
from eventdesk.connection_secrets import masked
from eventdesk.domain.errors import DomainError
from eventdesk.paths import migrations_dir

ENV_VAR = "EVENTDESK_DB"
APP_NAME = "eventdesk"
DEFAULT_FILENAME = "eventdesk.sqlite3"
BUSY_TIMEOUT_MS = 15_000


# SQLite builds before 3.32 allow 999 bound parameters per statement (later ones 32,766); an
# `IN (...)` over more ids than this is sent in chunks of this size (see `chunked`).
MAX_BOUND_PARAMETERS = 900

_T = TypeVar("_T")


class DatabaseMissing(DomainError):
    """The SQLite file does not exist (params: path)."""

    code = "storage.missing"


class DatabaseUnavailable(DomainError):
    """The database cannot be opened, upgraded or used (params: database, kind, detail).

    `kind` and `detail` (the driver's class and text) are kept for a log; the sentence people
    see names only the database. The subclasses say why, where that is known."""

    code = "storage.unavailable"


class DatabaseLocked(DatabaseUnavailable):
    """Another connection held the write lock beyond the busy timeout (SQLite), or a lock wait
    timed out (PostgreSQL)."""

    code = "storage.locked"


class DatabaseReadOnly(DatabaseUnavailable):
    """The database cannot be written: a read-only file or folder, or a full disk."""

    code = "storage.read_only"


class DatabaseUnreachable(DatabaseUnavailable):
    """The database server did not answer (refused, timed out, connection lost)."""

    code = "storage.unreachable"


class NotADatabase(DatabaseUnavailable):
    """The file is not an EventDesk database (text, image, empty, another program's SQLite or
    PostgreSQL tables, another program's Alembic history); it is left as it was."""

    code = "storage.not_database"


class DatabaseTooNew(NotADatabase):
    """An EventDesk database whose schema a newer EventDesk made (a migration this one does not
    know); it is left as it was."""

    code = "storage.too_new"


class DatabaseFailed(DatabaseUnavailable):
    """The database refused or failed a statement for a reason none of the above names (a
    constraint, a value it cannot store, a bug): the unit of work was rolled back. Worded
    without the statement or its parameters, which may hold names and phone numbers."""

    code = "storage.failed"


SQLITE_HEADER = b"SQLite format 3\x00"
# Substrings of driver messages, lower-cased, and what they mean.
_LOCKED_WORDS = ("database is locked", "database table is locked", "database is busy",
                 "lock timeout", "lock_not_available", "could not obtain lock")
# SQLite says "disk I/O error" when a write to its files fails (a full disk, a size limit).
_READ_ONLY_WORDS = ("readonly database", "read-only", "read only", "database or disk is full",
                    "disk is full", "no space left", "disk i/o error")
_NOT_DATABASE_WORDS = ("file is not a database", "file is encrypted", "database disk image is "
                       "malformed")
_UNREACHABLE_WORDS = ("connection refused", "connection failed", "could not connect",
                      "timeout expired", "timed out", "server closed the connection",
                      "connection is closed", "name or service not known",
                      "could not translate host name", "no route to host", "network is unreachable",
                      "connection reset", "terminating connection", "the connection is lost")


def database_error(exc: BaseException, *, url: str) -> DatabaseUnavailable | None:
    """`exc` as the storage error people are shown, or None when it is not about reaching or
    locking the database (an integrity error, a bug: those stay what they are).

    Classifies SQLAlchemy's wrappers of driver errors: locked -> DatabaseLocked; not a database
    -> NotADatabase; read-only file or full disk -> DatabaseReadOnly; a server that does not
    answer -> DatabaseUnreachable; any other operational error -> DatabaseUnavailable."""
    if isinstance(exc, DatabaseUnavailable):
        return exc
    if isinstance(exc, sa_exc.TimeoutError):  # no pooled connection came free
        return DatabaseUnreachable(database=describe(url), kind="TimeoutError", detail=str(exc))
    operational = (sa_exc.OperationalError, sa_exc.InterfaceError)
    if isinstance(exc, sa_exc.DBAPIError) and (isinstance(exc, operational)
                                               or type(exc) is sa_exc.DatabaseError):
        cause: BaseException = exc.orig if isinstance(exc.orig, BaseException) else exc
    elif isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError) and not isinstance(
            exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
        cause = exc
    else:
        return None
    text = str(cause).lower()
    params = {"database": describe(url), "kind": cause.__class__.__name__,
              "detail": str(cause).splitlines()[0] if str(cause) else ""}
    if any(word in text for word in _LOCKED_WORDS):
        return DatabaseLocked(**params)
    if any(word in text for word in _NOT_DATABASE_WORDS):
        return NotADatabase(**params)
    if any(word in text for word in _READ_ONLY_WORDS):
        return DatabaseReadOnly(**params)
    if sqlite_path(url) is None and (
            any(word in text for word in _UNREACHABLE_WORDS)
            or (isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated)):
        return DatabaseUnreachable(**params)
    return DatabaseUnavailable(**params)


def failure_of(exc: BaseException, *, url: str) -> DatabaseUnavailable | None:
    """Any database error as the storage error people are shown: `database_error`'s
    classification, else DatabaseFailed for every other error of SQLAlchemy or a driver (an
    integrity or data error, a statement the database refused). None for anything else."""
    classified = database_error(exc, url=url)
    if classified is not None:
        return classified
    if isinstance(exc, sa_exc.SQLAlchemyError | sqlite3.Error):
        cause = exc.orig if isinstance(exc, sa_exc.DBAPIError) else exc
        return DatabaseFailed(database=describe(url), kind=type(cause).__name__)
    return None


def chunked(values: Sequence[_T], size: int = MAX_BOUND_PARAMETERS) -> Iterator[Sequence[_T]]:
    """`values` in consecutive slices of at most `size` (default: the bound-parameter limit), for
    statements such as `Person.id.in_(chunk)` over a list that may be longer than SQLite allows."""
    if size < 1:
        raise ValueError("size must be at least 1")
    for start in range(0, len(values), size):
        yield values[start:start + size]


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
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def describe(url: str) -> str:
    """The URL as shown to people: a file path, or the server URL with every password (user
    part and `?password=`) masked (eventdesk.connection_secrets, issue 12)."""
    try:
        path = sqlite_path(url)
    except Exception:  # noqa: BLE001 - a URL SQLAlchemy cannot parse is still shown, masked
        path = None
    return str(path) if path else masked(url)


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


def _server_hung_up(dbapi_connection: Any) -> bool:
    """True when a pooled server connection is known dead without asking the server: the driver
    marked it closed or broken, or its socket has something to read while the connection is
    idle — which, between transactions, is only the server's goodbye (a "terminating
    connection" notice after a restart or an administrator's kill) or the end of the stream.
    A zero-timeout poll of the socket: no round trip, unlike SQLAlchemy's `pool_pre_ping`, which
    costs one per checkout (5 ms of a scan on a server across a network)."""
    if getattr(dbapi_connection, "closed", False) or getattr(dbapi_connection, "broken", False):
        return True
    try:
        fd = dbapi_connection.fileno()
        readable, _w, _x = select.select([fd], [], [], 0)
    except (AttributeError, OSError, ValueError, sa_exc.SQLAlchemyError):
        return False  # no socket to look at: the first statement will tell
    except Exception:  # noqa: BLE001 - a driver's "connection is closed" error of its own
        return True
    return bool(readable)


def _install_liveness_check(engine: Engine) -> None:
    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if _server_hung_up(dbapi_connection):
            # The pool throws this connection away and checks out (or opens) another one.
            raise sa_exc.DisconnectionError("the server closed this pooled connection")


# libpq settings of a desk's server connections (unless the URL sets them): a server that
# neither answers nor refuses (its host lost power, the network is cut) fails a connection
# attempt after 5 s and a sent statement that no packet acknowledges after 10 s, instead of the
# system's minutes — the desk says "not checked in" and the server is unreachable, rather than
# waiting. Idle pooled connections are probed too (keepalives), so a dead one is found before
# a scan uses it. A long statement the server is working on is not affected: its packets were
# acknowledged.
SERVER_TIMEOUTS: dict[str, int] = {"connect_timeout": 5, "tcp_user_timeout": 10_000,
                                   "keepalives": 1, "keepalives_idle": 10,
                                   "keepalives_interval": 3, "keepalives_count": 3}


def make_engine(url: str) -> Engine:
    # hide_parameters: SQLAlchemy's error texts (and so any traceback or log) leave out the
    # statement's bound values, which are names, phones and e-mails.
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
                               hide_parameters=True)
        _install_sqlite_pragmas(engine)
        return engine
    # No pool_pre_ping: a dead pooled connection is found by `_server_hung_up` at checkout, and
    # one that dies unnoticed (a server host that lost power) by `Database.transaction`'s retry.
    parsed = make_url(url)
    limits = ({k: v for k, v in SERVER_TIMEOUTS.items() if k not in parsed.query}
              if parsed.get_driver_name() in ("psycopg", "psycopg2") else {})
    engine = create_engine(url, hide_parameters=True, connect_args=limits)
    _install_liveness_check(engine)
    return engine


def _alembic_config(connection: Any) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory(str(migrations_dir())).get_current_head()


@cache
def known_revisions() -> frozenset[str]:
    """Every migration revision of this EventDesk (db/versions)."""
    return frozenset(rev.revision for rev in
                     ScriptDirectory(str(migrations_dir())).walk_revisions())


# Tables every EventDesk schema has had: with an unknown revision they mean a newer EventDesk.
_OUR_TABLES = frozenset({"event", "person", "exhibitor"})


def check_ours(tables: set[str], revision: str | None, *, url: str, create: bool = False) -> None:
    """Refuse a database that is not this EventDesk's to migrate: tables without our migration
    table (another program's), or a migration history this EventDesk does not know (another
    program's Alembic, or a newer EventDesk). No tables at all is a database to build in only
    when `create` (demo, the GUI's new event): an empty PostgreSQL database somebody made for
    another purpose is left alone like an empty SQLite file (issue 11, kind 8).
    Raises NotADatabase or DatabaseTooNew; reads only what it is given."""
    shown = describe(url)
    if not tables:
        if create:
            return
        raise NotADatabase(database=shown, kind="empty", detail="no tables")
    if revision in known_revisions():
        return
    if revision is None:
        if "alembic_version" in tables and not (tables - {"alembic_version"}):
            return  # an empty migration table: what an interrupted first migration leaves
        raise NotADatabase(database=shown, kind="foreign", detail=", ".join(sorted(tables)[:5]))
    if tables >= _OUR_TABLES:
        raise DatabaseTooNew(database=shown, kind="revision", detail=revision)
    raise NotADatabase(database=shown, kind="revision", detail=revision)


def migrate(engine: Engine, *, create: bool = False) -> None:
    """Upgrade the schema to the newest migration; a no-op on a current database. Raises
    NotADatabase / DatabaseTooNew, before writing anything, for a database that is not ours
    or, unless `create`, has no tables at all (see `check_ours`). An existing database is
    copied to a restore point (`before-migration`, eventdesk.backups.points) before the first
    migration step; on PostgreSQL only when pg_dump is installed."""
    head = head_revision()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        tables = set(inspect(conn).get_table_names())
    url = engine.url.render_as_string(hide_password=False)
    check_ours(tables, current, url=url, create=create)
    if current is not None:
        # An EventDesk database of an older schema: a restore point first, so that a migration
        # that fails half-way or misbehaves can be undone (issue 12). Not for a new database.
        make_point(url, BEFORE_MIGRATION)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    if engine.dialect.name == "sqlite":
        # A migration may overwrite what must not stay readable (0007: the ED1 secret). The WAL
        # still holds the pages as they were until a checkpoint: write them back and empty it.
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


class SecondWrite(RuntimeError):
    """A programming error: a `single_write` unit of work tried a second writing statement,
    which would not be atomic with the first (see Database.unit_of_work)."""


_WRITES = "eventdesk.writes"  # Session.info key: the unit of work's _WriteCount


class _WriteCount:
    """Counts the writing statements sent on the server connection of a `single_write` unit of
    work and refuses the one past `limit` before it is sent. A writing statement is an INSERT,
    UPDATE or DELETE, also inside WITH (a data-modifying common table expression)."""

    def __init__(self, conn: Any, *, limit: int) -> None:
        self.sent = 0
        self.limit = limit
        self._conn = conn
        event.listen(conn, "before_cursor_execute", self._before)

    def _before(self, _conn: Any, _cursor: Any, _sql: str, _params: Any, context: Any,
                _many: bool) -> None:
        if context is None or not _is_write(context):
            return
        if self.sent >= self.limit:
            raise SecondWrite("a single-write unit of work wrote twice")
        self.sent += 1

    def remove(self) -> None:
        event.remove(self._conn, "before_cursor_execute", self._before)


def _is_write(context: Any) -> bool:
    if context.isinsert or context.isupdate or context.isdelete:
        return True
    compiled = getattr(context, "compiled", None)
    ctes = getattr(compiled, "ctes", None) or {}
    return any(getattr(cte, "element", None) is not None and cte.element.is_dml for cte in ctes)


class Owned(Protocol):
    """Something kept per open database (e.g. the desk search index) and disposed with it."""

    def dispose(self) -> None: ...


_O = TypeVar("_O", bound=Owned)


@dataclass(eq=False)
class Database:
    """An open database: its engine, its session factory and the objects it owns.

    Sessions come from this database's own `sessions` factory (listen on it, not on the Session
    class, to hear of this database's flushes and commits), and know their database
    (`database_of`). Objects kept per database, such as the desk search index, are built on first
    use by `owned` and disposed with the database; storage names no such object, since it sits
    below the services that define them.
    """

    url: str
    engine: Engine
    sessions: sessionmaker[Session] = field(init=False, repr=False)
    _owned: dict[Callable[[Database], Owned], Owned] = field(
        init=False, repr=False, default_factory=dict)
    _owned_lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(expire_on_commit=False, autoflush=True,
                                     info={"database": self})

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def owned(self, make: Callable[[Database], _O]) -> _O:
        """The object `make(self)` built on the first call with this `make` (one per database,
        also when threads race), disposed by `dispose`."""
        with self._owned_lock:
            found = self._owned.get(make)
            if found is None:
                found = self._owned[make] = make(self)
            return cast(_O, found)

    @contextmanager
    def unit_of_work(self, *, write: bool = True, single_write: bool = False
                     ) -> Iterator[Session]:
        """One transaction per user action: commit when the block ends, roll back on error.

        Services flush, never commit; this is the only place that does.

        `single_write`: on a server, the block writes with one statement at most (a desk's
        check-in, whose audit entry goes in the same statement there; a second writing statement
        raises SecondWrite before it is sent), so it runs without BEGIN and COMMIT, each
        statement its own transaction: two round trips fewer, and nothing lost, because
        PostgreSQL's isolation (READ COMMITTED) gives each statement of a transaction its own
        snapshot anyway and one statement is atomic by itself. On SQLite nothing changes
        (BEGIN IMMEDIATE still queues the desks' writes, which may be several statements: one
        costs no network there).
        """
        with self.engine.connect() as conn:
            writes: _WriteCount | None = None
            if self.is_sqlite:
                conn.execution_options(sqlite_begin="IMMEDIATE" if write else "DEFERRED")
            elif single_write and write:
                conn.execution_options(isolation_level="AUTOCOMMIT")
                writes = _WriteCount(conn, limit=1)
            try:
                with self.sessions(bind=conn) as session:
                    session.info[_WRITES] = writes
                    try:
                        yield session
                        if write:
                            session.commit()
                        else:
                            session.rollback()
                    except BaseException:
                        session.rollback()
                        raise
            finally:
                if writes is not None:
                    writes.remove()

    def transaction(self, work: Callable[[Session], _T], *, write: bool = True,
                    single_write: bool = False) -> _T:
        """`work(session)` in one unit of work (see `unit_of_work`), run once more on a fresh
        connection when the pooled connection turned out to be dead before anything was
        committed (the server was restarted or its host lost power since the last use, which no
        check at checkout sees).

        `work` must do nothing outside the database (it may run twice; its first run's writes
        were never committed). Not retried: a connection that failed while committing, or after
        a statement of a `single_write` block wrote (whether it committed is unknown), or that
        could not be opened at all (the server is down: trying again only doubles the wait).
        Raises what `work` or the driver raised.
        """
        for attempt in (1, 2):
            opened = finished = False
            writes: _WriteCount | None = None
            try:
                with self.unit_of_work(write=write, single_write=single_write) as session:
                    opened = True
                    writes = session.info.get(_WRITES)
                    value = work(session)
                    finished = True  # what fails from here on failed while committing
                return value
            except sa_exc.DBAPIError as exc:
                committed_maybe = finished or (writes is not None and writes.sent > 0)
                if attempt == 2 or not opened or committed_maybe \
                        or not exc.connection_invalidated:
                    raise
        raise AssertionError("unreachable")  # the loop returns or raises

    def dispose(self) -> None:
        """Dispose the owned objects, then close the engine's pooled connections. The Database
        stays usable: the next unit of work reconnects, owned objects are built anew."""
        with self._owned_lock:
            owned, self._owned = list(self._owned.values()), {}
        for thing in owned:
            thing.dispose()
        self.engine.dispose()


def database_of(session: Session) -> Database:
    """The Database whose unit of work made `session`.

    Raises LookupError for a session made some other way (a programming error: every session of
    the program comes from `Database.unit_of_work`)."""
    found = session.info.get("database")
    if not isinstance(found, Database):
        raise LookupError("the session was not made by Database.unit_of_work")
    return found


def open_database(url: str, *, create: bool = False, migrate_schema: bool = True) -> Database:
    """Open (and upgrade) the database at `url`.

    A missing SQLite file is created only when `create` is true; otherwise DatabaseMissing.
    """
    path = sqlite_path(url)
    made = False
    if path is not None and not path.exists():
        if not create:
            raise DatabaseMissing(path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        made = _create_private_file(path)
    elif path is not None:
        check_sqlite_file(path, url=url, create=create)
        private_sqlite_files(path)
    engine = make_engine(url)
    try:
        if migrate_schema:
            migrate(engine, create=create)
    except Exception as exc:  # connection refused, not a database, permission denied…
        engine.dispose()
        if made and path is not None and path.stat().st_size == 0:
            path.unlink()  # our empty placeholder; a retry must not find a 0-byte "database"
        if isinstance(exc, DomainError):
            raise
        raise (database_error(exc, url=url) or DatabaseUnavailable(
            database=describe(url), kind=exc.__class__.__name__, detail=str(exc))) from exc
    if path is not None:
        private_sqlite_files(path)
    return Database(url=url, engine=engine)


# Owner read/write only: the file holds personal data and the sealed signing key (issue 12).
PRIVATE_MODE = 0o600


def _create_private_file(path: Path) -> bool:
    """Create the empty SQLite file with mode 0600 before SQLite opens it: SQLite gives the
    -wal and -shm files the main file's mode, so all three are private from the start, whatever
    the umask. False when another process created it in between (then it is checked as any
    existing file would be)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def private_sqlite_files(path: Path) -> None:
    """Take group and others' access away from the database file and its -wal and -shm when
    this user owns them (a file made by an older EventDesk was 0644). POSIX only: elsewhere
    the user's profile folder is already private."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        candidate = path.with_name(name)
        try:
            st = candidate.stat()
            if st.st_uid == getuid() and st.st_mode & 0o077:
                candidate.chmod(PRIVATE_MODE)
        except OSError:  # gone meanwhile, or not ours to change: SQLite says what matters
            continue


def check_sqlite_file(path: Path, *, url: str, create: bool = False) -> None:
    """Refuse an existing file that is not an EventDesk database, before anything writes to it.

    Opening it through the engine would not do: the connection switches the file to WAL and the
    migrations add their tables, so a text file fails only after that and another program's
    SQLite file would be changed for good. Read-only checks: the SQLite header, then (read-only
    connection) that the file holds this program's migration table at a revision this EventDesk
    knows (another program using Alembic has such a table too). A 0-byte file is refused; a
    SQLite file without tables is accepted only when `create` (demo, the GUI's first run).
    Raises NotADatabase, DatabaseTooNew, DatabaseLocked, DatabaseUnavailable (unreadable)."""
    shown = describe(url)
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseUnavailable(database=shown, kind=exc.__class__.__name__,
                                  detail=str(exc)) from exc
    if not header:  # an empty file is somebody's placeholder, not a database to build in
        raise NotADatabase(database=shown, kind="empty", detail="0 bytes")
    if header != SQLITE_HEADER:
        raise NotADatabase(database=shown, kind="header", detail=repr(header[:8]))
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revisions = [row[0] for row in conn.execute(
                "SELECT version_num FROM alembic_version")] if "alembic_version" in tables else []
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise (database_error(exc, url=url) or DatabaseUnavailable(
            database=shown, kind=exc.__class__.__name__, detail=str(exc))) from exc
    if len(revisions) > 1:  # several heads: another program's Alembic history
        raise NotADatabase(database=shown, kind="revision", detail=", ".join(revisions[:3]))
    check_ours(tables, revisions[0] if revisions else None, url=url, create=create)

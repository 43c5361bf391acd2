"""The live-update watcher: a thread that hears other desks' changes and whether the server answers.

One `Watcher` per open database and window. Its thread holds no Qt object: it waits for a sign
of a change, reads the change feed (services.changes), brings the desk's search index up to date
for the people changed (so a walk-in registered at another desk is found here by name), and only
then hands `report` a `News` (what changed) — or a `Reachable` when the database stopped or
started answering. The window's side (ui/live.py) carries reports to the GUI thread.

How it waits (no round trip is added to any desk's scan):
- PostgreSQL: LISTEN on a connection of its own; the feed's triggers NOTIFY at commit
  (db/versions/0011_live_updates.py). A lost LISTEN connection (server gone, proxy cut) is
  noticed at once; after FALLBACK_S without news a `SELECT 1` that must be answered within
  PING_TIMEOUT_S (a link that stalls without closing), then a read of the feed (the fallback).
- SQLite: `PRAGMA data_version` on a connection of its own every POLL_S: it changes when any
  other connection (another process, or this one's pool) commits. Costs microseconds.

When the database does not answer, `report(Reachable(False))` once, then a new try every
RETRY_S; on success `Reachable(True)` and the feed is read from where it stopped, so nothing
changed meanwhile is missed.
"""

from __future__ import annotations

import contextlib
import select
import sqlite3
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from eventdesk.services.changes import FeedPosition, News, latest_position, read_changes
from eventdesk.services.search.index import desk_index
from eventdesk.storage import (
    SERVER_TIMEOUTS,
    Database,
    DatabaseUnreachable,
    failure_of,
    sqlite_path,
)

__all__ = ["CHANNEL", "FALLBACK_S", "POLL_S", "RETRY_S", "Reachable", "Report", "Watcher"]

CHANNEL = "eventdesk_changes"  # the NOTIFY channel of the feed's triggers
POLL_S = 0.25  # SQLite: how often data_version is read (the budget is 2 s to see a change)
FALLBACK_S = 5.0  # PostgreSQL: a read this often even without a notification
COALESCE_S = 0.1  # PostgreSQL: after a notification, changes this much later are read with it
PING_TIMEOUT_S = 3.0  # PostgreSQL: a health check not answered by then means unreachable
RETRY_S = 1.0  # seconds between two tries to reach a database that did not answer


@dataclass(frozen=True)
class Reachable:
    """The database answers again (True) or stopped answering (False)."""

    reachable: bool


Report = News | Reachable


class _Waiter(Protocol):
    def wait(self, timeout: float, wake: threading.Event) -> bool:
        """True when something may have changed; False after `timeout` s or once `wake`
        is set. Raises the driver's error when the connection is lost."""
        ...

    def check(self) -> None:
        """Make sure the database still answers (raises when it does not)."""
        ...

    def close(self) -> None: ...


class _SqliteWaiter:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, timeout=5, isolation_level=None)
        self._version = self._read()

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float, wake: threading.Event) -> bool:
        waited = 0.0
        while waited < timeout:
            if wake.wait(POLL_S):
                return False
            waited += POLL_S
            version = self._read()
            if version != self._version:
                self._version = version
                return True
        return False

    def check(self) -> None:
        """A local file: data_version answered a moment ago."""

    def close(self) -> None:
        self._conn.close()


class _PgWaiter:
    def __init__(self, db: Database) -> None:
        import psycopg  # only on a server; the driver the engine uses (postgresql+psycopg)

        args, kwargs = db.engine.dialect.create_connect_args(db.engine.url)
        # Time limits as the desk's own connections have (storage.SERVER_TIMEOUTS); the idle
        # LISTEN connection is probed sooner: a server host that vanished is noticed in ~10 s.
        kwargs = {**SERVER_TIMEOUTS, **kwargs, "keepalives_idle": 5, "keepalives_interval": 2}
        self._conn: Any = psycopg.connect(*args, **kwargs, autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float, wake: threading.Event) -> bool:
        waited = 0.0
        while waited < timeout and not wake.is_set():
            step = min(0.5, timeout - waited)  # to look at `wake` now and then
            for _note in self._conn.notifies(timeout=step, stop_after=1):
                return True
            waited += step
        return False

    def check(self) -> None:
        """Ask the server for nothing on the listening connection, waiting PING_TIMEOUT_S at
        most: a link that takes data but delivers none (a stalled proxy or tunnel) closes no
        connection and fails no packet, so only an answer that does not come shows it.
        Raises psycopg.OperationalError."""
        import psycopg

        pg = self._conn.pgconn
        pg.send_query(b"SELECT 1")
        deadline = time.monotonic() + PING_TIMEOUT_S
        while pg.flush() != 0 or pg.is_busy():
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([pg.socket], [], [], left)[0]:
                raise psycopg.OperationalError("the server did not answer in time")
            pg.consume_input()
        while pg.get_result() is not None:
            pass

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a connection that is gone already
            self._conn.close()


def _open_waiter(db: Database) -> _Waiter:
    path = sqlite_path(db.url)
    if path is not None:
        return _SqliteWaiter(str(path))
    return _PgWaiter(db)


class Watcher:
    """The watcher thread of one database (see the module's docstring). `report` is called on
    the watcher's thread; it must only hand the report on (ui/live.py queues it to the GUI).
    `start`, `poke` and `stop` may be called from any thread."""

    def __init__(self, db: Database, *, report: Callable[[Report], None]) -> None:
        self.db = db
        self._report = report
        self._stopping = False
        self._wake = threading.Event()  # set by `poke` and `stop`: the waiting ends early
        self._thread: threading.Thread | None = None
        self.position: FeedPosition | None = None
        self.reachable: bool | None = None  # as last reported (None: nothing reported yet)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="eventdesk-live",
                                            daemon=True)
            self._thread.start()

    def poke(self) -> None:
        """Look now (an action just failed to reach the database: say so without waiting)."""
        self._wake.set()

    def stop(self, timeout: float = 3.0) -> None:
        """End the thread (within POLL_S, or 0.5 s while listening on a server)."""
        self._stopping = True
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the thread --------------------------------------------------------------------------
    def _run(self) -> None:
        waiter: _Waiter | None = None
        while not self._stopping:
            try:
                if waiter is None:
                    waiter = _open_waiter(self.db)
                self._read_all()
                self._set_reachable(True)
                if waiter.wait(FALLBACK_S, self._wake):
                    if isinstance(waiter, _PgWaiter):
                        # Several desks' commits in a row (the morning rush: one NOTIFY per
                        # check-in) are read, and shown, together: a few reads a second.
                        time.sleep(COALESCE_S)
                elif not self._stopping:
                    waiter.check()  # quiet for FALLBACK_S (or poked): is it still there?
                self._wake.clear()
            except Exception as exc:  # noqa: BLE001 - any failure: say so, try again
                if waiter is not None:
                    waiter.close()
                    waiter = None
                if self._lost_server(exc):
                    self._set_reachable(False)
                else:
                    print("EventDesk live updates:", file=sys.stderr)
                    traceback.print_exc()
                self._wake.wait(RETRY_S)
                self._wake.clear()
        if waiter is not None:
            waiter.close()

    def _lost_server(self, exc: BaseException) -> bool:
        """Whether `exc` means the database does not answer (vs. a bug, logged)."""
        if isinstance(failure_of(exc, url=self.db.url), DatabaseUnreachable):
            return True
        if sqlite_path(self.db.url) is not None:
            return False
        # On a server: any database error of the pool's or of the listening connection.
        return failure_of(exc, url=self.db.url) is not None \
            or type(exc).__module__.startswith("psycopg")

    def _read_all(self) -> None:
        with self.db.unit_of_work(write=False) as session:
            if self.position is None:
                self.position = latest_position(session)
                return
            news = read_changes(session, position=self.position)
            while news.more:
                self._deliver(news)
                news = read_changes(session, position=self.position)
        self._deliver(news)

    def _deliver(self, news: News) -> None:
        if not news:
            return
        if news.people:
            # Before the views hear of it: a search run because of this report finds them.
            desk_index(self.db).apply_changes(news.people)
        self._report(news)

    def _set_reachable(self, reachable: bool) -> None:
        if self.reachable != reachable:
            self.reachable = reachable
            self._report(Reachable(reachable))

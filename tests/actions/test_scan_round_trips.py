"""A scan at the desk talks to the database as few times as it can, on both backends, and a desk
whose pooled PostgreSQL connection died (a restarted server) still checks the next person in.

Why count: a desk may sit across a network from the PostgreSQL server, where every round trip
costs milliseconds (benchmarks/bench_pg_proxy.py adds 5 ms to each: the budget of 50 ms per scan
allows a handful). Counting the statements, transaction commands and connection pings SQLAlchemy
sends is deterministic, unlike timing, so the count cannot creep back unnoticed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from psycopg import pq
from sqlalchemy import event, text

from eventdesk import storage
from eventdesk.actions import desk as desk_actions
from eventdesk.actions.base import ActionContext
from eventdesk.storage import Database
from tests.accounts import ADMIN
from tests.audit_trail import audit_entries
from tests.conftest import PG, SQLITE
from tests.services.checkin_cases import add, count, payload_of

BACKENDS = pytest.mark.parametrize(
    "db_backend", [SQLITE, pytest.param(PG, marks=pytest.mark.pg)], indirect=True)

# A new check-in on PostgreSQL: the one read (event, person, booth, check-in today, prints,
# today's count), then one INSERT … RETURNING that writes the check-in and its audit entry; no
# BEGIN, no COMMIT (a single-write unit of work, storage.Database.unit_of_work); the audit chain's
# head moves in that statement too (services.audit.head_upsert). On SQLite, where a statement
# costs no network: BEGIN IMMEDIATE, the read, the check-in's INSERT, the chain head's read, the
# entry's INSERT, the head's UPDATE, COMMIT.
NEW_CHECK_IN = {PG: 2, SQLITE: 7}
# A badge already checked in today: the read alone (SQLite: BEGIN, the read, COMMIT).
REPEAT = {PG: 1, SQLITE: 3}


@dataclass
class Wire:
    """What one action sent to the database.

    On PostgreSQL the driver's own protocol trace (libpq's PQtrace, through psycopg) is the
    ground truth: a round trip is a request the server answers with ReadyForQuery — a statement,
    a BEGIN or COMMIT, a ping — whatever SQLAlchemy believes it did (in autocommit its `begin`
    and `commit` events fire while nothing is sent). On SQLite, where no network is involved,
    the statements (storage sends BEGIN IMMEDIATE as one) and commits are counted instead."""

    statements: list[str] = field(default_factory=list)
    commits: int = 0
    checkouts: int = 0
    server_round_trips: int = 0
    sqlite: bool = False

    @property
    def round_trips(self) -> int:
        if self.sqlite:
            return len(self.statements) + self.commits
        return self.server_round_trips

    def clear(self) -> None:
        self.statements.clear()
        self.commits = self.checkouts = self.server_round_trips = 0


@pytest.fixture
def wire(event_db: Database, tmp_path: Path) -> Iterator[Wire]:
    engine = event_db.engine
    seen = Wire(sqlite=event_db.is_sqlite)
    trace_path = tmp_path / "libpq-trace.txt"

    def statement(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        seen.statements.append(sql.split("\n")[0][:80])

    def commit(_conn: Any) -> None:
        seen.commits += 1

    def checkout(dbapi_connection: Any, *_args: Any) -> None:
        seen.checkouts += 1
        if not seen.sqlite:
            trace_path.write_bytes(b"")
            with trace_path.open("r+b") as trace:
                dbapi_connection.pgconn.trace(os.dup(trace.fileno()))
            dbapi_connection.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)

    def checkin(dbapi_connection: Any, *_args: Any) -> None:
        if not seen.sqlite and dbapi_connection is not None:
            dbapi_connection.pgconn.untrace()
            lines = trace_path.read_text(errors="replace").splitlines()
            seen.server_round_trips += sum(
                1 for line in lines if line.startswith("B") and "ReadyForQuery" in line)

    listeners = [(engine, "before_cursor_execute", statement), (engine, "commit", commit),
                 (engine.pool, "checkout", checkout), (engine.pool, "checkin", checkin)]
    for target, name, fn in listeners:
        event.listen(target, name, fn)
    yield seen
    for target, name, fn in listeners:
        event.remove(target, name, fn)


@BACKENDS
def test_one_scan_is_one_transaction_of_few_round_trips(event_db: Database, wire: Wire,
                                                         db_backend: str) -> None:
    ctx = ActionContext(db=event_db, desk="3", operator="op", user=ADMIN)
    first, second = add(event_db, "张伟", company="阿丘科技"), add(event_db, "李娜")
    desk_actions.scan(ctx, payload=payload_of(event_db, first.id))  # the pool has a connection
    payload = payload_of(event_db, second.id)

    wire.clear()
    shown = desk_actions.scan(ctx, payload=payload).value
    assert shown.result.result == "checked_in"
    assert wire.checkouts == 1, wire
    assert 1 <= wire.round_trips <= NEW_CHECK_IN[db_backend], wire
    # …and the desk has all it shows: the row with today's tick and prints, today's count.
    assert shown.row is not None and shown.row.checked_in is not None
    assert shown.row.person.qr_payload == payload and shown.row.print_count == 0
    assert shown.checked_in_today == 2
    with event_db.unit_of_work(write=False) as session:  # the audit entry came with it
        created = audit_entries(session, action_prefix="checkin.create")
    assert [e.detail["via"] for e in created] == ["scan", "scan"]

    wire.clear()
    again = desk_actions.scan(ctx, payload=payload).value
    assert again.result.result == "already_checked_in" and again.checked_in_today == 2
    assert wire.checkouts == 1 and 1 <= wire.round_trips <= REPEAT[db_backend], wire
    with event_db.unit_of_work(write=False) as session:  # a repeat writes nothing
        assert len(audit_entries(session, action_prefix="checkin.create")) == 2


@BACKENDS
def test_check_in_from_the_search_list_is_as_short(event_db: Database, wire: Wire,
                                                   db_backend: str) -> None:
    ctx = ActionContext(db=event_db, desk="3", operator="op", user=ADMIN)
    warm, person = add(event_db, "王芳"), add(event_db, "周杰")
    desk_actions.check_in(ctx, person_id=warm.id)
    wire.clear()
    shown = desk_actions.check_in(ctx, person_id=person.id).value
    assert shown.result.result == "checked_in" and shown.checked_in_today == 2
    assert shown.row is not None and shown.row.person.id == person.id
    assert wire.checkouts == 1 and 1 <= wire.round_trips <= NEW_CHECK_IN[db_backend], wire


# -- a dropped server connection ---------------------------------------------------------------

def _drop_server_connections(db: Database) -> None:
    """What a server restart does to the desk's pooled connections: the server ends them."""
    admin = storage.make_engine(db.url)
    try:
        with admin.connect() as conn:
            pids = list(conn.execute(text(
                "SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()")))
            assert pids, "the desk had no pooled connection to drop"
            for _ in range(500):  # until the server has really ended them
                left = conn.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(:pids)"),
                    {"pids": [pid for _ok, pid in pids]}).scalar()
                if not left:
                    break
                conn.execute(text("SELECT pg_sleep(0.01)"))
    finally:
        admin.dispose()


@pytest.mark.parametrize("db_backend", [pytest.param(PG, marks=pytest.mark.pg)], indirect=True)
@pytest.mark.parametrize("noticed_at_checkout", [True, False], ids=["socket-closed", "silent"])
def test_desk_checks_in_after_the_server_dropped_its_connection(
        event_db: Database, monkeypatch: pytest.MonkeyPatch, noticed_at_checkout: bool) -> None:
    """Without a ping per checkout: a pooled connection the server closed is noticed at checkout
    (its socket has the server's goodbye to read); one whose end went unnoticed (a server host
    that lost power sends no goodbye — here the check is blinded) fails on its first statement,
    and the scan runs once more on a new connection. Either way the operator sees a check-in."""
    ctx = ActionContext(db=event_db, desk="3", operator="op", user=ADMIN)
    first, second = add(event_db, "张伟"), add(event_db, "李娜")
    assert desk_actions.scan(ctx, payload=payload_of(event_db, first.id)).value.result.accepted
    payload = payload_of(event_db, second.id)
    if not noticed_at_checkout:
        monkeypatch.setattr(storage, "_server_hung_up", lambda _conn: False)
    _drop_server_connections(event_db)
    shown = desk_actions.scan(ctx, payload=payload).value
    assert shown.result.result == "checked_in"
    monkeypatch.undo()
    assert count(event_db) == 2

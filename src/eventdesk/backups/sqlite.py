"""SQLite databases copied with SQLite's online backup API: a backup's member, and a restore.

The copy reads one snapshot of the database (a read transaction held for the whole copy) in steps
of STEP_PAGES pages. The database is in WAL mode (storage), so the desks keep writing meanwhile:
a reader never blocks a writer there, and since the snapshot does not move, their writes never
make the copy start over (which the backup API does when the source changes between steps of an
unpinned copy).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Facts", "copy_database", "facts", "restore_into"]

# Pages per step (4 MiB at the default page size): the GIL is let go during each step, and
# between steps the worker thread's Python neighbours get their turn.
STEP_PAGES = 1024
BUSY_TIMEOUT_S = 15.0


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_S, isolation_level=None)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)


def copy_database(source: Path, into: Path) -> None:
    """Copy the database `source` into the new file `into` (one consistent snapshot), leaving
    the copy a single self-contained file (rollback journal, no -wal beside it).
    Raises sqlite3.Error (the source cannot be read, the disk is full)."""
    src = _connect(source)
    try:
        src.execute("BEGIN")  # pins the snapshot: see the module docstring
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        dst = _connect(into)
        try:
            src.backup(dst, pages=STEP_PAGES)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()


@dataclass(frozen=True)
class Facts:
    """What a SQLite copy holds: rows per table, schema revision, the event; `integrity` is
    PRAGMA integrity_check's answer ("ok", or its first complaints), "" when not checked."""

    tables: dict[str, int]
    revision: str | None
    event_code: str | None
    event_name: str | None
    integrity: str


def facts(path: Path, *, check: bool = True) -> Facts:
    """Count the rows of every table of the database file `path` (read-only), read its revision
    and event, and with `check` run PRAGMA integrity_check. Raises sqlite3.Error for a file
    that is not a database."""
    conn = _connect(path, read_only=True)
    try:
        integrity = ""
        if check:
            answers = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(5)")]
            integrity = "; ".join(answers)
        names = [str(r[0]) for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        tables = {name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
                  for name in names}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(row[0]) if row else None
        code = name = None
        if "event" in tables:
            row = conn.execute("SELECT code, name_zh FROM event ORDER BY id LIMIT 1").fetchone()
            if row:
                code, name = str(row[0]), str(row[1])
        return Facts(tables, revision, code, name, integrity)
    finally:
        conn.close()


def restore_into(copy: Path, target: Path) -> None:
    """Make the database file `target` (created when missing) hold exactly what `copy` holds,
    through the backup API in one step: SQLite writes the target in one transaction of its own
    journal, so a crash half-way leaves it as it was, and a stale -wal file beside it can never
    be replayed over the restored pages. Leaves the target in WAL mode, as storage opens it.
    Raises sqlite3.Error (locked beyond the busy timeout, read-only, disk full)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = _connect(copy, read_only=True)
    try:
        dst = _connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    finally:
        src.close()

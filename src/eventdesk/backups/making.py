"""Making a backup file of a database (SQLite or PostgreSQL), and restoring one into a database.

Plain functions on URLs and paths: no permission check, no audit entry — those are the action's
(eventdesk.actions.backups). Storage uses `make_backup` for the restore point before a migration,
which is why this package sits below storage and imports neither it nor the services.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from eventdesk import __version__
from eventdesk.backups import archive, postgres, sqlite
from eventdesk.backups.archive import Verified
from eventdesk.backups.manifest import PG_DUMP, SQLITE, Manifest
from eventdesk.connection_secrets import masked
from eventdesk.domain.errors import DomainError
from eventdesk.files import check_target

__all__ = ["make_backup", "restore_file", "shown", "sqlite_file"]


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL, None for a server URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def shown(url: str) -> str:
    """The database as people see it: its file, or its URL with the password masked."""
    path = sqlite_file(url)
    return str(path) if path is not None else masked(url)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def make_backup(url: str, out: Path, *, reason: str, check: bool = True) -> Manifest:
    """Back up the database at `url` into the file `out` (whole or not at all: see
    backups.archive). SQLite: the online backup API, checked with PRAGMA integrity_check before
    it is archived (`check`; a restore point skips it: it is made before a change and checked
    when restored); PostgreSQL: pg_dump in custom format. Returns the manifest written.
    Raises DomainError backup.source_missing (no such SQLite file), backup.pg_tool_missing,
    backup.pg_tool_failed; OSError naming `out`; sqlite3 / SQLAlchemy errors of the source."""
    out = check_target(out)  # a folder as --out fails now, not after the copy
    path = sqlite_file(url)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{out.name}.", suffix=".part",
                                     dir=out.parent) as folder:
        member = Path(folder) / "copy"
        if path is not None:
            if not path.is_file():
                raise DomainError(code="backup.source_missing", database=str(path))
            sqlite.copy_database(path, member)
            found = sqlite.facts(member, check=check)
            if check and found.integrity != "ok":  # the live database is damaged: say so
                raise DomainError(code="backup.source_damaged", database=str(path),
                                  detail=found.integrity[:200])
            kind, tables, revision = SQLITE, found.tables, found.revision
            code, name = found.event_code, found.event_name
        else:
            snap = postgres.dump(url, member)
            kind, tables, revision = PG_DUMP, snap.tables, snap.revision
            code, name = snap.event_code, snap.event_name
        manifest = Manifest(kind=kind, sha256=archive.sha256_of(member),
                            size=member.stat().st_size, tables=tables, schema_revision=revision,
                            eventdesk_version=__version__, created_at=_now(), source=shown(url),
                            reason=reason, event_code=code, event_name=name)
        archive.write(out, member=member, manifest=manifest)
    return manifest


def check_pairing(kind: str, url: str) -> None:
    """Raise DomainError backup.kind_mismatch unless a backup of `kind` can be restored into
    the database at `url` here: a SQLite backup into a SQLite file or PostgreSQL (row by row),
    a pg_dump into PostgreSQL only."""
    if kind == PG_DUMP and sqlite_file(url) is not None:
        raise DomainError(code="backup.kind_mismatch", kind=kind, database=shown(url))


def restore_file(verified: Verified, url: str) -> None:
    """Put the verified backup's database into the database at `url`, replacing what it holds.
    SQLite backup -> SQLite file (backup API, one transaction); pg_dump -> PostgreSQL
    (pg_restore, one transaction). The caller has checked that replacing is wanted and made a
    restore point. Raises DomainError backup.kind_mismatch for a pairing not done here (a
    pg_dump into a SQLite file; a SQLite backup into PostgreSQL goes row by row, backups.rows,
    which the action runs once both schemas are migrated), backup.pg_tool_*; sqlite3 errors of
    the target."""
    path = sqlite_file(url)
    kind = verified.manifest.kind
    if path is not None and kind == SQLITE:
        sqlite.restore_into(verified.database, path)
        return
    if path is None and kind == PG_DUMP:
        postgres.restore(verified.database, url)
        return
    raise DomainError(code="backup.kind_mismatch", kind=kind, database=shown(url))


def rows_into_server(verified: Verified) -> bool:
    """Whether restoring `verified` goes row by row (a SQLite backup into PostgreSQL)."""
    return verified.manifest.kind == SQLITE


def target_is_empty(url: str) -> bool:
    """Whether the database at `url` holds nothing to lose: a SQLite file that is missing,
    0 bytes long or without tables; a PostgreSQL database without tables."""
    path = sqlite_file(url)
    if path is None:
        return not postgres.has_tables(url)
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
        try:
            row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
            return int(row.fetchone()[0]) == 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # something that is not an empty database: not ours to overwrite unasked

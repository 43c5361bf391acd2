"""PostgreSQL backups through pg_dump / pg_restore (custom format), when they are installed.

The dump and the manifest's row counts come from one snapshot: a REPEATABLE READ transaction
exports its snapshot (pg_export_snapshot), counts every table in it, and pg_dump is run with
`--snapshot` while that transaction stays open — so verifying the counts later means the dump
holds exactly those rows, whatever the desks wrote meanwhile.

The password never appears on a command line (where `ps` would show it): the tools get the URL
without it and the password in PGPASSWORD, in their environment only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from eventdesk.connection_secrets import masked, password_of
from eventdesk.domain.errors import DomainError

__all__ = ["Snapshot", "dump", "has_tables", "restore", "tool"]


def tool(name: str) -> str | None:
    """The path of `pg_dump` / `pg_restore` on this machine, or None."""
    return shutil.which(name)


def _need(name: str, url: str) -> str:
    found = tool(name)
    if found is None:
        raise DomainError(code="backup.pg_tool_missing", tool=name, database=masked(url))
    return found


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """(a libpq URL without any password, an environment carrying it in PGPASSWORD)."""
    parsed = make_url(url)
    password = password_of(url) or (str(parsed.password) if parsed.password else None)
    query = {k: v for k, v in parsed.query.items() if k.lower() not in ("password", "passwd")}
    plain = parsed.set(drivername="postgresql", password=None, query=query)
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = password
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], *, env: dict[str, str], url: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        detail = lines[0] if lines else f"exit {done.returncode}"
        secret = password_of(url)
        if secret:
            detail = detail.replace(secret, "***")
        raise DomainError(code="backup.pg_tool_failed", tool=Path(command[0]).name,
                          database=masked(url), detail=detail[:300])


@dataclass(frozen=True)
class Snapshot:
    """What `dump` read: rows per table, revision and event, from the dump's own snapshot."""

    tables: dict[str, int]
    revision: str | None
    event_code: str | None
    event_name: str | None


def dump(url: str, into: Path) -> Snapshot:
    """pg_dump the database at `url` into the file `into` (custom format, no owners) and count
    its rows in the same snapshot. Raises DomainError backup.pg_tool_missing /
    backup.pg_tool_failed; SQLAlchemy errors of reaching the server as they are."""
    pg_dump = _need("pg_dump", url)
    conninfo, env = libpq(url)
    engine = create_engine(url, isolation_level="REPEATABLE READ")
    try:
        with engine.connect() as conn:
            snapshot = str(conn.execute(text("SELECT pg_export_snapshot()")).scalar_one())
            names = sorted(inspect(conn).get_table_names())
            tables = {n: int(conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one())
                      for n in names}
            revision = (conn.execute(text("SELECT version_num FROM alembic_version"))
                        .scalar_one_or_none() if "alembic_version" in tables else None)
            row = (conn.execute(text("SELECT code, name_zh FROM event ORDER BY id LIMIT 1"))
                   .first() if "event" in tables else None)
            _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges",
                  f"--snapshot={snapshot}", f"--file={into}", f"--dbname={conninfo}"],
                 env=env, url=url)
            conn.rollback()
    finally:
        engine.dispose()
    return Snapshot(tables, str(revision) if revision else None,
                    str(row[0]) if row else None, str(row[1]) if row else None)


def check_dump(member: Path, *, url_for_errors: str = "") -> bool:
    """Whether pg_restore can read the dump's table of contents (False: pg_restore is not
    installed, so only the checksum was checked). Raises DomainError backup.pg_tool_failed."""
    pg_restore = tool("pg_restore")
    if pg_restore is None:
        return False
    _run([pg_restore, "--list", str(member)], env=dict(os.environ), url=url_for_errors)
    return True


def restore(member: Path, url: str) -> None:
    """Restore the dump `member` into the database at `url` in one transaction
    (`--single-transaction`: all of it or nothing), dropping the objects it holds first.
    Raises DomainError backup.pg_tool_missing / backup.pg_tool_failed."""
    pg_restore = _need("pg_restore", url)
    conninfo, env = libpq(url)
    _run([pg_restore, "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", "--exit-on-error", f"--dbname={conninfo}", str(member)],
         env=env, url=url)


def has_tables(url: str) -> bool:
    """Whether the database at `url` holds any table (in its search path)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(inspect(conn).get_table_names())
    finally:
        engine.dispose()

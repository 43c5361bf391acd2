"""An event database with rows in many tables (demo + check-ins), and a row-for-row dump."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from eventdesk.cli import main
from tests.accounts import take_over_demo_admin

SIZE = ["--exhibitors", "20", "--people", "300"]


def build_event(path: Path, capsys: pytest.CaptureFixture[str], *, checkins: int = 5) -> None:
    """A small demo event in `path` with `checkins` people checked in (check-ins + audit)."""
    assert main(["demo", "--db", str(path), *SIZE]) == 0
    capsys.readouterr()
    # later commands sign in as the demo's admin, with the tests' password (tests/accounts.py)
    take_over_demo_admin(f"sqlite:///{path}")
    assert main(["people", "--db", str(path), "--json", "--limit", str(checkins + 10)]) == 0
    people = [p for p in json.loads(capsys.readouterr().out) if p["status"] == "registered"]
    payloads = [p["qr_payload"] for p in people[:checkins]]
    assert main(["checkin", "--db", str(path), "--desk", "desk-1", *payloads]) == 0
    capsys.readouterr()


def rows_of(url_or_path: str | Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (alembic_version included), sorted, per table name; tables of
    the models read through the models' column types, so that SQLite's and PostgreSQL's rows
    compare as the program sees them (a date-time, not SQLite's text of it)."""
    from sqlalchemy import select

    from eventdesk.domain import Base

    url = url_or_path if isinstance(url_or_path, str) and "://" in url_or_path \
        else f"sqlite:///{url_or_path}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found: dict[str, list[tuple[object, ...]]] = {}
            for name in sorted(inspect(conn).get_table_names()):
                model = Base.metadata.tables.get(name)
                rows = conn.execute(select(model) if model is not None
                                    else text(f'SELECT * FROM "{name}"')).all()
                found[name] = sorted((tuple(r) for r in rows), key=repr)
            return found
    finally:
        engine.dispose()


def sqlite_count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        conn.close()


def assert_restored(before: dict[str, list[tuple[object, ...]]],
                    after: dict[str, list[tuple[object, ...]]]) -> None:
    """`after` (rows_of a restored database) is `before` (rows_of the backed-up one) row for
    row, but for the restore's own audit entry (`backup.restored`, exactly one) and the chain
    head, which that entry moved on."""
    added = [r for r in after["audit_entry"] if r not in before["audit_entry"]]
    assert len(added) == 1 and "backup.restored" in repr(added[0])
    rest = {**after, "audit_entry": [r for r in after["audit_entry"] if r not in added]}
    assert rest.pop("audit_chain_head") != before["audit_chain_head"]
    assert rest == {t: r for t, r in before.items() if t != "audit_chain_head"}

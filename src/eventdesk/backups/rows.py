"""A SQLite backup restored into PostgreSQL, row by row through SQLAlchemy.

Both databases are at the same schema revision (the caller migrated the backup's copy and the
target with storage). In one transaction on the target: every table of the models is emptied
(children first), the backup's rows are inserted table by table (parents first) in batches, and
each table's id sequence is set past its highest id, so the next row the desks add gets a new id.
Tables the models do not know are left out (none in an EventDesk database).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Table, create_engine, func, select, text

from eventdesk.domain import Base

__all__ = ["BATCH", "copy_rows"]

BATCH = 2000


def copy_rows(sqlite_copy: Path, url: str) -> dict[str, int]:
    """Replace every row of the PostgreSQL database at `url` with those of the SQLite file
    `sqlite_copy`; returns the rows copied per table. Raises SQLAlchemy errors (the target's
    transaction is rolled back: nothing changed)."""
    source = create_engine(f"sqlite:///{sqlite_copy}")
    target = create_engine(url)
    copied: dict[str, int] = {}
    tables = Base.metadata.sorted_tables
    # Tables the target's own triggers write while rows go in (the live-update feed,
    # migration 0011): copied last, over what the triggers wrote, so the copy is the backup's.
    fed = [t for t in tables if t.name in TRIGGER_FED]
    try:
        with source.connect() as src, target.begin() as dst:
            for table in reversed(tables):
                dst.execute(table.delete())
            for table in [t for t in tables if t.name not in TRIGGER_FED] + fed:
                if table in fed:
                    dst.execute(table.delete())
                copied[table.name] = _copy(src, dst, table)
    finally:
        source.dispose()
        target.dispose()
    return copied


# Written by the target's triggers whenever a person, check-in, print or exhibitor row changes.
TRIGGER_FED = frozenset({"change_log"})


def _copy(src: Connection, dst: Connection, table: Table) -> int:
    """Copy `table`'s rows in batches and move its id sequence past them; the rows copied."""
    copied = 0
    result = src.execution_options(yield_per=BATCH).execute(select(table))
    for batch in result.mappings().partitions(BATCH):
        dst.execute(table.insert(), [dict(row) for row in batch])
        copied += len(batch)
    id_column = table.c.get("id")
    if id_column is not None and id_column.autoincrement is not False:
        highest = dst.execute(select(func.max(id_column))).scalar()
        sequence = dst.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                               {"t": table.name}).scalar()
        if sequence:
            dst.execute(text("SELECT setval(:s, :v, :called)"),
                        {"s": sequence, "v": highest or 1, "called": highest is not None})
    return copied

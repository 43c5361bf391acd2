"""Pinyin sort keys (拼音排序): person.company_pinyin and exhibitor.name_pinyin beside
person.name_pinyin, which now holds the three-level key of domain.sorting (pinyin, tones, text)
instead of toneless pinyin; all compared by code point ("C" collation on PostgreSQL).

Every existing row gets its keys here (100,000 people: 4-7 s on SQLite, 10-13 s on PostgreSQL;
mostly pypinyin, once per distinct name and company). The rewrite changes nobody's data, so the change-feed rows its UPDATEs make the
triggers of 0011 write are removed again: desks that open the upgraded database read it whole.

Revision ID: 0013_pinyin_sort
Revises: 0012_pickup_collector
Create Date: 2026-11-30
"""
from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from eventdesk.domain.names import sort_pinyin
from eventdesk.domain.sorting import name_key, text_key

revision = "0013_pinyin_sort"
down_revision = "0012_pickup_collector"
branch_labels = None
depends_on = None

BATCH = 5000
_KEY = sa.String(300)
_NEW = (("person", "company_pinyin"), ("exhibitor", "name_pinyin"))
_KEYED = (*_NEW, ("person", "name_pinyin"))


def _collate(collation: str) -> None:
    """PostgreSQL: the key columns compare by `collation` (their indexes are rebuilt with it)."""
    for table, column in _KEYED:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar(300) '
                   f'COLLATE "{collation}"')


def _fill(table_name: str, sources: dict[str, tuple[str, Callable[[str], str]]]) -> None:
    """Set each key column of `sources` ({key column: (text column, key function)}) of every row
    of `table_name`, in batches of BATCH rows."""
    conn = op.get_bind()
    texts = list(dict.fromkeys(text for text, _key in sources.values()))
    table = sa.table(table_name, sa.column("id", sa.Integer),
                     *[sa.column(c, sa.Text) for c in [*texts, *sources]])
    rows = conn.execute(sa.select(table.c.id, *[table.c[t] for t in texts])).all()
    stmt = (table.update().where(table.c.id == sa.bindparam("row_id"))
            .values({c: sa.bindparam(f"k_{c}") for c in sources}))
    for start in range(0, len(rows), BATCH):
        values = []
        for row in rows[start:start + BATCH]:
            found = dict(zip(texts, row[1:], strict=True))
            values.append({"row_id": row[0], **{f"k_{c}": key(found[text] or "")
                                                 for c, (text, key) in sources.items()}})
        if conn.dialect.name == "postgresql":
            # One UPDATE … FROM unnest(arrays) per batch: one round trip and one run of the
            # statement-level feed trigger per batch rather than per row, and no statement of
            # 5,000 VALUES rows for SQLAlchemy to compile (100,000 people: 32 s per row, 21 s with
            # VALUES, 10 s so, at load 2-3).
            columns = list(sources)
            sets = ", ".join(f"{c} = given.k{i}" for i, c in enumerate(columns))
            arrays = ", ".join(f"CAST(:k{i} AS text[])" for i in range(len(columns)))
            names = ", ".join(f"k{i}" for i in range(len(columns)))
            conn.execute(sa.text(
                f"UPDATE {table_name} SET {sets} FROM unnest(CAST(:ids AS integer[]), {arrays}) "
                f"AS given(row_id, {names}) WHERE {table_name}.id = given.row_id"),
                {"ids": [v["row_id"] for v in values],
                 **{f"k{i}": [v[f"k_{c}"] for v in values] for i, c in enumerate(columns)}})
        else:  # SQLite is in-process: executemany costs no round trips
            conn.execute(stmt, values)


def upgrade() -> None:
    conn = op.get_bind()
    postgres = conn.dialect.name == "postgresql"
    newest = conn.scalar(sa.text("SELECT max(id) FROM change_log"))
    for table, column in _NEW:
        op.add_column(table, sa.Column(column, _KEY, nullable=False, server_default=""))
    if postgres:
        _collate("C")
    _fill("person", {"name_pinyin": ("name", name_key), "company_pinyin": ("company", text_key)})
    _fill("exhibitor", {"name_pinyin": ("name_zh", text_key)})
    for table, column in _NEW:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)
    # The feed rows of the rewrite above (see the module docstring).
    op.execute(sa.text("DELETE FROM change_log WHERE id > :newest")
               .bindparams(newest=newest or 0))


def downgrade() -> None:
    conn = op.get_bind()
    newest = conn.scalar(sa.text("SELECT max(id) FROM change_log"))
    for table, column in _NEW:
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        # ALTER TABLE DROP COLUMN (SQLite 3.35+), not a batch copy: that would lose the
        # table's change-feed triggers.
        op.drop_column(table, column)
    if conn.dialect.name == "postgresql":
        op.execute('ALTER TABLE person ALTER COLUMN name_pinyin TYPE varchar(300) '
                   'COLLATE "default"')
    _fill("person", {"name_pinyin": ("name", sort_pinyin)})
    op.execute(sa.text("DELETE FROM change_log WHERE id > :newest")
               .bindparams(newest=newest or 0))

"""Reprint reasons printer_fault and other (issue 13): badge_print.reason's CHECK constraint
widened, and badge_print.note (the operator's words for "other", at most 200 characters).

Before this revision a desk stored both as "damaged" (the real reason only in the reprint's
audit entry), so existing rows stay as they are. Downgrade maps printer_fault and other back to
damaged and drops the note (it stays in the audit entries).

Revision ID: 0014_print_reasons
Revises: 0013_pinyin_sort
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_print_reasons"
down_revision = "0013_pinyin_sort"
branch_labels = None
depends_on = None

OLD = ("first", "lost", "damaged", "wrong_data")
NEW = (*OLD, "printer_fault", "other")
NOTE_MAX = 200  # domain.desk.NOTE_MAX when this revision was written


def _swap(values: tuple[str, ...], *, drop_note: bool = False) -> None:
    """badge_print.reason's CHECK (named like the models' key_enum: ck_badge_print_print_reason,
    through the naming convention) admits exactly `values`; SQLite: the table is copied."""
    allowed = ", ".join(f"'{v}'" for v in values)
    conn = op.get_bind()
    # SQLite's batch copy drops the table's triggers (the change feed of 0011): kept and made
    # again on the new table.
    triggers = list(conn.scalars(sa.text(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'badge_print'"))
    ) if conn.dialect.name == "sqlite" else []
    with op.batch_alter_table("badge_print", schema=None) as batch_op:
        # The old CHECK goes first: a batch copy would keep it beside the new one.
        batch_op.drop_constraint("print_reason", type_="check")
        batch_op.create_check_constraint("print_reason", sa.text(f"reason IN ({allowed})"))
        if drop_note:
            batch_op.drop_column("note")
    for sql in triggers:
        op.execute(sql)


def upgrade() -> None:
    _swap(NEW)
    # A plain ALTER on both backends (SQLite adds a nullable column without copying the table).
    op.add_column("badge_print", sa.Column("note", sa.String(NOTE_MAX), nullable=True))


def downgrade() -> None:
    op.execute("UPDATE badge_print SET reason = 'damaged' "
               "WHERE reason IN ('printer_fault', 'other')")
    _swap(OLD, drop_note=True)

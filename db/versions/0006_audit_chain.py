"""The audit trail's hash chain: seq, prev_hash and hash on every entry, and the chain head.

Entries already in the database are chained here, in id order (the order they were written),
so that `audit verify` covers them too: an entry edited after this migration is detected like a
new one. What was changed before it cannot be told (nothing was chained then). See
domain.audit_chain for the formula, services.audit for how entries are appended.

Revision ID: 0006_audit_chain
Revises: 0005_accent_free_search
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from eventdesk.domain.audit_chain import GENESIS, canonical_body, link_hash
from eventdesk.domain.base import UtcDateTime

revision = "0006_audit_chain"
down_revision = "0005_accent_free_search"
branch_labels = None
depends_on = None

_BATCH = 5_000


def upgrade() -> None:
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
    )
    op.add_column("audit_entry", sa.Column("seq", sa.Integer(), nullable=True))
    op.add_column("audit_entry", sa.Column("prev_hash", sa.String(64), nullable=False,
                                           server_default=""))
    op.add_column("audit_entry", sa.Column("hash", sa.String(64), nullable=False,
                                           server_default=""))
    conn = op.get_bind()
    entry = sa.table("audit_entry", sa.column("id", sa.Integer), sa.column("at", UtcDateTime()),
                     sa.column("actor", sa.String), sa.column("desk", sa.String),
                     sa.column("action", sa.String), sa.column("subject_type", sa.String),
                     sa.column("subject_id", sa.Integer), sa.column("detail", sa.Text),
                     sa.column("seq", sa.Integer), sa.column("prev_hash", sa.String),
                     sa.column("hash", sa.String))
    rows = conn.execute(sa.select(entry.c.id, entry.c.at, entry.c.actor, entry.c.desk,
                                  entry.c.action, entry.c.subject_type, entry.c.subject_id,
                                  entry.c.detail).order_by(entry.c.id)).all()
    seq, prev, prev_before = 0, GENESIS, ""
    changes: list[dict[str, object]] = []
    update = (entry.update().where(entry.c.id == sa.bindparam("row_id"))
              .values(seq=sa.bindparam("new_seq"), prev_hash=sa.bindparam("new_prev"),
                      hash=sa.bindparam("new_hash")))
    for row_id, at, actor, desk, action, subject_type, subject_id, detail in rows:
        seq += 1
        body = canonical_body(at=at, actor=actor or "", desk=desk or "", action=action or "",
                              subject_type=subject_type or "", subject_id=subject_id,
                              detail=detail or "")
        digest = link_hash(seq=seq, prev_hash=prev, body=body)
        changes.append({"row_id": row_id, "new_seq": seq, "new_prev": prev, "new_hash": digest})
        prev_before, prev = prev, digest
        if len(changes) >= _BATCH:
            conn.execute(update, changes)
            changes = []
    if changes:
        conn.execute(update, changes)
    op.create_index("ix_audit_entry_seq", "audit_entry", ["seq"], unique=True)
    head = sa.table("audit_chain_head", sa.column("id", sa.Integer), sa.column("seq", sa.Integer),
                    sa.column("hash", sa.String), sa.column("prev_hash", sa.String))
    conn.execute(head.insert().values(id=1, seq=seq, hash=prev, prev_hash=prev_before))


def downgrade() -> None:
    op.drop_index("ix_audit_entry_seq", table_name="audit_entry")
    with op.batch_alter_table("audit_entry") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
    op.drop_table("audit_chain_head")

"""Badge signing keys outside the database's reach; ED1 badges kept by digest, secret removed.

Issue 12: a copy of the database file held the event's HMAC secret, so anyone with the copy
could make badges that desks accept. From now on badges are ED2 (Ed25519, domain.qr): the
database holds the public key and the private key only sealed under an organiser's passphrase
(signing_key; services.signing). Badges already printed (ED1) stay valid: this migration stores
the SHA-256 digest of every ED1 payload valid now — each person's badge code, and each revoked
code (so a lost badge is still refused as `revoked`, not as `forged`) — and empties the secret.
A digest gives nothing to compute another ED1 payload from.

On SQLite `secure_delete` is on while the secret is overwritten, so its bytes do not linger in
the page's free space.

Downgrade removes the new tables and column; the secret cannot come back, so after a downgrade
ED1 badges no longer verify (make a backup before upgrading if that matters).

Revision ID: 0007_badge_signing
Revises: 0006_audit_chain
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from eventdesk.domain.qr import is_badge_code, legacy_digest, legacy_payload

revision = "0007_badge_signing"
down_revision = "0006_audit_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verify_keys", sa.Text(), nullable=False,
                                      server_default=""))
    op.create_table(
        "signing_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("sealed_key", sa.LargeBinary(), nullable=False),
        sa.Column("nonce", sa.LargeBinary(), nullable=False),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        sa.Column("kdf_iterations", sa.Integer(), nullable=False),
        sa.Column("kdf_lanes", sa.Integer(), nullable=False),
        sa.Column("kdf_memory_kib", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"],
                                name=op.f("fk_signing_key_event_id_event"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_key")),
        sa.UniqueConstraint("public_key", name=op.f("uq_signing_key_public_key")),
    )
    with op.batch_alter_table("signing_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signing_key_event_id"), ["event_id"], unique=False)
    op.create_table(
        "legacy_badge",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_legacy_badge")),
    )
    _keep_ed1_badges_by_digest(conn)


def _keep_ed1_badges_by_digest(conn: sa.Connection) -> None:
    event = sa.table("event", sa.column("id", sa.Integer), sa.column("code", sa.String),
                     sa.column("secret", sa.String))
    person = sa.table("person", sa.column("badge_code", sa.String))
    revoked = sa.table("revoked_badge", sa.column("code", sa.String))
    legacy = sa.table("legacy_badge", sa.column("digest", sa.String))
    for event_id, code, secret in conn.execute(sa.select(event.c.id, event.c.code,
                                                         event.c.secret)).all():
        if secret:
            codes = {c for (c,) in conn.execute(sa.select(person.c.badge_code))}
            codes |= {c for (c,) in conn.execute(sa.select(revoked.c.code))}
            rows = [{"digest": legacy_digest(legacy_payload(event_code=code, badge_code=c,
                                                            secret=secret))}
                    for c in sorted(codes) if c and is_badge_code(c)]
            for start in range(0, len(rows), 5000):
                conn.execute(legacy.insert(), rows[start:start + 5000])
        conn.execute(event.update().where(event.c.id == event_id).values(secret=""))


def downgrade() -> None:
    op.drop_table("legacy_badge")
    with op.batch_alter_table("signing_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signing_key_event_id"))
    op.drop_table("signing_key")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("verify_keys")

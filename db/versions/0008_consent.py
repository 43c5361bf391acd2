"""Consent to personal data use (PIPL): person.consent (unknown/given/refused) and consent_at.

Everyone registered before this revision has "unknown": the lists they came from said nothing,
and nothing may be read into that silence (README "Privacy rules").

Revision ID: 0008_consent
Revises: 0007_badge_signing
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_consent"
down_revision = "0007_badge_signing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A database stamped back to an older revision by hand (tests of older migrations) may
    # already have the columns: add only what is missing.
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("person")}
    if "consent" in have:
        return
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "consent", sa.Enum("unknown", "given", "refused", name="consent", native_enum=False,
                               create_constraint=True, length=16),
            nullable=False, server_default="unknown"))
        batch_op.add_column(sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        # The enum's CHECK goes first: SQLite's batch copy would keep it and name a column
        # that is no longer there.
        batch_op.drop_constraint("consent", type_="check")  # ck_person_consent
        batch_op.drop_column("consent_at")
        batch_op.drop_column("consent")

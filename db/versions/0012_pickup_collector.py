"""Exhibitor pick-up: the phone of the person who collected the pack (issue 13).

badge_collection.collected_by already held the collector's name; the phone joins it so that the
desk can call them back about a missing badge. Existing rows get an empty phone.

Revision ID: 0012_pickup_collector
Revises: 0011_live_updates
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_pickup_collector"
down_revision = "0011_live_updates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("badge_collection", schema=None) as batch_op:
        batch_op.add_column(sa.Column("collector_phone", sa.String(length=40), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("badge_collection", schema=None) as batch_op:
        batch_op.drop_column("collector_phone")

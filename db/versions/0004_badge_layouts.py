"""badge layouts designed for the event (the badge designer), stored in the event's database so
that every desk of the event prints the same badge

Revision ID: 0004_badge_layouts
Revises: 0003_badge_code_search
Create Date: 2026-12-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_badge_layouts"
down_revision = "0003_badge_code_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "badge_layout",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_badge_layout")),
    )
    op.create_table(
        "badge_layout_image",
        sa.Column("layout_name", sa.String(length=60), nullable=False),
        sa.Column("file_name", sa.String(length=120), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["layout_name"], ["badge_layout.name"],
                                name=op.f("fk_badge_layout_image_layout_name_badge_layout"),
                                ondelete="CASCADE", onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("layout_name", "file_name", name=op.f("pk_badge_layout_image")),
    )


def downgrade() -> None:
    op.drop_table("badge_layout_image")
    op.drop_table("badge_layout")

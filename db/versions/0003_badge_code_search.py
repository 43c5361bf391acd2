"""Badge codes are no longer search forms: drop them from person.search_text.

The search matches a whole code against person.badge_code instead (see
domain.names.person_search_text). search_text is derived data, so the downgrade keeps it as it is.

Revision ID: 0003_badge_code_search
Revises: 0002_badge_collection
Create Date: 2026-11-27
"""
from __future__ import annotations

from alembic import op

revision = "0003_badge_code_search"
down_revision = "0002_badge_collection"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The code was stored lower-cased between '|' separators, never as the first form (the name).
    op.execute(
        "UPDATE person SET search_text = replace(search_text, '|' || lower(badge_code), '') "
        "WHERE search_text LIKE '%|' || lower(badge_code) || '%'"
    )


def downgrade() -> None:
    pass

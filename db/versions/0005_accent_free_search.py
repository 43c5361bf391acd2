"""Accent-free search forms: add `Maria Diaz` beside `María Díaz` in exhibitor.search_text.

Query words are now spelled without accents (domain.names.search_fold), so the exhibitor list's
`search_text LIKE '%word%'` needs the accent-free spelling of every stored form; rows written from
now on get it from exhibitor_search_text. person.search_text is left as it is: the desk's search
index adds the same forms when it loads a row (services.search.forms.make_entry), and rewriting
100,000 rows here would hold up opening the database for nothing. search_text is derived data,
so the downgrade keeps it as it is.

Revision ID: 0005_accent_free_search
Revises: 0004_badge_layouts
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from eventdesk.domain.names import SEPARATOR, with_latin_forms

revision = "0005_accent_free_search"
down_revision = "0004_badge_layouts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    exhibitor = sa.table("exhibitor", sa.column("id", sa.Integer),
                         sa.column("search_text", sa.Text))
    changes = []
    for row_id, text in conn.execute(sa.select(exhibitor.c.id, exhibitor.c.search_text)):
        forms = [f for f in (text or "").split(SEPARATOR) if f]
        new = SEPARATOR.join(dict.fromkeys(with_latin_forms(forms)))
        if new != (text or ""):
            changes.append({"row_id": row_id, "text": new})
    if changes:
        conn.execute(exhibitor.update().where(exhibitor.c.id == sa.bindparam("row_id"))
                     .values(search_text=sa.bindparam("text")), changes)


def downgrade() -> None:
    pass

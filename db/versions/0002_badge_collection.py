"""badge collection (exhibitor pick-up at the desk)

Revision ID: 0002_badge_collection
Revises: 0001
Create Date: 2026-11-27
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_badge_collection'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('badge_collection',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('exhibitor_id', sa.Integer(), nullable=True),
    sa.Column('collected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('collected_by', sa.String(length=100), nullable=False),
    sa.Column('desk', sa.String(length=60), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['exhibitor_id'], ['exhibitor.id'], name=op.f('fk_badge_collection_exhibitor_id_exhibitor'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_badge_collection_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_badge_collection'))
    )
    with op.batch_alter_table('badge_collection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_badge_collection_exhibitor_id'), ['exhibitor_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('badge_collection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_badge_collection_exhibitor_id'))
    op.drop_table('badge_collection')

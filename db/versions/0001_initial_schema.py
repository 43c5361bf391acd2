"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.Enum('admin', 'organiser', 'desk', 'print', name='user_role', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('desk', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('subject_type', sa.String(length=30), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('secret', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_event_dates_ordered')),
    sa.CheckConstraint('length(code) BETWEEN 2 AND 8', name=op.f('ck_event_code_length')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('code', name=op.f('uq_event_code'))
    )
    op.create_table('exhibitor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=60), nullable=False),
    sa.Column('sector', sa.String(length=60), nullable=False),
    sa.Column('hall', sa.String(length=20), nullable=False),
    sa.Column('booth', sa.String(length=20), nullable=False),
    sa.Column('contact_name', sa.String(length=100), nullable=False),
    sa.Column('contact_phone', sa.String(length=32), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('staff_quota', sa.Integer(), nullable=False),
    sa.Column('external_ref', sa.String(length=64), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('staff_quota >= 0', name=op.f('ck_exhibitor_quota_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exhibitor')),
    sa.UniqueConstraint('external_ref', name=op.f('uq_exhibitor_external_ref'))
    )
    with op.batch_alter_table('exhibitor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exhibitor_booth'), ['booth'], unique=False)
        batch_op.create_index(batch_op.f('ix_exhibitor_hall'), ['hall'], unique=False)
        batch_op.create_index(batch_op.f('ix_exhibitor_name_zh'), ['name_zh'], unique=False)

    op.create_table('room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('hall', sa.String(length=20), nullable=False),
    sa.Column('floor', sa.String(length=20), nullable=False),
    sa.Column('room_group', sa.String(length=60), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.CheckConstraint('capacity >= 0', name=op.f('ck_room_capacity_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room')),
    sa.UniqueConstraint('name', name=op.f('uq_room_name'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('track',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('colour', sa.String(length=9), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_track')),
    sa.UniqueConstraint('name', name=op.f('uq_track_name'))
    )
    op.create_table('agenda_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title_zh', sa.String(length=300), nullable=False),
    sa.Column('title_en', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.Enum('keynote', 'forum', 'talk', 'panel', 'break', name='agenda_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('start_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('end_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('track_id', sa.Integer(), nullable=True),
    sa.Column('expected_audience', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('external_ref', sa.String(length=64), nullable=True),
    sa.CheckConstraint('end_at IS NULL OR start_at IS NULL OR end_at > start_at', name=op.f('ck_agenda_item_ordered')),
    sa.CheckConstraint('expected_audience >= 0', name=op.f('ck_agenda_item_audience_not_negative')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_agenda_item_room_id_room'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['track_id'], ['track.id'], name=op.f('fk_agenda_item_track_id_track'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item')),
    sa.UniqueConstraint('external_ref', name=op.f('uq_agenda_item_external_ref'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_room_id'), ['room_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_start_at'), ['start_at'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category', sa.Enum('exhibitor', 'visitor', 'speaker', 'media', 'vip', 'staff', name='category', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_en', sa.String(length=100), nullable=False),
    sa.Column('name_pinyin', sa.String(length=300), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('company', sa.String(length=200), nullable=False),
    sa.Column('exhibitor_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('badge_code', sa.String(length=16), nullable=False),
    sa.Column('status', sa.Enum('registered', 'cancelled', name='person_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('external_ref', sa.String(length=64), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['exhibitor_id'], ['exhibitor.id'], name=op.f('fk_person_exhibitor_id_exhibitor'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('badge_code', name=op.f('uq_person_badge_code')),
    sa.UniqueConstraint('external_ref', name=op.f('uq_person_external_ref'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_company'), ['company'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_exhibitor_id'), ['exhibitor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_name_pinyin'), ['name_pinyin'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_phone'), ['phone'], unique=False)

    op.create_table('room_availability',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('start_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('end_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_at > start_at', name=op.f('ck_room_availability_window_ordered')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_room_availability_room_id_room'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_availability'))
    )
    with op.batch_alter_table('room_availability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_availability_room_id'), ['room_id'], unique=False)

    op.create_table('agenda_speaker',
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('speaker', 'moderator', name='speaker_role', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_agenda_speaker_agenda_item_id_agenda_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_agenda_speaker_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agenda_item_id', 'person_id', name=op.f('pk_agenda_speaker'))
    )
    with op.batch_alter_table('agenda_speaker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_speaker_person_id'), ['person_id'], unique=False)

    op.create_table('badge_print',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('badge_code', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk', sa.String(length=60), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('layout', sa.String(length=60), nullable=False),
    sa.Column('reason', sa.Enum('first', 'lost', 'damaged', 'wrong_data', name='print_reason', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_badge_print_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_badge_print'))
    )
    with op.batch_alter_table('badge_print', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_badge_print_person_id'), ['person_id'], unique=False)

    op.create_table('check_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('event_day', sa.Date(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('desk', sa.String(length=60), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_check_in_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in')),
    sa.UniqueConstraint('person_id', 'event_day', name=op.f('uq_check_in_person_id_event_day'))
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_in_event_day'), ['event_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_in_person_id'), ['person_id'], unique=False)

    op.create_table('revoked_badge',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_revoked_badge_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_revoked_badge'))
    )
    with op.batch_alter_table('revoked_badge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revoked_badge_person_id'), ['person_id'], unique=False)

    op.create_table('speaker_unavailability',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('start_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('end_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_at > start_at', name=op.f('ck_speaker_unavailability_window_ordered')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_speaker_unavailability_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speaker_unavailability'))
    )
    with op.batch_alter_table('speaker_unavailability', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_unavailability_person_id'), ['person_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('speaker_unavailability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_unavailability_person_id'))

    op.drop_table('speaker_unavailability')
    with op.batch_alter_table('revoked_badge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revoked_badge_person_id'))

    op.drop_table('revoked_badge')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_in_person_id'))
        batch_op.drop_index(batch_op.f('ix_check_in_event_day'))
        batch_op.drop_index(batch_op.f('ix_check_in_at'))

    op.drop_table('check_in')
    with op.batch_alter_table('badge_print', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_badge_print_person_id'))

    op.drop_table('badge_print')
    with op.batch_alter_table('agenda_speaker', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_speaker_person_id'))

    op.drop_table('agenda_speaker')
    with op.batch_alter_table('room_availability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_availability_room_id'))

    op.drop_table('room_availability')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_phone'))
        batch_op.drop_index(batch_op.f('ix_person_name_pinyin'))
        batch_op.drop_index(batch_op.f('ix_person_name'))
        batch_op.drop_index(batch_op.f('ix_person_exhibitor_id'))
        batch_op.drop_index(batch_op.f('ix_person_email'))
        batch_op.drop_index(batch_op.f('ix_person_company'))
        batch_op.drop_index(batch_op.f('ix_person_category'))

    op.drop_table('person')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_start_at'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_room_id'))

    op.drop_table('agenda_item')
    op.drop_table('track')
    op.drop_table('setting')
    op.drop_table('room')
    with op.batch_alter_table('exhibitor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exhibitor_name_zh'))
        batch_op.drop_index(batch_op.f('ix_exhibitor_hall'))
        batch_op.drop_index(batch_op.f('ix_exhibitor_booth'))

    op.drop_table('exhibitor')
    op.drop_table('event')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_action'))

    op.drop_table('audit_entry')
    op.drop_table('app_user')


"""Live updates: the change feed (change_log) filled by triggers; NOTIFY on PostgreSQL.

Every insert, update or delete of a person, check-in, badge print or exhibitor adds a row
(topic, subject id) to change_log in the same transaction, written by the database itself: no
writer of the program (or outside it) can forget it, and the desk's check-in keeps its one round
trip (the trigger runs inside the statement). Desks read the rows added since the newest they saw
(services.changes). On PostgreSQL the trigger also calls pg_notify('eventdesk_changes'), which the
server delivers to listening desks when the transaction commits; SQLite desks poll
`PRAGMA data_version` instead.

PostgreSQL: statement-level triggers over transition tables (one INSERT ... SELECT per
statement, so a 30,000-row import costs one statement per batch, not 30,000 trigger calls).
SQLite has row-level triggers only.

Revision ID: 0011_live_updates
Revises: 0008_consent
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_live_updates"
down_revision = "0008_consent"
branch_labels = None
depends_on = None

CHANNEL = "eventdesk_changes"
# (table, topic, the column that names the subject)
FEEDS = (("person", "people", "id"), ("check_in", "checkins", "person_id"),
         ("badge_print", "prints", "person_id"), ("exhibitor", "exhibitors", "id"))
EVENTS = ("INSERT", "UPDATE", "DELETE")

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION eventdesk_log_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    -- TG_ARGV: topic, and whether the subject is the row's id ('id') or its person_id.
    IF TG_OP = 'DELETE' THEN
        IF TG_ARGV[1] = 'id' THEN
            INSERT INTO change_log (topic, subject_id) SELECT TG_ARGV[0], id FROM old_rows;
        ELSE
            INSERT INTO change_log (topic, subject_id) SELECT TG_ARGV[0], person_id FROM old_rows;
        END IF;
    ELSE
        IF TG_ARGV[1] = 'id' THEN
            INSERT INTO change_log (topic, subject_id) SELECT TG_ARGV[0], id FROM new_rows;
        ELSE
            INSERT INTO change_log (topic, subject_id) SELECT TG_ARGV[0], person_id FROM new_rows;
        END IF;
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
        -- Delivered at commit, once per transaction and topic (the server folds repeats).
        PERFORM pg_notify('{CHANNEL}', TG_ARGV[0]);
    END IF;
    RETURN NULL;
END
$$;
"""


def _name(table: str, event: str) -> str:
    return f"change_log_{table}_{event.lower()}"


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("topic", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        for table, topic, column in FEEDS:
            for event in EVENTS:
                rows = "OLD TABLE AS old_rows" if event == "DELETE" else "NEW TABLE AS new_rows"
                op.execute(f"CREATE TRIGGER {_name(table, event)} AFTER {event} ON {table} "
                           f"REFERENCING {rows} FOR EACH STATEMENT "
                           f"EXECUTE FUNCTION eventdesk_log_changes('{topic}', '{column}')")
        return
    for table, topic, column in FEEDS:
        for event in EVENTS:
            row = "OLD" if event == "DELETE" else "NEW"
            op.execute(f"CREATE TRIGGER {_name(table, event)} AFTER {event} ON {table} "
                       f"BEGIN INSERT INTO change_log (topic, subject_id) "
                       f"VALUES ('{topic}', {row}.{column}); END")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, _topic, _column in FEEDS:
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS {_name(table, event)}"
                       + (f" ON {table}" if postgres else ""))
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS eventdesk_log_changes()")
    op.drop_table("change_log")

"""The Alembic migrations and the models describe the same schema, with one head."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from eventdesk.domain import Base
from eventdesk.paths import migrations_dir
from eventdesk.storage import Database


def test_single_head() -> None:
    assert len(ScriptDirectory(str(migrations_dir())).get_heads()) == 1


def test_models_match_migrated_schema(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_revision_ids_fit_alembic_version_column() -> None:
    # alembic_version.version_num is VARCHAR(32); PostgreSQL refuses a longer id.
    for script in ScriptDirectory(str(migrations_dir())).walk_revisions():
        assert len(script.revision) <= 32, script.revision

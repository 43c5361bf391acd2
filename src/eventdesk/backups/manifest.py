"""What a backup file says about itself: the manifest (JSON, the archive's first member).

A backup file (`*.edbackup`) is a gzip-compressed tar archive of two members:

    manifest.json       this manifest
    database.sqlite3    the SQLite database, copied with SQLite's online backup API   (kind sqlite)
    database.pgdump     or a PostgreSQL dump in pg_dump's custom format             (kind pg_dump)

The manifest carries the member's SHA-256 and size, the rows of every table, the schema
revision, the EventDesk version, when and from which database (its URL without any password) it
was made, and why (`reason`). Verifying a file checks all of these (eventdesk.backups.archive).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT = "eventdesk-backup"
FORMAT_VERSION = 1
SUFFIX = ".edbackup"
MANIFEST_MEMBER = "manifest.json"
SQLITE = "sqlite"
PG_DUMP = "pg_dump"
MEMBERS = {SQLITE: "database.sqlite3", PG_DUMP: "database.pgdump"}

# Why a backup was made. A restore point is made by the program before a change that replaces or
# rewrites data; `auto` is the window's rotating backup; `manual` one a person asked for.
MANUAL = "manual"
AUTO = "auto"
BEFORE_MIGRATION = "before-migration"
BEFORE_IMPORT = "before-import"
BEFORE_DEMO = "before-demo-replace"
BEFORE_RESTORE = "before-restore"
BEFORE_PURGE = "before-purge"
REASONS = (MANUAL, AUTO, BEFORE_MIGRATION, BEFORE_IMPORT, BEFORE_DEMO, BEFORE_RESTORE,
           BEFORE_PURGE)
RESTORE_POINTS = frozenset({BEFORE_MIGRATION, BEFORE_IMPORT, BEFORE_DEMO, BEFORE_RESTORE,
                            BEFORE_PURGE})


@dataclass(frozen=True)
class Manifest:
    """One backup's description.

    kind: `sqlite` or `pg_dump`; sha256/size: of the database member (hex digest, bytes);
    tables: rows per table at the moment of the copy (the same snapshot as the copy);
    schema_revision: the Alembic revision of the copy (None for an empty database);
    created_at: ISO 8601 in UTC; source: the database copied, as shown to people (no password);
    reason: one of REASONS; event_code / event_name: the event the database holds, if any.
    """

    kind: str
    sha256: str
    size: int
    tables: dict[str, int]
    schema_revision: str | None
    eventdesk_version: str
    created_at: str
    source: str
    reason: str
    event_code: str | None = None
    event_name: str | None = None
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def member(self) -> str:
        return MEMBERS[self.kind]

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        """The manifest in `data`. Raises ValueError when it is not one of ours (another format,
        a newer format version, a missing or mistyped field)."""
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError("manifest is not JSON") from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not an EventDesk backup manifest")
        if raw.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"format version {raw.get('format_version')!r}")
        if raw.get("kind") not in MEMBERS:
            raise ValueError(f"kind {raw.get('kind')!r}")
        tables = raw.get("tables")
        if not isinstance(tables, dict) or not all(
                isinstance(k, str) and isinstance(v, int) for k, v in tables.items()):
            raise ValueError("tables")
        try:
            return cls(**{k: raw[k] for k in cls.__dataclass_fields__ if k in raw})
        except TypeError as exc:
            raise ValueError(str(exc)) from exc

"""One import writes a kind's records at a time, across processes and machines.

A plan is written only when what it read is unchanged (the kind's stamp, checked in the write
transaction). On SQLite that check is safe by itself: a write transaction (BEGIN IMMEDIATE)
excludes every other writer from the check to the commit. On PostgreSQL two transactions may
both check, both see no one, and both insert: two organisers importing the same list at once
created everyone twice. So every import write transaction first takes a transaction-level
advisory lock named after the kind; a second import waits for the first to commit, then sees
its rows in the stamp and plans again, and its rows match the records the first one made.

A unique constraint cannot do this job: people match by any of several keys (the same name
with the same phone, e-mail or company, a registration id…), and two people may share a name
and a company (see people.py), so no column set of the person table is unique.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlalchemy.orm import Session


def lock_key(kind: str) -> int:
    """The advisory lock's number for imports of `kind` (a stable signed 64-bit integer)."""
    digest = hashlib.blake2b(f"eventdesk.import.{kind}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def hold_import_lock(session: Session, *, kind: str) -> None:
    """Wait until no other import of `kind` is writing, and keep them out until this
    transaction ends (commit or rollback). Call it first in an import's write transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(kind)})

"""The audit trail's hash chain: the canonical encoding of an entry and its link hash.

Every audit entry carries a sequence number (1, 2, 3 … without gaps), the hash of the entry
before it and its own hash: SHA-256 over `"<seq>\\n<prev_hash>\\n<body>"`, UTF-8, where `body` is
the canonical JSON array of the entry's content (see `canonical_body`). Editing an entry changes
its hash; deleting one leaves a gap in the sequence; moving one breaks the link to its neighbour.
The same formula is computed in SQL on PostgreSQL (services.audit, so that a desk's scan writes
its chained entry in the check-in's one statement) and in Python here (SQLite, the migration,
`audit verify`); tests/services/test_audit_chain.py checks the two agree.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

# The `prev_hash` of entry 1: no entry came before it.
GENESIS = "0" * 64


def utc_iso(at: datetime) -> str:
    """`at` (aware) as the UTC ISO text the hash covers, always with microseconds, e.g.
    `2026-11-30T13:19:18.123456+00:00`: the same text whether the database gave back a
    PostgreSQL timestamptz or SQLite's naive UTC text (domain.base.UtcDateTime)."""
    if at.tzinfo is None:
        raise ValueError("naive datetime in an audit entry")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def canonical_body(*, at: datetime, actor: str, desk: str, action: str, subject_type: str,
                   subject_id: int | None, detail: str) -> str:
    """The entry's content as one canonical text: a compact JSON array (no spaces, non-ASCII
    kept as it is) of [at (utc_iso), actor, desk, action, subject_type, subject_id, detail]
    where `detail` is the stored JSON text itself, not re-encoded (so a verify reads exactly
    what was hashed)."""
    return json.dumps([utc_iso(at), actor, desk, action, subject_type, subject_id, detail],
                      ensure_ascii=False, separators=(",", ":"))


def link_hash(*, seq: int, prev_hash: str, body: str) -> str:
    """SHA-256 (hex, lower case) of `"<seq>\\n<prev_hash>\\n<body>"` in UTF-8."""
    return hashlib.sha256(f"{seq}\n{prev_hash}\n{body}".encode()).hexdigest()

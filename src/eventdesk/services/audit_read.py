"""Reading the audit trail and checking its hash chain (`eventdesk audit`, the Audit view).

`verify` walks the whole chain in sequence order (streamed, so 100,000 entries stay cheap in
memory) and names the first entry that is not what the chain says: an entry whose content no
longer gives its hash (edited), a sequence number that is missing (deleted), an entry out of
the order it was written in (reordered: its id is older than the one before it, or its link
does not match the entry before), a row without a sequence number (written behind EventDesk's
back), and a chain head that names an entry which is gone (the newest entries deleted).
What a chain cannot show is in README.md ("Audit trail: threat model").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, cast, func, or_, select
from sqlalchemy.orm import Session

from eventdesk.domain import AuditChainHead, AuditEntry
from eventdesk.domain.audit_chain import GENESIS, canonical_body, link_hash
from eventdesk.services.audit import HEAD_ID

_STREAM = 2_000


@dataclass(frozen=True)
class AuditRow:
    """One entry as shown and exported: `at` aware UTC, `detail` the decoded JSON (a dict;
    the raw text under "text" when it is not JSON)."""

    id: int
    seq: int | None
    at: datetime
    actor: str
    desk: str
    action: str
    subject_type: str
    subject_id: int | None
    detail: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class Filters:
    """What to list: entries at or after `since` (aware), whose action starts with
    `action_prefix`, whose actor, desk, action or detail contains `text`."""

    since: datetime | None = None
    action_prefix: str = ""
    text: str = ""


@dataclass(frozen=True)
class Broken:
    """The first entry that is not what the chain says. `kind`: edited, missing, reordered,
    broken_link, unchained, head_missing, head_mismatch, anchor_mismatch. `seq` the sequence
    number concerned (for missing: the first one that is gone), `entry_id` the row (None when
    it is gone)."""

    kind: str
    seq: int | None
    entry_id: int | None
    action: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class Verified:
    """The result of `verify`: how many entries were checked, the newest one's seq and hash
    (the head, to be noted somewhere safe: see README), and the first problem, if any."""

    count: int
    head_seq: int
    head_hash: str
    broken: Broken | None

    @property
    def ok(self) -> bool:
        return self.broken is None


EVERYTHING = Filters()  # no filter


def _where(stmt: Select[Any], filters: Filters) -> Select[Any]:
    if filters.since is not None:
        stmt = stmt.where(AuditEntry.at >= filters.since)
    if filters.action_prefix:
        stmt = stmt.where(AuditEntry.action.startswith(filters.action_prefix, autoescape=True))
    if filters.text:
        needle = f"%{_escape(filters.text.lower())}%"
        fields: list[Any] = [AuditEntry.actor, AuditEntry.desk, AuditEntry.action,
                                            AuditEntry.detail, cast(AuditEntry.subject_id, String)]
        stmt = stmt.where(or_(*[func.lower(f).like(needle, escape="\\") for f in fields]))
    return stmt


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _row(e: AuditEntry) -> AuditRow:
    try:
        detail = json.loads(e.detail or "{}")
    except ValueError:
        detail = {"text": e.detail}
    if not isinstance(detail, dict):
        detail = {"value": detail}
    return AuditRow(id=e.id, seq=e.seq, at=e.at, actor=e.actor, desk=e.desk, action=e.action,
                    subject_type=e.subject_type, subject_id=e.subject_id, detail=detail,
                    hash=e.hash)


def list_entries(session: Session, *, filters: Filters = EVERYTHING, limit: int = 100,
                 before_id: int | None = None) -> list[AuditRow]:
    """Up to `limit` entries matching `filters`, newest first (by id, which follows the chain's
    order); `before_id` continues a page (keyset: entries older than that id)."""
    stmt = _where(select(AuditEntry), filters)
    if before_id is not None:
        stmt = stmt.where(AuditEntry.id < before_id)
    return [_row(e) for e in session.scalars(stmt.order_by(AuditEntry.id.desc()).limit(limit))]


def count_entries(session: Session, *, filters: Filters = EVERYTHING) -> int:
    """How many entries match `filters`."""
    return int(session.scalar(_where(select(func.count(AuditEntry.id)), filters)) or 0)


def iter_entries(session: Session, *, filters: Filters = EVERYTHING) -> Iterator[AuditRow]:
    """Every entry matching `filters`, newest first, streamed (for an export)."""
    before: int | None = None
    while True:
        page = list_entries(session, filters=filters, limit=_STREAM, before_id=before)
        yield from page
        if len(page) < _STREAM:
            return
        before = page[-1].id


def verify(session: Session, *, anchor: tuple[int, str] | None = None) -> Verified:
    """Check the whole chain (see the module doc); `anchor` (seq, hash) noted earlier must
    still be in it. Reads only."""
    unchained = session.execute(select(AuditEntry.id, AuditEntry.action, AuditEntry.at)
                                .where(AuditEntry.seq.is_(None))
                                .order_by(AuditEntry.id).limit(1)).first()
    count, seq, prev_hash, prev_id = 0, 0, GENESIS, 0
    broken: Broken | None = None
    anchor_seen = anchor is None
    columns = (AuditEntry.id, AuditEntry.seq, AuditEntry.at, AuditEntry.actor, AuditEntry.desk,
               AuditEntry.action, AuditEntry.subject_type, AuditEntry.subject_id,
               AuditEntry.detail, AuditEntry.prev_hash, AuditEntry.hash)
    stmt = (select(*columns).where(AuditEntry.seq.is_not(None)).order_by(AuditEntry.seq)
            .execution_options(yield_per=_STREAM))
    for (row_id, maybe_seq, at, actor, desk, action, subject_type, subject_id, detail,
         row_prev, row_hash) in session.execute(stmt):
        row_seq = int(maybe_seq or 0)  # never NULL here (WHERE seq IS NOT NULL)
        if broken is None:
            broken = _check(row_id=row_id, row_seq=row_seq, at=at, action=action,
                            seq=seq, prev_id=prev_id, prev_hash=prev_hash, row_prev=row_prev,
                            row_hash=row_hash, body=canonical_body(
                                at=at, actor=actor or "", desk=desk or "", action=action or "",
                                subject_type=subject_type or "", subject_id=subject_id,
                                detail=detail or ""))
        if anchor is not None and row_seq == anchor[0]:
            anchor_seen = row_hash == anchor[1]
        count += 1
        seq, prev_hash, prev_id = row_seq, row_hash, row_id
    if broken is None and unchained is not None:
        broken = Broken("unchained", None, unchained[0], unchained[1], unchained[2])
    if broken is None:
        broken = _check_head(session, seq=seq, last_hash=prev_hash, count=count)
    if broken is None and not anchor_seen and anchor is not None:
        broken = Broken("anchor_mismatch", anchor[0], None)
    return Verified(count=count, head_seq=seq,
                    head_hash=prev_hash, broken=broken)


def _check(*, row_id: int, row_seq: int, at: datetime, action: str, seq: int, prev_id: int,
           prev_hash: str, row_prev: str, row_hash: str, body: str) -> Broken | None:
    """The problem of one entry given the one before it (seq, id, hash), or None."""
    if row_seq != seq + 1:
        # A gap: entry seq + 1 (and maybe more) was deleted; name the first one that is gone.
        return Broken("missing", seq + 1, None, action, at)
    if row_id <= prev_id:
        return Broken("reordered", row_seq, row_id, action, at)
    if link_hash(seq=row_seq, prev_hash=row_prev, body=body) != row_hash:
        return Broken("edited", row_seq, row_id, action, at)
    if row_prev != prev_hash:
        return Broken("broken_link", row_seq, row_id, action, at)
    return None


def _check_head(session: Session, *, seq: int, last_hash: str, count: int) -> Broken | None:
    """The chain head row against the newest entry: a head further on means the newest
    entries were deleted; a head behind or with another hash, entries written behind its
    back."""
    head = session.get(AuditChainHead, HEAD_ID)
    if head is None:
        return Broken("head_missing", seq or None, None) if count else None
    if head.seq > seq:
        return Broken("missing", seq + 1, None)
    if head.seq < seq or head.hash != last_hash:
        return Broken("head_mismatch", seq, None)
    return None


def event_zone(session: Session) -> str:
    """The event's time zone name (entries are shown in it), the default zone without an
    event (a database whose event was replaced keeps its trail)."""
    from eventdesk.services.events import DEFAULT_TZ, get_event, has_event

    return get_event(session).timezone if has_event(session) else DEFAULT_TZ


def detail_text(row: AuditRow) -> str:
    """The detail as one line of compact JSON (Chinese kept as it is)."""
    return json.dumps(row.detail, ensure_ascii=False, separators=(",", ":"), default=str)


def head_of(session: Session) -> tuple[int, str]:
    """The chain head as the database records it, (seq, hash), without walking the chain: what
    a backup notes beside its copy (README "Audit trail: threat model"); (0, GENESIS) for an
    empty trail. `verify` checks that it matches the entries."""
    head = session.get(AuditChainHead, HEAD_ID)
    return (head.seq, head.hash) if head is not None else (0, GENESIS)

"""The audit trail: who did what, where and when, appended to one hash chain.

Every writer goes through here (`record`, `record_many`, or `chained_insert` for a statement that
writes an entry together with something else, as the desk's check-in does), so that every entry
gets the next sequence number and its link hash (domain.audit_chain). One chain, also with
twenty desks on one PostgreSQL server: an append updates the chain head row
(`audit_chain_head`, id 1) in the same statement that reads it, and PostgreSQL's row lock makes
the next desk's append wait for this transaction and then build on the head it committed
(INSERT … ON CONFLICT DO UPDATE always works on the newest version of the row). The lock is
taken by the entry's own statement, which actions run last in their unit of work, so it is held
for the commit only. On SQLite, write transactions already run one at a time (BEGIN IMMEDIATE,
storage.Database.unit_of_work). The unique index on `audit_entry.seq` refuses a fork whatever
happens.

Reading and checking the trail: services.audit_read.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Sequence
from typing import Any
from typing import cast as type_cast

from sqlalchemy import (
    ColumnElement,
    Insert,
    Select,
    String,
    Table,
    cast,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from eventdesk.domain import AuditChainHead, AuditEntry
from eventdesk.domain.audit_chain import GENESIS, canonical_body, link_hash
from eventdesk.domain.base import utcnow

HEAD_ID = 1
_CONTENT = ("at", "actor", "desk", "action", "subject_type", "subject_id", "detail")


def os_operator() -> str:
    """The operator until user accounts exist: the OS user running the program."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def entry_values(
    *,
    actor: str,
    action: str,
    desk: str = "",
    subject_type: str = "",
    subject_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The content columns of one audit entry (`at` is now, UTC; `detail` as JSON text), to be
    appended by `append` or written with something else by `chained_insert`."""
    return {"at": utcnow(), "actor": actor, "desk": desk, "action": action,
            "subject_type": subject_type, "subject_id": subject_id,
            "detail": json.dumps(detail or {}, ensure_ascii=False, default=str)}


def body_of(values: dict[str, Any]) -> str:
    """The canonical text the hash covers (domain.audit_chain.canonical_body) of entry_values."""
    return canonical_body(at=values["at"], actor=values["actor"] or "",
                          desk=values["desk"] or "", action=values["action"] or "",
                          subject_type=values["subject_type"] or "",
                          subject_id=values["subject_id"], detail=values["detail"] or "")


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    desk: str = "",
    subject_type: str = "",
    subject_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one entry (flushes first, so it follows the writes it describes). One statement
    on PostgreSQL (a desk's rejected scan is a single-write unit of work there)."""
    append(session, [entry_values(actor=actor, action=action, desk=desk,
                                  subject_type=subject_type, subject_id=subject_id,
                                  detail=detail)])


def append(session: Session, entries: Sequence[dict[str, Any]]) -> None:
    """Append `entries` (entry_values dicts, in order) to the chain. PostgreSQL, one entry: one
    statement that updates the head and inserts the entry. Otherwise: lock and read the head,
    hash in Python, insert the entries and move the head (three statements however many
    entries, for imports that update thousands of people)."""
    if not entries:
        return
    session.flush()
    if len(entries) == 1 and _is_postgresql(session):
        head = head_upsert(body_of(entries[0])).cte("audit_head")
        session.execute(select(chained_insert(entries[0], head).returning(AuditEntry.id)
                               .cte("new_audit_entry").c.id))
        return
    seq, prev = _locked_head(session)
    rows: list[dict[str, Any]] = []
    before = prev
    for values in entries:
        seq += 1
        digest = link_hash(seq=seq, prev_hash=prev, body=body_of(values))
        rows.append({**values, "seq": seq, "prev_hash": prev, "hash": digest})
        before, prev = prev, digest
    session.execute(insert(AuditEntry), rows)
    session.execute(update(AuditChainHead).where(AuditChainHead.id == HEAD_ID)
                    .values(seq=seq, hash=prev, prev_hash=before))


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _last_entry(session: Session) -> tuple[int, str]:
    """The newest entry's seq and hash, (0, GENESIS) when there is none."""
    row = session.execute(select(AuditEntry.seq, AuditEntry.hash)
                          .where(AuditEntry.seq.is_not(None))
                          .order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (int(row[0] or 0), str(row[1])) if row is not None else (0, GENESIS)


def _locked_head(session: Session) -> tuple[int, str]:
    """The head's seq and hash, its row locked until the transaction ends (PostgreSQL: FOR
    UPDATE, which waits for another desk's append and then reads what it committed). A missing
    head row (a database emptied table by table) is made again from the newest entry."""
    stmt = (select(AuditChainHead.seq, AuditChainHead.hash)
            .where(AuditChainHead.id == HEAD_ID).with_for_update())
    row = session.execute(stmt).first()
    if row is None:
        seq, digest = _last_entry(session)
        values = {"id": HEAD_ID, "seq": seq, "hash": digest, "prev_hash": ""}
        if _is_postgresql(session):
            session.execute(postgresql.insert(AuditChainHead).values(**values)
                            .on_conflict_do_nothing(index_elements=[AuditChainHead.id]))
        else:
            session.execute(insert(AuditChainHead).values(**values))
        row = session.execute(stmt).one()
    return int(row[0]), str(row[1])


def cast_table(model: type[AuditEntry] | type[AuditChainHead]) -> Table:
    """A model's Table (typed: `__table__` is a FromClause to mypy)."""
    return type_cast(Table, model.__table__)


def sql_link_hash(seq: ColumnElement[Any], prev_hash: ColumnElement[Any],
                  body: str) -> ColumnElement[str]:
    """domain.audit_chain.link_hash as a PostgreSQL expression (sha256() is built in since
    PostgreSQL 11; convert_to gives the UTF-8 bytes without bytea's escape rules)."""
    text = (cast(seq, String) + literal("\n", String) + prev_hash + literal("\n", String)
            + literal(body, String))
    return func.encode(func.sha256(func.convert_to(text, literal("UTF8"))), literal("hex"))


def head_upsert(body: str, *, only_if: ColumnElement[bool] | None = None) -> Insert:
    """PostgreSQL: move the chain head one entry on (an entry whose canonical text is `body`),
    returning the new entry's seq, prev_hash and hash. INSERT … ON CONFLICT DO UPDATE: the row
    lock serialises the desks, and the update is made on the newest committed head (also when
    it had to wait for another desk). When the head row is missing it is made from the newest
    entry. `only_if`: a condition for appending at all (the check-in was inserted)."""
    entry, head = cast_table(AuditEntry), cast_table(AuditChainHead)
    last_seq = select(func.coalesce(func.max(entry.c.seq), 0)).scalar_subquery()
    last_hash = func.coalesce(
        select(entry.c.hash).where(entry.c.seq.is_not(None)).order_by(entry.c.seq.desc())
        .limit(1).scalar_subquery(), literal(GENESIS, String))
    source: Select[Any] = select(literal(HEAD_ID).label("id"), (last_seq + 1).label("seq"),
                                 sql_link_hash(last_seq + 1, last_hash, body).label("hash"),
                                 last_hash.label("prev_hash"))
    if only_if is not None:
        source = source.where(only_if)
    stmt = postgresql.insert(head).from_select(["id", "seq", "hash", "prev_hash"], source)
    stmt = stmt.on_conflict_do_update(
        index_elements=[head.c.id],
        set_={"seq": head.c.seq + 1, "prev_hash": head.c.hash,
              "hash": sql_link_hash(head.c.seq + 1, head.c.hash, body)})
    return stmt.returning(head.c.seq, head.c.prev_hash, head.c.hash)


def chained_insert(values: dict[str, Any], head: Any) -> Insert:
    """PostgreSQL: INSERT the entry `values` (entry_values) with seq and hashes from `head`
    (a CTE of head_upsert): one row when the head moved, none otherwise."""
    columns = cast_table(AuditEntry).c
    content = [literal(values[k], columns[k].type) for k in _CONTENT]
    return insert(AuditEntry).from_select(
        [*_CONTENT, "seq", "prev_hash", "hash"],
        select(*content, head.c.seq, head.c.prev_hash, head.c.hash))

"""The audit trail: who did what, where and when."""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventdesk.domain import AuditEntry


def os_operator() -> str:
    """The operator until user accounts exist: the OS user running the program."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    desk: str
    action: str
    subject_type: str
    subject_id: int | None
    detail: dict[str, Any]


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
    session.add(AuditEntry(actor=actor, desk=desk, action=action, subject_type=subject_type,
                           subject_id=subject_id,
                           detail=json.dumps(detail or {}, ensure_ascii=False, default=str)))
    session.flush()


def recent(session: Session, *, action_prefix: str = "", limit: int = 100) -> list[AuditRecord]:
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action_prefix:
        stmt = stmt.where(AuditEntry.action.startswith(action_prefix))
    return [
        AuditRecord(id=e.id, at=e.at, actor=e.actor, desk=e.desk, action=e.action,
                    subject_type=e.subject_type, subject_id=e.subject_id,
                    detail=json.loads(e.detail or "{}"))
        for e in session.scalars(stmt)
    ]

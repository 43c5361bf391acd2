"""Reading the audit trail in tests: the entries the actions and services wrote, newest first.

The program writes the trail (services.audit.record) and does not read it back yet; tests read
the table itself, as tests/services/checkin_cases.py does."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventdesk.domain import AuditEntry


@dataclass(frozen=True)
class Entry:
    action: str
    detail: dict[str, Any]


def audit_entries(session: Session, *, action_prefix: str = "") -> list[Entry]:
    """Audit entries whose action starts with `action_prefix`, newest first."""
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc())
    if action_prefix:
        stmt = stmt.where(AuditEntry.action.startswith(action_prefix))
    return [Entry(e.action, json.loads(e.detail or "{}"))
            for e in session.scalars(stmt)]

"""The audit trail: who did what, where and when."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy.orm import Session

from eventdesk.domain import AuditEntry
from eventdesk.domain.access import Principal
from eventdesk.domain.base import utcnow
from eventdesk.domain.enums import UserRole


def os_operator() -> str:
    """The operator until user accounts exist: the OS user running the program."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def os_principal() -> Principal:
    """Who the command line and the window act as until accounts and sign-in exist (the "auth"
    and "authgui" work replaces every call of this with the signed-in user): the OS user, with
    the admin role that everyone who could open the database had before roles."""
    return Principal(os_operator(), UserRole.ADMIN)


def entry_values(
    *,
    actor: str,
    action: str,
    desk: str = "",
    subject_type: str = "",
    subject_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The column values of one audit entry (`at` is now, UTC), for a statement that writes it
    together with something else (services.checkin)."""
    return {"at": utcnow(), "actor": actor, "desk": desk, "action": action,
            "subject_type": subject_type, "subject_id": subject_id,
            "detail": json.dumps(detail or {}, ensure_ascii=False, default=str)}


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
    session.add(AuditEntry(**entry_values(actor=actor, action=action, desk=desk,
                                          subject_type=subject_type, subject_id=subject_id,
                                          detail=detail)))
    session.flush()


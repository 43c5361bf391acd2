"""Who works the event, and the audit trail of what they did."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow
from eventdesk.domain.columns import key_enum
from eventdesk.domain.enums import UserRole


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[UserRole] = mapped_column(key_enum(UserRole, "user_role"), default=UserRole.DESK)
    # argon2 hash once user accounts with passwords exist; until then operators are OS users.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    desk: Mapped[str] = mapped_column(String(60), default="")
    # A stable verb, e.g. "person.update", "checkin.rejected", "badge.revoked".
    action: Mapped[str] = mapped_column(String(60), index=True)
    subject_type: Mapped[str] = mapped_column(String(30), default="")
    subject_id: Mapped[int | None] = mapped_column()
    # JSON text: what changed, or why a scan was refused.
    detail: Mapped[str] = mapped_column(Text, default="{}")

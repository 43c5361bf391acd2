"""Who works the event, and the audit trail of what they did."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
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
    # The hash chain (domain.audit_chain): 1, 2, 3 … in the order entries were appended (the
    # unique index refuses a fork: two entries cannot both follow the same one), the hash of
    # the entry before and this entry's own hash. NULL only in a row written behind
    # EventDesk's back, which `audit verify` reports.
    seq: Mapped[int | None] = mapped_column()
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_audit_entry_seq", "seq", unique=True),)


class AuditChainHead(Base):
    """The newest entry of the chain (one row, id 1): its seq and hash, and the hash before it.

    Appending an entry updates this row, which serialises the desks' appends on PostgreSQL (the
    row lock) so that they form one line, and lets `audit verify` notice that the newest
    entries were deleted (the head names an entry that is gone)."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64), default="")

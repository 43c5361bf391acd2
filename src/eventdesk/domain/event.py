"""The event this database holds (one per database) and its settings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
        # Alphanumeric QR mode only: the code is part of every badge's payload.
        CheckConstraint("length(code) BETWEEN 2 AND 8", name="code_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    venue: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # ED1's HMAC secret, emptied by migration 0007 (only digests of its badges are kept:
    # domain.signing.LegacyBadge); nothing writes it any more.
    secret: Mapped[str] = mapped_column(String(128), default="")
    # The Ed25519 public keys (hex, space-separated) that this event's ED2 badges verify under:
    # every SigningKey of the event, the current signing key first (a replaced key's badges
    # still scan). Kept here so the desk's one check-in statement reads them with the event.
    verify_keys: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")

"""Exhibiting companies and their booths."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow
from eventdesk.domain.columns import sort_key_type


class Exhibitor(Base):
    __tablename__ = "exhibitor"
    __table_args__ = (CheckConstraint("staff_quota >= 0", name="quota_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200), index=True)
    # Sort key of name_zh (domain.sorting.text_key), kept by the services on every write.
    name_pinyin: Mapped[str] = mapped_column(sort_key_type(), default="", server_default="",
                                             index=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    short_name: Mapped[str] = mapped_column(String(60), default="")
    sector: Mapped[str] = mapped_column(String(60), default="")
    hall: Mapped[str] = mapped_column(String(20), default="", index=True)
    booth: Mapped[str] = mapped_column(String(20), default="", index=True)
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    staff_quota: Mapped[int] = mapped_column(default=5)
    external_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Lower-cased Chinese, pinyin and initials forms of the names, joined by '|' (see domain.names).
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow)

"""Everyone who gets a badge: exhibitor staff, visitors, speakers, media, VIPs, organisers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow
from eventdesk.domain.columns import key_enum, sort_key_type
from eventdesk.domain.enums import Category, Consent, PersonStatus


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[Category] = mapped_column(key_enum(Category, "category"), index=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    name_en: Mapped[str] = mapped_column(String(100), default="")
    # Sort keys (domain.sorting.name_key / text_key: pinyin, tones, text), kept by the services
    # on every write, so lists sort and page the way people expect (README "Sorting").
    name_pinyin: Mapped[str] = mapped_column(sort_key_type(), default="", index=True)
    # All searchable forms, lower-cased and joined by '|' (see domain.names.person_search_text).
    search_text: Mapped[str] = mapped_column(Text, default="")
    company: Mapped[str] = mapped_column(String(200), default="", index=True)
    company_pinyin: Mapped[str] = mapped_column(sort_key_type(), default="", server_default="",
                                                index=True)
    exhibitor_id: Mapped[int | None] = mapped_column(
        ForeignKey("exhibitor.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="", index=True)
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    badge_code: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[PersonStatus] = mapped_column(
        key_enum(PersonStatus, "person_status"), default=PersonStatus.REGISTERED
    )
    external_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Consent to personal data use beyond running the event (README "Privacy rules"); when it
    # was last recorded (None while unknown).
    consent: Mapped[Consent] = mapped_column(key_enum(Consent, "consent"), default=Consent.UNKNOWN,
                                             server_default=Consent.UNKNOWN.value)
    consent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow)


class RevokedBadge(Base):
    """A badge code that no longer admits anyone (replaced at a reprint for a lost badge)."""

    __tablename__ = "revoked_badge"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    revoked_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    reason: Mapped[str] = mapped_column(String(32), default="lost")

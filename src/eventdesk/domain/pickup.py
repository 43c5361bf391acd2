"""Exhibitor badge pick-up: a company's contact collects the badges of all its staff at once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow


class BadgeCollection(Base):
    """One person's badge handed over (in an exhibitor's pack or on its own). One row per person:
    a badge is collected once; a reprint after that is a new print, not a new collection."""

    __tablename__ = "badge_collection"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    exhibitor_id: Mapped[int | None] = mapped_column(
        ForeignKey("exhibitor.id", ondelete="SET NULL"), index=True
    )
    collected_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # Who took the pack (the exhibitor's person at the desk): name and phone, personal data
    # (masked for readers without SEE_CONTACTS, emptied by the purge).
    collected_by: Mapped[str] = mapped_column(String(100), default="")
    collector_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    desk: Mapped[str] = mapped_column(String(60), default="")
    operator: Mapped[str] = mapped_column(String(100), default="")

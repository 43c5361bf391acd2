"""What happens at the desk: check-ins and badge prints."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow
from eventdesk.domain.columns import key_enum
from eventdesk.domain.enums import PrintReason

NOTE_MAX = 200  # characters of a reprint's "other" reason


class CheckIn(Base):
    """A person's arrival on one event day. The unique constraint is what keeps two desks that
    scan the same badge at the same moment from both checking the person in."""

    __tablename__ = "check_in"
    __table_args__ = (UniqueConstraint("person_id", "event_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    # The day in the event's time zone, never the machine's.
    event_day: Mapped[date] = mapped_column(Date, index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    desk: Mapped[str] = mapped_column(String(60))
    operator: Mapped[str] = mapped_column(String(100))


class BadgePrint(Base):
    __tablename__ = "badge_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    badge_code: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    desk: Mapped[str] = mapped_column(String(60))
    operator: Mapped[str] = mapped_column(String(100))
    layout: Mapped[str] = mapped_column(String(60))
    reason: Mapped[PrintReason] = mapped_column(
        key_enum(PrintReason, "print_reason"), default=PrintReason.FIRST
    )
    # The operator's words for a reprint of reason "other" (at most NOTE_MAX characters); None
    # for every other reason.
    note: Mapped[str | None] = mapped_column(String(NOTE_MAX), nullable=True, default=None)

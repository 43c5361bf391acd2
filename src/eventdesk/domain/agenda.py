"""The programme. A conference "session" is an AgendaItem here, so that nobody confuses it with
a database session; the UI shows it as “Session / 会议”."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from eventdesk.domain.base import Base, UtcDateTime
from eventdesk.domain.columns import key_enum
from eventdesk.domain.enums import AgendaKind, SpeakerRole


class Room(Base):
    __tablename__ = "room"
    __table_args__ = (CheckConstraint("capacity >= 0", name="capacity_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    capacity: Mapped[int] = mapped_column(default=0)
    hall: Mapped[str] = mapped_column(String(20), default="")
    floor: Mapped[str] = mapped_column(String(20), default="")
    room_group: Mapped[str] = mapped_column(String(60), default="")
    sort_order: Mapped[int] = mapped_column(default=0)


class TimeWindow:
    """A table of time windows: an id, then the owner's key (declared by the table), then
    start_at < end_at, aware instants stored as UTC."""

    # Sorted first, as the migrations created the tables; the owner's key then comes before
    # the mixin's columns (SQLAlchemy places a class's own columns before its mixins').
    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-1)
    start_at: Mapped[datetime] = mapped_column(UtcDateTime())
    end_at: Mapped[datetime] = mapped_column(UtcDateTime())

    @declared_attr.directive
    @classmethod
    def __table_args__(cls) -> tuple[CheckConstraint]:
        # A constraint belongs to one table: a new one for each table that mixes this in.
        return (CheckConstraint("end_at > start_at", name="window_ordered"),)


def merge_windows(
        windows: Iterable[tuple[datetime, datetime]]) -> tuple[tuple[datetime, datetime], ...]:
    """Time windows (start, end) as their union: sorted, with overlapping and touching windows
    joined, so a room open until 24:00 and again from 00:00 is open across midnight."""
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


class RoomAvailability(TimeWindow, Base):
    """A window in which a room may be used; a room with none is available all event long."""

    __tablename__ = "room_availability"

    room_id: Mapped[int] = mapped_column(ForeignKey("room.id", ondelete="CASCADE"), index=True)


class Track(Base):
    __tablename__ = "track"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    colour: Mapped[str] = mapped_column(String(9), default="#4a6fa5")


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    __table_args__ = (
        CheckConstraint("end_at IS NULL OR start_at IS NULL OR end_at > start_at", name="ordered"),
        CheckConstraint("expected_audience >= 0", name="audience_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title_zh: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[AgendaKind] = mapped_column(
        key_enum(AgendaKind, "agenda_kind"), default=AgendaKind.TALK
    )
    # Unscheduled items have no start, end or room yet.
    start_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    end_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    room_id: Mapped[int | None] = mapped_column(
        ForeignKey("room.id", ondelete="SET NULL"), index=True
    )
    track_id: Mapped[int | None] = mapped_column(ForeignKey("track.id", ondelete="SET NULL"))
    expected_audience: Mapped[int] = mapped_column(default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    external_ref: Mapped[str | None] = mapped_column(String(64), unique=True)


class AgendaSpeaker(Base):
    __tablename__ = "agenda_speaker"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[SpeakerRole] = mapped_column(
        key_enum(SpeakerRole, "speaker_role"), default=SpeakerRole.SPEAKER
    )
    position: Mapped[int] = mapped_column(default=0)


class SpeakerUnavailability(TimeWindow, Base):
    """A window in which a speaker cannot be on stage."""

    __tablename__ = "speaker_unavailability"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)

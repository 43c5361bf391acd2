"""Badge layouts designed for this event, stored in its database so that every desk of the event
prints the same badge (a layout in one PC's user directory would reach only that PC). Services
hand them to the renderer as a LayoutSource (domain.layout_source)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow
from eventdesk.domain.layout_source import LayoutSource

__all__ = ["BadgeLayout", "BadgeLayoutImage", "LayoutSource"]


class BadgeLayout(Base):
    """A badge layout of the event: the same JSON document the renderer reads from
    resources/layouts/*.json. A name shared with a built-in layout replaces it at every desk
    (as a user layout replaces a shipped one): saving as "default" gives the event its badge."""

    __tablename__ = "badge_layout"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    document: Mapped[str] = mapped_column(Text)  # JSON text, checked by pdf.layout_check
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class BadgeLayoutImage(Base):
    """An image a layout names by file name ("logo.png"), kept beside the layout's document."""

    __tablename__ = "badge_layout_image"

    layout_name: Mapped[str] = mapped_column(
        ForeignKey("badge_layout.name", ondelete="CASCADE", onupdate="CASCADE"), primary_key=True
    )
    file_name: Mapped[str] = mapped_column(String(120), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)

"""Badge layouts designed for this event, stored in its database so that every desk of the event
prints the same badge (a layout in one PC's user directory would reach only that PC).

`LayoutSource` is the plain value handed from services to the renderer (pdf/): the layout's JSON
text and the bytes of the images it names, so that neither layer imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base, UtcDateTime, utcnow


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


@dataclass(frozen=True)
class LayoutSource:
    """A layout as data rather than as a file name: its JSON text and its images by file name.

    Frozen and hashable (the renderer caches its compiled form per source) and picklable (batch
    runs hand it to child processes). `origin` says where it came from ("event", a file path)."""

    name: str
    document: str
    images: tuple[tuple[str, bytes], ...] = ()
    origin: str = "event"

    def image(self, file_name: str) -> bytes | None:
        for name, data in self.images:
            if name == file_name:
                return data
        return None

"""Badge layouts stored in the event's database (the badge designer saves them here), so that
every desk of the event prints the same badge. The documents are checked by the caller
(actions.layouts, with pdf.layout_check) before they are stored; here they are plain text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from eventdesk.domain import BadgeLayout, BadgeLayoutImage, LayoutSource, utcnow
from eventdesk.services import audit


@dataclass(frozen=True)
class StoredLayout:
    """A layout of the event as listed: its name, title and who saved it last, when (UTC)."""

    name: str
    title: str
    updated_at: datetime
    updated_by: str


def event_layouts(session: Session) -> list[StoredLayout]:
    """Every layout stored in the event, by name."""
    rows = session.execute(select(BadgeLayout.name, BadgeLayout.title, BadgeLayout.updated_at,
                                  BadgeLayout.updated_by).order_by(BadgeLayout.name))
    return [StoredLayout(*row) for row in rows]


def event_layout(session: Session, *, name: str) -> LayoutSource | None:
    """The stored layout of that name with its images, or None when the event has none."""
    layout = session.get(BadgeLayout, name)
    if layout is None:
        return None
    images = session.execute(select(BadgeLayoutImage.file_name, BadgeLayoutImage.data)
                             .where(BadgeLayoutImage.layout_name == name)
                             .order_by(BadgeLayoutImage.file_name))
    return LayoutSource(name=name, document=layout.document,
                        images=tuple((file_name, bytes(data)) for file_name, data in images),
                        origin="event")


def store_layout(session: Session, *, name: str, title: str, document: str,
                 images: Mapping[str, bytes], operator: str, desk: str = "") -> bool:
    """Create or replace the layout `name` (document: JSON text; images by file name, replacing
    the ones stored before). Returns True when it replaced a layout. Audited."""
    layout = session.get(BadgeLayout, name)
    replaced = layout is not None
    if layout is None:
        layout = BadgeLayout(name=name, document=document)
        session.add(layout)
    layout.title, layout.document, layout.updated_by = title, document, operator
    layout.updated_at = utcnow()
    session.flush()
    session.execute(delete(BadgeLayoutImage).where(BadgeLayoutImage.layout_name == name))
    for file_name, data in sorted(images.items()):
        session.add(BadgeLayoutImage(layout_name=name, file_name=file_name, data=data))
    session.flush()
    audit.record(session, actor=operator, desk=desk, action="layout.save",
                 subject_type="badge_layout",
                 detail={"name": name, "title": title, "replaced": replaced,
                         "images": sorted(images), "chars": len(document)})
    return replaced


def remove_layout(session: Session, *, name: str, operator: str, desk: str = "") -> bool:
    """Delete the event's layout `name` (a built-in of that name is used again). Audited;
    False when there was none."""
    layout = session.get(BadgeLayout, name)
    if layout is None:
        return False
    session.delete(layout)
    session.flush()
    audit.record(session, actor=operator, desk=desk, action="layout.delete",
                 subject_type="badge_layout", detail={"name": name})
    return True


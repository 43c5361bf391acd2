"""Badge layouts stored in the event (services.badges.layouts) on every backend: the document and
the image bytes come back exactly as saved, a save replaces the images, a delete takes them too,
and each save and delete is audited."""

from __future__ import annotations

from sqlalchemy import func, select

from eventdesk.domain import AuditEntry, BadgeLayoutImage
from eventdesk.services.badges import layouts
from eventdesk.storage import Database

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # every byte value survives the round trip


def test_store_read_replace_delete(db: Database) -> None:
    with db.unit_of_work() as s:
        assert layouts.event_layout(s, name="default") is None
        replaced = layouts.store_layout(s, name="default", title="昆山 2025",
                                        document='{"title": "昆山 2025"}',
                                        images={"logo.png": PNG, "strip.png": b"x"},
                                        operator="organiser", desk="office")
    assert replaced is False
    with db.unit_of_work(write=False) as s:
        source = layouts.event_layout(s, name="default")
        listed = layouts.event_layouts(s)
    assert source is not None
    assert source.document == '{"title": "昆山 2025"}'
    assert dict(source.images) == {"logo.png": PNG, "strip.png": b"x"}
    assert [(r.name, r.title, r.updated_by) for r in listed] == [
        ("default", "昆山 2025", "organiser")]
    with db.unit_of_work() as s:
        assert layouts.store_layout(s, name="default", title="v2", document="{}",
                                    images={"logo.png": b"new"}, operator="o2") is True
    with db.unit_of_work(write=False) as s:
        again = layouts.event_layout(s, name="default")
    assert again is not None and dict(again.images) == {"logo.png": b"new"}
    with db.unit_of_work() as s:
        assert layouts.remove_layout(s, name="default", operator="o2") is True
        assert layouts.remove_layout(s, name="default", operator="o2") is False
    with db.unit_of_work(write=False) as s:
        assert layouts.event_layouts(s) == []
        assert s.scalar(select(func.count()).select_from(BadgeLayoutImage)) == 0
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == ["layout.save", "layout.save", "layout.delete"]

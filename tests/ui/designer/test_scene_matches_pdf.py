"""What the designer's canvas shows is where the renderer prints: after elements are dragged,
resized and nudged on the scene, every element's box in the rendered PDF (read back with
pypdfium2) matches the item on the scene within 0.5 mm."""

from __future__ import annotations

from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QUndoStack

from eventdesk.actions.layouts import copy_of_builtin
from eventdesk.actions.proof import sample_badge
from eventdesk.pdf.badges import render_one
from eventdesk.pdf.presets import MM
from eventdesk.pdf.qr import QUIET, qr_rows
from eventdesk.ui.designer.items import ElementItem
from eventdesk.ui.designer.model import LayoutModel, box_of
from eventdesk.ui.designer.scene import BadgeScene

TOLERANCE_MM = 0.5
Box = tuple[float, float, float, float]


@pytest.fixture
def scene(qapp: object) -> Iterator[BadgeScene]:
    model = LayoutModel(copy_of_builtin("default", new_name="moved"))
    scene = BadgeScene(model, QUndoStack())
    yield scene
    scene.clear()


def _pdf_boxes(data: bytes, page_height_mm: float) -> list[tuple[int, Box]]:
    """(pdfium object type, box in mm from the top-left) of every drawn object."""
    page = pdfium.PdfDocument(data)[0]
    found = []
    for obj in page.get_objects(max_depth=3):
        if obj.type == 5:  # a form XObject: its contents are listed one level down
            continue
        left, bottom, right, top = obj.get_bounds()
        found.append((obj.type, (left / MM, page_height_mm - top / MM, (right - left) / MM,
                                 (top - bottom) / MM)))
    return found


def _close(a: Box, b: Box) -> bool:
    return all(abs(p - q) <= TOLERANCE_MM for p, q in zip(a, b, strict=True))


def _qr_modules_box(box: Box, payload: str) -> Box:
    x, y, w, h = box
    side = min(w, h)
    unit = side / (len(qr_rows(payload)) + 2 * QUIET)
    return (x + (w - side) / 2 + QUIET * unit, y + (h - side) / 2 + QUIET * unit,
            side - 2 * QUIET * unit, side - 2 * QUIET * unit)


def _drag(item: ElementItem, to: tuple[float, float]) -> None:
    item.setPos(QPointF(*to))  # what a drag does to the item (snapped to the grid on the way)


def test_element_boxes_in_the_pdf_match_the_scene(scene: BadgeScene) -> None:
    badge = sample_badge()
    scene.badge = badge  # the person the canvas sketches: its texts are looked for below
    items = scene.items_by_index()
    _drag(items[8], (12.3, 101.8))  # the QR, dragged: snaps to the millimetre grid
    items[9].w, items[9].h = 105.0, 9.0  # the category band, resized from its handle
    _drag(items[2], (30.4, 2.6))  # the event name
    scene.commit_geometry()
    scene.select([3, 5])  # name and company, nudged right with the arrow key, fine steps
    scene.nudge(0.4, 0)
    scene.nudge(0.4, 0)
    items = scene.items_by_index()
    assert items[8].box()[:2] == (12.0, 102.0)
    assert scene.stack.count() == 2  # one drag, one (merged) nudge

    data = render_one(badge, layout=scene.model.layout.source(), preset="a6")
    drawn = _pdf_boxes(data, 148.0)
    textpage = pdfium.PdfDocument(data)[0].get_textpage()
    for index, item in sorted(items.items()):
        box = item.box()
        assert box == box_of(scene.model.element(0, "front", index))
        kind = item.spec.get("type")
        if kind == "rect":
            assert any(t == 2 and _close(b, box) for t, b in drawn), (index, box)
        elif kind == "image":
            assert any(t == 3 and _close(b, box) for t, b in drawn), (index, box)
        elif kind == "qr":
            want = _qr_modules_box(box, badge.qr_payload)
            assert any(t == 2 and _close(b, want) for t, b in drawn), (index, want)
        else:  # text: every glyph inside the element's box, the text where the box is
            x, y, w, h = (v * MM for v in box)
            grow = TOLERANCE_MM * MM
            inside = textpage.get_text_bounded(x - grow, 148 * MM - y - h - grow,
                                               x + w + grow, 148 * MM - y + grow)
            value = scene.value(str(item.spec.get("field", ""))) or item.spec.get("text", "")
            if item.spec.get("prefix"):
                value = str(item.spec["prefix"]) + str(value)
            assert value, index
            assert "".join(str(value).split()) in "".join(inside.split()), (index, value)
    texts = [b for t, b in drawn if t == 1]
    name = next(b for b in texts if _close(b[1:2] + b[3:], (32.16, 18.0)))
    x, _y, w, _h = items[3].box()
    assert abs((name[0] + name[2] / 2) - (x + w / 2)) <= TOLERANCE_MM  # centred in its box

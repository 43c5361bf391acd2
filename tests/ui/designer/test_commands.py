"""Every editing operation of the badge designer on its layout model, on a bare QUndoStack (no
scene, no window): redo makes the change, undo restores the document exactly, redo again gives
the same result."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QUndoCommand, QUndoStack

from eventdesk.actions.layouts import copy_of_builtin
from eventdesk.ui.designer import commands as c
from eventdesk.ui.designer.model import (
    Change,
    LayoutModel,
    aligned,
    box_of,
    clamp,
    distributed,
    scaled_variant,
    snap,
    with_box,
)

PNG = b"\x89PNG\r\n\x1a\n-tiny"


@pytest.fixture
def model() -> LayoutModel:
    return LayoutModel(copy_of_builtin("default", new_name="kunshan"))


def _boxes(model: LayoutModel, indexes: list[int]) -> list[tuple[float, ...]]:
    return [box_of(model.element(0, "front", i)) for i in indexes]


def _align(model: LayoutModel) -> QUndoCommand:
    picked = [3, 4, 8]  # name, English name, QR
    boxes = aligned([box_of(model.element(0, "front", i)) for i in picked], "left")
    after = {i: with_box(model.element(0, "front", i), b)
             for i, b in zip(picked, boxes, strict=True)}
    return c.EditElements(model, 0, "front", after, "align left")


def _distribute(model: LayoutModel) -> QUndoCommand:
    picked = [3, 5, 6, 7]
    boxes = distributed([box_of(model.element(0, "front", i)) for i in picked], "v")
    after = {i: with_box(model.element(0, "front", i), b)
             for i, b in zip(picked, boxes, strict=True)}
    return c.EditElements(model, 0, "front", after, "distribute")


def _option(model: LayoutModel) -> QUndoCommand:
    spec = model.element(0, "front", 3)
    spec.update(size=36, bold=False, color="category", max_lines=1,
                cjk={"size": 60, "min_size": 28, "max_lines": 1})
    return c.EditElements(model, 0, "front", {3: spec}, "name size")


OPERATIONS: dict[str, Callable[[LayoutModel], QUndoCommand]] = {
    "move": lambda m: c.EditElements(m, 0, "front", {8: with_box(m.element(0, "front", 8),
                                                                  (10, 96, 37, 37))}, "move"),
    "resize": lambda m: c.EditElements(m, 0, "front", {5: with_box(m.element(0, "front", 5),
                                                                    (6, 64, 60, 20))}, "resize"),
    "align": _align,
    "distribute": _distribute,
    "option": _option,
    "add text": lambda m: c.AddElement(m, 0, "front", {"type": "text", "text": "赞助 Sponsor",
                                                       "box": [6, 128, 93, 6]}, "add"),
    "add image": lambda m: c.AddElement(m, 0, "front", {"type": "image", "path": "strip.png",
                                                        "box": [0, 120, 105, 10]}, "add",
                                        image=("strip.png", PNG)),
    "remove": lambda m: c.RemoveElements(m, 0, "front", [1, 8, 4], "delete"),
    "restack": lambda m: c.Restack(m, 0, "front", 0, 5, "to front"),
    "add back": lambda m: c.SetSide(m, 0, "back", m.elements(0, "front"), "back"),
    "add variant": lambda m: c.AddVariant(m, scaled_variant(m.document["variants"][0],
                                                            (85.6, 54)), "CR80"),
    "remove variant": lambda m: c.RemoveVariant(m, 1, "remove 90×54"),
    "category colour": lambda m: c.SetCategory(m, "vip", {"color": "#000000",
                                                          "on_color": "#FFD700",
                                                          "label": "贵宾 VIP"}, "vip"),
    "new category": lambda m: c.SetCategory(m, "press", {"color": "#123456", "label": "P"}, "p"),
    "remove category": lambda m: c.SetCategory(m, "media", None, "media"),
    "title": lambda m: c.SetMeta(m, "title", "昆山 2025", "title"),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_redo_undo_redo(model: LayoutModel, name: str) -> None:
    stack = QUndoStack()
    original = model.snapshot()
    heard: list[Change] = []
    model.listen(heard.append)
    stack.push(OPERATIONS[name](model))  # push runs redo
    changed = model.snapshot()
    assert changed != original and heard
    stack.undo()
    assert model.snapshot() == original
    stack.redo()
    assert model.snapshot() == changed


def test_a_sequence_undoes_to_the_original(model: LayoutModel) -> None:
    stack = QUndoStack()
    original = model.snapshot()
    states = [original]
    for name in sorted(OPERATIONS):
        if name == "remove variant" and model.variant_count() < 2:
            continue
        stack.push(OPERATIONS[name](model))
        states.append(model.snapshot())
    for state in reversed(states[:-1]):
        stack.undo()
        assert model.snapshot() == state
    assert not stack.canUndo()


def test_arrow_nudges_merge_into_one_undo_step(model: LayoutModel) -> None:
    stack = QUndoStack()
    original = model.snapshot()
    for _ in range(5):
        spec = model.element(0, "front", 8)
        x, y, w, h = box_of(spec)
        stack.push(c.EditElements(model, 0, "front", {8: with_box(spec, (x + 1, y, w, h))},
                                  "nudge", merge=True))
    assert box_of(model.element(0, "front", 8))[0] == 39
    assert stack.count() == 1
    stack.undo()
    assert model.snapshot() == original


def test_geometry_helpers() -> None:
    assert snap(12.37, 1) == 12 and snap(12.37, 0.5) == 12.5 and snap(12.37, 0) == 12.37
    assert clamp((100, -5, 20, 10), (105, 148)) == (85, 0, 20, 10)
    assert clamp((3, 3, 0.1, 500), (90, 54)) == (3, 0, 1.0, 54)
    boxes = [(0.0, 0.0, 10.0, 5.0), (50.0, 0.0, 10.0, 5.0), (20.0, 0.0, 10.0, 5.0)]
    assert [b[0] for b in distributed(boxes, "h")] == [0, 50, 25]
    assert [b[0] for b in aligned(boxes, "right")] == [50, 50, 50]
    assert [b[0] for b in aligned(boxes, "hcenter")] == [25, 25, 25]

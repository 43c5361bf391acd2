"""The layout being designed, as plain data with listeners: no Qt widget, no database.

The document is the very JSON the renderer reads (pdf/layout.py): variants per badge size, each
with a front and an optional back list of elements (text, rect, image, qr) whose boxes are
[x, y, width, height] in millimetres from the badge's top-left corner. Undo commands
(commands.py) change it only through the primitives below, each of which tells the listeners
what changed, so the scene, the property panel and the proof follow every edit, undo and redo.

The geometry helpers (align, distribute, snap, scale to another size) are pure functions of
boxes: the commands take their results, which keeps them testable without a scene.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from eventdesk.actions.layouts import LayoutDocument

Spec = dict[str, Any]  # one element as in the JSON
Box = tuple[float, float, float, float]  # x, y, width, height in mm
SIDES = ("front", "back")
Align = Literal["left", "hcenter", "right", "top", "vcenter", "bottom"]
ALIGNS: tuple[Align, ...] = ("left", "hcenter", "right", "top", "vcenter", "bottom")
MIN_BOX_MM = 1.0  # smaller than this cannot be grabbed again on screen


@dataclass(frozen=True)
class Change:
    """What changed: `what` is "elements" (of `variant`/`side`), "variants", "categories",
    "images", "meta" (title, description) or "layout" (another layout opened)."""

    what: str
    variant: int = -1
    side: str = ""


Listener = Callable[[Change], None]


class LayoutModel:
    """A LayoutDocument under edit. Reads return copies; writes go through the primitives."""

    def __init__(self, layout: LayoutDocument) -> None:
        self.layout = layout
        self._listeners: list[Listener] = []

    # -- listening ---------------------------------------------------------------------------
    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unlisten(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _tell(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- reading -----------------------------------------------------------------------------
    @property
    def document(self) -> dict[str, Any]:
        return self.layout.document

    def snapshot(self) -> tuple[dict[str, Any], dict[str, bytes]]:
        """A deep copy of the document and the images (tests compare them after undo)."""
        return copy.deepcopy(self.layout.document), dict(self.layout.images)

    def variant_count(self) -> int:
        return len(self.document["variants"])

    def size(self, variant: int) -> tuple[float, float]:
        w, h = self.document["variants"][variant]["size_mm"]
        return float(w), float(h)

    def has_back(self, variant: int) -> bool:
        return self.document["variants"][variant].get("back") is not None

    def elements(self, variant: int, side: str) -> list[Spec]:
        return copy.deepcopy(self.document["variants"][variant].get(side) or [])

    def element(self, variant: int, side: str, index: int) -> Spec:
        return copy.deepcopy(self.document["variants"][variant][side][index])

    def categories(self) -> dict[str, Spec]:
        return copy.deepcopy(self.document.get("categories", {}))

    def replace(self, layout: LayoutDocument) -> None:
        """Another layout opened (not an edit: the caller clears its undo stack)."""
        self.layout = layout
        self._tell(Change("layout"))

    # -- primitives (used by the undo commands) ----------------------------------------------
    def set_element(self, variant: int, side: str, index: int, spec: Spec) -> None:
        self.document["variants"][variant][side][index] = copy.deepcopy(spec)
        self._tell(Change("elements", variant, side))

    def set_elements(self, variant: int, side: str, specs: dict[int, Spec]) -> None:
        """Several elements of one side at once (an align, a multi-select drag): one change."""
        target = self.document["variants"][variant][side]
        for index, spec in specs.items():
            target[index] = copy.deepcopy(spec)
        self._tell(Change("elements", variant, side))

    def insert_element(self, variant: int, side: str, index: int, spec: Spec) -> None:
        self.document["variants"][variant][side].insert(index, copy.deepcopy(spec))
        self._tell(Change("elements", variant, side))

    def remove_element(self, variant: int, side: str, index: int) -> Spec:
        spec: Spec = self.document["variants"][variant][side].pop(index)
        self._tell(Change("elements", variant, side))
        return spec

    def move_element(self, variant: int, side: str, index: int, to: int) -> None:
        """Change drawing order: later elements are drawn over earlier ones."""
        elements = self.document["variants"][variant][side]
        elements.insert(to, elements.pop(index))
        self._tell(Change("elements", variant, side))

    def set_side(self, variant: int, side: str, elements: list[Spec] | None) -> None:
        """Give a side its elements, or (None, for the back) take the side away."""
        spec = self.document["variants"][variant]
        if elements is None:
            spec.pop(side, None)
        else:
            spec[side] = copy.deepcopy(elements)
        self._tell(Change("elements", variant, side))

    def insert_variant(self, index: int, variant: Spec) -> None:
        self.document["variants"].insert(index, copy.deepcopy(variant))
        self._tell(Change("variants"))

    def remove_variant(self, index: int) -> Spec:
        variant: Spec = self.document["variants"].pop(index)
        self._tell(Change("variants"))
        return variant

    def set_category(self, key: str, spec: Spec | None) -> None:
        categories = self.document.setdefault("categories", {})
        if spec is None:
            categories.pop(key, None)
        else:
            categories[key] = copy.deepcopy(spec)
        self._tell(Change("categories"))

    def set_image(self, name: str, data: bytes | None) -> None:
        if data is None:
            self.layout.images.pop(name, None)
        else:
            self.layout.images[name] = data
        self._tell(Change("images"))

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.document.pop(key, None)
        else:
            self.document[key] = value
        self._tell(Change("meta"))


# -- geometry (pure) -------------------------------------------------------------------------
def box_of(spec: Spec) -> Box:
    x, y, w, h = spec["box"]
    return float(x), float(y), float(w), float(h)


def with_box(spec: Spec, box: Box) -> Spec:
    out = copy.deepcopy(spec)
    out["box"] = [round(v, 2) for v in box]
    return out


def snap(value: float, grid: float) -> float:
    """To the nearest multiple of `grid` mm (0: no snapping), to 0.01 mm."""
    return round(round(value / grid) * grid, 2) if grid > 0 else round(value, 2)


def clamp(box: Box, size: tuple[float, float]) -> Box:
    """Kept on the badge and at least MIN_BOX_MM a side: a drag never loses an element."""
    x, y, w, h = box
    bw, bh = size
    w, h = max(MIN_BOX_MM, min(w, bw)), max(MIN_BOX_MM, min(h, bh))
    return round(max(0.0, min(x, bw - w)), 2), round(max(0.0, min(y, bh - h)), 2), w, h


def aligned(boxes: Sequence[Box], how: Align) -> list[Box]:
    """The boxes aligned on the selection's common edge or centre (as drawing programs do:
    left edges on the leftmost, centres on the middle of the selection's bounds)."""
    left = min(b[0] for b in boxes)
    right = max(b[0] + b[2] for b in boxes)
    top = min(b[1] for b in boxes)
    bottom = max(b[1] + b[3] for b in boxes)
    out: list[Box] = []
    for x, y, w, h in boxes:
        if how == "left":
            x = left
        elif how == "right":
            x = right - w
        elif how == "hcenter":
            x = (left + right) / 2 - w / 2
        elif how == "top":
            y = top
        elif how == "bottom":
            y = bottom - h
        else:
            y = (top + bottom) / 2 - h / 2
        out.append((round(x, 2), round(y, 2), w, h))
    return out


def distributed(boxes: Sequence[Box], axis: Literal["h", "v"]) -> list[Box]:
    """Equal gaps between the boxes along an axis; the outermost two stay where they are.
    Returns the boxes in their given order."""
    if len(boxes) < 3:
        return list(boxes)
    pos, length = (0, 2) if axis == "h" else (1, 3)
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][pos])
    first, last = boxes[order[0]], boxes[order[-1]]
    span = last[pos] + last[length] - first[pos]
    gap = (span - sum(b[length] for b in boxes)) / (len(boxes) - 1)
    out = list(boxes)
    at = first[pos]
    for i in order:
        b = list(boxes[i])
        b[pos] = round(at, 2)
        at += b[length] + gap
        out[i] = (b[0], b[1], b[2], b[3])
    return out


def scaled_variant(variant: Spec, size: tuple[float, float]) -> Spec:
    """A copy of a variant for another badge size: boxes scaled per axis, font sizes by the
    smaller factor (what the renderer does for a slot of another size, made editable)."""
    w0, h0 = (float(v) for v in variant["size_mm"])
    sx, sy = size[0] / w0, size[1] / h0
    s = min(sx, sy)
    out: Spec = {"size_mm": [size[0], size[1]]}
    for side in SIDES:
        if variant.get(side) is None:
            continue
        elements = []
        for spec in copy.deepcopy(variant[side]):
            x, y, w, h = box_of(spec)
            spec["box"] = [round(x * sx, 2), round(y * sy, 2), round(w * sx, 2),
                           round(h * sy, 2)]
            _scale_fonts(spec, s)
            if isinstance(spec.get("cjk"), dict):
                _scale_fonts(spec["cjk"], s)
            elements.append(spec)
        out[side] = elements
    return out


def _scale_fonts(spec: Spec, s: float) -> None:
    for key, floor in (("size", 2.0), ("min_size", 2.0), ("radius", 0.0)):
        if isinstance(spec.get(key), int | float):
            spec[key] = max(floor, round(float(spec[key]) * s, 1))

"""Badge layouts as data: JSON files shipped in resources/layouts/ and the user's own in
<data dir>/layouts/ (same name: the user's wins).

A layout has one or more variants, each designed for a badge size in millimetres (origin top-left,
y downwards, as on a ruler). For a paper slot the variant with the nearest aspect ratio is chosen
and compiled once: boxes scaled to the slot and converted to PDF points (origin bottom-left), font
sizes scaled with the smaller factor, colours parsed. The renderer only ever sees compiled
elements, so per badge there is no JSON, no parsing and no geometry left to work out.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventdesk.domain.layout_source import LayoutSource
from eventdesk.paths import resource
from eventdesk.pdf.layout_check import LayoutProblem, check_source, read_layout_file
from eventdesk.pdf.presets import MM

LAYOUTS_ENV = "EVENTDESK_LAYOUTS"  # an extra directory of layouts (tests, print shops)
# Fields that are the same for every badge of one category: drawn once into a form XObject.
STATIC_FIELDS = frozenset({"category_label", "event_name"})
DYNAMIC_FIELDS = frozenset({"name", "name_en", "company", "company_short", "title", "booth",
                            "hall", "hall_booth"})
Colour = tuple[float, float, float]
# A layout by name (a built-in or user file) or as data (one designed for the event).
LayoutRef = str | LayoutSource


class LayoutError(ValueError):
    """A layout that cannot be used. `layout` names it; `problems` say what and where (empty for
    an unknown name); the message is a neutral line for logs (people read messages.describe of
    the actions' LayoutRejected)."""

    def __init__(self, message: str, *, layout: str = "",
                 problems: Sequence[LayoutProblem] = ()) -> None:
        super().__init__(message)
        self.layout = layout
        self.problems = tuple(problems)


def shipped_dir() -> Path:
    return resource("layouts")


def user_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("eventdesk", appauthor=False)) / "layouts"


def _layout_dirs() -> list[Path]:
    extra = os.environ.get(LAYOUTS_ENV)
    dirs = [shipped_dir(), user_dir()]
    if extra:
        dirs.append(Path(extra))
    return [d for d in dirs if d.is_dir()]


def layout_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for directory in _layout_dirs():
        for path in sorted(directory.glob("*.json")):
            found[path.stem] = path  # later directories win: user over shipped
    return found


def parse_colour(text: str) -> Colour:
    value = text.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6:
        raise LayoutError(f"colour {text!r} is not #RRGGBB")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


@dataclass(frozen=True)
class SizeRule:
    size: float  # points at the design size
    min_size: float  # the floor text shrinks to before it is condensed instead
    max_lines: int = 1
    spacing: dict[int, float] = field(default_factory=dict)  # characters -> extra em between


@dataclass(frozen=True)
class TextBox:
    field: str  # a BadgeData field, or "" for literal text
    x: float
    y: float
    w: float
    h: float
    rule: SizeRule
    cjk_rule: SizeRule | None  # used instead of `rule` for names written in Chinese characters
    align: str = "center"
    valign: str = "center"
    colour: str = "#000000"  # "#RRGGBB", "category" or "on_category"
    bold: bool = False
    text: str = ""
    prefix: str = ""
    fallback: str = ""  # field used when the text cannot fit even at the floor (company → short)
    skip_if_same_as: str = ""
    leading: float = 1.18


@dataclass(frozen=True)
class RectBox:
    x: float
    y: float
    w: float
    h: float
    fill: str
    radius: float = 0.0


@dataclass(frozen=True)
class ImageBox:
    name: str  # the file name the layout gives
    data: bytes  # PNG or JPEG, checked by layout_check
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class QrBox:
    x: float
    y: float
    size: float


Element = TextBox | RectBox | ImageBox | QrBox


@dataclass(frozen=True)
class Side:
    static: tuple[Element, ...]  # same for every badge of a category: drawn once per document
    dynamic: tuple[Element, ...]  # per badge, in drawing order


@dataclass(frozen=True)
class CompiledLayout:
    name: str
    width: float  # points
    height: float
    front: Side
    back: Side | None
    colours: dict[str, tuple[Colour, Colour]]  # category -> (colour, text colour on it)
    labels: dict[str, str]  # category -> label printed when the badge brings none

    def category_colours(self, category: str) -> tuple[Colour, Colour]:
        return self.colours.get(category) or self.colours["*"]


def _refused(name: str, problems: Sequence[LayoutProblem]) -> LayoutError:
    first = problems[0]
    return LayoutError(f"badge layout {name!r}: {first.element}: {first.code} {first.params}",
                       layout=name, problems=problems)


def file_source(name: str) -> LayoutSource:
    """A built-in or user layout file, with its images, checked. Raises LayoutError."""
    files = layout_files()
    if name not in files:
        raise LayoutError(f"unknown badge layout {name!r} (one of {', '.join(sorted(files))})",
                          layout=name)
    try:
        source, problems = read_layout_file(files[name])
    except OSError as exc:
        raise LayoutError(f"{files[name]}: {exc.strerror}", layout=name) from exc
    if source is None:
        raise _refused(name, problems)
    return source


# Bounded: the designer's proofs compile every edited version of a layout once.
@lru_cache(maxsize=64)
def load_layout(ref: LayoutRef) -> dict[str, Any]:
    """The checked document of a layout, with its images under "_images" (file name -> bytes).
    Raises LayoutError for an unknown name or a layout with problems."""
    if isinstance(ref, LayoutSource):
        problems = check_source(ref)
        if problems:
            raise _refused(ref.name, problems)
        source = ref
    else:
        source = file_source(ref)
    data: dict[str, Any] = json.loads(source.document)
    data["_images"] = dict(source.images)
    return data


def layout_names() -> list[str]:
    return sorted(layout_files())


def layout_title(name: LayoutRef) -> str:
    return str(load_layout(name).get("title", name))


def _choose_variant(data: dict[str, Any], slot_mm: tuple[float, float]) -> dict[str, Any]:
    want = math.log(slot_mm[0] / slot_mm[1])
    return min(data["variants"],
               key=lambda v: abs(math.log(v["size_mm"][0] / v["size_mm"][1]) - want))


class _Scaler:
    """Design millimetres (top-left origin) to slot points (bottom-left origin)."""

    def __init__(self, design: tuple[float, float], slot: tuple[float, float]) -> None:
        self.sx = slot[0] / design[0]
        self.sy = slot[1] / design[1]
        self.s = min(self.sx, self.sy)
        self.design = design
        self.slot = slot

    def box(self, box: list[float], bleed: float = 0.0) -> tuple[float, float, float, float]:
        x, y, w, h = box
        dw, dh = self.design
        x0, x1 = x * self.sx, (x + w) * self.sx
        y0, y1 = y * self.sy, (y + h) * self.sy
        if bleed:
            # Colour that touches a trim edge runs past it, so a slightly off cut shows no white.
            eps = 0.01
            x0 = x0 - bleed if x <= eps else x0
            y0 = y0 - bleed if y <= eps else y0
            x1 = x1 + bleed if x + w >= dw - eps else x1
            y1 = y1 + bleed if y + h >= dh - eps else y1
        sw, sh = self.slot
        return x0 * MM, (sh - y1) * MM, (x1 - x0) * MM, (y1 - y0) * MM


def _rule(spec: dict[str, Any], scale: float, defaults: SizeRule | None = None) -> SizeRule:
    size = float(spec.get("size", defaults.size / scale if defaults else 12)) * scale
    floor = float(spec.get("min_size", defaults.min_size / scale if defaults else 6)) * scale
    spacing = {int(k): float(v) for k, v in spec.get("spacing", {}).items()}
    lines = int(spec.get("max_lines", defaults.max_lines if defaults else 1))
    return SizeRule(size=size, min_size=min(floor, size), max_lines=max(1, min(lines, 3)),
                    spacing=spacing)


def _compile_side(elements: list[dict[str, Any]], sc: _Scaler, bleed: float,
                  images: Mapping[str, bytes]) -> Side:
    static: list[Element] = []
    dynamic: list[Element] = []
    for spec in elements:
        kind = spec.get("type", "text")
        if kind == "rect":
            x, y, w, h = sc.box(spec["box"], bleed if spec.get("bleed", True) else 0.0)
            static.append(RectBox(x, y, w, h, spec.get("fill", "category"),
                                  float(spec.get("radius", 0)) * sc.s * MM))
        elif kind == "image":
            name = str(spec["path"])
            static.append(ImageBox(name, images[name], *sc.box(spec["box"])))
        elif kind == "qr":
            x, y, w, h = sc.box(spec["box"])
            side = min(w, h)
            dynamic.append(QrBox(x + (w - side) / 2, y + (h - side) / 2, side))
        elif kind == "text":
            name = spec.get("field", "")
            if name and name not in STATIC_FIELDS | DYNAMIC_FIELDS:
                raise LayoutError(f"unknown field {name!r} in a text element")
            rule = _rule(spec, sc.s)
            cjk = _rule(spec["cjk"], sc.s, rule) if "cjk" in spec else None
            box = TextBox(
                field=name, x=0, y=0, w=0, h=0, rule=rule, cjk_rule=cjk,
                align=spec.get("align", "center"), valign=spec.get("valign", "center"),
                colour=spec.get("color", "#000000"), bold=bool(spec.get("bold", False)),
                text=spec.get("text", ""), prefix=spec.get("prefix", ""),
                fallback=spec.get("fallback", ""), skip_if_same_as=spec.get("skip_if_same_as", ""),
                leading=float(spec.get("leading", 1.18)),
            )
            x, y, w, h = sc.box(spec["box"])
            box = TextBox(**{**box.__dict__, "x": x, "y": y, "w": w, "h": h})
            (dynamic if name in DYNAMIC_FIELDS else static).append(box)
        else:
            raise LayoutError(f"unknown element type {kind!r}")
    return Side(tuple(static), tuple(dynamic))


@lru_cache(maxsize=64)
def compile_layout(ref: LayoutRef, slot_mm: tuple[float, float], bleed_mm: float = 0.0
                   ) -> CompiledLayout:
    data = load_layout(ref)
    name = ref.name if isinstance(ref, LayoutSource) else ref
    variant = _choose_variant(data, slot_mm)
    design_w, design_h = variant["size_mm"]
    sc = _Scaler((float(design_w), float(design_h)), slot_mm)
    images: dict[str, bytes] = data["_images"]
    colours: dict[str, tuple[Colour, Colour]] = {}
    labels: dict[str, str] = {}
    for key, spec in data.get("categories", {}).items():
        colours[key] = (parse_colour(spec.get("color", "#455A64")),
                        parse_colour(spec.get("on_color", "#FFFFFF")))
        labels[key] = str(spec.get("label", ""))
    colours.setdefault("*", (parse_colour("#455A64"), parse_colour("#FFFFFF")))
    front = _compile_side(variant["front"], sc, bleed_mm, images)
    back = _compile_side(variant["back"], sc, bleed_mm, images) if variant.get("back") else None
    return CompiledLayout(name=name, width=slot_mm[0] * MM, height=slot_mm[1] * MM,
                          front=front, back=back, colours=colours, labels=labels)

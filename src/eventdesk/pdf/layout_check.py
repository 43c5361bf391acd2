"""Checking a badge layout document before anything uses it: the built-in files, a user's file, a
file given to `eventdesk layout check` or imported in the designer, a layout stored in the event.

A layout is data that arrives from outside (e-mailed between organisers, edited by hand), so
every limit is explicit: the size of the file, the depth of its nesting, how many variants and
elements, that each box lies on the badge, that each image exists, is a PNG or JPEG and is not
enormous. Each problem names its element (variant size, side, number, kind and field) and a
message code; eventdesk.messages words it. Nothing here raises on bad input.

File format: the JSON the renderer reads (resources/layouts/*.json). Images are named by a plain
file name and found beside the file, or carried inside it as {"images": {"logo.png": base64}}
(what the designer exports, so that one file travels with its images).
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.domain.layout_source import LayoutSource

# Limits, generous for any real badge and small enough that a hostile file costs nothing.
MAX_FILE_BYTES = 24 * 1024 * 1024  # a whole file, embedded images included
MAX_DOCUMENT_CHARS = 256 * 1024  # the JSON without its images
MAX_DEPTH = 8  # layout → variants → variant → side → element → cjk → spacing: 7 levels
MAX_VARIANTS = 12
MAX_ELEMENTS = 120  # per side
MAX_CATEGORIES = 40
MAX_TEXT = 500  # characters of any string
MAX_IMAGE_BYTES = 4 * 1024 * 1024
MAX_IMAGE_PIXELS = 4096 * 4096
MIN_SIDE_MM, MAX_SIDE_MM = 10.0, 400.0
MIN_FONT, MAX_FONT = 2.0, 300.0
EDGE_MM = 0.05  # a box may touch the edge; rounding in a hand-edited file is forgiven

ELEMENT_TYPES = ("text", "rect", "image", "qr")
FIELDS = ("name", "name_en", "company", "company_short", "title", "booth", "hall", "hall_booth",
          "category_label", "event_name")
ALIGNS = ("left", "center", "right")
VALIGNS = ("top", "center", "bottom")
SPECIAL_COLOURS = ("category", "on_category")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")

# Every problem code (tests check each is in eventdesk.messages in both languages).
CODES = frozenset({
    "layout.too_big", "layout.not_json", "layout.too_deep", "layout.not_object",
    "layout.no_variants", "layout.too_many_variants", "layout.too_many_elements",
    "layout.bad_size", "layout.bad_element",
    "layout.unknown_type", "layout.bad_box", "layout.box_outside", "layout.unknown_field",
    "layout.bad_colour", "layout.bad_value", "layout.bad_image_name", "layout.image_missing",
    "layout.image_too_big", "layout.image_not_image", "layout.text_too_long",
})


@dataclass(frozen=True)
class LayoutProblem:
    """One problem of a layout. `code` + `params` say what (a message code); `variant` ("105×148"),
    `side` ("front"/"back"), `index` (1-based number of the element on that side, 0 for the file
    itself), `kind` (its type) and `label` (its field, text or image) say where."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    variant: str = ""
    side: str = ""
    index: int = 0
    kind: str = ""
    label: str = ""

    @property
    def element(self) -> str:
        """Where, in neutral words for JSON output and logs: "105×148 front #3 text(company)"."""
        if not self.variant:
            return "file"
        parts = [self.variant, self.side]
        if self.index:
            parts.append(f"#{self.index} {self.kind}" + (f"({self.label})" if self.label else ""))
        return " ".join(p for p in parts if p)


def _num(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _depth(value: object) -> int:
    """Nesting depth of parsed JSON, iteratively (a deep file must not exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def is_colour(text: object, *, special: bool = True) -> bool:
    if not isinstance(text, str):
        return False
    if special and text in SPECIAL_COLOURS:
        return True
    value = text.strip().lstrip("#")
    return (text.strip().startswith("#") and len(value) in (3, 6)
            and all(c in "0123456789abcdefABCDEF" for c in value))


# An image as given to the checker: its bytes, its size alone (a file too big to read), or None.
ImageData = bytes | int | None


def image_problem(data: ImageData) -> tuple[str, dict[str, object]] | None:
    """Why these bytes cannot be a badge image (missing, too big, not a PNG/JPEG), or None."""
    if data is None:
        return "layout.image_missing", {}
    size = data if isinstance(data, int) else len(data)
    if isinstance(data, int) or size > MAX_IMAGE_BYTES:
        return "layout.image_too_big", {"size": f"{size / 1e6:.1f} MB",
                                        "limit": f"{MAX_IMAGE_BYTES / 1e6:.0f} MB"}
    if not data.startswith(IMAGE_MAGIC):
        return "layout.image_not_image", {}
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return "layout.image_too_big", {"size": f"{width}×{height} px",
                                                "limit": f"{MAX_IMAGE_PIXELS // 10**6} Mpx"}
            image.verify()
    except Exception:  # noqa: BLE001 - any decoder complaint means the same thing to a person
        return "layout.image_not_image", {}
    return None


class _Checker:
    def __init__(self, images: Mapping[str, ImageData]) -> None:
        self.images = images
        self.problems: list[LayoutProblem] = []
        self.where: dict[str, Any] = {}
        self._images_checked: dict[str, tuple[str, dict[str, object]] | None] = {}

    def add(self, code: str, **params: object) -> None:
        self.problems.append(LayoutProblem(code, dict(params), **self.where))

    def document(self, data: object) -> None:
        if not isinstance(data, dict):
            self.add("layout.not_object")
            return
        for key in ("title", "description"):
            if key in data and (not isinstance(data[key], str) or len(data[key]) > MAX_TEXT):
                self.add("layout.bad_value", key=key)
        self.categories(data.get("categories", {}))
        variants = data.get("variants")
        if not isinstance(variants, list) or not variants:
            self.add("layout.no_variants")
            return
        if len(variants) > MAX_VARIANTS:
            self.add("layout.too_many_variants", count=len(variants), limit=MAX_VARIANTS)
            return
        for variant in variants:
            self.variant(variant)

    def categories(self, categories: object) -> None:
        if not isinstance(categories, dict) or len(categories) > MAX_CATEGORIES:
            self.add("layout.bad_value", key="categories")
            return
        for key, spec in categories.items():
            if not isinstance(spec, dict):
                self.add("layout.bad_value", key=f"categories.{key}")
                continue
            for name in ("color", "on_color"):
                if name in spec and not is_colour(spec[name], special=False):
                    self.add("layout.bad_colour", key=f"categories.{key}.{name}",
                             value=str(spec[name])[:40])
            label = spec.get("label", "")
            if not isinstance(label, str) or len(label) > MAX_TEXT:
                self.add("layout.bad_value", key=f"categories.{key}.label")

    def variant(self, variant: object) -> None:
        self.where = {}
        size = variant.get("size_mm") if isinstance(variant, dict) else None
        nums = [_num(v) for v in size] if isinstance(size, list) and len(size) == 2 else []
        if len(nums) != 2 or any(n is None or not MIN_SIDE_MM <= n <= MAX_SIDE_MM for n in nums):
            self.add("layout.bad_size", value=str(size)[:40], low=MIN_SIDE_MM, high=MAX_SIDE_MM)
            return
        assert isinstance(variant, dict)
        w, h = (float(n or 0) for n in nums)
        label = f"{w:g}×{h:g}"
        for side in ("front", "back"):
            elements = variant.get(side)
            if elements is None and side == "back":
                continue
            self.where = {"variant": label, "side": side}
            if not isinstance(elements, list):
                self.add("layout.bad_value", key=side)
                continue
            if len(elements) > MAX_ELEMENTS:
                self.add("layout.too_many_elements", count=len(elements), limit=MAX_ELEMENTS)
                continue
            for index, spec in enumerate(elements, start=1):
                self.element(spec, index, w, h)
        self.where = {}

    def element(self, spec: object, index: int, w: float, h: float) -> None:
        base = {k: v for k, v in self.where.items() if k in ("variant", "side")}
        if not isinstance(spec, dict):
            self.where = {**base, "index": index}
            self.add("layout.bad_element")
            self.where = base
            return
        kind = spec.get("type", "text")
        label = spec.get("field") or spec.get("path") or spec.get("text") or ""
        self.where = {**base, "index": index, "kind": str(kind)[:20], "label": str(label)[:30]}
        if kind not in ELEMENT_TYPES:
            self.add("layout.unknown_type", value=str(kind)[:40], types=", ".join(ELEMENT_TYPES))
        else:
            self.box(spec.get("box"), w, h)
            getattr(self, f"_{kind}")(spec)
        self.where = base

    def box(self, box: object, w: float, h: float) -> None:
        nums = [_num(v) for v in box] if isinstance(box, list) and len(box) == 4 else []
        if len(nums) != 4 or any(n is None for n in nums) or (nums[2] or 0) <= 0 \
                or (nums[3] or 0) <= 0:
            self.add("layout.bad_box", value=str(box)[:60])
            return
        x, y, bw, bh = (float(n or 0) for n in nums)
        if x < -EDGE_MM or y < -EDGE_MM or x + bw > w + EDGE_MM or y + bh > h + EDGE_MM:
            self.add("layout.box_outside", box=f"{x:g}, {y:g}, {bw:g}×{bh:g}",
                     size=f"{w:g}×{h:g}")

    def _qr(self, spec: dict[str, Any]) -> None:
        pass

    def _rect(self, spec: dict[str, Any]) -> None:
        if not is_colour(spec.get("fill", "category")):
            self.add("layout.bad_colour", key="fill", value=str(spec.get("fill"))[:40])
        radius = _num(spec.get("radius", 0))
        if radius is None or radius < 0 or radius > MAX_SIDE_MM:
            self.add("layout.bad_value", key="radius")

    def _image(self, spec: dict[str, Any]) -> None:
        name = spec.get("path")
        if not isinstance(name, str) or not name or "/" in name or "\\" in name \
                or name.startswith(".") or len(name) > 120:
            self.add("layout.bad_image_name", value=str(name)[:60])
            return
        if name not in self._images_checked:
            self._images_checked[name] = image_problem(self.images.get(name))
        problem = self._images_checked[name]
        if problem is not None:
            self.add(problem[0], **problem[1])

    def _text(self, spec: dict[str, Any]) -> None:
        for key in ("field", "fallback", "skip_if_same_as"):
            value = spec.get(key, "")
            if value and value not in FIELDS:
                self.add("layout.unknown_field", key=key, value=str(value)[:40],
                         fields=", ".join(FIELDS))
        for key in ("text", "prefix"):
            value = spec.get(key, "")
            if not isinstance(value, str) or len(value) > MAX_TEXT:
                self.add("layout.text_too_long", key=key, limit=MAX_TEXT)
        if not spec.get("field") and not spec.get("text"):
            self.add("layout.bad_value", key="field")
        if spec.get("align", "center") not in ALIGNS:
            self.add("layout.bad_value", key="align")
        if spec.get("valign", "center") not in VALIGNS:
            self.add("layout.bad_value", key="valign")
        if not is_colour(spec.get("color", "#000000")):
            self.add("layout.bad_colour", key="color", value=str(spec.get("color"))[:40])
        if not isinstance(spec.get("bold", False), bool):
            self.add("layout.bad_value", key="bold")
        leading = _num(spec.get("leading", 1.18))
        if leading is None or not 0.5 <= leading <= 3:
            self.add("layout.bad_value", key="leading")
        self.rule(spec, "")
        cjk = spec.get("cjk")
        if cjk is not None:
            if isinstance(cjk, dict):
                self.rule(cjk, "cjk.")
            else:
                self.add("layout.bad_value", key="cjk")

    def rule(self, spec: dict[str, Any], prefix: str) -> None:
        for key in ("size", "min_size"):
            if key in spec:
                n = _num(spec[key])
                if n is None or not MIN_FONT <= n <= MAX_FONT:
                    self.add("layout.bad_value", key=prefix + key)
        lines = spec.get("max_lines", 1)
        if isinstance(lines, bool) or not isinstance(lines, int) or not 1 <= lines <= 3:
            self.add("layout.bad_value", key=prefix + "max_lines")
        spacing = spec.get("spacing", {})
        if not isinstance(spacing, dict) or any(
                not str(k).isdigit() or _num(v) is None or not 0 <= (_num(v) or 0) <= 2
                for k, v in spacing.items()):
            self.add("layout.bad_value", key=prefix + "spacing")


def check_document(data: object, images: Mapping[str, ImageData]) -> list[LayoutProblem]:
    """Every problem of a parsed layout document whose images are given by file name (None or
    absent: the image is missing). An empty list: the layout can be used."""
    checker = _Checker(images)
    checker.document(data)
    return checker.problems


def parse(text: str | bytes) -> tuple[Any, list[LayoutProblem]]:
    """The JSON of a layout, or None and the one problem that stops reading it (too big, not
    JSON, nested too deep)."""
    if len(text) > MAX_FILE_BYTES:
        return None, [LayoutProblem("layout.too_big", {"limit": f"{MAX_FILE_BYTES // 2**20} MB"})]
    try:
        data = json.loads(text)
    except RecursionError:  # thousands of nested brackets
        return None, [LayoutProblem("layout.too_deep", {"limit": MAX_DEPTH})]
    except ValueError as exc:
        return None, [LayoutProblem("layout.not_json", {"reason": str(exc)[:120]})]
    if _depth(data) > MAX_DEPTH:
        return None, [LayoutProblem("layout.too_deep", {"limit": MAX_DEPTH})]
    return data, []


def split_images(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, ImageData]]:
    """A document without its embedded "images" map, and the images decoded (None: not base64)."""
    embedded = data.get("images")
    document = {k: v for k, v in data.items() if k != "images"}
    images: dict[str, ImageData] = {}
    if isinstance(embedded, dict):
        for name, text in embedded.items():
            try:
                images[str(name)] = base64.b64decode(str(text), validate=True)
            except (binascii.Error, ValueError):
                images[str(name)] = None
    return document, images


def image_names(document: Mapping[str, Any]) -> set[str]:
    """The file names of every image element of a (checked) document."""
    names: set[str] = set()
    for variant in document.get("variants", []):
        for side in ("front", "back"):
            for spec in variant.get(side) or []:
                if spec.get("type") == "image" and isinstance(spec.get("path"), str):
                    names.add(spec["path"])
    return names


def read_layout_file(path: Path) -> tuple[LayoutSource | None, list[LayoutProblem]]:
    """A layout file (and the images beside it or inside it) as a LayoutSource named after the
    file, or None with its problems. Raises OSError only when the file itself cannot be read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [LayoutProblem("layout.too_big", {"limit": f"{MAX_FILE_BYTES // 2**20} MB"})]
    data, problems = parse(path.read_bytes())
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [LayoutProblem("layout.not_object")]
    document, images = split_images(data)
    if len(json.dumps(document, ensure_ascii=False)) > MAX_DOCUMENT_CHARS:
        return None, [LayoutProblem("layout.too_big",
                                    {"limit": f"{MAX_DOCUMENT_CHARS // 1024} KB"})]
    for name in image_names(document) if isinstance(document.get("variants"), list) else ():
        if name not in images and isinstance(name, str) and "/" not in name \
                and "\\" not in name and not name.startswith("."):
            beside = path.parent / name
            if beside.is_file():
                size = beside.stat().st_size
                images[name] = beside.read_bytes() if size <= MAX_IMAGE_BYTES else size
    problems = check_document(document, images)
    if problems:
        return None, problems
    used = image_names(document)
    source = LayoutSource(
        name=path.stem, document=json.dumps(document, ensure_ascii=False),
        images=tuple(sorted((n, b) for n, b in images.items()
                            if n in used and isinstance(b, bytes))),
        origin=str(path))
    return source, []


def check_source(source: LayoutSource) -> list[LayoutProblem]:
    """The problems of a layout held as data (one stored in the event database)."""
    if len(source.document) > MAX_DOCUMENT_CHARS:
        return [LayoutProblem("layout.too_big", {"limit": f"{MAX_DOCUMENT_CHARS // 1024} KB"})]
    data, problems = parse(source.document)
    if problems:
        return problems
    return check_document(data, dict(source.images))

"""The one module that touches reportlab: its typed face, and every use of its private parts.

reportlab ships no type hints, and the badge renderer is fast because it writes PDF operators
itself instead of going through the canvas API per badge (see render.py and text.py). Doing so
needs a few things reportlab does not offer publicly; they are all here, so that a reportlab
upgrade is checked in one place (tests/pdf/test_reportlab_adapter.py fails when any of them
changes). pyproject.toml pins reportlab to the minor version these were checked against.

Private or internal uses, what each is for, and why there is no public way:

- `rl_config.useA85` (binary_streams): reportlab wraps every compressed stream in ASCII85, in
  pure Python — a third of the batch time, for streams that are binary-safe anyway. The switch
  is a process-wide module global read when a document is written; Canvas has no option for it.
- `Canvas._code` (append_ops): the operator list of the current page or form. Appending a
  prepared string per badge is what makes 10,000 badges take seconds; the public drawing calls
  re-format every number and re-derive font state per call. beginForm swaps the list, so it is
  read afresh on each call.
- `Canvas._doc` (document_of): the PDFDocument, which TrueType subsetting needs to name a font
  subset in this document; no public accessor exists.
- `Canvas._formsinuse` and `PDFDocument.getXObjectName` (place_form): placing a form XObject
  under our own transformation matrix. The public `doForm` wraps the call in saveState/translate
  operators of its own formatting; the page must still list the form among its resources, which
  only `_formsinuse` records.
- `TTFont.splitString` / `TTFont.getSubsetInternalName` and `reportlab.lib.rl_accel.escapePDF`
  (subset_chunks): reportlab's documented recipe for writing text of a dynamic (subset) font as
  raw operators; both methods take the internal PDFDocument, and escapePDF is the accelerated
  string escaper the canvas itself uses.
- `TTFont.face.charWidths` / `.defaultWidth` (glyph_widths): advance widths per code point,
  read directly because `pdfmetrics.stringWidth` costs a call per string and the fitting code
  measures every candidate line.
- `TTFontFile(...).charToGlyph` (font_cmap): the font's cmap, to know which characters a font
  of the chain can draw before anything is printed; reportlab has no public cmap query.
- `reportlab.pdfbase.ttfonts.shapeStr` and `ShapedStr.__shapeData__` (shape_glyphs): reportlab's
  own HarfBuzz shaping (what its canvas uses for `shaping=True`), which also gives every glyph
  without a character of its own (a contextual form, a ligature) a private-use code point in the
  font's maps, so the shaped text is written like any other text. It is a module function with
  no documented contract, and it changes the font's maps, hence the lock.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile, shapeStr
from reportlab.pdfgen.canvas import Canvas

RGB = tuple[float, float, float]  # 0..1 each


class PdfTextObject(Protocol):
    """The part of reportlab's PDFTextObject that the programme uses."""

    def setTextRenderMode(self, mode: int) -> None: ...
    def textOut(self, text: str) -> None: ...


class PdfImage(Protocol):
    """An image reportlab has read (its ImageReader)."""

    def getSize(self) -> tuple[int, int]: ...


class PdfCanvas(Protocol):
    """The public part of reportlab's Canvas that EventDesk uses (reportlab has no type hints)."""

    def setTitle(self, title: str) -> None: ...
    def setAuthor(self, author: str) -> None: ...
    def setCreator(self, creator: str) -> None: ...
    def setPageSize(self, size: tuple[float, float]) -> None: ...
    def showPage(self) -> None: ...
    def save(self) -> None: ...
    def beginForm(self, name: str, lowerx: float, lowery: float, upperx: float,
                  uppery: float) -> None: ...
    def endForm(self) -> None: ...
    def setFillColorRGB(self, r: float, g: float, b: float) -> None: ...
    def setFillColor(self, aColor: RGB) -> None: ...
    def setStrokeColor(self, aColor: RGB) -> None: ...
    def setLineWidth(self, width: float) -> None: ...
    def setFont(self, psfontname: str, size: float) -> None: ...
    def line(self, x1: float, y1: float, x2: float, y2: float) -> None: ...
    def rect(self, x: float, y: float, width: float, height: float, stroke: int = 1,
             fill: int = 0) -> None: ...
    def roundRect(self, x: float, y: float, width: float, height: float, radius: float,
                  stroke: int = 1, fill: int = 0) -> None: ...
    def drawImage(self, image: str | PdfImage, x: float, y: float, width: float, height: float,
                  mask: str | None = None, preserveAspectRatio: bool = False,
                  anchor: str = "c") -> object: ...
    def beginText(self, x: float, y: float) -> PdfTextObject: ...
    def drawText(self, aTextObject: PdfTextObject) -> None: ...


class PdfFont(Protocol):
    """A registered TrueType font (reportlab's TTFont); `fontName` is its registered name."""

    fontName: str


class PdfDocument(Protocol):
    """The PDF document behind a canvas: opaque, only handed back to this module."""


def new_canvas(out: str | BinaryIO, *, pagesize: tuple[float, float],
               page_compression: bool | None = None, invariant: bool | None = None) -> PdfCanvas:
    """A canvas writing to a path or binary stream. None keeps reportlab's defaults
    (rl_config); `invariant` leaves out dates and random ids, so the same input gives the same
    bytes."""
    options: dict[str, int] = {}
    if page_compression is not None:
        options["pageCompression"] = int(page_compression)
    if invariant is not None:
        options["invariant"] = int(invariant)
    canvas: PdfCanvas = Canvas(out, pagesize=pagesize, **options)
    return canvas


def register_font(name: str, path: Path, subfont_index: int = 0) -> PdfFont:
    """Load a TrueType font (or one face of a collection) and register it under `name`."""
    font: PdfFont = TTFont(name, str(path), subfontIndex=subfont_index)
    pdfmetrics.registerFont(font)
    return font


# -- private API from here on (see the module docstring for why each is needed) ---------------

_a85_lock = threading.Lock()
_a85_users = 0
_a85_saved: object = None


@contextmanager
def binary_streams() -> Iterator[None]:
    """Streams written inside the block are not wrapped in ASCII85 (rl_config.useA85).

    The switch is process-wide, so renders in several threads (desk and batch) share it: the
    first one in turns it off, the last one out restores it.
    """
    global _a85_users, _a85_saved
    with _a85_lock:
        if _a85_users == 0:
            _a85_saved = rl_config.useA85
            rl_config.useA85 = 0
        _a85_users += 1
    try:
        yield
    finally:
        with _a85_lock:
            _a85_users -= 1
            if _a85_users == 0:
                rl_config.useA85 = _a85_saved


def _untyped(obj: object) -> Any:
    """A reportlab object as it is: its private parts are deliberately not in the Protocols."""
    return obj


def document_of(canvas: PdfCanvas) -> PdfDocument:
    """The PDF document the canvas writes (Canvas._doc)."""
    doc: PdfDocument = _untyped(canvas)._doc
    return doc


def append_ops(canvas: PdfCanvas, ops: str) -> None:
    """Append raw PDF operators to the current page or form (Canvas._code)."""
    _untyped(canvas)._code.append(ops)


def place_form(canvas: PdfCanvas, doc: PdfDocument, name: str, x: float, y: float) -> None:
    """Draw the form XObject `name` with its origin at (x, y) points, and list it among the
    current page's resources."""
    raw = _untyped(canvas)
    xobject = _untyped(doc).getXObjectName(name)
    raw._code.append(f"q 1 0 0 1 {x:.3f} {y:.3f} cm /{xobject} Do Q")
    raw._formsinuse.append(name)


def subset_chunks(font: PdfFont, text: str, doc: PdfDocument) -> list[tuple[str, str]]:
    """`text` split by font subset: (the subset's resource name, e.g. "/F2+0", the chunk
    escaped for a PDF string literal), ready for `{name} {size} Tf ({chunk}) Tj`."""
    raw = _untyped(font)
    return [(str(raw.getSubsetInternalName(subset, doc)), str(escapePDF(chunk)))
            for subset, chunk in raw.splitString(text, doc)]


def glyph_widths(font: PdfFont) -> tuple[Mapping[int, float], float]:
    """Advance widths per code point in 1/1000 em, and the width of a code point not listed."""
    face = _untyped(font).face
    widths: Mapping[int, float] = face.charWidths
    return widths, float(face.defaultWidth)


def image_of(data: bytes) -> PdfImage:
    """PNG or JPEG bytes as an image the canvas draws (layouts carry their images as data)."""
    from reportlab.lib.utils import ImageReader

    image: PdfImage = ImageReader(io.BytesIO(data))
    return image


def font_cmap(path: Path, subfont_index: int = 0) -> frozenset[int]:
    """Code points the font (or collection face) has a glyph for, read from its cmap."""
    face = TTFontFile(str(path), subfontIndex=subfont_index, validate=0)
    return frozenset(cp for cp, glyph in face.charToGlyph.items() if glyph)


_shaping_lock = threading.Lock()


def shape_glyphs(font: PdfFont, text: str) -> tuple[str, tuple[float, ...]]:
    """`text` (one direction, one script, storage order) shaped by HarfBuzz with the font's
    OpenType tables: the code points to write for its glyphs, in drawing order (right to left
    text comes back reversed, joined and ligated), and each glyph's advance in 1/1000 em. A
    glyph with no character of its own gets a private-use code point in this font's maps."""
    with _shaping_lock:
        shaped = shapeStr(text, font.fontName, 1000, force=True)
    data = getattr(shaped, "__shapeData__", None)
    if not data:  # HarfBuzz unavailable or nothing to do: the characters as they are
        widths, default = glyph_widths(font)
        return text, tuple(float(widths.get(ord(c), default)) for c in text)
    return str(shaped), tuple(float(d.x_advance) for d in data)

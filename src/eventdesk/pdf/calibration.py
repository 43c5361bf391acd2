"""The calibration page of a desk printer: a crosshair through the page centre, a ruler of known
length along it, mm rulers from the top and left edges, and (on label sheets) the labels'
outlines — at the size of the paper preset, so it is printed on the very stock the desk uses.

The operator measures where the crosshair landed and how long the ruler came out, and enters the
offset and scale (domain.calibration); the page tells them the nominal figures. Takes a preset
key, returns PDF bytes. No Qt, no database.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from eventdesk.pdf.layout import parse_colour
from eventdesk.pdf.presets import MM, Preset, get_preset
from eventdesk.pdf.programme import draw, width
from eventdesk.pdf.reportlab_adapter import PdfCanvas, new_canvas

INK = parse_colour("#000000")
GREY = parse_colour("#7a7a7a")
WHITE = parse_colour("#ffffff")
LINE_MM = 0.25  # crosshair and ruler line width: thin enough to measure against, thick enough
# for a 203 dpi thermal head (two dots)


@dataclass(frozen=True)
class CalibrationMarks:
    """Where the page puts its marks, in mm from the top-left corner (what the operator and the
    tests measure against)."""

    page_mm: tuple[float, float]
    centre_mm: tuple[float, float]
    ruler_mm: float  # nominal length of the horizontal ruler through the centre
    ruler_start_mm: float  # x of its 0 tick


def marks_for(preset: Preset) -> CalibrationMarks:
    w, h = preset.page_mm
    # The longest whole 10 mm that leaves the text room on either side: 60 mm on a CR80 card,
    # 160 mm on A4.
    ruler = max(10.0, math.floor(w * 0.75 / 10) * 10)
    return CalibrationMarks((w, h), (w / 2, h / 2), ruler, w / 2 - ruler / 2)


def calibration_page(preset_key: str, *, title: str = "") -> tuple[bytes, CalibrationMarks]:
    """The calibration page for `preset_key` (one page, the preset's paper size) and where its
    marks are. Raises ValueError for an unknown preset."""
    preset = get_preset(preset_key)
    marks = marks_for(preset)
    w, h = marks.page_mm
    buffer = io.BytesIO()
    c = new_canvas(buffer, pagesize=(w * MM, h * MM), invariant=True)
    c.setTitle(title or f"EventDesk calibration {preset.key}")
    c.setAuthor("EventDesk")
    if not preset.single:
        _slots(c, preset)
    _edge_rulers(c, w, h)
    _crosshair(c, marks)
    _ruler(c, marks)
    _legend(c, preset, marks)
    c.showPage()
    c.save()
    return buffer.getvalue(), marks


def _y(h_mm: float, y_mm: float) -> float:
    """Points from the bottom (PDF) for mm from the top (a ruler on paper)."""
    return (h_mm - y_mm) * MM


def _line(c: PdfCanvas, h: float, x1: float, y1: float, x2: float, y2: float) -> None:
    c.line(x1 * MM, _y(h, y1), x2 * MM, _y(h, y2))


def _slots(c: PdfCanvas, preset: Preset) -> None:
    """The labels of a sheet, thin and grey: the sheet itself shows how far off they print."""
    c.setStrokeColor(GREY)
    c.setLineWidth(0.15 * MM)
    h = preset.page_mm[1]
    sw, sh = preset.slot_mm
    for index in range(preset.per_page):
        x, y = preset.slot_origin_mm(index)
        c.rect(x * MM, _y(h, y + sh), sw * MM, sh * MM, stroke=1, fill=0)


def _edge_rulers(c: PdfCanvas, w: float, h: float) -> None:
    """mm ticks from the top and left paper edges, every 10 mm numbered: a printer that starts
    2 mm late shows its first tick 2 mm in."""
    c.setStrokeColor(INK)
    c.setLineWidth(0.12 * MM)
    size = _text_size(w, h) * 0.8
    for x in range(1, int(w)):
        length = 3.0 if x % 10 == 0 else 2.0 if x % 5 == 0 else 1.0
        _line(c, h, x, 0, x, length)
        if x % 10 == 0 and x + 3 < w:
            draw(c, x * MM + 0.5 * MM, _y(h, 4.5), str(x), size, GREY)
    for y in range(1, int(h)):
        length = 3.0 if y % 10 == 0 else 2.0 if y % 5 == 0 else 1.0
        _line(c, h, 0, y, length, y)
        if y % 10 == 0 and y + 3 < h:
            draw(c, 3.5 * MM, _y(h, y) - size * 0.35, str(y), size, GREY)


def _crosshair(c: PdfCanvas, marks: CalibrationMarks) -> None:
    w, h = marks.page_mm
    cx, cy = marks.centre_mm
    c.setStrokeColor(INK)
    c.setLineWidth(LINE_MM * MM)
    _line(c, h, cx, 6, cx, h - 6)
    _line(c, h, 6, cy, w - 6, cy)


def _ruler(c: PdfCanvas, marks: CalibrationMarks) -> None:
    """Ticks below the horizontal line, every mm; its 0 and end ticks are the longest, so the
    ruler's printed length is read between them."""
    h = marks.page_mm[1]
    cy = marks.centre_mm[1]
    size = _text_size(*marks.page_mm) * 0.8
    c.setLineWidth(0.12 * MM)
    steps = int(marks.ruler_mm)
    for step in range(steps + 1):
        x = marks.ruler_start_mm + step
        end = step in (0, steps)
        length = 4.0 if end else 2.5 if step % 10 == 0 else 1.5 if step % 5 == 0 else 0.8
        _line(c, h, x, cy, x, cy + length)
        # Numbered every 10 mm, beside the tick, except where the vertical line would cross it.
        if step % 10 == 0 and abs(x - marks.centre_mm[0]) > 2.5:
            draw(c, (x + 0.5) * MM, _y(h, cy + length) - size * 0.2, str(step), size, GREY)


def _text_size(w: float, h: float) -> float:
    """Points: 5 on a CR80 card, 9 on A4."""
    return max(4.5, min(9.0, min(w, h) / 11))


def _legend(c: PdfCanvas, preset: Preset, marks: CalibrationMarks) -> None:
    """What to measure and what it should be, in the top-left quarter (Chinese) and the
    bottom-right quarter (English)."""
    w, h = marks.page_mm
    cx, cy = marks.centre_mm
    size = _text_size(w, h)
    step = size * 1.35
    zh = [f"EventDesk 校准页 · {preset.key} · {w:g}×{h:g} mm",
          f"十字中心应距左边 {cx:g} mm、距上边 {cy:g} mm",
          "偏移 = 量得距离 − 应有距离（偏右、偏下为正）",
          f"标尺 0–{marks.ruler_mm:g} mm：缩放 % = 量得长度 ÷ {marks.ruler_mm:g} × 100"]
    en = ["Offset = measured − nominal (right, down: +)",
          f"Scale % = ruler measured ÷ {marks.ruler_mm:g} × 100",
          f"Centre: {cx:g} mm from left, {cy:g} mm from top"]
    _block(c, zh, x=7 * MM, top=_y(h, 7) - size, room=(cx - 9) * MM, size=size, step=step)
    _block(c, en, x=(cx + 2) * MM, top=_y(h, cy + 8) - size, room=(w - cx - 4) * MM,
           size=size, step=step)


def _block(c: PdfCanvas, lines: list[str], *, x: float, top: float, room: float, size: float,
           step: float) -> None:
    """Lines of text from `top` down, each shrunk to `room` points wide when it is longer, on
    white (a label outline may run under it)."""
    sizes = [min(size, size * room / max(width(line, size), 1e-6)) for line in lines]
    widest = max(width(line, s) for line, s in zip(lines, sizes, strict=True))
    c.setFillColor(WHITE)
    c.rect(x - 1, top - step * (len(lines) - 1) - size * 0.35, widest + 2,
           step * (len(lines) - 1) + size * 1.3, stroke=0, fill=1)
    y = top
    for line, fitted in zip(lines, sizes, strict=True):
        draw(c, x, y, line, fitted, INK)
        y -= step

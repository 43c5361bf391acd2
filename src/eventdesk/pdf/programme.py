"""The printed programme: per day a grid of rooms × time (pages split by room group so text stays
readable with 40 rooms), or one room's sessions as a list. Chinese is set through the font chain
(pdf.text), track colours fill the blocks. Takes plain data (domain.programme), writes a PDF.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from eventdesk.domain.programme import Programme, ProgrammeItem, ProgrammePage
from eventdesk.pdf.layout import Colour, parse_colour
from eventdesk.pdf.reportlab_adapter import PdfCanvas, new_canvas
from eventdesk.pdf.text import shape

A4 = (595.2755905511812, 841.8897637795277)  # points, as reportlab.lib.pagesizes.A4
LANDSCAPE_A4 = (A4[1], A4[0])
MARGIN = 28.0
TIME_W = 34.0
HEAD_H = 30.0
LEGEND_H = 16.0
INK = parse_colour("#1a1a1a")
GREY = parse_colour("#5a5a5a")
RULE = parse_colour("#c8c8c8")
FAINT = parse_colour("#ececec")
_TOKEN = re.compile(r"[A-Za-z0-9@#&'.:/_+\-–]+\s*|\s+|.", re.S)


def pale(colour: str, amount: float = 0.8) -> Colour:
    r, g, b = parse_colour(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def width(text: str, size: float) -> float:
    return shape(text).width * size


def draw(c: PdfCanvas, x: float, y: float, text: str, size: float, colour: Colour = INK,
         bold: bool = False) -> float:
    """Set `text` at (x, y) through the font chain; returns its width. Bold is synthetic (fill
    and a thin stroke): the bundled font has one weight."""
    c.setFillColor(colour)
    c.setStrokeColor(colour)
    c.setLineWidth(size * 0.04)
    start = x
    for font, run in shape(text).runs:
        c.setFont(font.fontName, size)
        t = c.beginText(x, y)
        t.setTextRenderMode(2 if bold else 0)
        t.textOut(run)
        c.drawText(t)
        x += width(run, size)
    return x - start


def wrap(text: str, size: float, max_w: float, max_lines: int) -> list[str]:
    """Greedy lines: CJK breaks anywhere, Latin words stay whole; the last line ends in “…”."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if width(line + token, size) <= max_w or not line:
            line += token
            continue
        lines.append(line.rstrip())
        line = token.lstrip()
        if len(lines) == max_lines:
            break
    if line and len(lines) < max_lines:
        lines.append(line.rstrip())
    elif len(lines) == max_lines and "".join(lines) != text.strip():
        last = lines[-1]
        while last and width(last + "…", size) > max_w:
            last = last[:-1]
        lines[-1] = last + "…"
    for i, ln in enumerate(lines):  # a single very long word still must not overflow
        while width(ln, size) > max_w and len(ln) > 1:
            ln = ln[:-2] + "…"
        lines[i] = ln
    return lines


def _header(c: PdfCanvas, prog: Programme, page: ProgrammePage, w: float, h: float) -> None:
    draw(c, MARGIN, h - MARGIN - 14, prog.title, 14, bold=True)
    draw(c, MARGIN, h - MARGIN - 28, page.heading, 11, bold=True)
    sub = prog.subtitle
    draw(c, w - MARGIN - width(sub, 8), h - MARGIN - 12, sub, 8, GREY)


def _legend(c: PdfCanvas, prog: Programme, page_no: int, page_w: float) -> None:
    x, y = MARGIN, MARGIN - 12
    for name, colour in prog.tracks:
        c.setFillColor(parse_colour(colour))
        c.rect(x, y - 1, 8, 8, stroke=0, fill=1)
        x += 11 + draw(c, x + 11, y, name, 7.5) + 10
    label = f"第 {page_no} 页"
    draw(c, page_w - MARGIN - width(label, 7.5), y, label, 7.5, GREY)


def _block(c: PdfCanvas, item: ProgrammeItem, x: float, y_top: float, w: float, h: float) -> None:
    c.setFillColor(pale(item.colour))
    c.setStrokeColor(parse_colour(item.colour))
    c.setLineWidth(0.6)
    c.rect(x + 1, y_top - h, w - 2, h, stroke=1, fill=1)
    c.setFillColor(parse_colour(item.colour))
    c.rect(x + 1, y_top - h, 3, h, stroke=0, fill=1)
    inner = w - 9
    tx, y = x + 6, y_top - 7.5
    if h < 19:  # a short item: start time and title on one line, so the title is never lost
        size = min(7.0, h - 3)
        start = item.time_text.split("–")[0]
        used = draw(c, tx, y_top - h / 2 - size * 0.35, start + " ", size, GREY)
        line = wrap(item.title, size, inner - used, 1)[0]
        draw(c, tx + used, y_top - h / 2 - size * 0.35, line, size, bold=True)
        return
    draw(c, tx, y, f"{item.time_text}  {item.kind}", 6, GREY)
    room_left = h - 10
    title_lines = max(1, min(4, int((room_left - 2) // 8.5)))
    for line in wrap(item.title, 7.5, inner, title_lines):
        y -= 8.5
        if y < y_top - h + 2:
            break
        draw(c, tx, y, line, 7.5, bold=True)
    if item.people and y - 8 >= y_top - h + 2:
        lines = wrap(item.people, 6.5, inner, max(1, int((y - (y_top - h + 2)) // 7.5)))
        for line in lines:
            y -= 7.5
            draw(c, tx, y, line, 6.5, GREY)


def _grid_page(c: PdfCanvas, prog: Programme, page: ProgrammePage, page_no: int) -> None:
    w, h = LANDSCAPE_A4
    c.setPageSize((w, h))
    _header(c, prog, page, w, h)
    top = h - MARGIN - HEAD_H - 30  # below the column heads
    bottom = MARGIN + LEGEND_H
    span = max(60, page.last_min - page.first_min)
    ppm = (top - bottom) / span
    col_w = (w - 2 * MARGIN - TIME_W) / max(1, len(page.rooms))
    x0 = MARGIN + TIME_W
    for minute in range(page.first_min, page.last_min + 1, 30):
        y = top - (minute - page.first_min) * ppm
        c.setStrokeColor(RULE if minute % 60 == 0 else FAINT)
        c.setLineWidth(0.5)
        c.line(x0, y, w - MARGIN, y)
        if minute % 60 == 0 or ppm * 30 >= 14:
            label = f"{minute // 60 % 24:02d}:{minute % 60:02d}"
            draw(c, x0 - 4 - width(label, 7), y - 2.5, label, 7, INK if minute % 60 == 0
                 else GREY)
    for i, room in enumerate(page.rooms):
        x = x0 + i * col_w
        c.setStrokeColor(RULE)
        c.line(x, top + 28, x, bottom)
        name = wrap(room.name, 9, col_w - 6, 1)[0]
        draw(c, x + 3, top + 15, name, 9, bold=True)
        draw(c, x + 3, top + 5, wrap(room.detail, 6.5, col_w - 6, 1)[0] if room.detail else "",
             6.5, GREY)
        for item in room.items:
            y_top = top - (item.start_min - page.first_min) * ppm
            _block(c, item, x, y_top, col_w, max(9.0, (item.end_min - item.start_min) * ppm))
    c.setStrokeColor(RULE)
    c.line(w - MARGIN, top + 28, w - MARGIN, bottom)
    _legend(c, prog, page_no, w)


def _list_pages(c: PdfCanvas, prog: Programme, page: ProgrammePage, page_no: int) -> int:
    """One room's sessions over the days, as a list; returns the pages used."""
    w, h = A4
    used = 0

    def new_page() -> float:
        nonlocal used
        if used:
            _legend(c, prog, page_no + used - 1, w)
            c.showPage()
        used += 1
        c.setPageSize((w, h))
        _header(c, prog, page, w, h)
        return h - MARGIN - HEAD_H - 14

    y = new_page()
    room = page.rooms[0]
    if room.detail:
        draw(c, MARGIN, y + 2, room.detail, 8, GREY)
        y -= 12
    day = ""
    text_w = w - 2 * MARGIN - 80
    for item in room.items:
        title = wrap(item.title, 10, text_w, 3)
        extra = [x for x in (item.title_en, item.people,
                             " · ".join(v for v in (item.kind, item.track) if v)) if x]
        need = 13 * len(title) + 11 * len(extra) + 10 + (20 if item.day_label != day else 0)
        if y - need < MARGIN + LEGEND_H:
            y = new_page()
            day = ""
        if item.day_label != day:
            day = item.day_label
            y -= 6
            draw(c, MARGIN, y, day, 11, bold=True)
            c.setStrokeColor(RULE)
            c.line(MARGIN, y - 4, w - MARGIN, y - 4)
            y -= 16
        c.setFillColor(parse_colour(item.colour))
        c.rect(MARGIN, y - 13 * len(title) - 11 * len(extra) + 10, 3,
               13 * len(title) + 11 * len(extra) - 1, stroke=0, fill=1)
        draw(c, MARGIN + 8, y, item.time_text, 9.5)
        for line in title:
            draw(c, MARGIN + 80, y, line, 10, bold=True)
            y -= 13
        for line in extra:
            draw(c, MARGIN + 80, y + 1, wrap(line, 8, text_w, 1)[0], 8, GREY)
            y -= 11
        y -= 10
    if not room.items:
        draw(c, MARGIN, y, "（没有安排会议 No sessions）", 10, GREY)
    _legend(c, prog, page_no + used - 1, w)
    return used


def render_programme(prog: Programme, out: Path | BinaryIO) -> int:
    """Write the programme PDF; returns the number of pages."""
    c = new_canvas(str(out) if isinstance(out, Path) else out, pagesize=LANDSCAPE_A4)
    c.setTitle(prog.title)
    c.setAuthor("EventDesk")
    pages = 0
    for page in prog.pages:
        if pages:
            c.showPage()
        if page.layout == "grid":
            pages += 1
            _grid_page(c, prog, page, pages)
        else:
            pages += _list_pages(c, prog, page, pages + 1)
    if not prog.pages:
        _header(c, prog, ProgrammePage("（没有已排期的会议 No scheduled sessions）", "grid", ()),
                *LANDSCAPE_A4)
        pages = 1
    c.save()
    return pages

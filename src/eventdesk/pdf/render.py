"""The batch renderer: pages of badges in one reportlab document.

What is the same for every badge of a category (colour bands, logo, event name, category label)
is drawn once per document into a form XObject and placed with one `Do` per badge; only the name,
company, title, booth and QR are written per badge, as PDF operators built directly (see text.py
and qr.py). That, with fonts registered and the layout compiled once per process, is what makes
10,000 badges a matter of seconds rather than minutes.
"""

from __future__ import annotations

import gc
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from typing import BinaryIO

from eventdesk.domain.badge_data import field_text
from eventdesk.pdf.layout import (
    Colour,
    CompiledLayout,
    Element,
    ImageBox,
    LayoutRef,
    QrBox,
    RectBox,
    Side,
    SizeRule,
    TextBox,
    compile_layout,
    parse_colour,
)
from eventdesk.pdf.model import BadgeData, RenderOptions, RenderResult
from eventdesk.pdf.presets import MM, Preset, get_preset
from eventdesk.pdf.qr import qr_ops
from eventdesk.pdf.reportlab_adapter import (
    PdfCanvas,
    PdfDocument,
    append_ops,
    binary_streams,
    document_of,
    image_of,
    new_canvas,
    place_form,
)
from eventdesk.pdf.text import fit, layout_text, text_ops

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 50
_MARK_LENGTH_MM = 6.0
_MARK_GAP_MM = 2.0  # between the trim (plus bleed) and the start of a crop mark


@cache
def _colour(text: str) -> Colour:
    return parse_colour(text)


def _get(badge: BadgeData, labels: dict[str, str]) -> Callable[[str], str]:
    return partial(field_text, badge, labels=labels)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Automatic garbage collection off while a run renders, on the main thread (the command
    line, the benchmark, the child processes of a parallel run). Rendering makes hundreds of
    thousands of short-lived strings and lists and no cycles, yet their count starts full
    collections that walk everything alive — the run's 10,000 badges, the fonts, the caller's
    rows — five to seven times in a 10,000-badge run: seconds on a loaded machine. Off the main
    thread nothing is changed: the window's process collects on its own timer with automatic
    collection off (ui.gui_thread), and a worker must not switch it back on."""
    if threading.current_thread() is not threading.main_thread() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass(frozen=True)
class _Separator:
    company: str
    count: int
    booth: str


@dataclass(frozen=True)
class _Sheet:
    badges: tuple[BadgeData, ...]
    back: bool = False


_Page = _Separator | _Sheet | None  # None: the blank back of a separator in duplex


class BatchRenderer:
    """Renders lists of badges for one layout, preset and set of options; reusable."""

    def __init__(self, layout: LayoutRef, preset: str,
                 options: RenderOptions | None = None) -> None:
        self.options = options or RenderOptions()
        self.preset: Preset = get_preset(preset)
        # Bleed only where there is paper to bleed into: single badges on their own page.
        bleed = self.options.bleed_mm if self.preset.single else 0.0
        self.bleed = max(0.0, bleed)
        self.layout: CompiledLayout = compile_layout(layout, self.preset.slot_mm, self.bleed)
        wanted = self.options.duplex
        self.duplex = self.layout.back is not None and wanted is not False
        self.marks = self.options.crop_marks
        if self.preset.single and self.marks:
            margin = self.bleed + _MARK_GAP_MM + _MARK_LENGTH_MM + 2.0
        else:
            margin = 0.0
        self.sheet_margin = margin
        self.page_mm = (self.preset.page_mm[0] + 2 * margin, self.preset.page_mm[1] + 2 * margin)

    # -- plan ------------------------------------------------------------------------------
    def plan(self, badges: Sequence[BadgeData]) -> list[_Page]:
        per = self.preset.per_page
        groups: list[tuple[str, list[BadgeData]]] = []
        if self.options.separator_pages:
            for b in badges:
                key = b.company.strip()
                if groups and groups[-1][0] == key:
                    groups[-1][1].append(b)
                else:
                    groups.append((key, [b]))
        else:
            groups = [("", list(badges))]
        pages: list[_Page] = []
        for company, members in groups:
            if self.options.separator_pages:
                first = members[0]
                booth = _get(first, {})("hall_booth")
                pages.append(_Separator(company, len(members), booth))
                if self.duplex:
                    pages.append(None)
            for i in range(0, len(members), per):
                chunk = tuple(members[i:i + per])
                pages.append(_Sheet(chunk))
                if self.duplex:
                    pages.append(_Sheet(chunk, back=True))
        return pages

    def page_count(self, badges: Sequence[BadgeData]) -> int:
        return len(self.plan(badges))

    # -- drawing ---------------------------------------------------------------------------
    def render(self, badges: Sequence[BadgeData], out: str | BinaryIO,
               progress: Progress | None = None) -> RenderResult:
        with binary_streams(), collector_paused():
            return self._render(badges, out, progress)

    def _render(self, badges: Sequence[BadgeData], out: str | BinaryIO,
                progress: Progress | None) -> RenderResult:
        pages = self.plan(badges)
        w, h = self.page_mm[0] * MM, self.page_mm[1] * MM
        canvas = new_canvas(out, pagesize=(w, h), page_compression=True, invariant=True)
        canvas.setTitle(self.options.title)
        canvas.setCreator("EventDesk")
        forms: dict[tuple[object, ...], str] = {}
        doc = document_of(canvas)
        total, done = len(badges), 0
        ox, oy = self.options.offset_x_mm * MM, -self.options.offset_y_mm * MM
        for page in pages:
            if ox or oy:
                append_ops(canvas, f"q 1 0 0 1 {ox:.3f} {oy:.3f} cm")
            if isinstance(page, _Separator):
                append_ops(canvas, self._separator_ops(page, doc))
            elif isinstance(page, _Sheet):
                side = self.layout.back if page.back else self.layout.front
                assert side is not None
                for index, badge in enumerate(page.badges):
                    x, y = self._slot_origin(index, mirrored=page.back)
                    form = self._form(canvas, forms, side, badge, page.back)
                    place_form(canvas, doc, form, x, y)
                    append_ops(canvas, self._dynamic_ops(side, badge, x, y, doc))
                    if not page.back:
                        done += 1
                        if progress is not None and done % PROGRESS_EVERY == 0:
                            progress(done, total)
                if self.marks:
                    append_ops(canvas, self._marks_ops(len(page.badges)))
            if ox or oy:
                append_ops(canvas, "Q")
            canvas.showPage()
        if progress is not None:
            progress(total, total)
        canvas.save()
        return RenderResult(badges=total, pages=len(pages))

    def _slot_origin(self, index: int, *, mirrored: bool) -> tuple[float, float]:
        """Bottom-left corner of a slot in PDF points."""
        x_mm, y_mm = self.preset.slot_origin_mm(index, mirrored=mirrored)
        m = self.sheet_margin
        slot_h = self.preset.slot_mm[1]
        return (x_mm + m) * MM, (self.page_mm[1] - (y_mm + m) - slot_h) * MM

    def _colours(self, spec: str, category: str) -> Colour:
        if spec == "category":
            return self.layout.category_colours(category)[0]
        if spec == "on_category":
            return self.layout.category_colours(category)[1]
        return _colour(spec)

    def _form(self, canvas: PdfCanvas, forms: dict[tuple[object, ...], str], side: Side,
              badge: BadgeData, back: bool) -> str:
        get = _get(badge, self.layout.labels)
        key = (back, badge.category, get("category_label"), badge.event_name)
        name = forms.get(key)
        if name is not None:
            return name
        name = f"EDBadge{len(forms)}"
        b = self.bleed * MM
        canvas.beginForm(name, -b, -b, self.layout.width + b, self.layout.height + b)
        for element in side.static:
            self._static(canvas, element, badge.category, get)
        canvas.endForm()
        forms[key] = name
        return name

    def _static(self, canvas: PdfCanvas, element: Element, category: str,
                get: Callable[[str], str]) -> None:
        if isinstance(element, RectBox):
            r, g, b = self._colours(element.fill, category)
            canvas.setFillColorRGB(r, g, b)
            if element.radius:
                canvas.roundRect(element.x, element.y, element.w, element.h, element.radius,
                                 stroke=0, fill=1)
            else:
                canvas.rect(element.x, element.y, element.w, element.h, stroke=0, fill=1)
        elif isinstance(element, ImageBox):
            canvas.drawImage(image_of(element.data), element.x, element.y, element.w, element.h,
                             mask="auto", preserveAspectRatio=True, anchor="c")
        elif isinstance(element, TextBox):
            fitted = layout_text(element, get)
            if fitted is not None:
                colour = self._colours(element.colour, category)
                append_ops(canvas, text_ops(element, fitted, colour, document_of(canvas)))

    def _dynamic_ops(self, side: Side, badge: BadgeData, x: float, y: float,
                     doc: PdfDocument) -> str:
        get = _get(badge, self.layout.labels)
        parts: list[str] = []
        for element in side.dynamic:
            if isinstance(element, TextBox):
                fitted = layout_text(element, get)
                if fitted is not None:
                    colour = self._colours(element.colour, badge.category)
                    parts.append(text_ops(element, fitted, colour, doc, x, y))
            elif isinstance(element, QrBox) and badge.qr_payload:
                parts.append(qr_ops(badge.qr_payload, x + element.x, y + element.y,
                                    element.size))
        return "\n".join(parts)

    # -- print shop extras -------------------------------------------------------------------
    def _marks_ops(self, used: int) -> str:
        """Crop marks: around each badge on single-badge pages; on sheets, in the margins in line
        with every cut (where the margin has room for them)."""
        lines: list[tuple[float, float, float, float]] = []  # mm, top-left origin
        gap, length = self.bleed + _MARK_GAP_MM, _MARK_LENGTH_MM
        sw, sh = self.preset.slot_mm
        if self.preset.single:
            m = self.sheet_margin
            for cx in (m, m + sw):
                for cy, d in ((m, -1), (m + sh, 1)):
                    lines.append((cx, cy + d * gap, cx, cy + d * (gap + length)))
            for cy in (m, m + sh):
                for cx, d in ((m, -1), (m + sw, 1)):
                    lines.append((cx + d * gap, cy, cx + d * (gap + length), cy))
        else:
            pw, ph = self.page_mm
            xs = sorted({round(self.preset.slot_origin_mm(i)[0] + dx, 3)
                         for i in range(self.preset.per_page) for dx in (0, sw)})
            ys = sorted({round(self.preset.slot_origin_mm(i)[1] + dy, 3)
                         for i in range(self.preset.per_page) for dy in (0, sh)})
            top, bottom = ys[0], ph - ys[-1]
            left, right = xs[0], pw - xs[-1]
            for x in xs:
                if top >= gap + 2:
                    lines.append((x, max(0.5, top - gap - length), x, top - gap))
                if bottom >= gap + 2:
                    lines.append((x, ys[-1] + gap, x, min(ph - 0.5, ys[-1] + gap + length)))
            for y in ys:
                if left >= gap + 2:
                    lines.append((max(0.5, left - gap - length), y, left - gap, y))
                if right >= gap + 2:
                    lines.append((xs[-1] + gap, y, min(pw - 0.5, xs[-1] + gap + length), y))
        ph_pt = self.page_mm[1] * MM
        body = " ".join(f"{x0 * MM:.2f} {ph_pt - y0 * MM:.2f} m {x1 * MM:.2f} "
                        f"{ph_pt - y1 * MM:.2f} l" for x0, y0, x1, y1 in lines)
        return f"q 0 G 0.3 w {body} S Q" if lines else ""

    def _separator_ops(self, page: _Separator, doc: PdfDocument) -> str:
        """A page that starts each company's pack: big company name, count and booth."""
        w, h = self.page_mm[0] * MM, self.page_mm[1] * MM
        pad = min(w, h) * 0.08
        parts = [f"q 0.15 0.15 0.15 rg 0 {h - h * 0.12:.2f} {w:.2f} {h * 0.12:.2f} re f Q"]
        company_box = TextBox(field="", x=pad, y=h * 0.45, w=w - 2 * pad, h=h * 0.3,
                              rule=SizeRule(size=min(w, h) / 6, min_size=8, max_lines=2),
                              cjk_rule=None, bold=True)
        info_box = TextBox(field="", x=pad, y=h * 0.28, w=w - 2 * pad, h=h * 0.12,
                           rule=SizeRule(size=min(w, h) / 14, min_size=6), cjk_rule=None)
        company = page.company or "（无单位 No company）"
        info = f"{page.count} 张胸卡 · {page.count} badges"
        if page.booth:
            info += f" · 展位 {page.booth}"
        for box, text in ((company_box, company), (info_box, info)):
            parts.append(text_ops(box, fit(box, text, box.rule), (0.0, 0.0, 0.0), doc))
        return "\n".join(parts)


def chunks(items: Sequence[BadgeData], n: int) -> Iterator[Sequence[BadgeData]]:
    size = max(1, math.ceil(len(items) / max(1, n)))
    for i in range(0, len(items), size):
        yield items[i:i + size]

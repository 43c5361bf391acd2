"""Setting badge text: fonts of the chain registered once, widths, fitting into a box, and the PDF
text operators written directly (the canvas API re-derives font state per call, which costs more
than the rest of a badge put together).

Fitting, in the order a designer would try it: the full size on one line; a long company on two
lines before any shrinking; shrink to the box down to the floor; at the floor, the element's
fallback text (the company's short name) if that fits better; as a last resort the text is
condensed horizontally — never clipped, never overflowing into the next box.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from eventdesk.pdf.fonts import ChainFont, coverage, font_chain, font_for
from eventdesk.pdf.layout import Colour, SizeRule, TextBox
from eventdesk.pdf.reportlab_adapter import (
    PdfDocument,
    PdfFont,
    glyph_widths,
    register_font,
    shape_glyphs,
    subset_chunks,
)
from eventdesk.pdf.shaping import is_complex, needs_shaping, visual_segments

# Where the middle of a CJK ideograph sits above the baseline, in em: used to centre lines.
_MIDDLE = 0.34
_NO_BREAK_BEFORE = set("，。、；：？！）》」』】〕,.;:?!)%·-")
_NO_BREAK_AFTER = set("（《「『【〔(")


@cache
def tt_font(font: ChainFont) -> PdfFont:
    """The reportlab font for one font of the chain, registered once per process."""
    return register_font(font.name, font.path, font.subfont_index)


@cache
def _bundled() -> tuple[PdfFont, frozenset[int], Mapping[int, float], float]:
    chain = font_chain()
    tt = tt_font(chain[0])
    widths, default = glyph_widths(tt)
    return tt, coverage(chain[0]), widths, default


@dataclass(frozen=True, slots=True)
class Shaped:
    """A string split into font runs, with its width in points at size 1.

    `text` is the string as stored; the runs hold what is written, in drawing order: for
    right-to-left or joined scripts (`joined`), shaped glyphs' code points (pdf.shaping), which
    must not be spread apart by letter spacing."""

    text: str
    runs: tuple[tuple[PdfFont, str], ...]
    width: float
    joined: bool = False
    # For joined text, per run: the characters it shows, in drawing order (see _actual_text).
    actual: tuple[str, ...] = ()


_shape_cache: dict[str, Shaped] = {}


def shape(text: str) -> Shaped:
    """Runs and width of `text`; cached, because company names repeat across their staff."""
    hit = _shape_cache.get(text)
    if hit is not None:
        return hit
    tt, cov, widths, default = _bundled()
    if is_complex(text):
        shaped = _shape_complex(text)
    elif all(ord(c) in cov for c in text):
        runs: tuple[tuple[PdfFont, str], ...] = ((tt, text),)
        width = sum(widths.get(ord(c), default) for c in text) / 1000
        shaped = Shaped(text, runs, width)
    else:
        out: list[tuple[PdfFont, str]] = []
        width = _append_plain(out, text)
        shaped = Shaped(text, tuple(out), width)
    if len(_shape_cache) > 50_000:
        _shape_cache.clear()
    _shape_cache[text] = shaped
    return shaped


def _append(out: list[tuple[PdfFont, str]], font: PdfFont, chars: str) -> None:
    if out and out[-1][0] is font:
        out[-1] = (font, out[-1][1] + chars)
    else:
        out.append((font, chars))


def _append_plain(out: list[tuple[PdfFont, str]], text: str) -> float:
    """Append `text`, drawn character by character through the chain; its width at size 1."""
    width = 0.0
    for ch in text:
        font = tt_font(font_for(ch) or font_chain()[0])
        font_widths, font_default = glyph_widths(font)
        width += font_widths.get(ord(ch), font_default) / 1000
        _append(out, font, ch)
    return width


def _font_parts(text: str) -> list[tuple[ChainFont | None, str]]:
    """`text` split where the drawing font changes (None: no font has the character)."""
    parts: list[tuple[ChainFont | None, str]] = []
    for ch in text:
        font = font_for(ch)
        if parts and parts[-1][0] == font:
            parts[-1] = (font, parts[-1][1] + ch)
        else:
            parts.append((font, ch))
    return parts


def _shape_complex(text: str) -> Shaped:
    """Right-to-left or joined text (pdf.shaping): put in drawing order, and every stretch that
    one font draws and that is right to left or needs shaping set by HarfBuzz."""
    out: list[tuple[PdfFont, str, str]] = []  # font, code points to write, characters shown
    width = 0.0
    for segment, rtl in visual_segments(text):
        if not rtl and not any(needs_shaping(ch) for ch in segment):
            plain: list[tuple[PdfFont, str]] = []
            width += _append_plain(plain, segment)
            out += [(font, run, run) for font, run in plain]
            continue
        drawn: list[tuple[PdfFont, str, str]] = []
        for chain_font, part in _font_parts(segment):
            shown = part[::-1] if rtl else part
            if chain_font is None:  # reported by missing_glyphs; drawn as the first font's box
                pieces: list[tuple[PdfFont, str]] = []
                width += _append_plain(pieces, shown)
                drawn.append((tt_font(font_chain()[0]), shown, shown))
                continue
            font = tt_font(chain_font)
            glyphs, advances = shape_glyphs(font, part)
            width += sum(advances) / 1000
            drawn.append((font, glyphs, shown))
        # A right-to-left stretch drawn in several fonts: its last part is leftmost.
        out += reversed(drawn) if rtl else drawn
    return Shaped(text, tuple((f, g) for f, g, _ in out), width, joined=True,
                  actual=tuple(a for _, _, a in out))


def is_cjk_name(text: str) -> bool:
    """Written in Chinese characters (with the middle dot of transcribed minority names)."""
    if not text:
        return False
    for ch in text:
        cp = ord(ch)
        if not (0x3400 <= cp <= 0x9FFF or 0x20000 <= cp <= 0x3FFFF or 0xF900 <= cp <= 0xFAFF
                or ch in "·•・"):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Fitted:
    lines: tuple[Shaped, ...]
    size: float
    spacing: float  # extra points after each character (PDF Tc)
    hscale: float  # 1.0, or < 1 when condensed at the floor


def _break_points(text: str) -> list[int]:
    """Indexes where a line may break: at spaces when there are any, else between CJK
    characters, never inside a Latin word and never before closing punctuation."""
    if " " in text.strip():
        # Words given with spaces ("工作人员 STAFF", "Foxconn Industrial Internet") break there.
        return [i for i in range(1, len(text)) if text[i - 1] == " " and text[i] != " "]
    points = []
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if b in _NO_BREAK_BEFORE or a in _NO_BREAK_AFTER:
            continue
        if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
            continue
        points.append(i)
    return points


def _two_lines(text: str) -> tuple[Shaped, Shaped] | None:
    best: tuple[float, int] | None = None
    for i in _break_points(text):
        first, second = text[:i].rstrip(), text[i:].lstrip()
        if not first or not second:
            continue
        widest = max(shape(first).width, shape(second).width)
        if best is None or widest < best[0]:
            best = (widest, i)
    if best is None:
        return None
    i = best[1]
    return shape(text[:i].rstrip()), shape(text[i:].lstrip())


def fit(box: TextBox, text: str, rule: SizeRule) -> Fitted:
    one = shape(text)
    n = len(text)
    # Letter spacing (for two- and three-character Chinese names) would pull joined letters apart.
    spacing_em = 0.0 if one.joined else rule.spacing.get(n, 0.0)
    span = one.width + spacing_em * max(n - 1, 0)  # width in points at size 1
    size = min(rule.size, box.w / span if span else rule.size, box.h)
    lines: tuple[Shaped, ...] = (one,)
    if size < rule.size and rule.max_lines >= 2:
        pair = _two_lines(text)
        if pair is not None:
            widest = max(pair[0].width, pair[1].width)
            size2 = min(rule.size, box.w / widest, box.h / (1 + box.leading))
            if size2 > size:
                lines, span, spacing_em, size = pair, widest, 0.0, size2
    if size >= rule.min_size:
        return Fitted(lines, size, spacing_em * size, 1.0)
    # Below the floor: keep the floor size and condense horizontally so nothing is clipped.
    size = min(rule.min_size, box.h / (1 + box.leading * (len(lines) - 1)))
    hscale = min(1.0, box.w / (span * size)) if span else 1.0
    return Fitted(lines, size, spacing_em * size, hscale)


def value_of(box: TextBox, get: Callable[[str], str]) -> tuple[str, SizeRule]:
    text = box.text or get(box.field)
    if box.skip_if_same_as and text.strip() == get(box.skip_if_same_as).strip():
        return "", box.rule
    rule = box.cjk_rule if box.cjk_rule is not None and is_cjk_name(text) else box.rule
    return text, rule


def layout_text(box: TextBox, get: Callable[[str], str]) -> Fitted | None:
    text, rule = value_of(box, get)
    text = " ".join(text.split())
    if not text:
        return None
    if box.prefix:
        text = box.prefix + text
    fitted = fit(box, text, rule)
    if fitted.size < rule.min_size or fitted.hscale < 1.0:
        alt = " ".join(get(box.fallback).split()) if box.fallback else ""
        if alt and alt != text:
            other = fit(box, box.prefix + alt, rule)
            if other.hscale > fitted.hscale or (other.hscale == fitted.hscale
                                                and other.size > fitted.size):
                return other
    return fitted


def _rgb(c: Colour) -> str:
    return f"{c[0]:.3f} {c[1]:.3f} {c[2]:.3f}"


def _actual_text(shown: str) -> str:
    """A marked-content span giving the characters a shaped run shows (PDF 1.5 ActualText), for
    copying, searching and reading the PDF back: the run's code points are presentation forms or
    private ones (a final ە has no code point of its own). In drawing order, as PDF readers
    expect text: they turn right-to-left stretches back into storage order themselves."""
    return f"/Span <</ActualText <FEFF{shown.encode('utf-16-be').hex()}>>> BDC"


def text_ops(box: TextBox, fitted: Fitted, colour: Colour, doc: PdfDocument, ox: float = 0.0,
             oy: float = 0.0) -> str:
    """PDF operators setting `fitted` in `box` (offset by ox, oy) in the given colour."""
    size, leading = fitted.size, fitted.size * box.leading
    n = len(fitted.lines)
    if box.valign == "top":
        first = box.y + box.h - size * 0.88
    elif box.valign == "bottom":
        first = box.y + size * 0.12 + leading * (n - 1)
    else:
        first = box.y + box.h / 2 + leading * (n - 1) / 2 - size * _MIDDLE
    rgb = _rgb(colour)
    parts = [f"BT {rgb} rg"]
    if box.bold:
        # Synthetic bold (fill + stroke): the bundled font has one weight only.
        parts.append(f"2 Tr {size * 0.035:.3f} w {rgb} RG")
    if fitted.spacing:
        parts.append(f"{fitted.spacing:.3f} Tc")
    if fitted.hscale < 1.0:
        parts.append(f"{fitted.hscale * 100:.2f} Tz")
    for i, line in enumerate(fitted.lines):
        chars = len(line.text)
        width = (line.width * size + fitted.spacing * max(chars - 1, 0)) * fitted.hscale
        if box.align == "left":
            x = box.x
        elif box.align == "right":
            x = box.x + box.w - width
        else:
            x = box.x + (box.w - width) / 2
        parts.append(f"1 0 0 1 {x + ox:.3f} {first - i * leading + oy:.3f} Tm")
        for j, (font, run) in enumerate(line.runs):
            shown = line.actual[j] if line.joined and line.actual[j] != run else ""
            if shown:
                parts.append(_actual_text(shown))
            for name, chunk in subset_chunks(font, run, doc):
                parts.append(f"{name} {size:.2f} Tf ({chunk}) Tj")
            if shown:
                parts.append("EMC")
    parts.append("ET")
    if box.bold or fitted.spacing or fitted.hscale < 1.0:
        # Tr, Tc and Tz outlive ET; q/Q keeps them from leaking into the next box.
        return "q " + " ".join(parts) + " Q"
    return " ".join(parts)

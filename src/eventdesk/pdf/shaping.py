"""Scripts that cannot be set letter by letter: right-to-left order and joined letter forms.

An Uyghur name (ئابدۇللا ئەخمەت) drawn as its code points in storage order comes out as isolated
letters, left to right: unreadable. Two things are needed, each from a maintained library:

- **Order** (python-bidi, the Unicode Bidirectional Algorithm): `visual_segments` gives the text
  in the order it is drawn, left to right, as segments; a right-to-left segment is handed back in
  storage (logical) order, because shaping needs the letters' real neighbours.
- **Letter forms** (HarfBuzz, through reportlab's own shaping, see
  reportlab_adapter.shape_glyphs): initial, medial, final and isolated forms, the lam-alef and
  other ligatures, from the font's OpenType tables.

A font can draw a letter of such a script only if its substitution table (GSUB) knows the
script: a font that merely has the isolated letters would draw them unjoined. `needs_shaping`
names those letters and `shaping_scripts` what a font knows; pdf.fonts counts such a letter as
covered only by a font that can shape it, so otherwise the letter is reported as missing before
anything is printed (pdf.badges.missing_glyphs), like any character no font has.

Not done: GPOS mark positioning (a vowel sign's offset from its letter); names are written
without them in Uyghur, and a mark is drawn at its own advance, which is zero in the fonts used.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache
from pathlib import Path

# Scripts whose letters change shape with their neighbours or combine into clusters, by block,
# with the OpenType script tags whose GSUB can shape them ("dev2" is the newer Indic engine).
_COMPLEX: tuple[tuple[int, int, frozenset[str]], ...] = tuple(
    (lo, hi, frozenset(tags.split(","))) for lo, hi, tags in (
        (0x0600, 0x06FF, "arab"), (0x0700, 0x074F, "syrc"), (0x0750, 0x077F, "arab"),
        (0x07C0, 0x07FF, "nko "), (0x0840, 0x085F, "mand"), (0x0860, 0x086F, "syrc"),
        (0x0870, 0x08FF, "arab"), (0x0900, 0x097F, "deva,dev2"), (0x0980, 0x09FF, "beng,bng2"),
        (0x0A00, 0x0A7F, "guru,gur2"), (0x0A80, 0x0AFF, "gujr,gjr2"),
        (0x0B00, 0x0B7F, "orya,ory2"), (0x0B80, 0x0BFF, "taml,tml2"),
        (0x0C00, 0x0C7F, "telu,tel2"), (0x0C80, 0x0CFF, "knda,knd2"),
        (0x0D00, 0x0D7F, "mlym,mlm2"), (0x0D80, 0x0DFF, "sinh"), (0x0F00, 0x0FFF, "tibt"),
        (0x1000, 0x109F, "mymr,mym2"), (0x1780, 0x17FF, "khmr"), (0x1800, 0x18AF, "mong"),
        (0x10D00, 0x10D3F, "rohg"), (0x10EC0, 0x10EFF, "arab"), (0x1E900, 0x1E95F, "adlm"),
    ))
_STARTS = [lo for lo, _, _ in _COMPLEX]
# A quick look before the per-character work: any character of the blocks above, or of a
# right-to-left script (Hebrew, Arabic presentation forms, RLM…), which needs ordering only.
_MAYBE_RE = re.compile("[\u0590-\u08ff\u0900-\u0dff\u0f00-\u109f\u1780-\u18af\u200f\u202b"
                       "\u202e\u2067\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                       "\U0001e800-\U0001efff]")
_RTL = frozenset({"R", "AL"})
_ATTACHED = frozenset({"NSM", "BN"})  # marks, joiners (ZWJ, ZWNJ): drawn with their letter


def script_tags(ch: str) -> frozenset[str] | None:
    """The OpenType script tags that can shape `ch`, or None when it needs no shaping (it is
    not a letter or mark of a complex script: digits and punctuation of those scripts are
    drawn as they are)."""
    cp = ord(ch)
    i = bisect_right(_STARTS, cp) - 1
    if i < 0 or cp > _COMPLEX[i][1]:
        return None
    if unicodedata.category(ch)[0] not in "LM":
        return None
    return _COMPLEX[i][2]


def unshapeable(cmap: frozenset[int], scripts: frozenset[str] | None) -> set[int]:
    """The code points of `cmap` that need shaping by a script not in `scripts` (a font's GSUB
    scripts; None: not read yet, read only when there is such a code point)."""
    letters = [(cp, tags) for lo, hi, tags in _COMPLEX for cp in range(lo, hi + 1)
               if cp in cmap and unicodedata.category(chr(cp))[0] in "LM"]
    return {cp for cp, tags in letters if not tags & (scripts or frozenset())}


def needs_shaping(ch: str) -> bool:
    return script_tags(ch) is not None


def is_complex(text: str) -> bool:
    """True when `text` cannot be drawn character by character in storage order: it holds a
    right-to-left character or a letter that needs shaping."""
    if _MAYBE_RE.search(text) is None:
        return False
    return any(unicodedata.bidirectional(ch) in _RTL or needs_shaping(ch) for ch in text)


@cache
def shaping_scripts(path: Path, subfont_index: int = 0) -> frozenset[str]:
    """The script tags of the font's GSUB table: what it can shape (empty for a CJK font)."""
    import uharfbuzz

    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path)), subfont_index)
    tags: list[str] = face.get_table_script_tags("GSUB")
    return frozenset(str(t) for t in tags)


def visual_segments(text: str) -> list[tuple[str, bool]]:
    """`text` (one line) in drawing order, left to right, as (segment, right_to_left) pairs.

    The line is reordered by the Unicode Bidirectional Algorithm (python-bidi; brackets in
    right-to-left context are mirrored there, so the shaper must not see them). Every stretch
    of right-to-left letters with their marks is then given back in logical order with
    right_to_left=True: the shaper sets it right to left itself, and joins letters by their
    real neighbours. Everything else (Latin,
    Chinese, digits, spaces, punctuation) is in drawing order with right_to_left=False. Text
    with no right-to-left character is one left-to-right segment."""
    if not any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        return [(text, False)] if text else []
    # python-bidi's Python implementation (its documented bidi.algorithm): its Rust one leaves
    # brackets unmirrored, so "(阿卜杜拉)" after an Arabic word came out as ")阿卜杜拉(".
    from bidi.algorithm import get_display

    visual: str = get_display(text)
    # In drawing order a right-to-left stretch is reversed, so its marks come before their
    # letter: a stretch is marks-then-letter, repeated.
    kinds = "".join("R" if (b := unicodedata.bidirectional(ch)) in _RTL
                    else "M" if b in _ATTACHED else "L" for ch in visual)
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in re.finditer(r"M*R(?:M*R)*", kinds):
        if m.start() > pos:
            out.append((visual[pos:m.start()], False))
        out.append((visual[m.start():m.end()][::-1], True))
        pos = m.end()
    if pos < len(visual):
        out.append((visual[pos:], False))
    return out


__all__ = ["is_complex", "needs_shaping", "script_tags", "shaping_scripts", "unshapeable",
           "visual_segments"]

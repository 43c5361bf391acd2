"""The font chain: the bundled CJK TrueType font first, then fallbacks for rare characters.

Measured (ARCHITECTURE "Chinese text and fonts"): WenQuanYi Micro Hei lacks 䶮 and 𠮷; Hanazono
HanaMinA has both. Text is set character by character through the chain, and a character that no
font in the chain has is reported before printing — never a silent empty box on a badge.
Qt registers the same files (ui.fonts), so screen and paper agree.

Arabic script (Uyghur names) comes from the bundled Noto Sans Arabic, second in the chain. A letter
of a script that must be shaped (pdf.shaping) counts as covered only by a font whose tables can
shape that script, so a font with bare isolated letters never draws a name unjoined: if no font
can, the letters are reported like any missing character.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventdesk.paths import resource
from eventdesk.pdf.shaping import shaping_scripts, unshapeable

BUNDLED_FONT = resource("fonts", "wqy-microhei.ttc")
# Arabic script with its joining forms and Uyghur letters (OFL, licence beside it).
BUNDLED_ARABIC = resource("fonts", "NotoSansArabic-Regular.ttf")
# User-chosen fallbacks first (os.pathsep-separated paths), then what common systems ship.
FALLBACK_ENV = "EVENTDESK_FALLBACK_FONTS"
_SYSTEM_FALLBACKS: dict[str, tuple[str, ...]] = {
    "linux": (
        "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
        "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    ),
    "win32": (
        "C:/Windows/Fonts/simsunb.ttf",  # SimSun-ExtB: CJK Extension B (𠮷)
        "C:/Windows/Fonts/simsun.ttc",
        "C:/Windows/Fonts/msyh.ttc",
    ),
    "darwin": (
        "/System/Library/Fonts/Supplemental/Songti.ttc",
        "/Library/Fonts/Arial Unicode.ttf",
    ),
}


@dataclass(frozen=True)
class ChainFont:
    """One font file of the chain; `name` is how it is registered with reportlab."""

    name: str
    path: Path
    subfont_index: int = 0


def _fallback_paths() -> list[Path]:
    user = [Path(p) for p in os.environ.get(FALLBACK_ENV, "").split(os.pathsep) if p]
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    system = [Path(p) for p in _SYSTEM_FALLBACKS.get(platform, ())]
    return [p for p in [*user, *system] if p.is_file() and p.suffix.lower() in (".ttf", ".ttc")]


@cache
def font_chain() -> tuple[ChainFont, ...]:
    chain = [ChainFont("EDBundled", BUNDLED_FONT), ChainFont("EDArabic", BUNDLED_ARABIC)]
    for i, path in enumerate(_fallback_paths()):
        chain.append(ChainFont(f"EDFallback{i}", path))
    return tuple(chain)


@cache
def coverage(font: ChainFont) -> frozenset[int]:
    """Code points the font can draw: those of its cmap, less the letters of scripts that need
    shaping (pdf.shaping) which its GSUB table cannot shape."""
    from eventdesk.pdf.reportlab_adapter import font_cmap

    cmap = font_cmap(font.path, font.subfont_index)
    if not unshapeable(cmap, None):  # no letter of such a script at all: GSUB not read
        return cmap
    return cmap - unshapeable(cmap, shaping_scripts(font.path, font.subfont_index))


def _ignorable(ch: str) -> bool:
    return ch.isspace() or ch in "\u200b\u200c\u200d\ufeff"


def font_for(ch: str, chain: Sequence[ChainFont] | None = None) -> ChainFont | None:
    for font in chain or font_chain():
        if ord(ch) in coverage(font):
            return font
    return None


def missing_characters(text: str, chain: Sequence[ChainFont] | None = None) -> list[str]:
    """Characters of `text` that no font in the chain can draw, in order, without repeats."""
    chain = chain or font_chain()
    seen: dict[str, None] = {}
    for ch in text:
        if ch in seen or _ignorable(ch):
            continue
        if font_for(ch, chain) is None:
            seen[ch] = None
    return list(seen)


def runs(text: str, chain: Sequence[ChainFont] | None = None) -> list[tuple[ChainFont, str]]:
    """Split text into runs that one font of the chain draws; missing characters fall to the
    first font (and are reported separately by missing_characters)."""
    chain = chain or font_chain()
    out: list[tuple[ChainFont, str]] = []
    for ch in text:
        font = font_for(ch, chain) or chain[0]
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out

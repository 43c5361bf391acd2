"""The font chain: the bundled CJK TrueType font first, then fallbacks for rare characters.

Measured (ARCHITECTURE "Chinese text and fonts", README "Chinese text"): WenQuanYi Micro Hei has
all but 60 of the basic CJK block and none of the extension blocks rare names use (䶮 is in
Extension A, 𠮷 and 𪚥 in Extension B). So the chain goes on with fallbacks that travel with the
program (resources/fonts, made by scripts/subset-fonts: Hanazono for Extensions A to F,
BabelStone Han for what it has of G and H), then fonts the user names, then fonts common systems
ship. Text is set character by character through the chain, and a character that no font in the
chain has is reported before printing — never a silent empty box on a badge.
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
from typing import Literal

from eventdesk.paths import resource
from eventdesk.pdf.shaping import shaping_scripts, unshapeable

BUNDLED_FONT = resource("fonts", "wqy-microhei.ttc")
# Arabic script with its joining forms and Uyghur letters (OFL, licence beside it): second in
# the chain, before the user's and the CJK fallbacks (none of which joins Arabic letters).
BUNDLED_ARABIC = resource("fonts", "NotoSansArabic-Regular.ttf")
# Carried in resources/fonts, each only with the ideographs the fonts before it lack, so the
# order matters only for speed: every character has at most one of them.
BUNDLED_FALLBACKS = tuple(resource("fonts", name) for name in (
    "HanaMinA-ext.ttf",  # Extension A, compatibility ideographs, the basic block's last few
    "HanaMinB.ttf",  # Extensions B to F
    "BabelStoneHan-ext.ttf",  # what BabelStone Han has of Extensions G and H
))
# User-chosen fallbacks (os.pathsep-separated paths): after the bundled font, before the
# bundled fallbacks, so a chosen font (say a Hei face with Extension B) sets what it has.
FALLBACK_ENV = "EVENTDESK_FALLBACK_FONTS"
# "0" (or "no", "off", "false") hides the fonts installed on the machine from the chain: only
# resources/fonts and EVENTDESK_FALLBACK_FONTS are used, as on a machine with no fonts at all.
SYSTEM_FONTS_ENV = "EVENTDESK_SYSTEM_FONTS"
_SYSTEM_FALLBACKS: dict[str, tuple[str, ...]] = {
    "linux": (
        "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
        "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
        "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf",
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


def system_fonts_hidden() -> bool:
    """True when EVENTDESK_SYSTEM_FONTS says not to use the machine's own fonts."""
    return os.environ.get(SYSTEM_FONTS_ENV, "").strip().lower() in ("0", "no", "off", "false")


@dataclass(frozen=True)
class ChainFont:
    """One font file of the chain; `name` is how it is registered with reportlab; `origin` says
    where it was found: "bundled" (resources/fonts), "user" (EVENTDESK_FALLBACK_FONTS) or
    "system" (installed on the machine, which Qt finds by itself)."""

    name: str
    path: Path
    subfont_index: int = 0
    origin: Literal["bundled", "user", "system"] = "bundled"


def _usable(paths: Sequence[Path]) -> list[Path]:
    return [p for p in paths if p.is_file() and p.suffix.lower() in (".ttf", ".ttc")]


def _system_paths() -> list[Path]:
    if system_fonts_hidden():
        return []
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    return _usable([Path(p) for p in _SYSTEM_FALLBACKS.get(platform, ())])


@cache
def font_chain() -> tuple[ChainFont, ...]:
    """The bundled font, the bundled Arabic font, the user's fallbacks, the bundled
    fallbacks, then the system's; read once per process (the environment variables above are
    read then)."""
    user = _usable([Path(p) for p in os.environ.get(FALLBACK_ENV, "").split(os.pathsep) if p])
    fallbacks: list[tuple[Path, Literal["bundled", "user", "system"]]] = [
        *((p, "user") for p in user), *((p, "bundled") for p in _usable(BUNDLED_FALLBACKS)),
        *((p, "system") for p in _system_paths())]
    chain = [ChainFont("EDBundled", BUNDLED_FONT), ChainFont("EDArabic", BUNDLED_ARABIC)]
    seen = {BUNDLED_FONT.resolve(), BUNDLED_ARABIC.resolve()}
    for path, origin in fallbacks:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            chain.append(ChainFont(f"EDFallback{len(chain) - 2}", path, origin=origin))
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

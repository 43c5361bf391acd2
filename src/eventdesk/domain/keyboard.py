"""Keyboard layouts a USB scanner's payload may have been typed through.

A keyboard-wedge scanner does not send characters: it sends key presses, chosen for the layout
it is set to, and the computer turns them into characters by its own layout. When the two differ
the payload arrives changed: a scanner set to German (QWERTZ) on a US computer swaps Y and Z, so
a genuine badge fails its signature (伪造); one set to US on a French (AZERTY) computer swaps A/Q
and Z/W, moves M, and types & é " ' ( for the digits and : for the dot, so the code is not even
recognised as ours. `layout_readings` reads the keys back in every other known layout; the
signature still decides (services.checkin): a reading is used only when it verifies, and the
operator is told to set the scanner's layout.

Layouts are listed key by key in US key order (digit row; top row with the two bracket keys;
home row with the ;-key; bottom row with , . /), unshifted and shifted: every key the payload
alphabet (A–Z, 0–9, '.') and an AIM symbology prefix (']Q1') can need.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# (unshifted, shifted) per key, in this order of US keys: 1234567890 qwertyuiop[] asdfghjkl;
# zxcvbnm,./ — 42 keys.
LAYOUTS: dict[str, tuple[str, str]] = {
    "us": ("1234567890qwertyuiop[]asdfghjkl;zxcvbnm,./",
           "!@#$%^&*()QWERTYUIOP{}ASDFGHJKL:ZXCVBNM<>?"),
    "de": ("1234567890qwertzuiopü+asdfghjklöyxcvbnm,.-",
           "!\"§$%&/()=QWERTZUIOPÜ*ASDFGHJKLÖYXCVBNM;:_"),
    "fr": ("&é\"'(-è_çàazertyuiop^$qsdfghjklmwxcvbn,;:!",
           "1234567890AZERTYUIOP¨£QSDFGHJKLMWXCVBN?./§"),
    "tr": ("1234567890qwertyuıopğüasdfghjklşzxcvbnmöç.",
           "!'^+%&/()=QWERTYUIOPĞÜASDFGHJKLŞZXCVBNMÖÇ:"),
}


@dataclass(frozen=True)
class LayoutReading:
    """`text` is what the scanner meant, when it typed in layout `scanner` and this computer
    read the keys in layout `host`."""

    scanner: str
    host: str
    text: str


@cache
def _table(scanner: str, host: str) -> dict[int, str]:
    """str.translate table: a character as the host read it → the one the scanner typed."""
    # Both cases of every letter key are listed, so Caps Lock (which only inverts letters' case)
    # needs nothing more: payloads are upper-cased after this.
    table: dict[int, str] = {}
    for sent, read in zip(LAYOUTS[scanner], LAYOUTS[host], strict=True):
        for meant, got in zip(sent, read, strict=True):
            table.setdefault(ord(got), meant)
    return {got: meant for got, meant in table.items() if chr(got) != meant}


def layout_readings(raw: str) -> list[LayoutReading]:
    """`raw` read back for every ordered pair of different known layouts, where that changes
    it; each reading at most once, in LAYOUTS order. Nothing is verified here."""
    out: list[LayoutReading] = []
    seen = {raw}
    for scanner in LAYOUTS:
        for host in LAYOUTS:
            if scanner == host:
                continue
            text = raw.translate(_table(scanner, host))
            if text not in seen:
                seen.add(text)
                out.append(LayoutReading(scanner=scanner, host=host, text=text))
    return out


__all__ = ["LAYOUTS", "LayoutReading", "layout_readings"]

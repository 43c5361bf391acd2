"""Text that no database or encoder can take, found before it reaches one.

Two characters break a statement rather than match nothing: NUL (PostgreSQL refuses it in text
and in JSON) and a lone surrogate (U+D800–U+DFFF: no UTF-8 encoder takes it; Python makes one of
every byte of a command-line argument that is not UTF-8). Input holding either is refused as
malformed where it comes in (a scan, a command-line argument), and shown escaped.
"""

from __future__ import annotations

import re

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> bool:
    """False when `text` holds NUL or a lone surrogate."""
    return _UNSTORABLE.search(text) is None


def escaped(text: str) -> str:
    """`text` with NUL and lone surrogates written as escapes (\\x00, \\udcff): safe to store,
    print and log, and still tells what came in."""
    return _UNSTORABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)

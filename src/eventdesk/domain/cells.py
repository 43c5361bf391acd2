"""How text is written into spreadsheet cells: one rule per format, and its inverse for imports.

CSV has no types: a spreadsheet opening it runs any cell that starts with = + - @ as a formula,
also after leading whitespace or control characters that Excel and LibreOffice skip (TAB, CR,
LF, space, NUL, and the other Unicode spaces and control/format characters). OWASP's "CSV
injection" advice is to put an apostrophe before such a cell; a person sees the text as typed,
and our own imports take exactly one apostrophe off again, so export -> import round-trips any
text (tests/domain/test_cells.py checks that property). `csv_text` is that guard.

XLSX cells are typed: a text cell is text and never runs, so it needs no apostrophe (a phone
"+6591318200" must reach the SMS system as it is). The XLSX writer stores every text as a string
cell (services.exports); `xlsx_text` adds an apostrophe only where our import would otherwise
take one off (text that itself starts with an apostrophe before a formula), which keeps the
round trip exact.
"""

from __future__ import annotations

import unicodedata

FORMULA_LEADS = "=+-@"
# Categories a spreadsheet passes over before deciding what a cell is: control (TAB, CR, LF, NUL,
# VT, FF …), format (zero-width space, BOM …), separators (space, NBSP, the ideographic space).
_SKIPPED_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def _skipped(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in _SKIPPED_CATEGORIES


def _runs_as_formula(text: str) -> bool:
    for char in text:
        if not _skipped(char):
            return char in FORMULA_LEADS
    return False


def needs_guard(text: str) -> bool:
    """True when `text` (after any apostrophes we may have added before) would run as a formula."""
    return _runs_as_formula(text.lstrip("'"))


def guard_formula(text: str) -> str:
    """The text to write into a CSV cell: one leading apostrophe when the cell would otherwise
    be run as a formula (also when it already starts with apostrophes, so that
    `unguard_formula` can always take exactly one off)."""
    return "'" + text if needs_guard(text) else text


csv_text = guard_formula


def xlsx_text(text: str) -> str:
    """The text of an XLSX string cell: as it is, except that text starting with an apostrophe
    before a formula gets one more (the import takes one off, see `unguard_formula`)."""
    return "'" + text if text.startswith("'") and needs_guard(text) else text


def unguard_formula(text: str) -> str:
    """The inverse of guard_formula for a cell read back: "'=1+1" -> "=1+1", "''=x" -> "'=x"."""
    if text.startswith("'") and needs_guard(text[1:]):
        return text[1:]
    return text

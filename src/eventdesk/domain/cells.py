"""The spreadsheet formula guard: one rule for every export, and its inverse for every import.

A text cell that a spreadsheet would run as a formula starts with = + - @, possibly after
whitespace or control characters that Excel and LibreOffice skip (TAB, CR, LF, space, NUL).
OWASP's "CSV injection" advice is to prefix such cells with an apostrophe; a person sees the text
as typed, and our own imports take exactly one apostrophe off again, so export -> import round-trips
any text (tests/domain/test_cells.py checks that property).
"""

from __future__ import annotations

FORMULA_LEADS = "=+-@"
# What a spreadsheet skips before deciding a cell is a formula.
_SKIPPED = " \t\r\n\0"


def _runs_as_formula(text: str) -> bool:
    lead = text.lstrip(_SKIPPED)[:1]
    return lead != "" and lead in FORMULA_LEADS


def needs_guard(text: str) -> bool:
    """True when `text` (after any apostrophes we may have added before) would run as a formula."""
    return _runs_as_formula(text.lstrip("'"))


def guard_formula(text: str) -> str:
    """The text to write into a CSV or spreadsheet cell: one leading apostrophe when the cell
    would otherwise be run as a formula (also when it already starts with apostrophes, so that
    `unguard_formula` can always take exactly one off)."""
    return "'" + text if needs_guard(text) else text


def unguard_formula(text: str) -> str:
    """The inverse of guard_formula for a cell read back: "'=1+1" -> "=1+1", "''=x" -> "'=x"."""
    if text.startswith("'") and needs_guard(text[1:]):
        return text[1:]
    return text

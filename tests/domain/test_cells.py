"""The one formula guard: which cells it guards, and that import undoes export exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.domain.cells import guard_formula, unguard_formula, xlsx_text


@pytest.mark.parametrize("text", ["=1+1", "+6591318200", "-2", "@SUM(A1)", "\t=cmd", "\r=1",
                                  "\n+1", " =1", "\0=1", " \t @x", "'=1", "''+1",
                                  # every other space or control/format character a
                                  # spreadsheet passes over: VT, FF, NBSP, the ideographic
                                  # space, zero-width space, BOM, line separator
                                  "\x0b=1", "\x0c=1", "\xa0=1", "\u3000=1", "\u200b@x",
                                  "\ufeff-1", "\u2028+1", "\x1f=1"])
def test_cells_a_spreadsheet_would_run_are_guarded(text: str) -> None:
    assert guard_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["张伟", "a=b", "", "  ", "'", "'abc", "1-2", "华为（昆山）"])
def test_plain_text_is_left_alone(text: str) -> None:
    assert guard_formula(text) == text


@given(st.text())
def test_import_undoes_export(text: str) -> None:
    assert unguard_formula(guard_formula(text)) == text


@pytest.mark.parametrize(("text", "cell"), [("+6591318200", "+6591318200"), ("=1+1", "=1+1"),
                                            ("\t@x", "\t@x"), ("'=1", "''=1"),
                                            ("'abc", "'abc"), ("张伟", "张伟")])
def test_xlsx_text_is_written_as_it_is(text: str, cell: str) -> None:
    """A typed text cell never runs: no apostrophe, except before one of our own."""
    assert xlsx_text(text) == cell


@given(st.text())
def test_import_undoes_the_xlsx_rule(text: str) -> None:
    assert unguard_formula(xlsx_text(text)) == text

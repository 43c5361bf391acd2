"""The one formula guard: which cells it guards, and that import undoes export exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.domain.cells import guard_formula, unguard_formula


@pytest.mark.parametrize("text", ["=1+1", "+6591318200", "-2", "@SUM(A1)", "\t=cmd", "\r=1",
                                  "\n+1", " =1", "\0=1", " \t @x", "'=1", "''+1"])
def test_cells_a_spreadsheet_would_run_are_guarded(text: str) -> None:
    assert guard_formula(text) == "'" + text


@pytest.mark.parametrize("text", ["张伟", "a=b", "", "  ", "'", "'abc", "1-2", "华为（昆山）"])
def test_plain_text_is_left_alone(text: str) -> None:
    assert guard_formula(text) == text


@given(st.text())
def test_import_undoes_export(text: str) -> None:
    assert unguard_formula(guard_formula(text)) == text

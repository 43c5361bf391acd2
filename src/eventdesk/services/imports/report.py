"""What an import did (or, in a dry run, would do): counts and problems by row and column.

Problems are codes + parameters (`Problem`, `RowError.code/params`); eventdesk.messages words
them, and actions.imports shapes the report as the CLI's JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventdesk.domain.errors import Phrase, RowError


@dataclass(frozen=True)
class Problem:
    """One problem named by a code of messages/imports.py and the parameters its sentence needs."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


def problem(code: str, /, **params: object) -> Problem:
    return Problem(code, dict(params))


# What an adapter says about a field of a row: a Problem, or the sentence of a service that
# still words its validation itself (people and exhibitors validation).
FieldProblem = Problem | str


def row_error(row: int, column: str, value: str, issue: FieldProblem) -> RowError:
    """A row problem as code + parameters: an imports Problem, or a service's FieldProblem
    (people and exhibitors validation); an older plain sentence is kept as the message."""
    if isinstance(issue, Problem | Phrase):
        return RowError(row, column, value, code=issue.code, params=dict(issue.params))
    return RowError(row, column, value, issue)


@dataclass
class ImportReport:
    """Counts describe what happened: a rejected import created and updated nothing (created,
    updated and skipped are 0) and says in `would_*` what the valid rows would have done.

    skipped: rows read that neither created nor changed a record — unchanged duplicates (so a
    second import of the same file is all skipped), duplicates under the skip policy, and invalid
    rows when `skip_invalid` is on. Blank rows are not counted.
    warnings: row problems that do not stop the row (a speaker not matched to a person).
    unmapped_columns: the columns not imported at all (header texts in file order, then the
    letters of columns without a header that hold values, e.g. "F").
    secondary_columns: {header: field key} of second columns of a mapped field (电话 beside
    手机): see mapping.secondary_columns for what they do.
    extra: what a kind adds (schedule: "conflicts" as Conflict values, worded for JSON by
    messages.imports.report_json,
    "rooms_created" as names).
    """

    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    rejected: bool = False
    written: bool = False
    would_create: int = 0
    would_update: int = 0
    would_skip: int = 0
    content_hash: str = ""
    mapping: dict[str, str] = field(default_factory=dict)
    format: str = ""
    encoding: str = ""
    sheet: str = ""
    unmapped_columns: list[str] = field(default_factory=list)
    secondary_columns: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

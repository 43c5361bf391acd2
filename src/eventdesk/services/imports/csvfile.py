"""Reading a CSV file's records with the physical lines they came from, and telling a record
whose structure is damaged from an ordinary one.

Python's csv module forgives everything: an unclosed quote takes every following line into one
cell, a row with an unquoted delimiter inside a company name gets one field more than the header
(its values then sit under the wrong headers, the last one is dropped), a row lacking a
delimiter one field less. Imported as they are, such rows lose people or put phones into
company names without a word. So the records are read through `LineFeed`, which keeps the lines
of the record being parsed, and `damage(...)` names what is wrong with a record under the header:

- its cell holds a line break and the lines it swallowed look like rows (as many delimiters as
  a row has; in a one-column list, any further line) — an unclosed quote;
- its quote never closes (the record runs to the end of the file);
- it has more fields than the header and the extra ones are not blank (trailing empty fields,
  which Excel writes for a used range wider than the header, are harmless);
- it has fewer fields than the header (a missing delimiter shifts every later value).

A cell holding a line break whose further lines do not look like rows is an ordinary multi-line
cell (an address, a note) and is kept. The engine refuses the whole file when any record is
damaged: with a shifted or swallowed row, which other rows are right cannot be known.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, Any

from eventdesk.domain.errors import ImportRejected, Phrase, RowError

MAX_CELL = 1_000_000
DELIMITERS = ",;\t"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

if csv.field_size_limit() < MAX_CELL:  # process-wide; raising it only admits longer cells
    csv.field_size_limit(MAX_CELL)


def column_letter(index: int) -> str:
    """The spreadsheet's name of the 0-based column `index`: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = _LETTERS[rest] + name
    return name


class Spanning(list[str]):
    """A record whose cells hold line breaks: its first physical line, its lines, and whether
    its quote was never closed (it ran to the end of the file)."""

    first_line: int
    lines: list[str]
    unclosed: bool


class LineFeed:
    """The file's lines as csv.reader takes them, keeping those of the record being parsed."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.line = 0
        self.record: list[str] = []

    def __iter__(self) -> LineFeed:
        return self

    def __next__(self) -> str:
        line = next(self.fh)
        self.line += 1
        self.record.append(line)
        return line

    def next_record(self) -> None:
        self.record = []


def sniff_delimiter(sample: str) -> str:
    lines = [ln for ln in sample.splitlines() if ln.strip()][:20]
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    # The sniffer gives up on ragged lines (title rows); the most frequent candidate wins.
    counts = {d: sum(ln.count(d) for ln in lines) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def records(fh: IO[str], *, delimiter: str, name: str) -> Iterator[list[str]]:
    """The file's records: plain lists, or Spanning ones for records over several lines. One
    record is held back so that the last can be marked as running to the end of the file."""
    feed = LineFeed(fh)
    reader = csv.reader(feed, delimiter=delimiter)
    held: list[str] | None = None
    try:
        for record in reader:
            if held is not None:
                yield held
            held = record
            if len(feed.record) > 1:
                held = _spanning(record, feed.line - len(feed.record) + 1, feed.record)
            feed.next_record()
    except csv.Error as exc:
        if len(feed.record) > 1:  # a quote left open took in lines until the cell limit
            raise ImportRejected(code="imports.csv.unclosed_quote_file", file=name,
                                 line=feed.line - len(feed.record) + 1,
                                 lines=len(feed.record)) from None
        raise ImportRejected(code="imports.csv_unparsable", file=name, line=reader.line_num,
                             detail=str(exc), limit=f"{MAX_CELL:,}") from None
    if isinstance(held, Spanning):
        held.unclosed = _unclosed(held.lines, delimiter)
    if held is not None:
        yield held


def _spanning(record: list[str], first_line: int, lines: list[str]) -> Spanning:
    spanning = Spanning(record)
    spanning.first_line, spanning.lines, spanning.unclosed = first_line, list(lines), False
    return spanning


def _unclosed(lines: list[str], delimiter: str) -> bool:
    """True when these lines end inside a quoted cell (strict parsing meets the end of data)."""
    try:
        for _record in csv.reader(io.StringIO("".join(lines)), delimiter=delimiter,
                                  strict=True):
            pass
    except csv.Error as exc:
        return "end of data" in str(exc)
    return False


def damage(row: int, raw: list[Any], headers: list[str], delimiter: str,
           value_of: Any) -> RowError | None:
    """What is structurally wrong with the record `raw` of row `row` under `headers` (None:
    nothing). `value_of(cell)` shortens a cell for the report."""
    width = len(headers)
    if isinstance(raw, Spanning):
        broken = _broken_cell(raw, width, delimiter)
        if broken is not None:
            index, cause = broken
            column = headers[index] if index < width and headers[index] else column_letter(index)
            return RowError(row, column, value_of(raw[index]), code=cause.code,
                            params=dict(cause.params))
    if len(raw) > width:
        extra = next((i for i in range(width, len(raw)) if str(raw[i]).strip()), None)
        if extra is not None:
            return RowError(row, column_letter(extra), value_of(raw[extra]),
                            code="imports.csv.extra_fields",
                            params={"fields": len(raw), "columns": width,
                                    "column": column_letter(extra)})
    elif len(raw) < width:
        missing = len(raw)
        return RowError(row, headers[missing] or column_letter(missing), "",
                        code="imports.csv.missing_fields",
                        params={"fields": len(raw), "columns": width})
    return None


def _broken_cell(raw: Spanning, width: int, delimiter: str) -> tuple[int, Phrase] | None:
    """(index of the cell, cause) when the record's line breaks are an unclosed quote."""
    index = next((i for i, cell in enumerate(raw) if "\n" in cell or "\r" in cell), len(raw) - 1)
    last = raw.first_line + len(raw.lines) - 1
    if raw.unclosed:
        return index, Phrase("imports.csv.unclosed_quote", line=raw.first_line,
                             lines=len(raw.lines))
    needed = max(width - 1, 0)
    for line in raw.lines[1:]:
        if line.strip() and line.count(delimiter) >= needed:
            return index, Phrase("imports.csv.swallowed_rows", line=raw.first_line, last=last)
    return None

"""Reading CSV and XLSX lists: encoding, delimiter, sheet, header row, rows by number.

Generic on purpose (people, exhibitors and the schedule all read through here):

    table = open_table(path, sheet=None, known_headers=...)   # raises ImportRejected
    table.headers            # header texts, in file order
    for row_number, values in table.rows():   # values: {header: cell value}
        ...

Row 1 is the first row under the header; blank rows are not yielded but keep their numbers, so
`row_number + table.header_line` is the spreadsheet's own row number. CSV values are str; XLSX
values keep their cell type (str, int, float, datetime, bool) — `cell_text` turns any of them into
the text a person sees. Formulas are never evaluated: an XLSX formula cell yields its formula
text ("=SUM(A1:A3)"), which is then stored as text like any other value.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from pathlib import Path
from typing import Any

from eventdesk.domain.errors import ImportRejected, Phrase, RowError
from eventdesk.services.imports import encodings
from eventdesk.services.imports.csvfile import (
    MAX_CELL,
    column_letter,
    damage,
    records,
    sniff_delimiter,
)
from eventdesk.services.imports.xlsx import open_book

__all__ = ["MAX_CELL", "Table", "cell_text", "column_letter", "open_table", "sniff_delimiter"]

# Rows looked at when searching for the header row under title lines.
HEADER_SEARCH_ROWS = 30
PREVIEW_LINES = 15
# A CSV larger than this is refused before it is read (200,000 rows of the 16-column people
# export are 45 MB): planning holds every row, so memory grows with the file.
MAX_CSV_BYTES = 256 << 20
# Structural problems kept for the report of a damaged CSV (the count is always exact).
MAX_DAMAGE = 200
_CHUNK = 1 << 20


@dataclass
class Table:
    """An opened list: where its header is and how to read its rows (lazily, every time)."""

    path: Path
    format: str  # "csv" | "xlsx"
    headers: list[str]
    header_line: int  # 1-based line/row number of the header in the file
    content_hash: str  # sha256 of the file's bytes, to notice a file changed after a dry run
    encoding: str = ""  # csv only: utf-8, utf-8-sig, gb18030, utf-16
    delimiter: str = ""  # csv only
    sheets: list[str] = field(default_factory=list)  # xlsx only
    sheet: str = ""
    preview_text: str = ""  # the first lines as decoded (csv) or tab-joined (xlsx)
    row_estimate: int = 0  # for progress bars; may be approximate for xlsx
    # Filled while rows() runs (so complete once every row was read):
    # CSV records whose structure is damaged (see csvfile.damage), the first MAX_DAMAGE of
    # `damaged`; and {0-based column index: first row} of columns without a header that hold
    # values (beyond the header's last column, or under an empty header cell).
    damage: list[RowError] = field(default_factory=list)
    damaged: int = 0
    stray: dict[int, int] = field(default_factory=dict)
    _iter_raw: Callable[[], Iterator[list[Any]]] | None = None
    _close: Callable[[], None] | None = None

    def close(self) -> None:
        """Release the open workbook (XLSX); reading rows afterwards is an error."""
        if self._close is not None:
            self._close()
            self._close = None

    def rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """(row_number, {header: value}) for every non-blank row under the header; notes
        damaged CSV records in `damage` and unheaded columns holding values in `stray`."""
        assert self._iter_raw is not None
        width = len(self.headers)
        columns = [(i, h) for i, h in enumerate(self.headers) if h]
        unheaded = [i for i, h in enumerate(self.headers) if not h]
        check = self.format == "csv"
        self.damage, self.damaged, self.stray = [], 0, {}
        for line_no, raw in enumerate(self._iter_raw(), start=1):
            if line_no <= self.header_line:
                continue
            if not any(cell_text(v).strip() for v in raw):
                continue
            row = line_no - self.header_line
            if check:
                problem = damage(row, raw, self.headers, self.delimiter, _short)
                if problem is not None:
                    self.damaged += 1
                    if len(self.damage) < MAX_DAMAGE:
                        self.damage.append(problem)
            if len(raw) > width or unheaded:
                self._note_stray(row, raw, width, unheaded)
            values = {h: (raw[i] if i < len(raw) else None) for i, h in columns}
            yield row, values

    def _note_stray(self, row: int, raw: list[Any], width: int, unheaded: list[int]) -> None:
        for i in [*unheaded, *range(width, len(raw))]:
            if i < len(raw) and i not in self.stray and cell_text(raw[i]).strip():
                self.stray[i] = row

    def refuse_damage(self) -> None:
        """Refuse a CSV whose structure was found damaged while its rows were read (every row,
        so call it after the last): with a row shifted or swallowed, no row can be trusted."""
        if not self.damaged:
            return
        first = self.damage[0]
        raise ImportRejected("", list(self.damage), code="imports.csv_damaged",
                             file=self.path.name, count=self.damaged, row=first.row,
                             column=first.column, cause=Phrase(first.code, **first.params))

    def stray_columns(self) -> list[str]:
        """The columns without a header that hold values, by spreadsheet letter ("F")."""
        return [column_letter(i) for i in sorted(self.stray)]


def cell_text(value: Any) -> str:
    """The text of a cell as a person reads it (1.0 → "1", dates ISO), untrimmed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _short(value: Any) -> str:
    text = cell_text(value)
    return text if len(text) <= 200 else text[:200] + f"…（共 {len(text):,} 字）"


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def open_table(path: Path | str, *, sheet: str | None = None,
               known_headers: Callable[[str], bool] | None = None,
               encoding: str | None = None) -> Table:
    """Open a CSV or XLSX list; every problem with the file itself is one ImportRejected.
    `encoding` (CSV only): a codec the person chose; None detects it."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportRejected(code="imports.file_not_found", path=str(path)) from None
    except OSError as exc:
        raise ImportRejected(code="imports.file_unreadable", file=path.name,
                             reason=exc.strerror or exc.__class__.__name__) from None
    if not head:
        raise ImportRejected(code="imports.file_empty", file=path.name)
    if head.startswith(b"PK\x03\x04"):
        return _open_xlsx(path, sheet, known_headers)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(code="imports.xls_legacy", file=path.name)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise ImportRejected(code="imports.xlsx_not_zip", file=path.name)
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise ImportRejected(code="imports.file_too_large", file=path.name,
                             size=f"{size >> 20:,}", limit=f"{MAX_CSV_BYTES >> 20:,}")
    return _open_csv(path, known_headers, encoding)


# -- CSV ---------------------------------------------------------------------------------------

def _open_csv(path: Path, known: Callable[[str], bool] | None, encoding: str | None) -> Table:
    """`encoding`: the person's choice (checked to decode the whole file), else detected —
    see encodings.py for when detection refuses rather than guesses."""
    if encoding:
        encoding, digest = encodings.check_encoding(path, encoding)
    else:
        encoding, digest = encodings.detect(path, known=known)
    with open(path, encoding=encoding, newline="") as fh:
        sample = fh.read(64 * 1024)
    delimiter = sniff_delimiter(sample)

    def iter_raw() -> Iterator[list[Any]]:
        with open(path, encoding=encoding, newline="") as fh:
            yield from records(fh, delimiter=delimiter, name=path.name)

    preview = "\n".join(sample.splitlines()[:PREVIEW_LINES])
    estimate = max(sample.count("\n"), 1)
    size = path.stat().st_size
    if len(sample) >= 64 * 1024:
        estimate = int(estimate * size / max(len(sample.encode(encoding, "replace")), 1))
    table = Table(path=path, format="csv", headers=[], header_line=0, content_hash=digest,
                  encoding=encoding, delimiter=delimiter, preview_text=preview,
                  row_estimate=estimate, _iter_raw=iter_raw)
    _find_header(table, known)
    return table


# -- XLSX ---------------------------------------------------------------------------------------

def _open_xlsx(path: Path, sheet: str | None, known: Callable[[str], bool] | None) -> Table:
    """Without a sheet name, the first sheet that reads as a list (a cover or notes sheet in front
    of the list is common); with one, exactly that sheet.

    The workbook is opened once per Table (a load parses the whole shared-strings part, most of
    the reading time of a large list); `Table.close()` releases it."""
    digest = file_hash(path)
    book = open_book(path)
    try:
        names = list(book.names)
        if not names:
            raise ImportRejected(code="imports.no_sheets", file=path.name)
        if sheet is not None and sheet not in names:
            raise ImportRejected(code="imports.no_such_sheet", file=path.name, sheet=sheet,
                                 sheets="、".join(names))
        first_error: ImportRejected | None = None
        for name in [sheet] if sheet is not None else names:
            table = Table(path=path, format="xlsx", headers=[], header_line=0,
                          content_hash=digest, sheets=names, sheet=name,
                          row_estimate=book.height(name),
                          _iter_raw=partial(book.rows, name))
            try:
                _find_header(table, known)
            except ImportRejected as exc:
                first_error = first_error or exc
                continue
            table._close = book.close
            return table
        assert first_error is not None
        raise first_error
    except BaseException:
        book.close()
        raise


# -- header row ---------------------------------------------------------------------------------

def _find_header(table: Table, known: Callable[[str], bool] | None) -> None:
    """The header is the first row, among the first few, that looks like one: it names a known
    column, or failing that has at least two filled cells (a title line has one)."""
    assert table._iter_raw is not None
    first: list[tuple[int, list[str]]] = []
    for line_no, raw in enumerate(table._iter_raw(), start=1):
        texts = [cell_text(v).strip() for v in raw]
        if any(texts):
            first.append((line_no, texts))
        if len(first) >= HEADER_SEARCH_ROWS:
            break
    if not first:
        raise ImportRejected(code="imports.no_content", file=table.path.name)
    chosen: tuple[int, list[str]] | None = None
    if known is not None:
        chosen = next(((n, t) for n, t in first if any(known(x) for x in t if x)), None)
    if chosen is None:
        chosen = next(((n, t) for n, t in first if sum(1 for x in t if x) >= 2), first[0])
    line_no, texts = chosen
    while texts and not texts[-1]:
        texts.pop()
    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        if not text:
            continue
        if text in seen:
            raise ImportRejected(code="imports.duplicate_header", header=text,
                                 first=seen[text] + 1, second=i + 1)
        seen[text] = i
    table.headers, table.header_line = texts, line_no
    if table.format == "xlsx":
        lines = ["\t".join(t) for _n, t in first[:PREVIEW_LINES]]
        table.preview_text = "\n".join(lines)
    if next(table.rows(), None) is None:
        raise ImportRejected(code="imports.header_only", file=table.path.name)

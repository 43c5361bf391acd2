"""Opening .xlsx workbooks for reading rows, fast when it is safe and exact when it matters.

python-calamine (Rust) reads a 30,000-row sheet in a fraction of a second but returns the value
Excel cached for a formula, not the formula. openpyxl's read-only mode streams rows and returns a
formula cell's text ("=SUM(A1:A3)"), which is what we store — formulas are data here, never
evaluated — but costs seconds on the same sheet. So: a workbook whose sheets contain no formula
element at all (found while the archive is checked, about 0.1 s) is read with calamine;
any other with openpyxl.

Before either reader sees a workbook, archive.check_archive inflates every part once in bounded
memory and refuses oversized, high-ratio or lying parts (a zip bomb); the same pass finds the
formulas.

Memory: calamine holds a whole sheet (measured: +30 MB RSS for the 30,000-person export, 28 MB
of sheet XML), so it is used only up to FAST_LIMIT bytes of sheet XML; a larger workbook is
streamed row by row through openpyxl in bounded memory, more slowly.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventdesk.domain.errors import ImportRejected
from eventdesk.services.imports.archive import check_archive

FAST_LIMIT = 150_000_000  # bytes of uncompressed sheet XML (≈ 150,000 rows of 16 columns)


def _invalid(path: Path, detail: str) -> ImportRejected:
    return ImportRejected(code="imports.xlsx_invalid", file=path.name, detail=detail)


def fast_read_ok(path: Path) -> bool:
    """Calamine may read this workbook: its sheets are small enough and hold no formula.
    Raises ImportRejected for a workbook whose parts fail archive.check_archive."""
    facts = check_archive(path)
    return facts.sheet_bytes <= FAST_LIMIT and not facts.formulas


def has_formulas(path: Path) -> bool:
    """True when any worksheet part holds a formula element (or the zip cannot be checked)."""
    try:
        return check_archive(path).formulas
    except ImportRejected:
        return True


class Book:
    """A workbook's sheet names and its rows per sheet (absolute row order, blank rows kept)."""

    names: list[str]

    def rows(self, name: str) -> Iterator[list[Any]]:
        raise NotImplementedError

    def height(self, name: str) -> int:
        """Rows in the sheet as far as known without reading it (0 when unknown)."""
        return 0

    def close(self) -> None:
        pass


class _OpenpyxlBook(Book):
    def __init__(self, path: Path) -> None:
        from openpyxl import load_workbook

        self.path = path
        try:
            # data_only=False: a formula cell yields its formula text, never a computed result.
            self.wb = load_workbook(path, read_only=True, data_only=False)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
            raise _invalid(path, str(exc)) from None
        except Exception as exc:  # openpyxl's InvalidFileException, XML errors
            raise _invalid(path, exc.__class__.__name__) from None
        self.names = list(self.wb.sheetnames)

    def rows(self, name: str) -> Iterator[list[Any]]:
        try:
            for row in self.wb[name].iter_rows(values_only=True):
                yield list(row)
        except Exception as exc:  # a corrupt sheet part inside a valid zip
            raise ImportRejected(code="imports.sheet_corrupt", file=self.path.name, sheet=name,
                                 detail=exc.__class__.__name__) from None

    def height(self, name: str) -> int:
        return int(getattr(self.wb[name], "max_row", 0) or 0)

    def close(self) -> None:
        self.wb.close()


class _CalamineBook(Book):
    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook

        self.path = path
        self.wb = CalamineWorkbook.from_path(str(path))
        self.names = list(self.wb.sheet_names)
        self._sheets: dict[str, Any] = {}  # each load parses the whole sheet: once per name

    def _sheet(self, name: str) -> Any:
        if name not in self._sheets:
            self._sheets[name] = self.wb.get_sheet_by_name(name)
        return self._sheets[name]

    def height(self, name: str) -> int:
        try:
            return int(self._sheet(name).total_height)
        except Exception:
            return 0

    def rows(self, name: str) -> Iterator[list[Any]]:
        try:
            sheet = self._sheet(name)
            for row in sheet.iter_rows():  # rows from the sheet's first row, blank rows kept
                yield list(row)
        except ImportRejected:
            raise
        except Exception as exc:
            raise ImportRejected(code="imports.sheet_corrupt", file=self.path.name, sheet=name,
                                 detail=exc.__class__.__name__) from None


def open_book(path: Path, *, fast: bool = True) -> Book:
    """The workbook, once its parts passed archive.check_archive (which raises
    ImportRejected for a part that could exhaust memory: neither reader is given it)."""
    if fast_read_ok(path) and fast:
        try:
            return _CalamineBook(path)
        except Exception:  # anything calamine dislikes gets openpyxl's precise message
            pass
    return _OpenpyxlBook(path)


def sheet_names(path: Path | str) -> list[str]:
    book = open_book(Path(path))
    try:
        return list(book.names)
    finally:
        book.close()

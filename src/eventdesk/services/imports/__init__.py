"""Importing registration and exhibitor lists from CSV and XLSX, and the reusable machinery.

For callers (CLI, GUI ops):

    report = import_file(session, path=p, kind="people", dry_run=True)   # ImportReport
    report.as_json()   # {"created", "updated", "skipped", "errors": [{row, column, value, message}]}

    preview = inspect_file(session, path=p, kind="people", sheet=None)  # headers, mapping, rows…

A file that cannot be read as a list at all (empty, binary junk, undecodable or mixed encoding,
header only, no name column, a duplicated header, changed since the dry run) raises
ImportRejected with one sentence. Problems in rows never raise: they are in `report.errors`, and
with any of them nothing is written (`report.rejected`) unless `skip_invalid`. Services flush and
never commit; the caller's unit of work makes the import one transaction.

For other kinds (the schedule) — generic pieces, no people-specific knowledge:

- `reading.open_table(path, *, sheet=None, known_headers=None) -> Table`: CSV (UTF-8, UTF-8 BOM,
  UTF-16 BOM, GB18030/GBK detected; delimiter , ; or tab sniffed) or XLSX (python-calamine, or
  openpyxl read-only when the workbook holds formulas — see xlsx.py; sheet by name, else the
  first sheet that is a list; title rows above the header skipped). `Table.rows()` yields
  `(row_number, {header: value})`: row 1 is the first row under the header, blank rows are skipped
  but keep their numbers. `Table.headers`, `.header_line`, `.content_hash`, `.preview_text`,
  `.sheets`; `Table.close()` when done. `reading.cell_text(value)` is a cell's text; `reading.sheet_names(path)`.
- `mapping.FieldSpec(key, label, aliases, required)`; `mapping.auto_map(headers, fields)` and
  `resolve_mapping(headers, fields, saved)` give `{field key: header}`; `check_mapping` lists
  problems; `load_mapping/save_mapping(session, kind=…)` keep a person's corrections (Setting).
- `normalise.clean(value)` trims, makes digits/letters half-width and removes the export's
  formula guard; `normalise.neutralise(text)` adds it (exports).
- `engine.KindAdapter` + `engine.run(...)`: the whole plan/duplicates/dry-run/atomic run for a
  kind described by an adapter (see people.py); `register(adapter_factory)` adds a kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from eventdesk.domain.errors import ImportRejected
from eventdesk.services.imports import mapping as mapping_mod
from eventdesk.services.imports.engine import POLICIES, KindAdapter, Progress, open_for, run
from eventdesk.services.imports.exhibitors import ExhibitorsAdapter
from eventdesk.services.imports.people import PeopleAdapter
from eventdesk.services.imports.reading import Table, cell_text, open_table
from eventdesk.services.imports.report import ImportReport, rejection_json, write_error_report
from eventdesk.services.imports.xlsx import sheet_names

_KINDS: dict[str, Callable[[], KindAdapter]] = {
    "people": PeopleAdapter,
    "exhibitors": ExhibitorsAdapter,
}
KIND_LABELS = {"people": "人员 People", "exhibitors": "展商 Exhibitors"}
PREVIEW_ROWS = 10


def register(kind: str, factory: Callable[[], KindAdapter], label: str = "") -> None:
    _KINDS[kind] = factory
    KIND_LABELS[kind] = label or kind


def kinds() -> list[str]:
    return list(_KINDS)


def adapter_for(kind: str) -> KindAdapter:
    factory = _KINDS.get(kind)
    if factory is None:
        raise ImportRejected(f"未知的导入类型“{kind}”（可用：{'、'.join(_KINDS)}）")
    return factory()


@dataclass(frozen=True)
class FilePreview:
    """What the wizard shows before a dry run: how the file was read and how it maps."""

    path: str
    format: str
    encoding: str
    delimiter: str
    sheets: list[str]
    sheet: str
    headers: list[str]
    header_line: int
    preview_text: str
    rows: list[tuple[int, dict[str, str]]]
    mapping: dict[str, str]
    fields: list[tuple[str, str, bool]]  # (key, label, required)
    problems: list[str]
    content_hash: str
    row_estimate: int = 0
    error: str = ""  # this sheet cannot be read as a list (another sheet may be chosen)
    extra: dict[str, Any] = field(default_factory=dict)


def inspect_file(session: Session, *, path: Path | str, kind: str,
                 sheet: str | None = None) -> FilePreview:
    adapter = adapter_for(kind)
    try:
        table = open_for(adapter, path, sheet=sheet)
    except ImportRejected as exc:
        # A workbook whose chosen sheet is not a list still offers its other sheets.
        names = sheet_names(path) if Path(path).suffix.lower() == ".xlsx" else []
        if len(names) < 2:
            raise
        return FilePreview(
            path=str(Path(path)), format="xlsx", encoding="", delimiter="", sheets=names,
            sheet=sheet or names[0], headers=[], header_line=0, preview_text="", rows=[],
            mapping={}, fields=[(f.key, f.label, f.required) for f in adapter.fields],
            problems=[exc.message], content_hash="", error=exc.message)
    saved = mapping_mod.load_mapping(session, kind=kind)
    proposed = mapping_mod.resolve_mapping(table.headers, adapter.fields, saved)
    rows = []
    try:
        for number, values in table.rows():
            rows.append((number, {h: cell_text(v) for h, v in values.items()}))
            if len(rows) >= PREVIEW_ROWS:
                break
    finally:
        table.close()
    return FilePreview(
        path=str(table.path), format=table.format, encoding=table.encoding,
        delimiter=table.delimiter, sheets=table.sheets, sheet=table.sheet,
        headers=table.headers, header_line=table.header_line, preview_text=table.preview_text,
        rows=rows, mapping=proposed,
        fields=[(f.key, f.label, f.required) for f in adapter.fields],
        problems=mapping_mod.check_mapping(proposed, table.headers, adapter.fields),
        content_hash=table.content_hash, row_estimate=table.row_estimate)


def import_file(session: Session, *, path: Path | str, kind: str, sheet: str | None = None,
                mapping: dict[str, str] | None = None, on_duplicate: str = "update",
                skip_invalid: bool = False, dry_run: bool = False,
                expected_hash: str | None = None, operator: str = "",
                save_mapping: bool = False, progress: Progress | None = None) -> ImportReport:
    """Import (or dry-run) one file of `kind`. See the module docstring for the contract."""
    adapter = adapter_for(kind)
    report = run(session, adapter, path=path, sheet=sheet, mapping=mapping,
                 on_duplicate=on_duplicate, skip_invalid=skip_invalid, dry_run=dry_run,
                 expected_hash=expected_hash, operator=operator, progress=progress)
    if save_mapping and not dry_run and not report.rejected:
        mapping_mod.save_mapping(session, kind=kind, mapping=report.mapping)
    return report


__all__ = [
    "POLICIES",
    "FilePreview",
    "ImportReport",
    "KindAdapter",
    "Table",
    "adapter_for",
    "cell_text",
    "import_file",
    "inspect_file",
    "kinds",
    "open_table",
    "register",
    "rejection_json",
    "sheet_names",
    "write_error_report",
]

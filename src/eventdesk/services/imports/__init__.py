"""Importing people, exhibitor and schedule lists from CSV and XLSX: one pipeline for every kind.

For callers (actions.imports, which the CLI and the import wizard use):

    report = import_file(session, path=p, kind="people", dry_run=True)   # ImportReport
    preview = inspect_file(session, path=p, kind="people", sheet=None)  # headers, mapping, rows…
    planned = plan_file(session, path=p, kind=…)  # read + plan; engine.write(session, planned)

A file that cannot be read as a list at all (empty, binary junk, an encoding that is not
certain or mixed, a damaged CSV structure, an XLSX whose parts could exhaust memory, header
only, no name column, a duplicated header, changed since the dry run) raises ImportRejected
with a code (messages/imports.py); a damaged CSV's rows are in its `errors`. Problems in rows
never raise: they are in `report.errors` (RowError with code + params), and with any of them
nothing is written (`report.rejected`) unless `skip_invalid`. Services flush and never commit;
an import's write transaction takes the kind's lock first (`hold_import_lock`, lock.py).

Kinds: people.py, exhibitors.py, schedule.py (agenda items), each a KindAdapter; generic pieces:

- `reading.open_table(path, *, sheet=None, known_headers=None, encoding=None) -> Table`: CSV
  (encodings.py: UTF-8, UTF-8 BOM, UTF-16 BOM certain; a legacy encoding only when exactly one
  candidate gives typical text, else refused with the candidates; `encoding` as chosen; records
  read by csvfile.py, which names damaged ones; delimiter , ; or tab sniffed) or XLSX (archive.py
  checks the zip parts first; python-calamine, or openpyxl read-only when the workbook holds
  formulas — see xlsx.py; sheet by name, else the first sheet that is a list; title rows above
  the header skipped). `Table.rows()` yields
  `(row_number, {header: value})`: row 1 is the first row under the header, blank rows are skipped
  but keep their numbers. `Table.headers`, `.header_line`, `.content_hash`, `.preview_text`,
  `.sheets`, after the rows: `.damage`, `.stray_columns()`; `Table.close()` when done.
  `reading.cell_text(value)` is a cell's text; `xlsx.sheet_names(path)`.
- `mapping.FieldSpec(key, label, aliases, required)`; `mapping.auto_map(headers, fields)` and
  `resolve_mapping(headers, fields, saved)` give `{field key: header}`; `check_mapping` lists
  problems; `secondary_columns` / `unmapped_columns` / `SecondColumns`: a mapped field's second
  column (电话 beside 手机) and the columns left out; `load_mapping/save_mapping(session, kind=…)`
  keep a person's corrections (Setting).
- `normalise.clean(value)` trims, makes digits/letters half-width (domain.contact.half_width)
  and removes the export's formula guard (domain.cells.unguard_formula).
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
from eventdesk.services.imports import engine
from eventdesk.services.imports import mapping as mapping_mod
from eventdesk.services.imports.engine import (
    POLICIES,
    ImportOptions,
    KindAdapter,
    Plan,
    Progress,
    open_for,
    run,
)
from eventdesk.services.imports.exhibitors import ExhibitorsAdapter
from eventdesk.services.imports.lock import hold_import_lock
from eventdesk.services.imports.people import PeopleAdapter
from eventdesk.services.imports.reading import Table, cell_text, open_table
from eventdesk.services.imports.report import ImportReport, Problem
from eventdesk.services.imports.schedule import ScheduleAdapter
from eventdesk.services.imports.xlsx import sheet_names

AdapterFactory = Callable[[ImportOptions], KindAdapter]
_KINDS: dict[str, AdapterFactory] = {
    "people": PeopleAdapter,
    "exhibitors": ExhibitorsAdapter,
    "schedule": ScheduleAdapter,
}
KIND_LABELS = {"people": "人员 People", "exhibitors": "展商 Exhibitors",
               "schedule": "日程 Schedule"}
PREVIEW_ROWS = 10


def register(kind: str, factory: AdapterFactory, label: str = "") -> None:
    _KINDS[kind] = factory
    KIND_LABELS[kind] = label or kind


def kinds() -> list[str]:
    return list(_KINDS)


def adapter_for(kind: str, options: ImportOptions | None = None) -> KindAdapter:
    """A fresh adapter of `kind`; raises ImportRejected (imports.unknown_kind)."""
    factory = _KINDS.get(kind)
    if factory is None:
        raise ImportRejected(code="imports.unknown_kind", kind=kind, kinds="、".join(_KINDS))
    return factory(options or ImportOptions())


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
    problems: list[Problem]  # of the proposed mapping
    content_hash: str
    row_estimate: int = 0
    # This sheet cannot be read as a list (another sheet may be chosen).
    error: ImportRejected | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    kind: str = ""
    # Under the proposed mapping: the columns not imported (headers, then letters of unheaded
    # columns holding values in the rows read), and {header: field} of second columns.
    unmapped: list[str] = field(default_factory=list)
    secondary: dict[str, str] = field(default_factory=dict)


def inspect_file(session: Session, *, path: Path | str, kind: str,
                 sheet: str | None = None, encoding: str | None = None) -> FilePreview:
    """How the file reads and maps (`encoding`: a CSV's codec as chosen, None: detected).
    Raises ImportRejected for a file that cannot be read as a list."""
    adapter = adapter_for(kind)
    try:
        table = open_for(adapter, path, sheet=sheet, encoding=encoding)
    except ImportRejected as exc:
        # A workbook whose chosen sheet is not a list still offers its other sheets.
        names = sheet_names(path) if Path(path).suffix.lower() == ".xlsx" else []
        if len(names) < 2:
            raise
        return FilePreview(
            path=str(Path(path)), format="xlsx", encoding="", delimiter="", sheets=names,
            sheet=sheet or names[0], headers=[], header_line=0, preview_text="", rows=[],
            mapping={}, fields=[(f.key, f.label, f.required) for f in adapter.fields],
            problems=[], content_hash="", error=exc, kind=kind)
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
    secondary = mapping_mod.secondary_columns(table.headers, adapter.fields, proposed)
    return FilePreview(
        path=str(table.path), format=table.format, encoding=table.encoding,
        delimiter=table.delimiter, sheets=table.sheets, sheet=table.sheet,
        headers=table.headers, header_line=table.header_line, preview_text=table.preview_text,
        rows=rows, mapping=proposed,
        fields=[(f.key, f.label, f.required) for f in adapter.fields],
        problems=mapping_mod.check_mapping(proposed, table.headers, adapter.fields),
        content_hash=table.content_hash, row_estimate=table.row_estimate, kind=kind,
        unmapped=[*mapping_mod.unmapped_columns(table.headers, proposed, secondary),
                  *table.stray_columns()],
        secondary=secondary)


def plan_file(session: Session, *, path: Path | str, kind: str, sheet: str | None = None,
              mapping: dict[str, str] | None = None, on_duplicate: str = "update",
              skip_invalid: bool = False, dry_run: bool = False,
              expected_hash: str | None = None, options: ImportOptions | None = None,
              progress: Progress | None = None, encoding: str | None = None) -> Plan:
    """Read and plan one file of `kind`, writing nothing; `engine.write(session, plan)` writes
    it (see engine's docstring for when a plan may be written in another transaction)."""
    return engine.plan(session, adapter_for(kind, options), path=path, sheet=sheet,
                       mapping=mapping, on_duplicate=on_duplicate, skip_invalid=skip_invalid,
                       dry_run=dry_run, expected_hash=expected_hash, progress=progress,
                       encoding=encoding)


def import_file(session: Session, *, path: Path | str, kind: str, sheet: str | None = None,
                mapping: dict[str, str] | None = None, on_duplicate: str = "update",
                skip_invalid: bool = False, dry_run: bool = False,
                expected_hash: str | None = None, operator: str = "",
                save_mapping: bool = False, options: ImportOptions | None = None,
                progress: Progress | None = None, encoding: str | None = None) -> ImportReport:
    """Import (or dry-run) one file of `kind` in the caller's one transaction."""
    report = run(session, adapter_for(kind, options), path=path, sheet=sheet, mapping=mapping,
                 on_duplicate=on_duplicate, skip_invalid=skip_invalid, dry_run=dry_run,
                 expected_hash=expected_hash, operator=operator, progress=progress,
                 encoding=encoding)
    if save_mapping:
        remember_mapping(session, report)
    return report


def remember_mapping(session: Session, report: ImportReport) -> None:
    """Keep the mapping of a real, accepted import for the next file of its kind."""
    if not report.dry_run and not report.rejected:
        mapping_mod.save_mapping(session, kind=report.kind, mapping=report.mapping)


__all__ = [
    "KIND_LABELS",
    "POLICIES",
    "FilePreview",
    "ImportOptions",
    "ImportReport",
    "KindAdapter",
    "Plan",
    "Problem",
    "Table",
    "adapter_for",
    "cell_text",
    "hold_import_lock",
    "import_file",
    "inspect_file",
    "kinds",
    "open_table",
    "plan_file",
    "register",
    "remember_mapping",
    "sheet_names",
]

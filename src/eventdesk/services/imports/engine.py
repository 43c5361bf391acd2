"""The import run shared by every kind: read → map → clean and validate → match duplicates →
plan → (unless a dry run or rejected) write, in the caller's one transaction.

Rows are planned as if applied one after another, in memory: a row matching an existing record
(or an earlier row of the same file) is merged into it under the `update` policy. Counts are taken
from the end state, so a record changed and changed back counts as unchanged, and importing the
same file twice changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.orm import Session

from eventdesk.domain.errors import ImportRejected, RowError
from eventdesk.services.imports import mapping as mapping_mod
from eventdesk.services.imports.mapping import FieldSpec
from eventdesk.services.imports.normalise import report_value
from eventdesk.services.imports.reading import Table, open_table
from eventdesk.services.imports.report import ImportReport

DuplicatePolicy = Literal["update", "skip", "reject"]
POLICIES: tuple[str, ...] = ("update", "skip", "reject")
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
Key = tuple[str, Hashable]  # (field named in messages, hashable identity)
RecordId = int | tuple[str, int]  # existing database id, or ("new", n)


@dataclass
class Existing:
    records: dict[int, dict[str, Any]]  # comparable values of every existing record, by id


class KindAdapter:
    """What one kind of list (people, exhibitors…) plugs into the shared run."""

    kind: str = ""
    label: str = ""  # 人员 / 展商, used in messages
    fields: tuple[FieldSpec, ...] = ()
    compare: tuple[str, ...] = ()  # the fields whose change makes an update

    def load(self, session: Session) -> Existing:
        raise NotImplementedError

    def clean(self, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """(cleaned non-blank values by field, problems by field) for one row."""
        raise NotImplementedError

    def keys(self, record: dict[str, Any]) -> list[Key]:
        """Identity keys, strongest first; a record matching any of them is a duplicate."""
        raise NotImplementedError

    def complete(self, data: dict[str, Any]) -> dict[str, Any]:
        """A new record: the row's values plus defaults for the fields it leaves blank."""
        raise NotImplementedError

    def describe(self, record: dict[str, Any]) -> str:
        raise NotImplementedError

    def distinct(self, record: dict[str, Any], data: dict[str, Any], *, new: bool) -> bool:
        """True when a weak match (same name and phone…) is nevertheless another record, e.g.
        because both carry different registration ids. `new`: the record comes from this file."""
        a, b = record.get("external_ref"), data.get("external_ref")
        return bool(a and b and a != b)

    def merge(self, current: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
        """A duplicate row's values over the record's: blank cells were left out of `data`."""
        return {**current, **data}

    def apply(self, session: Session, *, creates: list[dict[str, Any]],
              updates: list[tuple[int, dict[str, Any]]], operator: str, source: str,
              progress: Progress | None) -> None:
        """Write the plan: new records, and {field: new value} changes of existing ones."""
        raise NotImplementedError


def _known_for(adapter: KindAdapter) -> Callable[[str], bool]:
    return mapping_mod.known_header(adapter.fields)


def open_for(adapter: KindAdapter, path: Path | str, *, sheet: str | None = None) -> Table:
    return open_table(path, sheet=sheet, known_headers=_known_for(adapter))


def run(session: Session, adapter: KindAdapter, *, path: Path | str, sheet: str | None = None,
        mapping: dict[str, str] | None = None, on_duplicate: str = "update",
        skip_invalid: bool = False, dry_run: bool = False, expected_hash: str | None = None,
        operator: str = "", progress: Progress | None = None) -> ImportReport:
    if on_duplicate not in POLICIES:
        raise ImportRejected(f"未知的重复处理方式“{on_duplicate}”（update、skip 或 reject）")
    table = open_for(adapter, path, sheet=sheet)
    try:
        return _run(session, adapter, table, mapping=mapping, on_duplicate=on_duplicate,
                    skip_invalid=skip_invalid, dry_run=dry_run, expected_hash=expected_hash,
                    operator=operator, progress=progress)
    finally:
        table.close()


def _run(session: Session, adapter: KindAdapter, table: Table, *, mapping: dict[str, str] | None,
         on_duplicate: str, skip_invalid: bool, dry_run: bool, expected_hash: str | None,
         operator: str, progress: Progress | None) -> ImportReport:
    if expected_hash and table.content_hash != expected_hash:
        raise ImportRejected(f"{table.path.name} 在预演之后被修改过；为避免导入与预演不同的数据，"
                             "请重新预演后再导入")
    if mapping is None:
        saved = mapping_mod.load_mapping(session, kind=adapter.kind)
        mapping = mapping_mod.resolve_mapping(table.headers, adapter.fields, saved)
    mapping = {k: h for k, h in mapping.items() if h}
    problems = mapping_mod.check_mapping(mapping, table.headers, adapter.fields)
    if problems:
        raise ImportRejected("；".join(problems),
                             [RowError(0, "", "", p) for p in problems])
    report = ImportReport(kind=adapter.kind, dry_run=dry_run, content_hash=table.content_hash,
                          mapping=dict(mapping), format=table.format, encoding=table.encoding,
                          sheet=table.sheet)
    plan = _Planner(adapter, adapter.load(session), mapping, on_duplicate, report,
                    table.headers)
    total = max(table.row_estimate, 1)
    for row_no, values in table.rows():
        report.rows += 1
        if progress is not None and report.rows % PROGRESS_EVERY == 0:
            progress(report.rows, max(total, report.rows))
        plan.row(row_no, {f: values.get(h) for f, h in mapping.items()})
    creates, updates = plan.result()
    report.would_create, report.would_update = len(creates), len(updates)
    report.would_skip = report.rows - len(creates) - len(updates)
    report.rejected = bool(report.errors) and not skip_invalid
    if not report.rejected:
        report.created, report.updated, report.skipped = (
            report.would_create, report.would_update, report.would_skip)
        if not dry_run and (creates or updates):
            adapter.apply(session, creates=creates, updates=updates, operator=operator,
                          source=table.path.name, progress=progress)
            report.written = True
    if progress is not None:
        progress(total, total)
    return report


class _Planner:
    def __init__(self, adapter: KindAdapter, existing: Existing, mapping: dict[str, str],
                 policy: str, report: ImportReport, headers: list[str]) -> None:
        self.adapter, self.mapping, self.policy, self.report = adapter, mapping, policy, report
        self.original = existing.records
        self.records: dict[RecordId, dict[str, Any]] = {}  # touched or new, current state
        self.first_row: dict[RecordId, int] = {}
        self.index: dict[Hashable, RecordId] = {}
        self.new_count = 0
        for rid, record in existing.records.items():
            self._index(rid, record)
        self.labels = {f.key: f.label for f in adapter.fields}
        position = {h: i for i, h in enumerate(headers)}
        self.order = {f: position.get(h, len(headers)) for f, h in mapping.items()}

    def _index(self, rid: RecordId, record: dict[str, Any]) -> None:
        for _field, key in self.adapter.keys(record):
            self.index.setdefault(key, rid)

    def column(self, field: str) -> str:
        return self.mapping.get(field) or self.labels.get(field, field)

    def row(self, row_no: int, values: dict[str, Any]) -> None:
        data, problems = self.adapter.clean(values)
        if problems:
            for field, message in sorted(problems.items(),
                                         key=lambda p: self.order.get(p[0], 1 << 30)):
                self.report.errors.append(RowError(row_no, self.column(field),
                                                   report_value(values.get(field)), message))
            return
        match: tuple[RecordId, str] | None = None
        for field, key in self.adapter.keys(data):
            found = self.index.get(key)
            if found is None:
                continue
            known = self.records.get(found) or self.original.get(found)  # type: ignore[arg-type]
            if known is not None and self.adapter.distinct(known, data,
                                                           new=isinstance(found, tuple)):
                continue
            match = (found, field)
            break
        if match is None:
            self.new_count += 1
            rid: RecordId = ("new", self.new_count)
            self.records[rid] = self.adapter.complete(data)
            self.first_row[rid] = row_no
            self._index(rid, self.records[rid])
            return
        rid, field = match
        current = self.records.get(rid)
        if current is None:
            current = dict(self.original[rid])  # type: ignore[index]
        if self.policy == "skip":
            return
        if self.policy == "reject":
            where = (f"与第 {self.first_row[rid]} 行重复" if rid in self.first_row else
                     f"与已有{self.adapter.label}“{self.adapter.describe(current)}”重复")
            self.report.errors.append(RowError(row_no, self.column(field),
                                               report_value(values.get(field)),
                                               f"{where}（{self.labels.get(field, field)}相同）"))
            return
        merged = self.adapter.merge(current, data)
        self.records[rid] = merged
        self._index(rid, merged)

    def result(self) -> tuple[list[dict[str, Any]], list[tuple[int, dict[str, Any]]]]:
        creates: list[dict[str, Any]] = []
        updates: list[tuple[int, dict[str, Any]]] = []
        for rid, record in self.records.items():
            if isinstance(rid, tuple):
                creates.append(record)
                continue
            before = self.original[rid]
            changes = {f: record[f] for f in self.adapter.compare
                       if f in record and record[f] != before.get(f)}
            if changes:
                updates.append((rid, changes))
        return creates, updates

"""The import run shared by every kind: read → map → clean and validate → match duplicates →
plan → (unless a dry run or rejected) write.

Planning and writing are two steps so that a caller can plan in a read transaction and hold the
write transaction only for the short write (a 30,000-row list is planned in seconds; desks must
not wait on it): `plan(session, adapter, …) -> Plan`, then `write(session, plan)`. A plan is
only valid while what it read is unchanged: `adapter.stamp(session)` taken before planning must
equal the stamp in the write transaction, else the caller plans again there. `run` does both in
one session (the services API, and tests).

A kind whose records stand alone (people) may also be written in several short transactions, so
that desks on the same SQLite file check in between them: `steps(plan, size=…)` cuts the plan,
the caller writes each `Step` with `write_step` in a transaction of its own — checking the stamp
again first, since the desks' own writes between steps may change what was planned — and the
last one with `finish`. What the first steps committed is exactly what importing the rows they
hold would make, so a run stopped between steps (a crash, a killed process) leaves a state that
planning the same file again completes: the rows already written now match their records and
change nothing.

Rows are planned as if applied one after another, in memory: a row matching an existing record
(or an earlier row of the same file) is merged into it under the `update` policy. Counts are taken
from the end state, so a record changed and changed back counts as unchanged, and importing the
same file twice changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from eventdesk.domain.errors import ImportRejected
from eventdesk.services.events import get_event
from eventdesk.services.imports import mapping as mapping_mod
from eventdesk.services.imports.lock import hold_import_lock
from eventdesk.services.imports.mapping import FieldSpec
from eventdesk.services.imports.normalise import report_value
from eventdesk.services.imports.reading import Table, open_table
from eventdesk.services.imports.report import (
    FieldProblem,
    ImportReport,
    Problem,
    problem,
    row_error,
)

POLICIES: tuple[str, ...] = ("update", "skip", "reject")
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
# Rows of one file at most: a plan holds every row until it writes (about 3 KB a person), so
# memory is bounded by this; twice the 100,000 people of the scale test.
MAX_ROWS = 200_000
Key = tuple[str, Hashable]  # (field named in messages, hashable identity)
RecordId = int | tuple[str, int]  # existing database id, or ("new", n)
# A note on a row that is imported anyway: (field, value shown, problem).
Warning_ = tuple[str, str, Problem]


@dataclass(frozen=True)
class ImportOptions:
    """Choices of a kind beyond the shared ones. create_rooms (schedule): rooms the file names
    that the event lacks are created instead of being row errors."""

    create_rooms: bool = False


@dataclass
class Existing:
    records: dict[int, dict[str, Any]]  # comparable values of every existing record, by id


class KindAdapter:
    """What one kind of list (people, exhibitors, schedule…) plugs into the shared run.

    One adapter instance serves one plan and its write (it may keep what `load` read)."""

    kind: str = ""
    stepwise: bool = False  # `apply` may be called on parts of a plan, one transaction each
    label: str = ""  # a Phrase ("imports.kind.people" …), worded inside messages
    fields: tuple[FieldSpec, ...] = ()
    compare: tuple[str, ...] = ()  # the fields whose change makes an update
    # The free-text field that keeps a second column's value where it differs from its
    # field's own (mapping.secondary_columns); None: such a value is a note on the row.
    notes_field: str | None = None

    def __init__(self, options: ImportOptions | None = None) -> None:
        self.options = options or ImportOptions()

    def stamp(self, session: Session) -> Hashable | None:
        """A cheap fingerprint of everything `load` and `clean` read; a plan is written only
        when it is unchanged. None: unknown (the plan is always made again before writing)."""
        return None

    def load(self, session: Session) -> Existing:
        raise NotImplementedError

    def clean(self, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, FieldProblem]]:
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

    def resolve(self, record: dict[str, Any] | None,
                data: dict[str, Any]) -> tuple[dict[str, Any], list[Warning_]]:
        """The row's values once it is known which record it becomes (None: a new one), and
        notes on the row; e.g. a speaker's namesake already on that very agenda item."""
        return data, []

    def merge(self, current: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
        """A duplicate row's values over the record's: blank cells were left out of `data`."""
        return {**current, **data}

    def planned(self, session: Session, plan: Plan) -> None:
        """After planning (read-only): add what the kind reports, to `plan.report.extra`."""

    def apply(self, session: Session, *, creates: list[dict[str, Any]],
              updates: list[tuple[int, dict[str, Any]]], operator: str, source: str,
              progress: Progress | None) -> None:
        """Write the plan: new records, and {field: new value} changes of existing ones."""
        raise NotImplementedError

    def prepare(self, creates: list[dict[str, Any]]) -> None:
        """Before a step's write, outside any transaction: work on new records that needs no
        database (search text…), kept in the records for `apply`."""

    def summary(self, session: Session, *, created: int, updated: int, operator: str,
                source: str) -> None:
        """After the last `apply` of a stepwise kind: the import's own audit entry."""

    def written(self, session: Session, plan: Plan) -> None:
        """After `apply`: correct `plan.report.extra` with what the write made (real ids)."""


@dataclass
class Plan:
    """What an import will write; `report` already holds the counts and the row problems."""

    adapter: KindAdapter
    report: ImportReport
    source: str  # the file's name, for audit entries
    stamp: Hashable | None
    creates: list[dict[str, Any]] = field(default_factory=list)
    updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)


def _known_for(adapter: KindAdapter) -> Callable[[str], bool]:
    return mapping_mod.known_header(adapter.fields)


def open_for(adapter: KindAdapter, path: Path | str, *, sheet: str | None = None,
             encoding: str | None = None) -> Table:
    return open_table(path, sheet=sheet, known_headers=_known_for(adapter), encoding=encoding)


def plan(session: Session, adapter: KindAdapter, *, path: Path | str, sheet: str | None = None,
         mapping: dict[str, str] | None = None, on_duplicate: str = "update",
         skip_invalid: bool = False, dry_run: bool = False, expected_hash: str | None = None,
         progress: Progress | None = None, encoding: str | None = None) -> Plan:
    """Read and plan one file; writes nothing. Raises ImportRejected for a file refused as a
    whole (unreadable, encoding unsure, damaged, unusable mapping, changed since the dry run
    `expected_hash`), NoEvent when the database holds no event (its lists would belong to no
    event). `encoding`: a CSV's codec as the person chose it (None: detected)."""
    get_event(session)
    if on_duplicate not in POLICIES:
        raise ImportRejected(code="imports.unknown_policy", policy=on_duplicate)
    stamp = adapter.stamp(session)
    table = open_for(adapter, path, sheet=sheet, encoding=encoding)
    try:
        result = _plan(session, adapter, table, mapping=mapping, on_duplicate=on_duplicate,
                       skip_invalid=skip_invalid, dry_run=dry_run, expected_hash=expected_hash,
                       progress=progress)
    finally:
        table.close()
    result.stamp = stamp
    adapter.planned(session, result)
    return result


def write(session: Session, plan: Plan, *, operator: str = "",
          progress: Progress | None = None) -> ImportReport:
    """Write a plan (nothing for a dry run or a rejected file); returns its report."""
    report = plan.report
    total = max(report.rows, 1)
    if not (report.dry_run or report.rejected) and (plan.creates or plan.updates):
        plan.adapter.apply(session, creates=plan.creates, updates=plan.updates,
                           operator=operator, source=plan.source, progress=progress)
        plan.adapter.summary(session, created=len(plan.creates), updated=len(plan.updates),
                             operator=operator, source=plan.source)
        report.written = True
        plan.adapter.written(session, plan)
    if progress is not None:
        progress(total, total)
    return report


@dataclass(frozen=True)
class Step:
    """A part of a plan written in a transaction of its own: new records, then changes."""

    creates: list[dict[str, Any]]
    updates: list[tuple[int, dict[str, Any]]]

    @property
    def records(self) -> int:
        return len(self.creates) + len(self.updates)


def steps(plan: Plan, *, size: int) -> list[Step]:
    """The plan's writes in parts of at most `size` records (none for a dry run, a rejected
    file or nothing to change). Only for a `stepwise` kind."""
    if plan.report.dry_run or plan.report.rejected or size < 1:
        return []
    parts = [Step(plan.creates[i:i + size], []) for i in range(0, len(plan.creates), size)]
    parts += [Step([], plan.updates[i:i + size]) for i in range(0, len(plan.updates), size)]
    return parts


def prepare(plan: Plan, step: Step) -> None:
    """What a step's write can do before its transaction (call it outside one)."""
    plan.adapter.prepare(step.creates)


def write_step(session: Session, plan: Plan, step: Step, *, operator: str = "") -> None:
    """Write one part of a stepwise plan (see `steps`) in the caller's transaction."""
    plan.adapter.apply(session, creates=step.creates, updates=step.updates, operator=operator,
                       source=plan.source, progress=None)


def finish(session: Session, plan: Plan, *, created: int, updated: int,
           operator: str = "") -> ImportReport:
    """After the last step of a stepwise plan, in its transaction: the audit entry of the whole
    import (`created`/`updated`: records written by every plan of this run, a re-plan included)
    and the report's counts."""
    report = plan.report
    if created or updated:
        plan.adapter.summary(session, created=created, updated=updated, operator=operator,
                             source=plan.source)
        report.written = True
        plan.adapter.written(session, plan)
    report.created, report.updated = created, updated
    report.skipped = report.rows - created - updated
    return report


def run(session: Session, adapter: KindAdapter, *, path: Path | str, sheet: str | None = None,
        mapping: dict[str, str] | None = None, on_duplicate: str = "update",
        skip_invalid: bool = False, dry_run: bool = False, expected_hash: str | None = None,
        operator: str = "", progress: Progress | None = None,
        encoding: str | None = None) -> ImportReport:
    """Plan and write in one session (the caller's one transaction; a real run holds the
    kind's import lock from before it reads, see lock.py)."""
    if not dry_run:
        hold_import_lock(session, kind=adapter.kind)
    planned = plan(session, adapter, path=path, sheet=sheet, mapping=mapping,
                   on_duplicate=on_duplicate, skip_invalid=skip_invalid, dry_run=dry_run,
                   expected_hash=expected_hash, progress=progress, encoding=encoding)
    return write(session, planned, operator=operator, progress=progress)


def _plan(session: Session, adapter: KindAdapter, table: Table, *, mapping: dict[str, str] | None,
          on_duplicate: str, skip_invalid: bool, dry_run: bool, expected_hash: str | None,
          progress: Progress | None) -> Plan:
    if expected_hash and table.content_hash != expected_hash:
        raise ImportRejected(code="imports.changed_since_dry_run", file=table.path.name)
    if mapping is None:
        saved = mapping_mod.load_mapping(session, kind=adapter.kind)
        mapping = mapping_mod.resolve_mapping(table.headers, adapter.fields, saved)
    mapping = {k: h for k, h in mapping.items() if h}
    problems = mapping_mod.check_mapping(mapping, table.headers, adapter.fields)
    if problems:
        first = problems[0]
        raise ImportRejected("", [row_error(0, "", "", p) for p in problems],
                             code=first.code, **first.params)
    secondary = mapping_mod.secondary_columns(table.headers, adapter.fields, mapping)
    report = ImportReport(kind=adapter.kind, dry_run=dry_run, content_hash=table.content_hash,
                          mapping=dict(mapping), format=table.format, encoding=table.encoding,
                          sheet=table.sheet, secondary_columns=secondary)
    planner = _Planner(adapter, adapter.load(session), mapping, on_duplicate, report,
                       table.headers)
    seconds = mapping_mod.SecondColumns(adapter.fields, secondary, notes=adapter.notes_field)
    total = max(table.row_estimate, 1)
    for row_no, values in table.rows():
        report.rows += 1
        if report.rows > MAX_ROWS:
            raise ImportRejected(code="imports.too_many_rows", file=table.path.name,
                                 limit=f"{MAX_ROWS:,}")
        if progress is not None and report.rows % PROGRESS_EVERY == 0:
            progress(report.rows, max(total, report.rows))
        fields = {f: values.get(h) for f, h in mapping.items()}
        sources = seconds.fill(row_no, fields, values, report) if secondary else None
        planner.row(row_no, fields, sources)
    table.refuse_damage()
    report.unmapped_columns = [
        *mapping_mod.unmapped_columns(table.headers, mapping, secondary),
        *table.stray_columns()]
    creates, updates = planner.result()
    report.would_create, report.would_update = len(creates), len(updates)
    report.would_skip = report.rows - len(creates) - len(updates)
    report.rejected = bool(report.errors) and not skip_invalid
    if not report.rejected:
        report.created, report.updated, report.skipped = (
            report.would_create, report.would_update, report.would_skip)
    return Plan(adapter=adapter, report=report, source=table.path.name, stamp=None,
                creates=creates if not report.rejected else [],
                updates=updates if not report.rejected else [])


class _Planner:
    def __init__(self, adapter: KindAdapter, existing: Existing, mapping: dict[str, str],
                 policy: str, report: ImportReport, headers: list[str]) -> None:
        self.adapter, self.mapping, self.policy, self.report = adapter, mapping, policy, report
        self.original = existing.records
        self.records: dict[RecordId, dict[str, Any]] = {}  # touched or new, current state
        self.first_row: dict[RecordId, int] = {}
        self.index: dict[Hashable, RecordId] = {}
        self.new_count = 0
        self.sources: dict[str, str] = {}
        for rid, record in existing.records.items():
            self._index(rid, record)
        self.labels = {f.key: f.label for f in adapter.fields}
        position = {h: i for i, h in enumerate(headers)}
        self.order = {f: position.get(h, len(headers)) for f, h in mapping.items()}

    def _index(self, rid: RecordId, record: dict[str, Any]) -> None:
        for _field, key in self.adapter.keys(record):
            self.index.setdefault(key, rid)

    def column(self, name: str) -> str:
        return (self.sources.get(name) or self.mapping.get(name)
                or self.labels.get(name, name))

    def row(self, row_no: int, values: dict[str, Any],
            sources: dict[str, str] | None = None) -> None:
        """Plan one row; `sources`: {field: header} of values taken from a second column."""
        self.sources = sources or {}
        data, problems = self.adapter.clean(values)
        if problems:
            for name, issue in sorted(problems.items(),
                                      key=lambda p: self.order.get(p[0], 1 << 30)):
                self.report.errors.append(row_error(row_no, self.column(name),
                                                    report_value(values.get(name)), issue))
            return
        match: tuple[RecordId, str] | None = None
        for name, key in self.adapter.keys(data):
            found = self.index.get(key)
            if found is None:
                continue
            # A new record's ("new", n) id is simply not among the originals (database ids).
            known = self.records.get(found) or self.original.get(found)  # type: ignore[arg-type]
            if known is not None and self.adapter.distinct(known, data,
                                                           new=isinstance(found, tuple)):
                continue
            match = (found, name)
            break
        if match is None:
            data, notes = self.adapter.resolve(None, data)
            self._notes(row_no, notes)
            self.new_count += 1
            rid: RecordId = ("new", self.new_count)
            self.records[rid] = self.adapter.complete(data)
            self.first_row[rid] = row_no
            self._index(rid, self.records[rid])
            return
        rid, name = match
        current = self.records.get(rid)
        if current is None:
            current = dict(self.original[rid])  # type: ignore[index]  # new ids are in records
        if self.policy == "skip":
            return
        if self.policy == "reject":
            label = self.labels.get(name, name)
            issue = (problem("imports.duplicate_of_row", row=self.first_row[rid], field=label)
                     if rid in self.first_row else
                     problem("imports.duplicate_of_record", what=self.adapter.label,
                             record=self.adapter.describe(current), field=label))
            self.report.errors.append(row_error(row_no, self.column(name),
                                                report_value(values.get(name)), issue))
            return
        data, notes = self.adapter.resolve(current, data)
        self._notes(row_no, notes)
        merged = self.adapter.merge(current, data)
        self.records[rid] = merged
        self._index(rid, merged)

    def _notes(self, row_no: int, notes: list[Warning_]) -> None:
        for name, value, issue in notes:
            self.report.warnings.append(row_error(row_no, self.column(name), value, issue))

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

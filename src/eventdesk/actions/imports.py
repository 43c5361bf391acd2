"""Importing a list — people, exhibitors or the schedule: look at the file, dry-run it, import it.

`eventdesk import` and the import wizard both call these (the wizard through ui.ops.run_action):

    preview = inspect(ctx, path=p, kind="schedule").value      # FilePreview
    request = ImportRequest(path=p, kind="schedule", mapping=…, create_rooms=True)
    report = dry_run(ctx, request=request, progress=…).value    # ImportReport, nothing written
    done = import_list(ctx, request=request, expected_hash=report.content_hash)
    done.value, done.changes                                    # report, {Topic.SCHEDULE}

Order: the file is read and planned in a read unit of work (seconds for 30,000 rows, while the
desks keep checking in); then it is written. Each write transaction first takes the kind's
import lock (services.imports.lock: two organisers importing at once, on PostgreSQL, wait for
each other there); then the kind's stamp shows whether what the plan read is unchanged; if not,
the file is planned again, so a plan never writes over a change it did not see — another
import's rows included, so importing the same file twice at once changes nothing the second
time.

How imports and desks share one SQLite file: a people list is written in short transactions of
`WRITE_STEP` records (tens of milliseconds each), so a desk's check-in waits at most one of them,
never the whole import. A run stopped between steps (a crash, a killed process) leaves the first
steps' people in the database and no import audit entry; running the same import again completes
it (those rows now match their records and change nothing) — see services.imports.engine. Other
kinds (exhibitors, the schedule: thousands of rows at most) are written in one transaction.

A file refused as a whole raises ImportRejected (a code of messages/imports.py); row problems are
in the report. `progress` may raise Cancelled while the file is read and planned: nothing is
written then. Once writing has begun (seconds) a Cancel is not taken, so a cancelled import never
leaves half a list behind.

The worded forms (one sentence, the CLI's JSON) are in eventdesk.messages.imports, so that the
CLI and the wizard say exactly the same: `report_json`, `rejection_json`, `summary`,
`row_message`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from eventdesk.actions.access import require
from eventdesk.actions.backups import restore_point
from eventdesk.actions.base import (
    ActionContext,
    Cancelled,
    Outcome,
    ProgressFn,
    Topic,
    no_progress,
    outcome,
)
from eventdesk.backups.manifest import BEFORE_IMPORT
from eventdesk.domain.access import Permission
from eventdesk.services import imports
from eventdesk.services.exports import write_table
from eventdesk.services.imports import FilePreview, ImportOptions, ImportReport, Plan, Problem
from eventdesk.services.imports import engine as import_engine
from eventdesk.services.imports.mapping import FieldSpec, check_mapping

KIND_TOPICS: dict[str, Topic] = {"people": Topic.PEOPLE, "exhibitors": Topic.EXHIBITORS,
                                 "schedule": Topic.SCHEDULE}


@dataclass(frozen=True)
class ImportRequest:
    """What to import and how. mapping: {field key: header}, None for the saved/automatic one;
    on_duplicate: update | skip | reject; create_rooms: schedule only; encoding: a CSV's codec
    as the person chose it (None: detected, and refused when not certain)."""

    path: Path
    kind: str
    sheet: str | None = None
    mapping: Mapping[str, str] | None = None
    on_duplicate: str = "update"
    skip_invalid: bool = False
    create_rooms: bool = False
    encoding: str | None = None


def kinds() -> list[tuple[str, str]]:
    """(kind, label) of every kind of list that can be imported."""
    return [(k, imports.KIND_LABELS.get(k, k)) for k in imports.kinds()]


def inspect(ctx: ActionContext, *, path: Path | str, kind: str, sheet: str | None = None,
            encoding: str | None = None) -> Outcome[FilePreview]:
    """How the file reads (encoding, sheet, header line, first rows) and the proposed mapping.
    Raises ImportRejected for a file that is not a list (a workbook whose chosen sheet is not
    a list gives a preview with `error` set instead, so another sheet can be chosen)."""
    require(ctx, Permission.IMPORT)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(imports.inspect_file(session, path=path, kind=kind, sheet=sheet,
                                            encoding=encoding))


def dry_run(ctx: ActionContext, *, request: ImportRequest,
            progress: ProgressFn = no_progress) -> Outcome[ImportReport]:
    """What importing would do — created/updated/skipped, row errors and warnings — with
    nothing written (one read unit of work). Raises ImportRejected."""
    require(ctx, Permission.IMPORT)
    with ctx.db.unit_of_work(write=False) as session:
        plan = _plan(session, request, dry_run=True, expected_hash=None, progress=progress)
        return outcome(import_engine.write(session, plan, progress=progress))


def import_list(ctx: ActionContext, *, request: ImportRequest, expected_hash: str | None = None,
                save_mapping: bool = False,
                progress: ProgressFn = no_progress) -> Outcome[ImportReport]:
    """Import the file: all its rows or nothing (unless skip_invalid). `expected_hash`: the dry
    run's content hash; a file changed since is refused (ImportRejected). `save_mapping` keeps
    the mapping for the next file of this kind. Changes the kind's topic when anything was
    written. When the plan writes anything, a restore point (`before-import`,
    actions.backups.restore_point) is made first. See the module docstring for the
    transactions it writes in."""
    require(ctx, Permission.IMPORT)
    plan = _plan_outside(ctx, request, expected_hash, progress)
    if plan.report.rejected:
        return outcome(plan.report)
    if plan.creates or plan.updates:
        # A restore point of the database as it was before the list went in (issue 12).
        restore_point(ctx.db.url, BEFORE_IMPORT)
    if plan.adapter.stepwise and plan.stamp is not None:
        report = _write_in_steps(ctx, request, plan, save_mapping, _uncancellable(progress))
    else:
        report = _write_whole(ctx, request, plan, save_mapping, _uncancellable(progress))
    if not report.written:
        return outcome(report)
    return outcome(report, KIND_TOPICS.get(request.kind, Topic.EVENT))


# Records per write transaction of a stepwise import: ~20-60 ms of writing on the reference
# machine, so a desk's check-in that arrives meanwhile waits about that long.
WRITE_STEP = 500
# Plans made again outside the write when other desks changed the kind's records meanwhile,
# before the last resort of planning inside the write transaction.
REPLANS = 3


def _plan_outside(ctx: ActionContext, request: ImportRequest, expected_hash: str | None,
                  progress: ProgressFn) -> Plan:
    with ctx.db.unit_of_work(write=False) as session:
        return _plan(session, request, dry_run=False, expected_hash=expected_hash,
                     progress=progress)


def _write_whole(ctx: ActionContext, request: ImportRequest, plan: Plan, save_mapping: bool,
                 progress: ProgressFn) -> ImportReport:
    for _attempt in range(REPLANS if plan.stamp is not None else 0):
        with ctx.db.unit_of_work(write=True) as session:
            imports.hold_import_lock(session, kind=request.kind)
            if plan.adapter.stamp(session) == plan.stamp:
                report = import_engine.write(session, plan, operator=ctx.operator,
                                             progress=progress)
                if save_mapping:
                    imports.remember_mapping(session, report)
                return report
        plan = _plan_outside(ctx, request, plan.report.content_hash, progress)
    with ctx.db.unit_of_work(write=True) as session:
        imports.hold_import_lock(session, kind=request.kind)
        plan = _plan(session, request, dry_run=False, expected_hash=plan.report.content_hash,
                     progress=progress)
        report = import_engine.write(session, plan, operator=ctx.operator, progress=progress)
        if save_mapping:
            imports.remember_mapping(session, report)
        return report


def _write_in_steps(ctx: ActionContext, request: ImportRequest, plan: Plan, save_mapping: bool,
                    progress: ProgressFn) -> ImportReport:
    created = updated = 0  # written by earlier plans of this run (before a re-plan)
    for _attempt in range(REPLANS):
        parts = import_engine.steps(plan, size=WRITE_STEP)
        total = sum(p.records for p in parts)
        expected, done = plan.stamp, 0
        if not parts:
            break
        for index, part in enumerate(parts):
            import_engine.prepare(plan, part)
            with ctx.db.unit_of_work(write=True) as session:
                imports.hold_import_lock(session, kind=request.kind)
                if plan.adapter.stamp(session) != expected:
                    break  # another desk changed people: plan the rest again
                import_engine.write_step(session, plan, part, operator=ctx.operator)
                done += part.records
                if index == len(parts) - 1:
                    created += len(plan.creates)
                    updated += len(plan.updates)
                    report = import_engine.finish(session, plan, created=created,
                                                  updated=updated, operator=ctx.operator)
                    if save_mapping:
                        imports.remember_mapping(session, report)
                else:
                    expected = plan.adapter.stamp(session)  # our own step included
            # Outside any transaction: a desk waiting for the file goes in here.
            progress(done, total)
            if done == total:
                return report
        created += sum(len(p.creates) for p in parts[:index])
        updated += sum(len(p.updates) for p in parts[:index])
        plan = _plan_outside(ctx, request, plan.report.content_hash, progress)
    else:
        # Desks keep changing people: plan and write the rest in one transaction.
        with ctx.db.unit_of_work(write=True) as session:
            imports.hold_import_lock(session, kind=request.kind)
            plan = _plan(session, request, dry_run=False,
                         expected_hash=plan.report.content_hash, progress=progress)
            import_engine.write_step(session, plan, import_engine.Step(plan.creates,
                                                                       plan.updates),
                                     operator=ctx.operator)
            report = import_engine.finish(session, plan, created=created + len(plan.creates),
                                          updated=updated + len(plan.updates),
                                          operator=ctx.operator)
            if save_mapping:
                imports.remember_mapping(session, report)
            return report
    # Nothing (more) to write: this plan's rows are all unchanged.
    report = plan.report
    report.created, report.updated = created, updated
    report.skipped = report.rows - created - updated
    report.written = bool(created or updated)
    if save_mapping or report.written:
        with ctx.db.unit_of_work(write=True) as session:
            imports.hold_import_lock(session, kind=request.kind)
            report = import_engine.finish(session, plan, created=created, updated=updated,
                                          operator=ctx.operator)
            if save_mapping:
                imports.remember_mapping(session, report)
    progress(1, 1)
    return report


def _uncancellable(progress: ProgressFn) -> ProgressFn:
    """`progress` for the write phase: reports still go out, a Cancel is no longer taken."""

    def report(done: int, total: int) -> None:
        with contextlib.suppress(Cancelled):
            progress(done, total)

    return report


def _plan(session: Session, request: ImportRequest, *, dry_run: bool,
          expected_hash: str | None, progress: ProgressFn) -> Plan:
    return imports.plan_file(
        session, path=request.path, kind=request.kind, sheet=request.sheet,
        mapping=dict(request.mapping) if request.mapping is not None else None,
        on_duplicate=request.on_duplicate, skip_invalid=request.skip_invalid, dry_run=dry_run,
        expected_hash=expected_hash, options=ImportOptions(create_rooms=request.create_rooms),
        progress=progress, encoding=request.encoding)


def mapping_problems(preview: FilePreview, mapping: dict[str, str]) -> list[Problem]:
    """What is wrong with a (hand-edited) mapping of the previewed file (codes; empty: usable)."""
    fields = [FieldSpec(key, label, (label,), required) for key, label, required in preview.fields]
    return check_mapping(mapping, preview.headers, fields)


def left_out(preview: FilePreview, mapping: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """(columns not imported, {header: field} of second columns) under a (hand-edited)
    mapping of the previewed file: what the dry run will report (messages.imports words them
    with column_lines)."""
    from eventdesk.services.imports import mapping as mapping_mod

    fields = imports.adapter_for(preview.kind or "people").fields
    chosen = {k: h for k, h in mapping.items() if h}
    secondary = mapping_mod.secondary_columns(preview.headers, fields, chosen)
    stray = [c for c in preview.unmapped if c not in preview.headers]
    return [*mapping_mod.unmapped_columns(preview.headers, chosen, secondary), *stray], secondary


def encoding_choices() -> list[tuple[str, str]]:
    """(codec, label) of the encodings a person may choose for a CSV file."""
    from eventdesk.services.imports.encodings import CHOICES

    return list(CHOICES)


def save_error_report(rows: Iterable[tuple[int, str, str, str]], path: Path | str) -> None:
    """(row, column, value, problem sentence) rows as a CSV that Excel opens with Chinese intact
    (UTF-8 with BOM; .xlsx when the name says so), through the exports' one table writer: every
    cell guarded against running as a formula, the file written whole or not at all. Not an
    action: it touches no database (the caller words the problems, messages.imports.row_message).
    Raises OSError naming the file when it cannot be written."""
    target = Path(path)
    write_table(target, ["行 Row", "列 Column", "值 Value", "问题 Problem"],
                ([row, column, value, message] for row, column, value, message in rows),
                sheet_title="errors", fmt="xlsx" if target.suffix.lower() == ".xlsx" else "csv")

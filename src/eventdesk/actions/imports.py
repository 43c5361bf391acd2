"""Importing a list — people, exhibitors or the schedule: look at the file, dry-run it, import it.

`eventdesk import` and the import wizard both call these (the wizard through ui.ops.run_action):

    preview = inspect(ctx, path=p, kind="schedule").value      # FilePreview
    request = ImportRequest(path=p, kind="schedule", mapping=…, create_rooms=True)
    report = dry_run(ctx, request=request, progress=…).value    # ImportReport, nothing written
    done = import_list(ctx, request=request, expected_hash=report.content_hash)
    done.value, done.changes                                    # report, {Topic.SCHEDULE}

Order: the file is read and planned in a read unit of work (seconds for 30,000 rows, while the
desks keep checking in); the write transaction only writes, after checking with the kind's
stamp that what the plan read is unchanged — else it plans again inside the write, so a plan
never writes over a change it did not see. A file refused as a whole raises ImportRejected (a
code of messages/imports.py); row problems are in the report. `progress` may raise Cancelled:
nothing is written then.

The worded forms (one sentence, the CLI's JSON, the error report CSV) are here too, so that the
CLI and the wizard say exactly the same: `report_json`, `rejection_json`, `summary`,
`row_message`, `mapping_problems`, `save_error_report`.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from eventdesk import messages
from eventdesk.actions.base import ActionContext, Outcome, ProgressFn, Topic, no_progress, outcome
from eventdesk.domain.cells import guard_formula
from eventdesk.domain.errors import ImportRejected, RowError
from eventdesk.services import imports
from eventdesk.services.imports import FilePreview, ImportOptions, ImportReport, Plan, Problem
from eventdesk.services.imports import engine as import_engine
from eventdesk.services.imports.mapping import FieldSpec, check_mapping

KIND_TOPICS: dict[str, Topic] = {"people": Topic.PEOPLE, "exhibitors": Topic.EXHIBITORS,
                                 "schedule": Topic.SCHEDULE}


@dataclass(frozen=True)
class ImportRequest:
    """What to import and how. mapping: {field key: header}, None for the saved/automatic one;
    on_duplicate: update | skip | reject; create_rooms: schedule only."""

    path: Path
    kind: str
    sheet: str | None = None
    mapping: Mapping[str, str] | None = None
    on_duplicate: str = "update"
    skip_invalid: bool = False
    create_rooms: bool = False


def kinds() -> list[tuple[str, str]]:
    """(kind, label) of every kind of list that can be imported."""
    return [(k, imports.KIND_LABELS.get(k, k)) for k in imports.kinds()]


def inspect(ctx: ActionContext, *, path: Path | str, kind: str,
            sheet: str | None = None) -> Outcome[FilePreview]:
    """How the file reads (encoding, sheet, header line, first rows) and the proposed mapping.
    Raises ImportRejected for a file that is not a list (a workbook whose chosen sheet is not
    a list gives a preview with `error` set instead, so another sheet can be chosen)."""
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(imports.inspect_file(session, path=path, kind=kind, sheet=sheet))


def dry_run(ctx: ActionContext, *, request: ImportRequest,
            progress: ProgressFn = no_progress) -> Outcome[ImportReport]:
    """What importing would do — created/updated/skipped, row errors and warnings — with
    nothing written (one read unit of work). Raises ImportRejected."""
    with ctx.db.unit_of_work(write=False) as session:
        plan = _plan(session, request, dry_run=True, expected_hash=None, progress=progress)
        return outcome(import_engine.write(session, plan, progress=progress))


def import_list(ctx: ActionContext, *, request: ImportRequest, expected_hash: str | None = None,
                save_mapping: bool = False,
                progress: ProgressFn = no_progress) -> Outcome[ImportReport]:
    """Import the file: all its rows or nothing (unless skip_invalid), in one short write
    transaction. `expected_hash`: the dry run's content hash; a file changed since is refused
    (ImportRejected). `save_mapping` keeps the mapping for the next file of this kind.
    Changes the kind's topic when anything was written."""
    with ctx.db.unit_of_work(write=False) as session:
        plan = _plan(session, request, dry_run=False, expected_hash=expected_hash,
                     progress=progress)
    if plan.report.rejected:
        return outcome(plan.report)
    with ctx.db.unit_of_work(write=True) as session:
        if plan.stamp is None or plan.adapter.stamp(session) != plan.stamp:
            plan = _plan(session, request, dry_run=False,
                         expected_hash=plan.report.content_hash, progress=progress)
        report = import_engine.write(session, plan, operator=ctx.operator, progress=progress)
        if save_mapping:
            imports.remember_mapping(session, report)
    if not report.written:
        return outcome(report)
    return outcome(report, KIND_TOPICS.get(request.kind, Topic.EVENT))


def _plan(session: Session, request: ImportRequest, *, dry_run: bool,
          expected_hash: str | None, progress: ProgressFn) -> Plan:
    return imports.plan_file(
        session, path=request.path, kind=request.kind, sheet=request.sheet,
        mapping=dict(request.mapping) if request.mapping is not None else None,
        on_duplicate=request.on_duplicate, skip_invalid=request.skip_invalid, dry_run=dry_run,
        expected_hash=expected_hash, options=ImportOptions(create_rooms=request.create_rooms),
        progress=progress)


# -- worded forms (the same for the CLI and the wizard) -----------------------------------------

def problem_text(issue: Problem) -> str:
    return messages.text(issue.code, **issue.params)


def row_message(error: RowError) -> str:
    """The sentence for one row problem, in the current language."""
    return messages.text(error.code, **error.params) if error.code else error.message


def error_json(error: RowError) -> dict[str, Any]:
    return {"row": error.row, "column": error.column, "value": error.value,
            "message": row_message(error)}


def report_json(report: ImportReport) -> dict[str, Any]:
    """The contract's {"created", "updated", "skipped", "errors": [{row, column, value,
    message}]} plus what more the report knows (warnings, would_*, the kind's extra)."""
    return {
        "created": report.created, "updated": report.updated, "skipped": report.skipped,
        "errors": [error_json(e) for e in report.errors],
        "warnings": [error_json(e) for e in report.warnings],
        "kind": report.kind, "rows": report.rows, "dry_run": report.dry_run,
        "rejected": report.rejected, "written": report.written,
        "would_create": report.would_create, "would_update": report.would_update,
        "would_skip": report.would_skip, "encoding": report.encoding, "sheet": report.sheet,
        "content_hash": report.content_hash, **report.extra,
    }


def rejection_json(exc: ImportRejected) -> dict[str, Any]:
    """The import JSON for a file refused as a whole (unreadable, no name column…)."""
    message = messages.describe(exc)
    listed = [error_json(e) for e in exc.errors] or [
        {"row": 0, "column": "", "value": "", "message": message}]
    return {"created": 0, "updated": 0, "skipped": 0, "errors": listed, "rejected": True,
            "written": False, "message": message}


def summary(report: ImportReport) -> str:
    """One sentence for people about what the import did (or would do)."""
    if report.rejected:
        return messages.text("imports.summary.rejected", errors=len(report.errors),
                             create=report.would_create, update=report.would_update,
                             skip=report.would_skip)
    code = "imports.summary.dry_run" if report.dry_run else "imports.summary.done"
    text = messages.text(code, created=report.created, updated=report.updated,
                         skipped=report.skipped)
    if report.errors:
        text += messages.text("imports.summary.rows_skipped", errors=len(report.errors))
    rooms = report.extra.get("rooms_created") or []
    if rooms:
        text += "；" + messages.text("imports.summary.rooms_created", rooms="、".join(rooms))
    return text


def mapping_problems(preview: FilePreview, mapping: dict[str, str]) -> list[str]:
    """What is wrong with a (hand-edited) mapping of the previewed file, as sentences."""
    fields = [FieldSpec(key, label, (label,), required) for key, label, required in preview.fields]
    return [problem_text(p) for p in check_mapping(mapping, preview.headers, fields)]


def save_error_report(errors: list[RowError], path: Path | str) -> None:
    """The row problems as a CSV that Excel opens with Chinese intact (UTF-8 with BOM), every
    cell guarded against running as a formula. Not an action: it touches no database."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["行 Row", "列 Column", "值 Value", "问题 Problem"])
        for e in errors:
            writer.writerow([e.row, guard_formula(e.column), guard_formula(e.value),
                             guard_formula(row_message(e))])

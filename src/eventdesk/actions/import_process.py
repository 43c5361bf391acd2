"""An import (or its dry run) run in a child process: how the GUI imports a list.

Reading, cleaning and planning 30,000 rows is pure Python that allocates about a million objects;
on a thread of the window's own process it competed with the window for the GIL and made the
GUI thread's garbage collector walk every one of them (the desk's typing stalled for a second).
In a child process the window's process only waits on a queue.

    done = import_process.import_list(ctx, request=request, expected_hash=h, progress=p)

Same results, errors and topics as actions.imports.import_list / dry_run (the report and any
domain error come back pickled). The child opens the database by its URL. `progress` may raise
Cancelled: the child is told, and answers as the import does in-process — while it reads and
plans it stops (nothing written, Cancelled raised here); once it writes it finishes.
"""

from __future__ import annotations

import multiprocessing
import queue
from typing import Any

from eventdesk.actions import imports
from eventdesk.actions.access import require
from eventdesk.actions.base import (
    ActionContext,
    Cancelled,
    Outcome,
    ProgressFn,
    Topic,
    no_progress,
    outcome,
)
from eventdesk.domain.access import Permission, Principal
from eventdesk.services.imports import ImportReport
from eventdesk.storage import open_database

__all__ = ["dry_run", "import_list"]

POLL_S = 0.1  # how often the parent looks at the child's reports and lets `progress` cancel


def dry_run(ctx: ActionContext, *, request: imports.ImportRequest,
            progress: ProgressFn = no_progress) -> Outcome[ImportReport]:
    """actions.imports.dry_run, in a child process."""
    require(ctx, Permission.IMPORT)
    report = _run(ctx, request, dry=True, expected_hash=None, save_mapping=False,
                  progress=progress)
    return outcome(report)


def import_list(ctx: ActionContext, *, request: imports.ImportRequest,
                expected_hash: str | None = None, save_mapping: bool = False,
                progress: ProgressFn = no_progress) -> Outcome[ImportReport]:
    """actions.imports.import_list, in a child process."""
    require(ctx, Permission.IMPORT)
    report = _run(ctx, request, dry=False, expected_hash=expected_hash,
                  save_mapping=save_mapping, progress=progress)
    if not report.written:
        return outcome(report)
    return outcome(report, imports.KIND_TOPICS.get(request.kind, Topic.EVENT))


def _run(ctx: ActionContext, request: imports.ImportRequest, *, dry: bool,
         expected_hash: str | None, save_mapping: bool, progress: ProgressFn) -> ImportReport:
    # Never plain fork: this runs on a worker thread of a Qt process (see pdf.parallel).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    reports: Any = context.Queue()
    stop: Any = context.Event()
    # typeshed types the context chosen at run time as BaseContext, which lacks Process.
    child = context.Process(  # type: ignore[attr-defined]
        target=_child, name="eventdesk-import", daemon=True,
        args=(reports, stop, ctx.db.url, ctx.desk, ctx.operator, ctx.user, request, dry,
              expected_hash, save_mapping))
    child.start()
    try:
        while True:
            try:
                message = reports.get(timeout=POLL_S)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(f"the import process ended ({child.exitcode})") from None
                continue
            if message[0] == "done":
                return message[1]  # type: ignore[no-any-return]
            if message[0] == "failed":
                raise message[1]
            if not stop.is_set():
                try:
                    progress(message[1], message[2])
                except Cancelled:
                    # The child decides, as in-process: it stops while it plans (nothing
                    # written, it answers Cancelled) and finishes once it writes.
                    stop.set()
    finally:
        child.join(timeout=5)
        if child.is_alive():  # only when this thread failed itself: do not leave it behind
            child.terminate()


class _ChildProgress:
    """The child's ProgressFn: reports go to the parent; raises Cancelled once the parent was
    asked to cancel (actions.imports no longer takes it once writing has begun)."""

    def __init__(self, reports: Any, stop: Any) -> None:
        self.reports, self.stop = reports, stop

    def __call__(self, done: int, total: int) -> None:
        if self.stop.is_set():
            raise Cancelled()
        self.reports.put(("progress", done, total))


def _child(reports: Any, stop: Any, url: str, desk: str, operator: str, user: Principal | None,
           request: imports.ImportRequest, dry: bool, expected_hash: str | None,
           save_mapping: bool) -> None:
    db = open_database(url)
    # The parent checked the role; the child's actions check it again as the same user.
    ctx = ActionContext(db=db, desk=desk, operator=operator, user=user)
    progress = _ChildProgress(reports, stop)
    try:
        if dry:
            report = imports.dry_run(ctx, request=request, progress=progress).value
        else:
            report = imports.import_list(ctx, request=request, expected_hash=expected_hash,
                                         save_mapping=save_mapping, progress=progress).value
        reports.put(("done", report))
    except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
        reports.put(("failed", exc))
    finally:
        db.dispose()

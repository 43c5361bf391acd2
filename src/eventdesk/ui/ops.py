"""How a view runs a service call: the only place in the GUI that opens a unit of work.

`run_now` is for short actions a person waits on (save a form, a check-in): it runs on the GUI
thread inside one transaction and returns the result or shows the error as one sentence.
`run_in_background` is for anything that may take longer than 100 ms (loading pages of a big
table, imports, batch badges): a worker thread with its own session, progress and cancel, and the
result delivered back on the GUI thread. Both announce what changed through AppContext.notify.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from eventdesk import messages
from eventdesk.actions.base import ActionContext, Cancelled, Outcome, Topic
from eventdesk.domain.errors import DomainError
from eventdesk.storage import Session
from eventdesk.ui.context import AppContext

T = TypeVar("T")


class Progress:
    """Handed to a background op: report(done, total) and check `cancelled`."""

    def __init__(self, signal: Any) -> None:
        self._signal = signal
        self.cancelled = False

    def __call__(self, done: int, total: int) -> None:
        """A Progress is an actions.base.ProgressFn: pass it to a long action."""
        self.report(done, total)

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self._signal.emit(done, total)


def error_text(exc: BaseException) -> str:
    return messages.describe(exc)


def run_now(
    ctx: AppContext,
    fn: Callable[[Session], T],
    *,
    changes: Iterable[str] = (),
    write: bool = True,
    parent: QWidget | None = None,
    show_errors: bool = True,
) -> T | None:
    """Run `fn(session)` in one transaction on the GUI thread. Domain errors are shown (or, with
    show_errors=False, re-raised for the caller to place next to a field)."""
    try:
        with ctx.db.unit_of_work(write=write) as session:
            result = fn(session)
    except DomainError as exc:
        if not show_errors:
            raise
        QMessageBox.warning(parent, "EventDesk", exc.message)
        return None
    ctx.notify(*changes)
    return result


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    """Runs `work(progress)` on a pool thread and delivers its result or error as a signal."""

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self.progress = Progress(self.signals.progress)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, not lost
            if not isinstance(exc, DomainError | Cancelled):
                traceback.print_exc()
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


class BackgroundOp(QObject):
    """A running background op; keep a reference while it runs. `cancel()` asks it to stop."""

    def __init__(self, job: _Job) -> None:
        super().__init__()
        self.job = job

    def cancel(self) -> None:
        self.job.progress.cancelled = True


_pool: QThreadPool | None = None
_running: set[BackgroundOp] = set()


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def run_in_background(
    ctx: AppContext,
    fn: Callable[[Session, Progress], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    changes: Iterable[str] = (),
    write: bool = False,
) -> BackgroundOp:
    db = ctx.db  # the database of when the op started, even if the window switches meanwhile

    def work(progress: Progress) -> T:
        with db.unit_of_work(write=write) as session:
            return fn(session, progress)

    topics = tuple(changes)
    return _start(work, on_done=on_done, on_error=on_error, on_progress=on_progress,
                  after=lambda: ctx.notify(*topics))


def run_action(
    ctx: AppContext,
    action: Callable[[ActionContext, Progress], Outcome[T]],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BackgroundOp:
    """Run one user action (eventdesk.actions) on a pool thread: the action owns its units of
    work; its value goes to `on_done` on the GUI thread, then views hear the topics it changed."""
    actx = ctx.action_context()  # the database, desk and operator of when the action started
    changed: list[frozenset[Topic]] = []

    def work(progress: Progress) -> T:
        result = action(actx, progress)
        changed.append(result.changes)
        return result.value

    return _start(work, on_done=on_done, on_error=on_error, on_progress=on_progress,
                  after=lambda: ctx.notify(*(changed[0] if changed else ())))


def run_call_in_background(
    fn: Callable[[], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> BackgroundOp:
    """A background call that needs no unit of work (opening or migrating a database)."""
    return _start(lambda _progress: fn(), on_done=on_done, on_error=on_error)


def _start(
    work: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None,
    on_progress: Callable[[int, int], None] | None = None,
    after: Callable[[], None] = lambda: None,
) -> BackgroundOp:
    job = _Job(work)
    op = BackgroundOp(job)
    _running.add(op)

    def done(result: Any) -> None:
        _running.discard(op)
        on_done(result)
        after()

    def failed(exc: BaseException) -> None:
        _running.discard(op)
        if on_error is not None:
            on_error(exc)
        elif not isinstance(exc, Cancelled):
            QMessageBox.warning(None, "EventDesk", error_text(exc))

    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    if on_progress is not None:
        job.signals.progress.connect(on_progress)
    job.setAutoDelete(False)
    pool().start(job)
    return op


def wait_idle(timeout_ms: int = 30_000) -> None:
    """Let every background op finish and deliver its result (screenshots, tests)."""
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer

    deadline = QDeadlineTimer(timeout_ms)
    while True:
        pool().waitForDone(max(1, deadline.remainingTime()))
        QCoreApplication.processEvents()
        if not _running or deadline.hasExpired():
            return

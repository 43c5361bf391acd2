"""How a view runs work off the GUI thread: the only place in the GUI that opens a unit of work.

`run_action` runs one user action (eventdesk.actions) on a worker thread and delivers its value on
the GUI thread; `run_in_background` does the same for a plain service call inside one unit of work
(loading pages of a big table, previews); `run_call_in_background` for work that needs no unit of
work (opening a database). All of them announce what changed through AppContext.notify.

Object lifetimes (why this module looks the way it does): the workers are plain Python threads of a
`concurrent.futures` pool and hold **no Qt object of their own**. They report through one relay
QObject that lives on the GUI thread for the whole process and is never freed, emitting (job id,
kind, payload) on it; the GUI thread looks the job up in a dict and calls its callbacks. So neither
reference counting nor the cyclic garbage collector, running on the GUI thread while a worker is in
mid-emit, can free a Qt object the worker still uses — the crash that a per-job QRunnable with its
own signals QObject caused (a cycle job -> signals -> slot closure -> op -> job, collected while the
worker was still returning from `emit`). A callback whose receiving widget has been deleted
meanwhile is skipped rather than called on a dead C++ object.

The cyclic garbage collector runs on the GUI thread only (ui.gui_thread): left automatic, Python
starts a collection in whichever thread happens to allocate, so a worker building a PDF would
destroy a widget cycle (and its C++ objects) off the GUI thread — the segmentation faults seen
with the collector running while a background job ran. Collection is not switched off: a timer on
the GUI thread runs it, in small pieces.
"""

from __future__ import annotations

import itertools
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox
from shiboken6 import Shiboken

from eventdesk.actions.base import ActionContext, Cancelled, Outcome, Topic
from eventdesk.domain.errors import DomainError
from eventdesk.messages import describe
from eventdesk.storage import Session, failure_of
from eventdesk.ui import gui_thread
from eventdesk.ui.context import AppContext

__all__ = ["BackgroundOp", "Cancelled", "Latest", "Progress", "close_channel",
           "collect_garbage_on_gui_thread", "error_text", "freeze_long_lived", "open_channel",
           "run_action", "run_call_in_background", "run_call_with_progress", "run_in_background",
           "share_the_gil", "wait_idle"]

T = TypeVar("T")

_WORKERS = 2  # the reference desk PC has 2 cores; more threads only queue on the GIL and the DB


# Progress reaches the GUI thread at most this often (20 a second): a worker reporting every few
# badges or rows would otherwise queue thousands of reports, each a slot call and a repaint of
# the bar, and the desk's typing would wait behind them.
PROGRESS_INTERVAL_S = 0.05
_now = time.monotonic  # the throttle's clock (a test sets its own)


class Progress:
    """Handed to a background op: call it (or `report`) with (done, total); raises Cancelled once
    the person pressed Cancel. Plain Python: safe to use from the worker thread. Reports closer
    than PROGRESS_INTERVAL_S to the last one delivered are dropped, except the final one
    (done >= total); the Cancel check is made on every call."""

    def __init__(self, job_id: int) -> None:
        self._job_id = job_id
        self.cancelled = False
        self._last: float | None = None

    def __call__(self, done: int, total: int) -> None:
        """A Progress is an actions.base.ProgressFn: pass it to a long action."""
        self.report(done, total)

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        now = _now()
        if (self._last is not None and now - self._last < PROGRESS_INTERVAL_S
                and done < total):
            return
        self._last = now
        _relay().emit_event(self._job_id, "progress", (done, total))


def error_text(exc: BaseException) -> str:
    """One sentence for a person about an error (see eventdesk.messages.describe)."""
    return describe(exc)


def _log_database_failure(exc: BaseException) -> None:
    """Where the failure happened, for whoever reads the console: the frames and the error's
    class only — the driver's text can quote the row (PostgreSQL's DETAIL names the values)."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    print(f"EventDesk database error ({type(exc).__name__}):\n{frames}", file=sys.stderr)


@dataclass(eq=False)
class BackgroundOp:
    """A running background op. `cancel()` asks it to stop at its next progress report; `done`
    is true once its result or error has been delivered on the GUI thread."""

    progress: Progress
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int], None] | None
    after: Callable[[], None]
    future: Future[Any] | None = None
    done: bool = False
    owners: list[QObject] = field(default_factory=list)

    def cancel(self) -> None:
        self.progress.cancelled = True

    def alive(self) -> bool:
        """False when a widget the callbacks belong to has been deleted meanwhile."""
        return all(Shiboken.isValid(owner) for owner in self.owners)


class _Relay(QObject):
    """Carries workers' reports to the GUI thread. One per process, created on the GUI thread and
    never freed (parented to the application), so no worker can outlive it.

    Reports travel in a thread-safe queue; the signal that wakes the GUI thread carries no
    arguments (PySide6 6.12 corrupts reference counts when two threads emit a signal with Python
    object arguments at once — "bool_dealloc" aborts seen in tests/ui/ops_stress.py)."""

    wake = Signal()

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.jobs: dict[int, BackgroundOp] = {}
        # Long-lived senders (open_channel): id -> the GUI-thread callback of their reports.
        self.channels: dict[int, Callable[[object], None]] = {}
        self.lock = threading.Lock()
        self._reports: queue.SimpleQueue[tuple[int, str, object]] = queue.SimpleQueue()
        self._emit_lock = threading.Lock()
        self.wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def emit_event(self, job_id: int, kind: str, payload: object) -> None:
        self._reports.put((job_id, kind, payload))
        with self._emit_lock:
            self.wake.emit()

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                job_id, kind, payload = self._reports.get_nowait()
            except queue.Empty:
                return
            self._deliver(job_id, kind, payload)

    def _deliver(self, job_id: int, kind: str, payload: object) -> None:
        if kind == "report":
            on_report = self.channels.get(job_id)
            if on_report is not None:
                on_report(payload)
            return
        op = self.jobs.get(job_id)
        if op is None:
            return
        if kind == "progress":
            if op.on_progress is not None and op.alive() and not op.progress.cancelled:
                assert isinstance(payload, tuple)
                op.on_progress(int(payload[0]), int(payload[1]))
            return
        with self.lock:
            self.jobs.pop(job_id, None)
        op.done = True
        if not op.alive():
            return
        if kind == "done":
            op.on_done(payload)
            op.after()
        else:
            assert isinstance(payload, BaseException)
            if op.on_error is not None:
                op.on_error(payload)
            elif not isinstance(payload, Cancelled):
                QMessageBox.warning(None, "EventDesk", describe(payload))


def collect_garbage_on_gui_thread() -> None:
    """Install the GUI-thread collector (ui.gui_thread), which lets full collections wait while
    background ops run. Idempotent; on the GUI thread."""
    gui_thread.collect_garbage_on_gui_thread(lambda: bool(_relay().jobs))


# What the GUI thread's share of the process is: see ui.gui_thread.
freeze_long_lived = gui_thread.freeze_long_lived
share_the_gil = gui_thread.share_the_gil

_relay_instance: _Relay | None = None
_executor: ThreadPoolExecutor | None = None
_ids = itertools.count(1)


def _relay() -> _Relay:
    global _relay_instance
    if _relay_instance is None:
        collect_garbage_on_gui_thread()
        _relay_instance = _Relay()
    return _relay_instance


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=_WORKERS, thread_name_prefix="eventdesk-op")
    return _executor


DESK_LANE = "desk"
SEARCH_LANE = "search"
_lanes: dict[str, ThreadPoolExecutor] = {}


def _lane(name: str) -> ThreadPoolExecutor:
    """A worker of its own (`run_action(..., lane=...)`), one thread each:

    - DESK_LANE, the desk's actions: a scan runs at once, never behind searches or the search
      index's build, which may keep both workers of the pool busy for seconds while a desk opens
      on 100,000 people. One thread: the desk runs its actions one after another anyway
      (ui/desk/view.py).
    - SEARCH_LANE, what the desk looks up as the operator types (its result list, the walk-in's
      and the pick-up's look-ups): never behind other views' background work. The badges view
      counting 30,000 signed badges after each piece of an import, beside the index catching up,
      kept both workers of the pool busy and a desk search waited 30 s (soak, 2026-11-30).
      ops.Latest runs only the newest request, so at most one search waits here."""
    executor = _lanes.get(name)
    if executor is None:
        executor = _lanes[name] = ThreadPoolExecutor(max_workers=1,
                                                     thread_name_prefix=f"eventdesk-{name}")
    return executor


def _owners_of(*callbacks: object) -> list[QObject]:
    """The QObjects whose bound methods the callbacks are: their deletion cancels delivery."""
    owners: list[QObject] = []
    for callback in callbacks:
        receiver = getattr(callback, "__self__", None)
        if isinstance(receiver, QObject):
            owners.append(receiver)
    return owners


def _start(
    work: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None,
    on_progress: Callable[[int, int], None] | None = None,
    after: Callable[[], None] = lambda: None,
    owner: QObject | None = None,
    url: str = "",
    lane: str | None = None,
) -> BackgroundOp:
    """Run `work` on a worker thread (of the pool, or a lane of its own: `_lane`). A database
    error becomes storage's one sentence (storage.failure_of, naming the database `url`) before
    it reaches `on_error`. An op cancelled before a worker took it up is not run: its `on_error`
    gets Cancelled (a view that asked again meanwhile wants only the newer answer)."""
    relay = _relay()  # created here, on the GUI thread, before any worker can need it
    collect_garbage_on_gui_thread()
    job_id = next(_ids)
    progress = Progress(job_id)
    owners = _owners_of(on_done, on_error, on_progress) + ([owner] if owner is not None else [])
    op = BackgroundOp(progress=progress, on_done=on_done, on_error=on_error,
                      on_progress=on_progress, after=after, owners=owners)
    with relay.lock:
        relay.jobs[job_id] = op

    def run() -> None:
        if progress.cancelled:
            relay.emit_event(job_id, "failed", Cancelled())
            return
        try:
            result = work(progress)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, not lost
            if not isinstance(exc, DomainError | Cancelled):
                failure = failure_of(exc, url=url) if url else None
                if failure is not None:
                    _log_database_failure(exc)
                    exc = failure
                else:
                    traceback.print_exc()
            relay.emit_event(job_id, "failed", exc)
            return
        relay.emit_event(job_id, "done", result)

    op.future = (_lane(lane) if lane is not None else _pool()).submit(run)
    return op


def run_action(
    ctx: AppContext,
    action: Callable[[ActionContext, Progress], Outcome[T]],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    owner: QObject | None = None,
    desk_lane: bool = False,
    lane: str | None = None,
) -> BackgroundOp:
    """Run one user action (eventdesk.actions) on a worker thread: the action owns its units of
    work; its value goes to `on_done` on the GUI thread, then views hear the topics it changed.
    `owner`: a widget whose deletion means the callbacks must not run (bound methods of QObjects
    given as callbacks count as owners already). `desk_lane`: on the desk's own worker (scans,
    check-ins, prints at the desk: DESK_LANE); `lane`: another lane of `_lane` (SEARCH_LANE)."""
    actx = ctx.action_context()  # the database, desk and operator of when the action started
    changed: list[frozenset[Topic]] = []

    def work(progress: Progress) -> T:
        result = action(actx, progress)
        changed.append(result.changes)
        return result.value

    return _start(work, on_done=on_done, on_error=on_error, on_progress=on_progress,
                  after=lambda: ctx.notify(*(changed[0] if changed else ())), owner=owner,
                  url=actx.db.url, lane=DESK_LANE if desk_lane else lane)


class Latest:
    """Background actions of which only the newest answer counts — a live search, a look-up as
    the operator types: starting one, or `forget()`, drops the answers still on their way, so a
    slow early answer never replaces a later one; and a request that a newer one replaced before
    a worker took it up is not run at all (typing "zhangwei" while the desk starts queued eight
    searches, each run in turn once the index was ready). Plain Python, kept by the widget."""

    def __init__(self, *, lane: str | None = None) -> None:
        self._newest = 0
        self._lane = lane  # e.g. SEARCH_LANE: the desk's look-ups (see `_lane`)

    def forget(self) -> None:
        """Drop every answer still on its way (the widget shows something newer itself)."""
        self._newest += 1

    def run_action(
        self,
        ctx: AppContext,
        action: Callable[[ActionContext, Progress], Outcome[T]],
        *,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> BackgroundOp:
        """`run_action`, with `on_done` / `on_error` called only for the newest request."""
        self._newest += 1
        mine = self._newest

        def done(value: T) -> None:
            if mine == self._newest:
                on_done(value)

        def failed(exc: BaseException) -> None:
            if mine == self._newest:
                on_error(exc)

        def unless_replaced(actx: ActionContext, progress: Progress) -> Outcome[T]:
            if mine != self._newest:  # read on the worker: an int, as the GUI thread left it
                raise Cancelled()  # its answer would be dropped anyway
            return action(actx, progress)

        return run_action(ctx, unless_replaced, on_done=done, on_error=failed, owner=owner,
                          lane=self._lane)


def run_in_background(
    ctx: AppContext,
    fn: Callable[[Session, Progress], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    changes: Iterable[str] = (),
    write: bool = False,
    owner: QObject | None = None,
) -> BackgroundOp:
    """Run `fn(session, progress)` in one unit of work on a worker thread (see run_action)."""
    db = ctx.db  # the database of when the op started, even if the window switches meanwhile

    def work(progress: Progress) -> T:
        with db.unit_of_work(write=write) as session:
            return fn(session, progress)

    topics = tuple(changes)
    return _start(work, on_done=on_done, on_error=on_error, on_progress=on_progress,
                  after=lambda: ctx.notify(*topics), owner=owner, url=db.url)


def run_call_in_background(
    fn: Callable[[], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
) -> BackgroundOp:
    """A background call that needs no unit of work (opening or migrating a database)."""
    return _start(lambda _progress: fn(), on_done=on_done, on_error=on_error, owner=owner)


def run_call_with_progress(
    fn: Callable[[Progress], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    owner: QObject | None = None,
) -> BackgroundOp:
    """A background call that opens its own units of work and reports progress, run before
    any window has an AppContext (the first run's demo build, which creates the accounts)."""
    return _start(fn, on_done=on_done, on_error=on_error, on_progress=on_progress, owner=owner)


def open_channel(on_report: Callable[[object], None]) -> tuple[int, Callable[[object], None]]:
    """A way for a long-lived thread of its own (the live-update watcher, services.live) to
    report to the GUI thread through the relay: returns (channel id, send); `send(payload)` may
    be called from any thread, and `on_report(payload)` runs on the GUI thread — until
    `close_channel(id)`, after which reports still on their way are dropped. A channel is no
    background op: `wait_idle` and `pending` do not wait for it. Call on the GUI thread."""
    relay = _relay()
    channel = next(_ids)
    relay.channels[channel] = on_report
    return channel, lambda payload: relay.emit_event(channel, "report", payload)


def close_channel(channel: int) -> None:
    """Stop delivering a channel's reports (see open_channel). On the GUI thread."""
    _relay().channels.pop(channel, None)


def pending() -> int:
    """How many background ops have not delivered their result yet."""
    return len(_relay().jobs)


def wait_idle(timeout_ms: int = 30_000) -> None:
    """Let every background op finish and deliver its result (screenshots, tests)."""
    deadline = QDeadlineTimer(timeout_ms)
    relay = _relay()
    while True:
        with relay.lock:
            futures = [op.future for op in relay.jobs.values() if op.future is not None]
        if futures:
            wait_futures(futures, timeout=max(1, deadline.remainingTime()) / 1000)
        QCoreApplication.processEvents()
        if not relay.jobs or deadline.hasExpired():
            return

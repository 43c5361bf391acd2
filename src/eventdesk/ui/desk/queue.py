"""The desk's actions, one after another, in the order the operator gave them.

A scanner burst is shown in scan order, and a print waits for the check-in before it. Each
action runs off the GUI thread on the desk's own worker (ops' desk lane: a scan never waits
behind searches or the search index), as the desk named when it starts, then its `on_done`
runs on the GUI thread. `own_change` is true for the turn of the event loop in which ops
notifies the action's topics: the view shows the outcome itself and skips that refresh."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QTimer

from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext

T = TypeVar("T")
Queued = tuple[Callable[[ActionContext], Outcome[Any]], Callable[[Any], None],
               Callable[[BaseException], None]]


class DeskQueue:
    def __init__(self, ctx: AppContext, desk: Callable[[], str]) -> None:
        self.ctx = ctx
        self._desk = desk  # the view's desk name now (settings may change it)
        self._queue: deque[Queued] = deque()
        self._op: ops.BackgroundOp | None = None
        self.own_change = False

    @property
    def idle(self) -> bool:
        return self._op is None and not self._queue

    def run(self, action: Callable[[ActionContext], Outcome[T]], on_done: Callable[[T], None],
            on_error: Callable[[BaseException], None]) -> None:
        self._queue.append((action, on_done, on_error))
        if self._op is None:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            return
        action, on_done, on_error = self._queue.popleft()
        desk = self._desk()  # the desk when it starts, also when settings changed since queued

        def finished(value: Any) -> None:
            self._op = None
            self.own_change = True
            QTimer.singleShot(0, self._end_own_change)
            try:
                on_done(value)
            finally:
                self._next()

        def failed(exc: BaseException) -> None:
            self._op = None
            try:
                on_error(exc)
            finally:
                self._next()

        self._op = ops.run_action(self.ctx, lambda actx, _p: action(replace(actx, desk=desk)),
                                  on_done=finished, on_error=failed, desk_lane=True)

    def _end_own_change(self) -> None:
        self.own_change = False

"""Live updates in the window: other desks' check-ins, walk-ins and edits without a refresh,
and a plain word when the database server stops answering.

`start_live_updates(ctx)` runs a services.live.Watcher (a thread of its own, holding no Qt
object) for the context's database; its reports reach the GUI thread through ops' relay
(`ops.open_channel`). Here, on the GUI thread:
- a `News` becomes `ctx.notify_elsewhere(topics, news)`: every view refreshes what it shows of
  those topics (the desk its rows, its today's count and, for the selected person, its status
  panel); the watcher has already brought the search index up to date;
- a `Reachable` sets `ctx.reachable` and emits `ctx.reachable_changed` (the desk's banner, the
  window's status bar); when the server answers again every view reads its data again.
Nothing here touches the database. A new database (ctx.database_replaced) gets a new watcher.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from eventdesk.services.changes import News
from eventdesk.services.live import Reachable, Watcher
from eventdesk.ui import ops
from eventdesk.ui.context import CHECKINS, EXHIBITORS, PEOPLE, PRINTS, AppContext

__all__ = ["LiveUpdates", "start_live_updates"]


class LiveUpdates(QObject):
    """The watcher of `ctx`'s database and the GUI-thread end of its reports."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._watcher: Watcher | None = None
        self._channel: int | None = None
        ctx.database_replaced.connect(self._restart)

    def start(self) -> None:
        if self._watcher is not None:
            return
        self._channel, send = ops.open_channel(self._on_report)
        self._watcher = Watcher(self.ctx.db, report=send)
        self._watcher.start()

    def stop(self, *, wait: bool = False) -> None:
        """Stop the watcher; `wait`: until its thread ended (tests; up to a few seconds),
        else it ends by itself within half a second, its last reports dropped."""
        if self._channel is not None:
            ops.close_channel(self._channel)
            self._channel = None
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop(timeout=3.0 if wait else 0.0)

    def poke(self) -> None:
        """Check the connection now (a desk action just failed to reach the server)."""
        if self._watcher is not None:
            self._watcher.poke()

    def _restart(self) -> None:
        self.stop()
        self._set_reachable(True)
        self.start()

    def _on_report(self, report: object) -> None:
        if isinstance(report, Reachable):
            self._set_reachable(report.reachable)
        elif isinstance(report, News):
            self.ctx.notify_elsewhere(report.topics, report)

    def _set_reachable(self, reachable: bool) -> None:
        was = self.ctx.reachable
        if was == reachable:
            return
        self.ctx.reachable = reachable
        self.ctx.reachable_changed.emit(reachable)
        if reachable:  # what views failed to read meanwhile, and what changed meanwhile
            self.ctx.notify_elsewhere(frozenset({PEOPLE, CHECKINS, PRINTS, EXHIBITORS}),
                                      News())


def start_live_updates(ctx: AppContext) -> LiveUpdates:
    """Start (once) the live updates of the window of `ctx`; on the GUI thread."""
    live = ctx.live
    if not isinstance(live, LiveUpdates):
        live = LiveUpdates(ctx)
        ctx.live = live
    live.start()
    return live

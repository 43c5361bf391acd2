"""Progress of a background op reaches the GUI thread at most 20 times a second: a worker that
reports every row of a 30,000-row import must not queue 30,000 slot calls ahead of the desk's
typing (issue 10, fault 8)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext


def test_progress_is_throttled_but_the_last_report_arrives(qtbot: QtBot, event_db: Database,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [0.0]  # the throttle's clock: it moves only when this test says so
    monkeypatch.setattr(ops, "_now", lambda: clock[0])
    with event_db.unit_of_work(write=False) as s:
        ctx = AppContext(event_db, get_event(s), "tester")
    shown: list[int] = []

    def import_rows(_actx: ActionContext, progress: ops.Progress) -> Outcome[int]:
        for row in range(1, 1001):
            if row % 100 == 0 and row < 1000:
                clock[0] += 1.0  # a second passes every 100 rows, none before the last
            progress(row, 1000)
        return Outcome(value=1000, changes=frozenset())

    op = ops.run_action(ctx, import_rows, on_done=lambda _v: None,
                        on_progress=lambda done, _total: shown.append(done))
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert shown == [1, *range(100, 1000, 100), 1000]

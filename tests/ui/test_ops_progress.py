"""Progress of a background op reaches the GUI thread at most 20 times a second: a worker that
reports every row of a 30,000-row import must not queue 30,000 slot calls ahead of the desk's
typing (issue 10, fault 8)."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from tests.users import ADMIN


def test_progress_is_throttled_but_the_last_report_arrives(qtbot: QtBot, event_db: Database,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [0.0]  # the throttle's clock: it moves only when this test says so
    monkeypatch.setattr(ops, "_now", lambda: clock[0])
    with event_db.unit_of_work(write=False) as s:
        ctx = AppContext(event_db, get_event(s), "tester", user=ADMIN)
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


def test_latest_delivers_only_the_newest_answer(qtbot: QtBot, event_db: Database) -> None:
    with event_db.unit_of_work(write=False) as s:
        ctx = AppContext(event_db, get_event(s), "tester", user=ADMIN)
    first_may_answer = threading.Event()
    answers: list[str] = []
    latest = ops.Latest()

    def slow(_actx: ActionContext, _progress: ops.Progress) -> Outcome[str]:
        first_may_answer.wait(10)  # "z" was typed first and answers last
        return Outcome(value="z")

    def fast(_actx: ActionContext, _progress: ops.Progress) -> Outcome[str]:
        return Outcome(value="zhang")

    early = latest.run_action(ctx, slow, on_done=answers.append, on_error=pytest.fail)
    late = latest.run_action(ctx, fast, on_done=answers.append, on_error=pytest.fail)
    qtbot.waitUntil(lambda: late.done, timeout=10_000)
    first_may_answer.set()
    qtbot.waitUntil(lambda: early.done, timeout=10_000)
    assert answers == ["zhang"]
    latest.forget()  # the widget shows something of its own: nothing on its way may replace it
    dropped = latest.run_action(ctx, fast, on_done=answers.append, on_error=pytest.fail)
    latest.forget()
    qtbot.waitUntil(lambda: dropped.done, timeout=10_000)
    assert answers == ["zhang"]


def test_latest_does_not_run_a_request_replaced_before_it_started(qtbot: QtBot,
                                                                 event_db: Database) -> None:
    """Typed while both workers are busy (the desk starting: the search index, the
    dictionaries): of the queued searches only the last one runs, at once when a worker is free,
    not after all the others."""
    with event_db.unit_of_work(write=False) as s:
        ctx = AppContext(event_db, get_event(s), "tester", user=ADMIN)
    free = threading.Event()
    busy = [ops.run_call_in_background(lambda: free.wait(10), on_done=lambda _v: None)
            for _ in range(2)]  # every worker of the pool
    ran: list[str] = []
    answers: list[str] = []
    latest = ops.Latest()

    def search(query: str) -> ops.BackgroundOp:
        def action(_actx: ActionContext, _progress: ops.Progress) -> Outcome[str]:
            ran.append(query)
            return Outcome(value=query)

        return latest.run_action(ctx, action, on_done=answers.append, on_error=pytest.fail)

    typed = [search(q) for q in ("z", "zh", "zha", "zhangwei")]
    free.set()
    qtbot.waitUntil(lambda: all(op.done for op in typed + busy), timeout=10_000)
    assert ran == ["zhangwei"] and answers == ["zhangwei"]

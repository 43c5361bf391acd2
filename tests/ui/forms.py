"""Saving an edit form as a person does and waiting for what it said (the save runs on a worker)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from eventdesk.ui.tables.panel import DetailPanel


def saved(qtbot: Any, panel: DetailPanel[Any, Any], timeout_ms: int = 10_000) -> bool:
    """Press Save on `panel` and wait for its outcome: True when the record was written, False
    when the form refused it before starting or the save was refused (the form says why)."""
    with qtbot.waitSignal(panel.save_finished, timeout=timeout_ms, raising=False) as outcome:
        started = panel.save()
    if not started:
        return False
    assert outcome.signal_triggered, "the save did not finish"
    return bool(outcome.args[0])


class HeldWrite:
    """Stands in for a service's write function: records the thread each call runs on and holds
    it until `release()` — a save "in flight" for as long as a test needs. Plain Python, safe on
    the worker thread."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.threads: list[threading.Thread] = []
        self.gate = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        # Bounded: if the call is (wrongly) made on the GUI thread, nothing could release it.
        self.gate.wait(timeout=10)
        return self.real(*args, **kwargs)

    def release(self) -> None:
        self.gate.set()

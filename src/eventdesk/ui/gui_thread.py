"""The GUI thread's share of the process: the cyclic garbage collector runs there, in small
pieces, and the GIL comes back to it quickly. Installed by ui.ops (and the application at start).

Why the collector runs on the GUI thread: left automatic, Python starts a collection in whichever
thread happens to allocate, so a worker building a PDF would destroy a widget cycle (and its C++
objects) off the GUI thread — the segmentation faults seen with the collector running while a
background job ran (ui/ops.py). Collection is not switched off: a timer on the GUI thread runs it.

Why in small pieces, and why the GIL matters: whatever the GUI thread does with Python waits —
for a collection it runs itself, and for its turn at the GIL while a worker runs Python. Either
was the window's longest stall during an import or a badge run (benchmarks/bench_heartbeat.py).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

__all__ = ["COLLECT_EVERY_MS", "GIL_SWITCH_S", "YOUNG_LIMIT", "collect_garbage_on_gui_thread",
           "freeze_long_lived", "share_the_gil"]

# How long a worker thread running Python may keep the GIL while the GUI thread waits for it
# (CPython's default: 5 ms). See share_the_gil.
GIL_SWITCH_S = 0.0005
# How often the GUI thread looks whether a collection is due, and how many objects a collection
# of generation 1 walks at most (see _GuiThreadCollector): each collection a few milliseconds.
COLLECT_EVERY_MS = 25
YOUNG_LIMIT = 40_000


class _GuiThreadCollector(QObject):
    """Runs the cyclic garbage collector on the GUI thread, every 25 ms, with CPython's own
    generation thresholds (gc.get_threshold()), instead of in whichever thread allocates.

    Also CPython's own rule for the oldest generation, measured in memory blocks: a full
    collection only once the process holds a quarter more than after the last one. Without it,
    a full collection ran every few seconds while an import or a badge run allocated, each walking
    every live object of the process (the 30,000-person search index, a plan of 30,000 rows) —
    up to a second with the window frozen. And while background work runs (an import, an index
    rebuild, a badge run: the objects it allocates are mostly freed by reference counting when it
    ends), a full collection waits for it to end, unless the oldest generation has doubled.

    Small collections: a worker that allocates fast (a badge run reading 10,000 people as ORM
    objects, six each) makes tens of thousands of objects between two looks, and a collection
    walks every one of them with the window waiting; so the look is every 25 ms (not CPython's
    700 allocations, which a thread of its own would need), and generation 1 is collected every
    `thresholds[1]` collections of generation 0, as CPython does, or sooner once YOUNG_LIMIT
    objects may have reached it (a hundred thousand took a tenth of a second)."""

    def __init__(self, parent: QObject | None, *, busy: Callable[[], bool]) -> None:
        super().__init__(parent)
        self.busy = busy  # is background work running (ui.ops)?
        self.thresholds = gc.get_threshold()
        self.long_lived_total = self._long_lived()
        self.young = 0  # objects moved into generation 1 since its last collection, at most
        self.frozen = False
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(COLLECT_EVERY_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    @Slot()
    def collect(self) -> None:
        count0, count1, count2 = gc.get_count()
        if count0 > self.thresholds[0]:
            gc.collect(0)
            self.young += count0  # at most this many objects moved into generation 1
            if count1 > self.thresholds[1] or self.young > YOUNG_LIMIT:
                gc.collect(1)  # what survives it moves to the oldest generation
                self.young = 0
                grown = self._long_lived() - self.long_lived_total
                if (count2 > self.thresholds[2]
                        and grown >= self.long_lived_total // 4
                        and (not self.busy() or grown >= self.long_lived_total)):
                    gc.collect(2)
                    self.long_lived_total = self._long_lived()


    def freeze(self) -> None:
        """gc.freeze(), once per process: everything alive now goes to CPython's permanent
        generation."""
        if self.frozen:
            return
        self.frozen = True
        gc.freeze()
        self.long_lived_total = self._long_lived()

    @staticmethod
    def _long_lived() -> int:
        """What the quarter rule compares: the memory blocks the process holds
        (sys.getallocatedblocks), a proxy for its live objects, frozen ones included (a full
        collection no longer walks them, but without them the rule would call one after every
        few thousand new objects).

        Not len(gc.get_objects(…)): that list holds a reference to every object of the
        generation, also to a tuple another thread is building (`tuple(generator)` lets the
        GIL go between items), and CPython's _PyTuple_Resize then refuses the tuple it no
        longer owns alone — "SystemError: bad argument to internal function" in a worker (seen
        in a scan during bench_heartbeat, 2026-11-30); tests/ui/test_ops_lifetime.py."""
        return sys.getallocatedblocks()


_collector: _GuiThreadCollector | None = None


def share_the_gil() -> None:
    """Let the GUI thread have the GIL back within half a millisecond, not CPython's 5 ms.

    Painting a view is many calls from Qt into Python (a model's `data()` for each cell and
    role), and PySide lets go of the GIL between them; while a worker runs Python (a search, the
    index being completed, a badge run reading people), each call waits for the worker's turn to
    end. Measured with a 50-row table: a repaint took 6 ms alone, 62 ms on average and up to
    0.4 s beside a busy worker at 5 ms, 19 ms at most 30 ms at 0.5 ms. The cost is a switch more
    often between two busy workers: well under a percent. Process-wide; the GUI calls it at
    start."""
    sys.setswitchinterval(GIL_SWITCH_S)


def freeze_long_lived() -> None:
    """Leave what the window's start-up made out of every later collection (gc.freeze).

    Called once the start-up work is done: by then the process holds the modules, the window and
    its views, and the Chinese dictionaries — pypinyin alone keeps its 47,000 phrases as 190,000
    lists — about 300,000 objects that live as long as the process, and that every full
    collection walked again: a tenth of a second with the window frozen on the reference PC,
    most of a second on a loaded one (after an import, a badge run, …). Objects made later are
    collected as before, on the GUI thread; a cycle that was garbage already at this moment is
    kept for good (at start-up, a handful). Once per process (a second window, e.g. in tests,
    changes nothing). Call on the GUI thread."""
    if _collector is not None:
        _collector.freeze()


def collect_garbage_on_gui_thread(busy: Callable[[], bool]) -> None:
    """Install the GUI-thread collector (idempotent); `busy()` tells it whether background work
    runs. Called by the application at start and by the first background op (ui.ops); must be
    called on the GUI thread. Without a Qt application yet (nothing to run its timer) nothing
    changes: automatic collection stays on until one exists — a collector made before it never
    ran (a test process whose first test had none)."""
    global _collector
    app = QCoreApplication.instance()
    if app is None:
        return
    if _collector is None:
        _collector = _GuiThreadCollector(app, busy=busy)
    gc.disable()  # again: a test harness may have switched automatic collection back on



"""Run as a script: background ops racing the garbage collector and widget deletion.

Started in a subprocess by test_ops_lifetime.py, so that a crash (SIGSEGV, SIGABRT) is a failed
test instead of a dead test worker. Workers allocate cyclic garbage (as PDF rendering and SQL do),
which makes CPython start collections in whatever thread allocates; the GUI thread keeps making
and dropping cycles that hold widgets, some deleted while their op runs. Prints "ok N" and exits 0
when all ops delivered; `--automatic-gc` leaves CPython's collector as it is (shows the crash).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from eventdesk.ui import gui_thread, ops  # noqa: E402


class Node:
    def __init__(self) -> None:
        self.me = self


def main(rounds: int, automatic_gc: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not automatic_gc:
        ops.collect_garbage_on_gui_thread()
    else:
        import gc
        gui_thread._collector = object()  # type: ignore[assignment]  # keep CPython's automatic GC
        gc.enable()
    delivered = 0
    for round_no in range(rounds):
        labels = [QLabel(f"view {round_no}.{i}") for i in range(6)]
        for i, label in enumerate(labels):
            def work(progress: ops.Progress, n: int = i) -> int:
                junk = [Node() for _ in range(3000)]  # cyclic garbage: collections start here
                progress(1, 2)
                return n + len(junk)

            def done(result: int, label: QLabel = label) -> None:
                nonlocal delivered
                delivered += 1
                label.setText(str(result))

            # a cycle that holds a Qt object: the label refers to its own op and callback
            label.op = ops._start(work, on_done=done, on_error=None,  # type: ignore[attr-defined]
                                  on_progress=lambda d, t: None, owner=label)
        if round_no % 2:
            for label in labels[::2]:
                label.deleteLater()  # the view goes away while its op still runs
        del labels
        app.processEvents()
    ops.wait_idle(120_000)
    print("ok", delivered)
    return 0 if ops.pending() == 0 else 1


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(int(args[0]) if args else 300, "--automatic-gc" in sys.argv))

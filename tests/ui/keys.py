"""Key input the way the devices make it, independent of how busy the test machine is.

A USB scanner types its payload and Enter a few milliseconds apart, and the window system stamps
each key event when it arrives; the desk's scanner filter (ui/desk/scanner.py) times bursts by
those stamps. QTest's synthetic events carry no stamp, so the filter falls back to the clock, and
on a loaded machine (2 cores, two pytest workers and a child process) a burst typed by QTest can
be torn by a 100 ms pause of the process — a failure of the harness, not of the desk. Bursts here
carry stamps as the window system would give them.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

SCANNER_GAP_MS = 4
# Each burst starts 10 s after the previous one in window-system time: two bursts never look
# like one, and a stamped burst never continues a clock-timed one (the filter compares like with
# like).
_bursts = itertools.count(start=1)


def _send(widget: QWidget, key: int, text: str, stamp: int) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(stamp)
        QApplication.sendEvent(widget, event)


def scanner(widget: QWidget, payload: str, *, enter: Qt.Key | None = Qt.Key.Key_Return) -> None:
    """A USB scanner's burst into `widget`: each character of `payload`, then `enter` (None: no
    terminator), stamped SCANNER_GAP_MS apart."""
    stamp = 10_000_000 + 10_000 * next(_bursts)
    for ch in payload:
        _send(widget, ord(ch.upper()) if ch.isascii() else 0, ch, stamp)
        stamp += SCANNER_GAP_MS
    if enter is not None:
        _send(widget, enter, "\r", stamp)


HUMAN_GAP_MS = 150  # a quick typist: far slower than a scanner (scanner.BURST_GAP_MS = 60)


def operator_types(widget: QWidget, text: str, *, enter: bool = False) -> None:
    """A person typing `text` into `widget` (then Enter when `enter`), keys stamped
    HUMAN_GAP_MS apart: the scanner filter never takes it for a burst, however fast the test
    machine sends the events (QTest's unstamped keys arrive microseconds apart, like a scan)."""
    stamp = 10_000_000 + 10_000 * next(_bursts)
    for ch in text:
        _send(widget, ord(ch.upper()) if ch.isascii() else 0, ch, stamp)
        stamp += HUMAN_GAP_MS
    if enter:
        _send(widget, Qt.Key.Key_Return, "\r", stamp)

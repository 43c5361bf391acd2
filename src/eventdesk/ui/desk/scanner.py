"""Taking a USB scanner's input wherever the focus is, also through a Chinese input method.

A keyboard-wedge scanner types the payload and Enter within a few milliseconds. While the desk is
visible an application-level event filter watches key presses in the desk's window: characters
arriving faster than a person types are collected; when Enter ends such a burst and the burst is
one of our payloads (`ED1.`…) or any burst of eight or more characters (a code of another
registration system, looked up by external reference), the Enter is swallowed, the characters
the burst left in a line edit are taken out again, and `scanned` is emitted. With an input
method active the keys may never arrive as key presses: the method composes them and commits
the text (often on the scanner's Enter); a commit that is a payload is taken the same way and
never reaches the widget.
"""

from __future__ import annotations

import time
from typing import cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from eventdesk.domain.qr import looks_like_payload

# A person rarely types two characters within 60 ms; scanners send one every 1–20 ms.
BURST_GAP_S = 0.06
MAX_BUFFER = 300
FOREIGN_MIN_LENGTH = 8
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerFilter(QObject):
    scanned = Signal(str)

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self._buffer: list[str] = []
        self._last = 0.0
        self._installed = False

    # -- life cycle: only while the desk is visible --------------------------------------------
    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._buffer.clear()

    # -- the filter ----------------------------------------------------------------------
    def _ours(self, obj: QObject) -> bool:
        if not isinstance(obj, QWidget) or obj.window() is not self._view.window():
            return False
        focus = QApplication.focusWidget()
        # A key event travels up the parents when a widget ignores it: look at it once only.
        return obj is focus or (focus is None and obj is obj.window())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self._ours(obj):
            return self._key(obj, cast(QKeyEvent, event))  # a KeyPress is a QKeyEvent
        if kind == QEvent.Type.InputMethod and isinstance(obj, QWidget) \
                and obj.window() is self._view.window():
            return self._commit(cast(QInputMethodEvent, event))
        return False

    def _key(self, obj: QObject, event: QKeyEvent) -> bool:
        now = time.monotonic()
        if now - self._last > BURST_GAP_S:
            self._buffer.clear()
        self._last = now
        if event.key() in _ENTER:
            text = "".join(self._buffer)
            self._buffer.clear()
            # Ours by its prefix; a foreign code (another registration system's QR) by its
            # speed: nobody types eight characters and Enter at scanner speed.
            if looks_like_payload(text) or len(text.strip()) >= FOREIGN_MIN_LENGTH:
                _take_back(obj, text)
                self.scanned.emit(text)
                return True
            return False
        typed = event.text()
        if typed and typed.isprintable() and len(self._buffer) < MAX_BUFFER:
            self._buffer.append(typed)
        return False

    def _commit(self, event: QInputMethodEvent) -> bool:
        committed = event.commitString()
        if committed and looks_like_payload(committed):
            self._buffer.clear()
            self.scanned.emit(committed)
            return True
        return False


def _take_back(obj: QObject, burst: str) -> None:
    """Remove the scanned characters the burst typed into a line edit (not the operator's text)."""
    if not isinstance(obj, QLineEdit):
        return
    text = obj.text()
    start = text.upper().rfind(burst.upper())
    if start >= 0:
        obj.setText(text[:start] + text[start + len(burst):])

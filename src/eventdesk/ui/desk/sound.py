"""A distinct sound per outcome, switchable per desk.

PySide6-Essentials has no QtMultimedia, so the sounds are patterns of the system beep: one for
checked in, two for already checked in, three for rejected. Offscreen (tests, screenshots) the
beep is silent.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

PATTERNS = {"green": 1, "amber": 2, "red": 3}
GAP_MS = 140


def play(outcome: str, *, enabled: bool) -> int:
    """Beep the outcome's pattern; returns how many beeps were scheduled."""
    if not enabled:
        return 0
    count = PATTERNS.get(outcome, 0)
    for i in range(count):
        QTimer.singleShot(i * GAP_MS, QApplication.beep)
    return count

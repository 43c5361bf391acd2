"""The desk lock: a desk left alone locks after the configured idle time (desk settings,
`desk/lock_minutes`, default 5; 0 = never), Ctrl+L locks at once.

Locked, the window's content is hidden and the lock screen (ui/accounts/sign_in.py) covers the
window and the dialogs open over it; what was underneath stays as it was (the desk's search text,
its selection, the open view, a half-filled form) and comes back when the same user types their
password. "Switch user" lets the next shift's person sign in instead; the window then starts
afresh on their role's views. Locking and unlocking are audited (user.lock, user.unlock).

Idle means no key, mouse button, wheel or input method event anywhere in the program (the main
window's scanner filter stamps them: it already sees every event; a second application-wide
filter would add a Python call per Qt event) and no pointer movement (the cursor's position,
read once per tick).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QDialog

from eventdesk.actions import accounts
from eventdesk.domain.access import Principal
from eventdesk.ui import ops
from eventdesk.ui.accounts.sign_in import SignInDialog
from eventdesk.ui.i18n import event_name, translate

if TYPE_CHECKING:  # the main window makes its lock
    from eventdesk.ui.main_window import MainWindow

TICK_MS = 1000  # how often idleness is looked at; shorter only for idle times under 10 s


class DeskLock(QObject):
    """Locks `window` when idle; `lock()` at once. `dialog` is the lock screen while locked."""

    locked_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: SignInDialog | None = None
        self._cursor = QCursor.pos()
        self._moved = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def start(self) -> None:
        """Watch for idleness (from now: a desk just opened is not idle)."""
        self._moved = time.monotonic()
        self._window.scanner.last_input = self._moved
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def idle_seconds(self) -> float:
        """Seconds since the last key, click, wheel turn or pointer movement."""
        pos = QCursor.pos()
        if pos != self._cursor:
            self._cursor, self._moved = pos, time.monotonic()
        return time.monotonic() - max(self._moved, self._window.scanner.last_input)

    def _tick(self) -> None:
        limit = self._window.ctx.lock_minutes * 60
        # An idle time of a few seconds (a test, a demo) is looked at often enough to hold it.
        interval = TICK_MS if limit <= 0 or limit >= 10 else max(50, int(limit * 250))
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)
        if self.locked or limit <= 0:
            return
        if self.idle_seconds() >= limit:
            self.lock()

    def lock(self, *, switch_user: bool = False) -> SignInDialog:
        """Lock now (also Ctrl+L and 账户 → 锁定); `switch_user`: the lock screen opens on the
        sign-in of another user (账户 → 切换用户). Returns the lock screen."""
        if self.dialog is not None:
            if switch_user:
                self.dialog.switch_user()
            return self.dialog
        window, ctx = self._window, self._window.ctx
        actx = ctx.action_context()
        ops.run_call_in_background(lambda: accounts.record_lock(actx), on_done=lambda _r: None,
                                   on_error=lambda _exc: None)
        event = event_name(ctx.event_info) if ctx.event_info is not None else ""
        dialog = SignInDialog(ctx.db, desk=ctx.desk_name, settings=ctx.settings,
                              event_name=event, locked=actx, parent=window)
        dialog.setObjectName("lockScreen")
        dialog.setWindowTitle("EventDesk — " + translate("DeskLock", "已锁定"))
        dialog.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setStyleSheet("#lockScreen { background: #1f2a37; }"
                             " #lockScreen QLabel { color: #f2f4f7; font-size: 15px; }"
                             " #signInCard { background: #2b3a4d; border-radius: 12px; }"
                             " #lockScreen #signInHint { color: #cbd5e1; }"
                             " #lockScreen #signInError { color: #fda29b; font-weight: 600; }")
        dialog.setGeometry(window.frameGeometry())
        self.dialog = dialog
        content = window.centralWidget()
        if content is not None:
            content.hide()  # nothing personal shows through or behind the lock screen
        window.menuBar().setEnabled(False)
        dialog.finished.connect(self._unlocked)
        # show(), not open(): open() makes it modal to the main window only, and a dialog the
        # desk had open (a walk-in form) would still take keys beside the lock screen.
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if switch_user:
            dialog.switch_user()
        self.locked_changed.emit(True)
        return dialog

    def _unlocked(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        window = self._window
        window.menuBar().setEnabled(True)
        content = window.centralWidget()
        if content is not None:
            content.show()
        user = dialog.principal if dialog is not None and result == QDialog.DialogCode.Accepted \
            else None
        if dialog is not None:
            dialog.deleteLater()
        self._moved = time.monotonic()
        window.scanner.last_input = self._moved
        if isinstance(user, Principal):
            window.ctx.switch_user(user)  # the same user: nothing changes; another: a new shift
        self.locked_changed.emit(False)

"""Taking a USB scanner's input wherever the focus is, also through a Chinese input method.

A keyboard-wedge scanner types the payload and Enter within a few milliseconds. An
application-level event filter watches key presses: characters arriving faster than a person
types are collected; when Enter ends such a burst and the burst is one of our payloads (`ED1.`…,
also as typed through another keyboard layout, see domain.keyboard) or any burst of eight or
more characters (a code of another registration system, looked up by
external reference), the Enter is swallowed (it never reaches a dialog's default button), what
the burst typed into the focused field is taken back, and `scanned` is emitted. With an input
method active the keys may never arrive as key presses: the method composes them and commits the
text (often on the scanner's Enter); a commit that is a payload is taken the same way and never
reaches the widget.

Bursts are timed by the key events' own timestamps (milliseconds, set by the window system when
the key was pressed), not by when the GUI thread gets round to them: a GUI thread busy for a
moment (loading a dictionary at the first keystroke, drawing a large list) must not split one
scan into two. Events without a timestamp (synthesised, e.g. by QTest) fall back to the clock.

Two scopes: the main window's filter takes bursts in every window and dialog of the program for
the main window's whole life (`everywhere=True`); a desk view on its own (tests, a kiosk) takes
them in its window and the dialogs opened over it. A desk inside a main window leaves the bursts
to the main window's filter, so each scan is taken once.

The filter also notes when the operator last touched a key, a mouse button or the wheel
(`last_input`): the desk lock (ui/accounts/lock.py) reads it, so that idleness costs no second
application-wide filter.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from functools import partial
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from eventdesk.domain.qr import looks_like_scan

# A person rarely types two characters within 60 ms; scanners send one every 1–20 ms.
BURST_GAP_MS = 60
# The Enter that ends a burst may come a little later (a scanner's suffix sent separately, a
# keyboard-wedge driver's pause): the characters before it already came at scanner speed.
ENTER_GAP_MS = 250
MAX_BUFFER = 300
FOREIGN_MIN_LENGTH = 8
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_WATCHED = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod)
# What counts as someone at the desk (besides pointer movement, which the lock reads itself).
_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
          QEvent.Type.InputMethod)

Restore = Callable[[str], None]  # given the burst's text

# The installed application-wide filters; a desk's own filter stands back inside their windows.
_everywhere: weakref.WeakSet[ScannerFilter] = weakref.WeakSet()


def _ptr(obj: QObject | None) -> int:
    """The C++ object's address: Python wrappers of one widget may come and go."""
    return 0 if obj is None else int(shiboken6.getCppPointer(obj)[0])


class ScannerFilter(QObject):
    """Emits `scanned(payload)` for every scanner burst in its scope (see the module text)."""

    scanned = Signal(str)

    def __init__(self, owner: QWidget, *, everywhere: bool = False) -> None:
        super().__init__(owner)
        self._owner = owner
        self._everywhere = everywhere
        self._buffer: list[str] = []
        self._last_ms = 0
        self._last_source = ""  # "stamp" or "clock": never compare one with the other
        self._restore: Restore | None = None  # undoes what the current burst typed
        # The last key press seen: Qt hands an ignored key to each parent in turn, through this
        # filter again; that is the same key, not a second one.
        self._last_sig: tuple[int, str, int, int] | None = None
        self._last_parent = 0
        self._swallow_release: int | None = None
        self._installed = False
        self.last_input = time.monotonic()  # of the last key, click, wheel turn (monotonic s)

    # -- life cycle ----------------------------------------------------------------------------
    def install(self) -> None:
        app = QApplication.instance()
        if not self._everywhere and self._covered():
            # The main window's filter takes this window's bursts: a second filter would only
            # add a call into Python for every event of the program (each one a wait for the GIL
            # while a worker runs Python), to stand back each time.
            return
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
            if self._everywhere:
                _everywhere.add(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        _everywhere.discard(self)
        self._reset()

    def _reset(self) -> None:
        self._buffer.clear()
        self._restore = None

    # -- scope ---------------------------------------------------------------------------------
    def _covered(self) -> bool:
        """An installed application-wide filter takes the bursts of this filter's window."""
        if not shiboken6.isValid(self._owner):
            return False
        home = _ptr(self._owner.window())
        return any(_ptr(f._owner.window()) == home for f in list(_everywhere)
                   if f is not self and shiboken6.isValid(f._owner))

    def _active(self) -> bool:
        if not shiboken6.isValid(self._owner) or not self._owner.isVisible():
            return False
        if self._everywhere:
            return True
        home = self._owner.window()
        return not any(_ptr(f._owner.window()) == _ptr(home) for f in list(_everywhere)
                       if f is not self and shiboken6.isValid(f._owner) and f._owner.isVisible())

    def _in_scope(self, widget: QWidget) -> bool:
        if self._everywhere:
            return True
        home = _ptr(self._owner.window())
        window: QWidget | None = widget.window()
        while window is not None:  # the desk's window, or a dialog opened over it
            if _ptr(window) == home:
                return True
            parent = window.parentWidget()
            window = parent.window() if parent is not None else None
        return False

    # -- the filter ------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in _INPUT:
            self.last_input = time.monotonic()
        if kind not in _WATCHED or not isinstance(obj, QWidget) or not self._active() \
                or not self._in_scope(obj):
            return False
        if kind == QEvent.Type.KeyPress:
            return self._key(obj, cast(QKeyEvent, event))  # a KeyPress is a QKeyEvent
        if kind == QEvent.Type.KeyRelease:
            key = cast(QKeyEvent, event).key()
            if key == self._swallow_release:  # the release of a scan's Enter, too
                self._swallow_release = None
                return True
            return False
        return self._commit(cast(QInputMethodEvent, event))

    def _clock(self, event: QKeyEvent) -> tuple[int, str]:
        stamp = int(event.timestamp())
        if stamp:
            return stamp, "stamp"
        return int(time.monotonic() * 1000), "clock"

    def _key(self, obj: QWidget, event: QKeyEvent) -> bool:
        sig = (event.key(), event.text(), int(event.timestamp()), event.modifiers().value)
        if sig == self._last_sig and _ptr(obj) == self._last_parent:
            # The same key handed on to the parent of the widget that ignored it.
            self._last_parent = _ptr(obj.parentWidget())
            return False
        self._last_sig, self._last_parent = sig, _ptr(obj.parentWidget())
        now, source = self._clock(event)
        gap = now - self._last_ms if source == self._last_source else -1
        self._last_ms, self._last_source = now, source
        if not 0 <= gap <= (ENTER_GAP_MS if event.key() in _ENTER else BURST_GAP_MS):
            self._reset()
        if event.key() in _ENTER:
            text = "".join(self._buffer)
            restore = self._restore
            self._reset()
            # Ours by its prefix; a foreign code (another registration system's QR) by its
            # speed: nobody types eight characters and Enter at scanner speed.
            if looks_like_scan(text) or len(text.strip()) >= FOREIGN_MIN_LENGTH:
                if restore is not None:
                    restore(text)
                self._swallow_release = event.key()
                self.scanned.emit(text)
                return True
            return False
        typed = event.text()
        if typed and typed.isprintable() and len(self._buffer) < MAX_BUFFER:
            if not self._buffer:  # perhaps a burst begins: remember the field as it is
                self._restore = _snapshot(_typed_into(obj))
            self._buffer.append(typed)
        return False

    def _commit(self, event: QInputMethodEvent) -> bool:
        committed = event.commitString()
        if committed and looks_like_scan(committed):
            self._reset()
            self.scanned.emit(committed)
            return True
        return False


# -- taking back what a burst typed ---------------------------------------------------------------
def _typed_into(obj: QWidget) -> QWidget:
    """The widget that receives the characters: a completer's popup passes them on to its field."""
    focus = QApplication.focusWidget()
    if obj.window().windowType() == Qt.WindowType.Popup and focus is not None \
            and focus.window() is not obj.window():
        return focus
    return obj


def _snapshot(widget: QWidget) -> Restore | None:
    """A function that puts `widget` back as it is now (None: nothing a burst could change)."""
    restore = _restorer(widget)
    if restore is None:
        return None

    def guarded(burst: str) -> None:
        if shiboken6.isValid(widget):  # a dialog may have closed meanwhile
            restore(burst)

    return guarded


def _restorer(widget: QWidget) -> Restore | None:
    if isinstance(widget, QAbstractSpinBox):
        return _spin_box(widget)
    if isinstance(widget, QComboBox):
        edit = widget.lineEdit() if widget.isEditable() else None
        index = widget.currentIndex()
        restore_edit = _line_edit(edit) if edit is not None else None

        def restore_combo(burst: str) -> None:
            if restore_edit is not None:
                restore_edit(burst)
            if widget.currentIndex() != index:
                widget.setCurrentIndex(index)

        return restore_combo
    if isinstance(widget, QLineEdit):
        return _line_edit(widget)
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return _text_edit(widget)
    if isinstance(widget, QAbstractItemView):
        return _item_view(widget)  # typing letters jumps to a matching row
    return None


def _line_edit(edit: QLineEdit) -> Restore:
    text, cursor = edit.text(), edit.cursorPosition()
    start, length = edit.selectionStart(), len(edit.selectedText())

    def restore(_burst: str) -> None:
        completer = edit.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()
        if edit.text() == text:
            return
        edit.setText(text)
        if length:
            edit.setSelection(start, length)
        else:
            edit.setCursorPosition(cursor)
        # Whoever follows the operator's edits (a completer, a live search) follows it back.
        edit.textEdited.emit(text)

    return restore


def _spin_box(box: QAbstractSpinBox) -> Restore:
    edit = box.findChild(QLineEdit)
    restore_edit = _line_edit(edit) if edit is not None else None
    put_back: Callable[[], None] = box.interpretText
    if isinstance(box, QSpinBox):
        put_back = partial(box.setValue, box.value())
    elif isinstance(box, QDateTimeEdit):
        put_back = partial(box.setDateTime, box.dateTime())
    elif isinstance(box, QDoubleSpinBox):
        put_back = partial(box.setValue, box.value())

    def restore(burst: str) -> None:
        if restore_edit is not None:
            restore_edit(burst)
        put_back()

    return restore


def _text_edit(edit: QTextEdit | QPlainTextEdit) -> Restore:
    # Not the whole text put back (formatting, the undo history): the burst's characters before
    # the cursor are removed and the selection its first character replaced is put back.
    replaced = edit.textCursor().selectedText()

    def restore(burst: str) -> None:
        cursor = edit.textCursor()
        end = cursor.position()
        cursor.setPosition(max(0, end - len(burst)))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText().upper() != burst.upper():
            return  # not what the burst typed: leave the operator's text alone
        if replaced:
            cursor.insertText(replaced)
        else:
            cursor.removeSelectedText()

    return restore


def _item_view(view: QAbstractItemView) -> Restore:
    selection = view.selectionModel()
    current = QPersistentModelIndex(view.currentIndex())
    chosen = selection.selection()

    def restore(_burst: str) -> None:
        if view.selectionModel() is not selection:
            return
        selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        model = view.model()
        if current.isValid() and model is not None:
            index = model.index(current.row(), current.column(), current.parent())
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    return restore

"""Answer the modal dialogs a step opens, as a person would, while the step waits in them.

A step such as a click that asks a question runs the question's event loop (QMessageBox.exec);
the test cannot act after the click until the question is answered. `Modals(...)` polls for the
next modal dialog and hands each new one to the next handler (look at it, click a button):

    with Modals(lambda box: click(box, QMessageBox.StandardButton.Cancel)) as modals:
        qtbot.mouseClick(...)
    assert modals.seen  # a question was asked
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

Handler = Callable[[QWidget], None]


class Modals:
    def __init__(self, *handlers: Handler) -> None:
        self.handlers = list(handlers)
        self.seen: list[str] = []  # the type names of the dialogs answered, in order
        self.errors: list[BaseException] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)

    def __enter__(self) -> Modals:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._timer.stop()
        if self.errors and kind is None:
            raise self.errors[0]

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        # A dynamic property marks the dialogs answered: a later dialog may reuse the address.
        if widget is None or not widget.isVisible() or widget.property("answered") \
                or not self.handlers:
            return
        widget.setProperty("answered", True)
        self.seen.append(type(widget).__name__)
        handler = self.handlers.pop(0)
        try:
            handler(widget)
        except BaseException as exc:  # noqa: BLE001 - re-raised by __exit__, never lost
            self.errors.append(exc)
            widget.close()


def click(box: QWidget, button: QMessageBox.StandardButton) -> None:
    """Press `button` of the question `box`."""
    assert isinstance(box, QMessageBox), type(box).__name__
    pressed = box.button(button)
    assert pressed is not None, f"no {button} button"
    pressed.click()

"""What the program's small dialogs share: the OK / Cancel row, a file path with Browse…."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit, QPushButton

from eventdesk.ui.i18n import translate


def ok_cancel(dialog: QDialog, *, ok: str | None = None, cancel: str | None = None,
              on_ok: Callable[[], None] | None = None) -> QDialogButtonBox:
    """OK and Cancel for `dialog` (not yet laid out): OK calls `on_ok` (default: accept),
    Cancel rejects; `ok` and `cancel` relabel the buttons
    (worded by the caller)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    if ok is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    if cancel is not None:
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def path_row(edit: QLineEdit, browse: Callable[[], None]) -> QHBoxLayout:
    """The path field, stretched, with a “浏览…” (Browse…) button that calls `browse`."""
    button = QPushButton(translate("Dialogs", "浏览…"))
    button.clicked.connect(browse)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row

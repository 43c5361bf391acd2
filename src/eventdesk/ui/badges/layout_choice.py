"""The badge view's layout chooser: the built-in layouts and the event's own (saved in the
designer, marked ★), refreshed off the GUI thread, with a button to the designer page."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from eventdesk.actions import layouts, printing
from eventdesk.messages.layouts import layout_title
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import translate


class LayoutChoice(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.box = QComboBox()
        for name, title in printing.layout_choices():  # at once; the event's join when read
            self.box.addItem(layout_title(name, title, "builtin"), name)
        self.box.setCurrentIndex(max(self.box.findData("default"), 0))
        self.design = QPushButton(translate("LayoutChoice", "设计胸卡…"))
        self.design.setToolTip(translate("LayoutChoice", "打开胸卡设计"))
        self.design.clicked.connect(self._open_designer)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 1)
        row.addWidget(self.design)
        self.refresh()

    def refresh(self) -> None:
        ops.run_action(self.ctx, lambda actx, _p: layouts.list_layouts(actx),
                       on_done=self._show, on_error=lambda _exc: None, owner=self)

    def _show(self, found: list[layouts.LayoutInfo]) -> None:
        if not shiboken6.isValid(self.box):
            return
        current = self.box.currentData() or "default"
        self.box.blockSignals(True)  # the same choice stays: no refresh of the preview
        self.box.clear()
        for info in found:
            self.box.addItem(layout_title(info.name, info.title, info.origin)
                             + (" ★" if info.origin == "event" else ""), info.name)
        self.box.setCurrentIndex(max(self.box.findData(current), 0))
        self.box.blockSignals(False)

    def _open_designer(self) -> None:
        show_view = getattr(self.window(), "show_view", None)
        if callable(show_view):
            show_view("designer")

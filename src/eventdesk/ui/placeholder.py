"""A view that a later release fills; says so plainly instead of showing an empty window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from eventdesk.ui.i18n import translate


class PlaceholderView(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        label = QLabel(f"<h2>{title}</h2><p>"
                       + translate("PlaceholderView", "此功能尚在开发中。") + "</p>")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)

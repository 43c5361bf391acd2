"""The big status panel: green checked in, amber already checked in, red rejected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

COLOURS = {
    "green": ("#e7f6ec", "#1b7f3b"),
    "amber": ("#fff4e0", "#b25e09"),
    "red": ("#fdecea", "#b42318"),
    "blue": ("#e8f0fe", "#1d4ed8"),
    "idle": ("#f2f4f7", "#475467"),
}


class StatusPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("deskStatus")
        self.setMinimumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        for label in (self.title, self.detail, self.hint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            layout.addWidget(label)
        self.state = "idle"
        self.show_state("idle", "请扫描胸卡，或输入姓名 / 拼音 / 单位 / 手机尾号")

    def show_state(self, state: str, title: str, detail: str = "", hint: str = "") -> None:
        self.state = state
        bg, fg = COLOURS.get(state, COLOURS["idle"])
        self.setStyleSheet(
            f"#deskStatus {{ background: {bg}; border: 3px solid {fg}; border-radius: 10px; }}"
            f" QLabel {{ color: {fg}; background: transparent; }}")
        big = 30 if state != "idle" else 20
        self.title.setStyleSheet(f"font-size: {big}px; font-weight: 700;")
        self.detail.setStyleSheet("font-size: 20px;")
        self.hint.setStyleSheet("font-size: 13px;")
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

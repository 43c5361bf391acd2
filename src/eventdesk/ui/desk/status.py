"""The big status panel: checked in, already checked in, rejected — readable from 1.5 m.

Each outcome is said three ways, so that no one depends on colour (colour-blind operators, a
sunlit screen): a large symbol (✓ ! ✗ ?), a title that names the outcome in words, and a strong
background with text at a contrast of at least 7:1 (WCAG AAA; tests/ui/test_desk_comfort.py
measures it). The sizes follow the desk's font-size setting (`set_scale`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from eventdesk.ui.i18n import translate

# state -> (background, text): dark, saturated backgrounds with white text; amber is too light
# for white, so it carries near-black text.
COLOURS = {
    "green": ("#0f5c2e", "#ffffff"),
    "amber": ("#f6b73c", "#111111"),
    "red": ("#a4161a", "#ffffff"),
    "blue": ("#1e3a8a", "#ffffff"),
    "idle": ("#f2f4f7", "#1d2939"),
}
MARKS = {"green": "✓", "amber": "!", "red": "✗", "blue": "?", "idle": ""}
# Pixel sizes at the normal font size (desk setting "normal"); larger settings multiply them.
TITLE_PX, DETAIL_PX, HINT_PX, MARK_PX, IDLE_PX = 34, 22, 15, 72, 22


class StatusPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("deskStatus")
        self.setMinimumHeight(150)
        self.scale = 1.0
        self._styled: tuple[str, float] | None = None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        self.mark = QLabel()
        self.mark.setObjectName("deskStatusMark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.mark)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        for label in (self.title, self.detail, self.hint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            # A word longer than the panel (a 200-character note without a space, a long name)
            # is cut at the panel's edge rather than widening the panel, and with it the
            # window past the screen; wrapping at spaces and between Chinese characters stays.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        self.state = "idle"
        self.show_state("idle", translate("StatusPanel",
                                          "请扫描胸卡，或输入姓名 / 拼音 / 单位 / 手机尾号"))

    def set_scale(self, scale: float) -> None:
        """The desk's font size (1.0 normal); applies at once to what is shown."""
        self.scale = scale
        self._style()

    def _restyle(self) -> None:
        """Style sheets only when the state or the size changed: a scanner burst of one outcome
        after another keeps the panel's style (each sheet costs a re-polish of the labels)."""
        if self._styled != (self.state, self.scale):
            self._style()

    def _px(self, size: int) -> int:
        return round(size * self.scale)

    def _style(self) -> None:
        self._styled = (self.state, self.scale)
        bg, fg = COLOURS.get(self.state, COLOURS["idle"])
        self.setStyleSheet(
            f"#deskStatus {{ background: {bg}; border: 3px solid {fg}; border-radius: 10px; }}"
            f" QLabel {{ color: {fg}; background: transparent; }}")
        big = TITLE_PX if self.state != "idle" else IDLE_PX
        self.title.setStyleSheet(f"font-size: {self._px(big)}px; font-weight: 700;")
        self.detail.setStyleSheet(f"font-size: {self._px(DETAIL_PX)}px; font-weight: 600;")
        self.hint.setStyleSheet(f"font-size: {self._px(HINT_PX)}px;")
        self.mark.setStyleSheet(f"font-size: {self._px(MARK_PX)}px; font-weight: 900;")
        self.mark.setMinimumWidth(self._px(MARK_PX) if MARKS.get(self.state) else 0)

    def show_state(self, state: str, title: str, detail: str = "", hint: str = "") -> None:
        self.state = state
        mark = MARKS.get(state, "")
        self.mark.setText(mark)
        self.mark.setVisible(bool(mark))
        self._restyle()
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

"""The reprint question (Ctrl+R, or Ctrl+P for someone who has a badge): why, and for "lost"
the one confirmation before the old badge is revoked.

Reasons (actions.desk_print.REPRINT_REASONS): 遗失 lost (a new code; the old badge is refused
at every desk from then on), 损坏 damaged, 信息有误 wrong details, 打印机故障 printer fault,
其他 other (with a short text, required). Keys: ↑/↓ choose, Enter confirms, Esc cancels; the
text field takes the keys once "other" is chosen.

"Lost" is confirmed in this dialog, once, as it is accepted: the question is the dialog's, so no
later step (the printer's first-use dialog, a retry) can ask it again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk.actions.desk_print import NOTE_MAX, REPRINT_REASONS
from eventdesk.messages.desk import desk_text
from eventdesk.ui.dialogs import ok_cancel
from eventdesk.ui.i18n import translate


@dataclass(frozen=True)
class ReprintChoice:
    """The reason chosen (a key of REPRINT_REASONS) and, for "other", the operator's words."""

    reason: str
    note: str = ""


def revoke_box(parent: QWidget | None, name: str) -> QMessageBox:
    """The confirmation before a lost badge's code is revoked (not yet shown)."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("ReprintDialog", "作废旧胸卡"),
                      translate("ReprintDialog",
                                "{name} 的旧胸卡将作废：此后在任何签到台扫描都会被拒绝。"
                                "\n确定补办新胸卡吗？").format(name=name),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("revokeConfirm")
    box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter twice does not revoke
    return box


def confirm_revoke(parent: QWidget | None, name: str) -> bool:
    return revoke_box(parent, name).exec() == QMessageBox.StandardButton.Yes


class ReprintDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprintReason")
        self.name = name
        self.setWindowTitle(desk_text("desk.print.ask_reason_title"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(desk_text("desk.print.ask_reason", name=name)))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for i, key in enumerate(REPRINT_REASONS):
            button = QRadioButton(desk_text(f"desk.print_reason.{key}"))
            button.setObjectName(f"reason_{key}")
            self.group.addButton(button, i)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons["lost"].setToolTip(translate("ReprintDialog",
                                                  "旧胸卡作废，新胸卡使用新的二维码"))
        self.note = QLineEdit()
        self.note.setObjectName("reasonNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(translate("ReprintDialog", "请简要写明原因"))
        layout.addWidget(self.note)
        self.box: QDialogButtonBox = ok_cancel(self)
        layout.addWidget(self.box)
        self.buttons["damaged"].setChecked(True)  # keeps the old code: the harmless default
        self.group.idToggled.connect(lambda _i, _on: self._changed())
        self.note.textChanged.connect(lambda _t: self._changed())
        # Tests answer the revocation question; it is asked here and nowhere else.
        self.confirm_revoke: Callable[[QWidget, str], bool] = confirm_revoke
        self._changed()

    @property
    def reason(self) -> str:
        return REPRINT_REASONS[max(self.group.checkedId(), 0)]

    def _changed(self) -> None:
        other = self.reason == "other"
        self.note.setEnabled(other)
        if other:
            self.note.setFocus()
        ok = self.box.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not other or bool(self.note.text().strip()))

    def accept(self) -> None:
        if self.reason == "other" and not self.note.text().strip():
            return
        if self.reason == "lost" and not self.confirm_revoke(self, self.name):
            return  # back to the question: another reason, or Cancel
        super().accept()

    def choice(self) -> ReprintChoice:
        return ReprintChoice(self.reason,
                             " ".join(self.note.text().split()) if self.reason == "other" else "")


def ask(parent: QWidget | None, name: str) -> ReprintChoice | None:
    """The reason for reprinting `name`'s badge, or None (cancelled)."""
    dialog = ReprintDialog(name, parent)
    return dialog.choice() if dialog.exec() else None

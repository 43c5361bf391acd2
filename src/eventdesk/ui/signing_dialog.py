"""The organiser's dialog that unlocks badge signing on this computer (File menu).

A printing desk is unlocked once, before the rush: the organiser types the signing passphrase,
the key is unsealed on a worker thread (actions.signing.unlock_signing: Argon2id takes a few
tenths of a second) and stays in this process's memory, so no print asks again. Desks that only
scan need not unlock. The passphrase is not kept: the field is cleared whatever the answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from eventdesk import messages
from eventdesk.actions import signing as signing_actions
from eventdesk.services.signing import SigningStatus
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.dialogs import ok_cancel


class UnlockSigningDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unlocked: SigningStatus | None = None
        self.op: ops.BackgroundOp | None = None
        self.setWindowTitle(messages.text("signing.dialog.title"))
        explain = QLabel(messages.text("signing.dialog.explain"))
        explain.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(messages.text("signing.dialog.passphrase"))
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.buttons = ok_cancel(self, ok=messages.text("signing.dialog.unlock"),
                                 on_ok=self.unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        # Tall enough for the explanation wrapped at this width (English runs to four lines;
        # a top-level window does not ask its layout for height-for-width by itself).
        self.setMinimumWidth(460)
        self.resize(460, layout.totalHeightForWidth(460))

    def unlock(self) -> None:
        typed = self.passphrase.text()
        self.passphrase.clear()
        if not typed:
            return
        self.state.setText(messages.text("signing.dialog.working"))
        self.buttons.setEnabled(False)
        self.op = ops.run_action(
            self.ctx, lambda actx, _p: signing_actions.unlock_signing(actx, passphrase=typed),
            on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, status: SigningStatus) -> None:
        self.unlocked = status
        self.buttons.setEnabled(True)
        self.state.setText(messages.text("signing.unlocked", fingerprint=status.fingerprint))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.state.setText(messages.describe(exc))
        self.passphrase.setFocus()

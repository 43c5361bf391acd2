"""The Audit view (admins): the trail newest first, filtered by action prefix, a time and a
text; "Verify the chain" says in one sentence whether it is whole (or which entry is not);
"Export…" writes what is shown to .csv/.xlsx. Everything that reads the database runs off the
GUI thread (the paged model, ui.ops.run_action)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.actions import audit as audit_actions
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import DomainError
from eventdesk.messages import describe, text
from eventdesk.services.audit_read import Filters, Verified
from eventdesk.ui import ops
from eventdesk.ui.audit.model import AuditModel
from eventdesk.ui.context import AppContext

FILTER_DELAY_MS = 300  # typing in a filter reloads once the person pauses


def signed_in(actx: ActionContext) -> ActionContext:
    """The window's context for the audit actions. Until sign-in reaches the window (the
    accounts capability sets ActionContext.user), the operator as an admin, as the window runs
    every other action as its operator today."""
    if actx.user is not None:
        return actx
    return replace(actx, user=Principal(actx.operator, UserRole.ADMIN))


class AuditView(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = AuditModel(ctx, parent=self)
        self.action_edit = QLineEdit(placeholderText=text("audit.view.action_hint"))
        self.since_edit = QLineEdit(placeholderText="2026-05-22 / 2026-05-22T09:00")
        self.since_edit.setToolTip(text("audit.view.since_hint"))
        self.text_edit = QLineEdit(placeholderText=text("audit.view.text_hint"))
        self.verify_button = QPushButton(text("audit.view.verify"))
        self.export_button = QPushButton(text("audit.view.export"))
        self.count_label = QLabel()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for i, column in enumerate(self.model.columns):
            header.resizeSection(i, column.width)
        header.setSectionResizeMode(len(self.model.columns) - 1, QHeaderView.ResizeMode.Stretch)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self._layout()
        for edit in (self.action_edit, self.since_edit, self.text_edit):
            edit.textChanged.connect(lambda _t: self._timer.start())
            edit.returnPressed.connect(self.apply_filters)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self.model.reloaded.connect(self._show_count)
        self.model.rowsInserted.connect(lambda *_a: self._show_count())
        self.model.failed.connect(self.verdict.setText)
        self.model.reload()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, edit in ((text("audit.view.action"), self.action_edit),
                            (text("audit.view.since"), self.since_edit),
                            (text("audit.view.text"), self.text_edit)):
            filters.addWidget(QLabel(label))
            filters.addWidget(edit, 1)
        filters.addWidget(self.verify_button)
        filters.addWidget(self.export_button)
        box = QVBoxLayout(self)
        title = QLabel(text("audit.view.title"))
        title.setStyleSheet("font-size: 16px; font-weight: bold")
        box.addWidget(title)
        box.addLayout(filters)
        box.addWidget(self.verdict)
        box.addWidget(self.table, 1)
        box.addWidget(self.count_label)

    def filters(self) -> Filters | None:
        """The filters as typed; None (and the reason shown) when the time cannot be read."""
        since = None
        if self.since_edit.text().strip():
            try:
                since = audit_actions.parse_since(self.since_edit.text(), self.model.zone)
            except DomainError as exc:
                self.verdict.setText(describe(exc))
                return None
        return Filters(since=since, action_prefix=self.action_edit.text().strip(),
                       text=self.text_edit.text().strip())

    def apply_filters(self) -> None:
        self._timer.stop()
        filters = self.filters()
        if filters is not None:
            self.model.set_filters(filters)

    def _show_count(self) -> None:
        self.count_label.setText(text("audit.view.count", total=self.model.total,
                                      shown=self.model.rowCount()))

    def verify(self) -> None:
        self.verdict.setText(text("audit.view.verifying"))
        ops.run_action(self.ctx, lambda actx, _p: audit_actions.verify_trail(signed_in(actx)),
                       on_done=self._show_verdict, on_error=self._show_error, owner=self)

    def _show_verdict(self, result: Verified) -> None:
        if result.broken is not None:
            self.verdict.setText(describe(audit_actions.broken_error(result.broken)))
            self.verdict.setStyleSheet("color: #b00020; font-weight: bold")
        else:
            self.verdict.setText(text("audit.verify.ok", count=result.count,
                                      seq=result.head_seq, hash=result.head_hash))
            self.verdict.setStyleSheet("color: #1b5e20")

    def _show_error(self, exc: BaseException) -> None:
        self.verdict.setText(ops.error_text(exc))

    def export(self) -> None:
        filters = self.filters()
        if filters is None:
            return
        name, _chosen = QFileDialog.getSaveFileName(
            self, text("audit.view.export"), "audit.xlsx", "Excel (*.xlsx);;CSV (*.csv)")
        if not name:
            return
        out = Path(name)
        ops.run_action(
            self.ctx, lambda actx, p: audit_actions.export_trail(signed_in(actx), out=out,
                                                                 filters=filters, progress=p),
            on_done=lambda done: self.verdict.setText(
                text("audit.view.exported", count=done.count, out=str(done.out))),
            on_error=self._show_error, owner=self)


def create_view(ctx: AppContext) -> QWidget:
    return AuditView(ctx)

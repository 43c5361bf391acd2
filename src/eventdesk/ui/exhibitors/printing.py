"""Print all badges of one exhibitor (issue 13), from the exhibitors view.

The batch print of the badges view (actions.printing.print_run: read -> render -> print ->
one short write that logs every badge) with the selection narrowed to this exhibitor's
registered staff, on this machine's desk layout and paper. Badges never printed go as first
prints; when some were printed before, "all" is a reprint with a reason, as at the desk (a
"first" print of a printed badge is refused by the action). Sent to a printer chosen in Qt's
print dialog (or saved as a PDF, recorded only when asked), in the background.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import printing
from eventdesk.domain import PersonStatus, PrintReason
from eventdesk.services.exhibitor_staff import StaffMember
from eventdesk.services.exhibitors import ExhibitorRow
from eventdesk.ui import ops
from eventdesk.ui.badges import jobs
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.i18n import translate
from eventdesk.ui.printers.queue import PrintJob

REPRINT_REASONS = (
    (cast(str, QT_TRANSLATE_NOOP("ExhibitorPrintDialog", "损坏")), PrintReason.DAMAGED),
    (cast(str, QT_TRANSLATE_NOOP("ExhibitorPrintDialog", "信息有误")), PrintReason.WRONG_DATA),
    (cast(str, QT_TRANSLATE_NOOP("ExhibitorPrintDialog", "打印机故障")),
     PrintReason.PRINTER_FAULT),
)


class ExhibitorPrintDialog(QDialog):
    """The badges of `row`'s registered staff: those never printed, or all of them."""

    def __init__(self, ctx: AppContext, row: ExhibitorRow, *, staff: list[StaffMember],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.run_op: ops.BackgroundOp | None = None
        self.last_run: printing.PrintRun | None = None
        registered = [m for m in staff if m.person.status == PersonStatus.REGISTERED]
        self.total = len(registered)
        self.unprinted = sum(1 for m in registered if m.print_count == 0)
        self.setWindowTitle(translate("ExhibitorPrintDialog", "打印展商胸卡"))
        root = QVBoxLayout(self)
        heading = QLabel(f"{row.name_zh} · {row.hall} {row.booth}".strip(" ·"))
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        heading.setWordWrap(True)
        root.addWidget(heading)
        counts = translate("ExhibitorPrintDialog", "在册人员 {n} 人，其中未打印 {k} 人")
        root.addWidget(QLabel(counts.format(n=self.total, k=self.unprinted)))
        self.only_new = QRadioButton(
            translate("ExhibitorPrintDialog", "未打印的胸卡（{n} 张）").format(n=self.unprinted))
        self.every = QRadioButton(
            translate("ExhibitorPrintDialog", "全部胸卡（{n} 张）").format(n=self.total))
        group = QButtonGroup(self)
        for button in (self.only_new, self.every):
            group.addButton(button)
            root.addWidget(button)
        reprint = QHBoxLayout()
        self.reason_label = QLabel(
            translate("ExhibitorPrintDialog", "已打印过的按补打记录，原因："))
        self.reason = QComboBox()
        for label, reason in REPRINT_REASONS:
            self.reason.addItem(translate("ExhibitorPrintDialog", label), reason.value)
        reprint.addSpacing(24)
        reprint.addWidget(self.reason_label)
        reprint.addWidget(self.reason)
        reprint.addStretch(1)
        root.addLayout(reprint)
        self.mark_printed = QCheckBox(translate("ExhibitorPrintDialog", "保存 PDF 时记为已打印"))
        root.addWidget(self.mark_printed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        root.addWidget(self.status)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(translate("ExhibitorPrintDialog", "保存 PDF…"))
        self.print_button = QPushButton(translate("ExhibitorPrintDialog", "打印…"))
        self.print_button.setDefault(True)
        self.close_button = QPushButton(translate("ExhibitorPrintDialog", "关闭"))
        self.pdf_button.clicked.connect(self._save_pdf)
        self.print_button.clicked.connect(self._print)
        self.close_button.clicked.connect(self.close)
        buttons.addStretch(1)
        for b in (self.pdf_button, self.print_button, self.close_button):
            buttons.addWidget(b)
        root.addLayout(buttons)
        # Nothing printed yet: "all" is the same first print, no reason to ask; all printed:
        # nothing is new. Only a mix gives a choice, and the unprinted ones come first.
        mixed = 0 < self.unprinted < self.total
        self.only_new.setEnabled(mixed)
        (self.only_new if mixed else self.every).setChecked(True)
        self.every.setEnabled(self.total > 0)
        group.buttonToggled.connect(lambda *_a: self._refresh())
        self._refresh()

    def _refresh(self) -> None:
        reprinting = self.every.isChecked() and self.unprinted < self.total
        self.reason.setEnabled(reprinting)
        self.reason_label.setEnabled(reprinting)
        idle = self.run_op is None and self.total > 0
        self.pdf_button.setEnabled(idle)
        self.print_button.setEnabled(idle)

    def selection(self) -> tuple[printing.BadgeSelection, PrintReason]:
        """Who is printed (this exhibitor's staff, all or the unprinted) and the reason logged."""
        only_new = self.only_new.isChecked() or self.unprinted == self.total
        desk = desk_settings.load(self.ctx.settings)
        criteria = printing.BadgeFilter(exhibitor_id=self.row.id, not_printed=only_new)
        reason = PrintReason.FIRST if only_new else PrintReason(self.reason.currentData())
        return (printing.BadgeSelection(criteria=criteria, sort="name", layout=desk.layout,
                                        preset=desk.preset), reason)

    def _save_pdf(self) -> None:
        stem = (self.row.short_name or self.row.name_zh).replace("/", "_")
        title = translate("ExhibitorPrintDialog", "保存胸卡 PDF")
        path, _ = QFileDialog.getSaveFileName(self, title, f"{stem}.pdf", "PDF (*.pdf)")
        if path:
            self.start_run(out=Path(path), record=self.mark_printed.isChecked())

    def _print(self) -> None:
        job = jobs.ask_print_job(
            self, self.ctx.settings,
            title=f"EventDesk badges ({self.row.short_name or self.row.name_zh})")
        if job is not None:
            self.start_run(job=job)

    def start_run(self, *, out: Path | None = None, job: PrintJob | None = None,
                  record: bool = False) -> ops.BackgroundOp:
        """Render this exhibitor's badges to `out` and/or the printer of `job` in the
        background; a printed run is always logged, a PDF only with `record`."""
        selection, reason = self.selection()
        sink = jobs.printer_sink(job) if job is not None else None
        logged = record or job is not None
        self.status.setStyleSheet("")
        self.status.setText(translate("ExhibitorPrintDialog", "正在生成…"))
        self.run_op = ops.run_action(
            self.ctx, lambda actx, p: printing.print_run(
                actx, selection=selection, out=out, printer=sink, record=logged, reason=reason,
                separate_process=True, progress=p),
            on_done=self._done, on_error=self._failed)
        self._refresh()
        return self.run_op

    def _done(self, run: printing.PrintRun) -> None:
        if not shiboken6.isValid(self):
            return
        self.run_op = None
        self.last_run = run
        where = messages.text("printing.to_printer") if run.printed else str(run.out)
        logged = (messages.text("printing.done_recorded", count=run.recorded) if run.recorded
                  else messages.text("printing.done_not_recorded"))
        self.status.setText(messages.text("printing.done", badges=run.badges, pages=run.pages,
                                          where=where) + logged)
        self._refresh()

    def _failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.run_op = None
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(messages.describe(exc))
        self._refresh()


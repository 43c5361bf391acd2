"""The batch badge view: choose who (filters, order), how (layout, paper, print-shop options),
see the count, the real first pages and anyone whose name cannot be printed, then run to a PDF
file or a printer with progress and cancel. Everything slow is an action of actions.printing,
run off the GUI thread through ops.run_action."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import printing
from eventdesk.actions.base import ActionContext, Cancelled, Outcome, ProgressFn
from eventdesk.domain import Category, PrintReason
from eventdesk.ui import ops
from eventdesk.ui.badges import jobs
from eventdesk.ui.badges.layout_choice import LayoutChoice
from eventdesk.ui.context import EXHIBITORS, PEOPLE, PRINTS, AppContext
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.i18n import format_number, translate
from eventdesk.ui.labels import category_label, preset_label
from eventdesk.ui.printers.dialog import CalibrationDialog
from eventdesk.ui.printers.queue import PrintJob

# A big run renders in child processes (actions.printing, separate_process): the window's own
# process keeps its GIL and garbage collector for the desk's typing. Two: the desk PC's cores.
RUN_PROCESSES = max(1, min(2, os.cpu_count() or 1))

SORT_LABELS = {"company": QT_TRANSLATE_NOOP("BadgeView", "单位，再按姓名拼音"),
               "booth": QT_TRANSLATE_NOOP("BadgeView", "展馆，再按展位"),
               "name": QT_TRANSLATE_NOOP("BadgeView", "姓名拼音")}


class BadgeView(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._summary_op: ops.BackgroundOp | None = None
        self._preview_op: ops.BackgroundOp | None = None
        self._halls_op: ops.BackgroundOp | None = None
        self.run_op: ops.BackgroundOp | None = None
        self.last_outcome: printing.PrintRun | None = None
        self.summary: printing.BadgeSummary | None = None
        self._generation = 0
        self._stale = self._stale_halls = False  # changes heard while hidden (_on_changed)
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        ctx.changed.connect(self._on_changed)
        self._load_halls()
        self.refresh()

    # -- widgets ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.category = QComboBox()
        self.category.addItem(translate("BadgeView", "全部类别"), None)
        for cat in Category:
            self.category.addItem(category_label(cat), cat)
        self.company = QLineEdit(placeholderText=translate("BadgeView", "单位名称或简称"))
        self.hall = QComboBox()
        self.not_printed = QCheckBox(translate("BadgeView", "只看未打印"))
        self.changed = QCheckBox(translate("BadgeView", "打印后有修改"))
        self.sort = QComboBox()
        for key in printing.SORTS:
            self.sort.addItem(translate("BadgeView", str(SORT_LABELS[key])), key)
        who = QFormLayout()
        who.addRow(translate("BadgeView", "类别"), self.category)
        who.addRow(translate("BadgeView", "单位"), self.company)
        who.addRow(translate("BadgeView", "展馆"), self.hall)
        who.addRow(self.not_printed)
        who.addRow(self.changed)
        who.addRow(translate("BadgeView", "排序"), self.sort)
        who_box = QGroupBox(translate("BadgeView", "打印哪些胸卡"))
        who_box.setLayout(who)

        self.layout_choice = LayoutChoice(self.ctx)  # built-in and the event's own layouts
        self.layout_box = self.layout_choice.box
        self.preset = QComboBox()
        for preset, _label in printing.preset_choices():
            self.preset.addItem(preset_label(preset), preset)
        self.crop_marks = QCheckBox(translate("BadgeView", "裁切标记"))
        self.bleed = QDoubleSpinBox(suffix=" mm", maximum=5.0, singleStep=0.5)
        self.separators = QCheckBox(translate("BadgeView", "每个单位前加分隔页"))
        self.duplex = QCheckBox(translate("BadgeView", "双面（版式有背面时）"))
        self.duplex.setChecked(True)
        # Calibration belongs to this desk's printer (ui.printers.calibration): applied to
        # every print, chosen in the print dialog; files (proofs, print shops) get none.
        self.calibrate_button = QPushButton(translate("BadgeView", "打印机校准…"))
        self.calibrate_button.setObjectName("calibratePrinter")
        how = QFormLayout()
        how.addRow(translate("BadgeView", "版式"), self.layout_choice)
        how.addRow(translate("BadgeView", "纸张"), self.preset)
        how.addRow(self.crop_marks)
        how.addRow(translate("BadgeView", "出血"), self.bleed)
        how.addRow(self.separators)
        how.addRow(self.duplex)
        how.addRow(translate("BadgeView", "打印机"), self.calibrate_button)
        how_box = QGroupBox(translate("BadgeView", "怎么打印"))
        how_box.setLayout(how)

        self.count_label = QLabel("…")
        self.count_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.hide()
        self.mark_printed = QCheckBox(translate("BadgeView", "保存后标记为已打印"))
        # The reason a run is logged with means what it means at the desk: a lost reprint
        # issues new codes and revokes the old ones (actions.printing.print_run).
        self.reason = QComboBox()
        for why in PrintReason:
            if why == PrintReason.OTHER:
                continue  # needs words saying why: at the desk, or `eventdesk badges --note`
            self.reason.addItem(messages.text(f"desk.print_reason.{why.value}"), why)
        reason_row = QFormLayout()
        reason_row.addRow(translate("BadgeView", "打印原因"), self.reason)
        self.pdf_button = QPushButton(translate("BadgeView", "生成 PDF…"))
        self.print_button = QPushButton(translate("BadgeView", "打印…"))
        self.cancel_button = QPushButton(translate("BadgeView", "取消"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.pdf_button, self.print_button, self.cancel_button):
            buttons.addWidget(b)

        side = QVBoxLayout()
        for w in (who_box, how_box, self.count_label, self.problems_label, self.problems,
                  self.mark_printed):
            side.addWidget(w)
        side.addLayout(reason_row)
        side.addLayout(buttons)
        side.addWidget(self.progress)
        side.addWidget(self.status)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(430)

        self.pages = QWidget()
        self.pages_layout = QHBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #8a8f94; }")
        self.pages.setStyleSheet("background: #8a8f94;")
        preview_box = QVBoxLayout()
        preview_box.addWidget(QLabel(translate("BadgeView", "预览（前几页，与打印一致）")))
        preview_box.addWidget(scroll, 1)

        root = QHBoxLayout(self)
        root.addWidget(side_widget)
        root.addLayout(preview_box, 1)

        for signal in (self.category.currentIndexChanged, self.hall.currentIndexChanged,
                       self.sort.currentIndexChanged, self.layout_box.currentIndexChanged,
                       self.preset.currentIndexChanged, self.not_printed.toggled,
                       self.changed.toggled, self.crop_marks.toggled, self.separators.toggled,
                       self.duplex.toggled,
                       self.bleed.valueChanged, self.company.textChanged):
            signal.connect(self._schedule_refresh)
        self.calibrate_button.clicked.connect(self.open_calibration)
        self.pdf_button.clicked.connect(self._save_pdf)
        self.pdf_button.setObjectName("saveBadgesPdf")  # found by the soak (bench_soak.py)
        self.print_button.clicked.connect(self._print)
        self.cancel_button.clicked.connect(self.cancel)

    # -- state -----------------------------------------------------------------------------
    def _load_halls(self) -> None:
        self._halls_op = ops.run_action(
            self.ctx, lambda actx, _progress: printing.badge_halls(actx),
            on_done=self._show_halls, on_error=self._job_failed)

    def _show_halls(self, found: list[str]) -> None:
        if not self._alive():
            return
        current = self.hall.currentData()
        self.hall.blockSignals(True)
        self.hall.clear()
        self.hall.addItem(translate("BadgeView", "全部展馆"), None)
        for h in found:
            self.hall.addItem(h, h)
        index = self.hall.findData(current)
        self.hall.setCurrentIndex(max(index, 0))
        self.hall.blockSignals(False)

    def _desk(self) -> desk_settings.DeskSettings:
        return desk_settings.load(self.ctx.settings)

    def open_calibration(self) -> CalibrationDialog:
        """The calibration dialog for this desk's printer, at the paper chosen here."""
        desk = self._desk()
        printer = desk.printer if desk.printer != desk_settings.PDF_PRINTER else ""
        dialog = CalibrationDialog(self.ctx.settings, desk=desk.name, printer=printer,
                                   preset=self.preset.currentData() or desk.preset, parent=self)
        dialog.open()
        return dialog

    def selection(self) -> printing.BadgeSelection:
        criteria = printing.BadgeFilter(
            category=self.category.currentData(), company=self.company.text().strip(),
            hall=self.hall.currentData(), not_printed=self.not_printed.isChecked(),
            changed_since_print=self.changed.isChecked())
        options = printing.RenderOptions(crop_marks=self.crop_marks.isChecked(),
                                         bleed_mm=self.bleed.value(),
                                         separator_pages=self.separators.isChecked(),
                                         duplex=None if self.duplex.isChecked() else False)
        return printing.BadgeSelection(criteria=criteria, sort=self.sort.currentData(),
                                       layout=self.layout_box.currentData(),
                                       preset=self.preset.currentData(), options=options)

    def _schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def _on_changed(self, topics: frozenset[str]) -> None:
        if topics & {PEOPLE, EXHIBITORS, PRINTS}:
            if not self.isVisible():
                # Recounted when shown (showEvent): a count reads and signs every badge (seconds
                # at 30,000), and every desk print and each piece of an import is a change.
                self._stale_halls = self._stale_halls or EXHIBITORS in topics
                self._stale = True
                return
            if EXHIBITORS in topics:
                self._load_halls()
            self._schedule_refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale_halls:
            self._load_halls()
        if self._stale:
            self._schedule_refresh()
        self._stale = self._stale_halls = False

    def refresh(self) -> None:
        """Recount, re-check glyphs and re-render the preview for the current choices."""
        for op in (self._summary_op, self._preview_op):
            if op is not None:
                op.cancel()
        selection = self.selection()
        # Results of an older choice may arrive after newer ones: only the latest is shown.
        self._generation += 1
        generation = self._generation

        def show_summary(summary: printing.BadgeSummary) -> None:
            if generation == self._generation:
                self._show_summary(summary)

        def show_preview(images: list[QImage]) -> None:
            if generation == self._generation:
                self._show_preview(images)

        self.count_label.setText(translate("BadgeView", "正在统计…"))
        self._summary_op = ops.run_action(
            self.ctx, lambda actx, p: printing.summarise(actx, selection=selection, progress=p),
            on_done=show_summary, on_error=self._job_failed)
        self._preview_op = ops.run_action(
            self.ctx, lambda actx, p: _preview_images(actx, selection, p),
            on_done=show_preview, on_error=self._job_failed)

    def _job_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        if not isinstance(exc, Cancelled):
            self.status.setText(messages.describe(exc))

    def _show_summary(self, summary: printing.BadgeSummary) -> None:
        if not self._alive():
            return
        self.summary = summary
        # Worded so that no plural form is needed (pyside6-lupdate makes no numerus entries).
        self.count_label.setText(translate("BadgeView", "共 {badges} 张胸卡 · {pages} 页").format(
            badges=format_number(summary.count), pages=format_number(summary.pages)))
        self.problems.clear()
        if summary.problems:
            people = len({p.person_id for p in summary.problems})
            warning = messages.text("printing.glyphs_warning", people=people)
            self.problems_label.setText(f"<span style='color:#b71c1c'>{warning}</span>")
            for p in summary.problems:
                self.problems.addItem(messages.text(p.code, **p.params))
            self.problems.show()
        else:
            self.problems_label.setText(messages.text("proof.all_glyphs"))
            self.problems.hide()
        self.pdf_button.setEnabled(summary.count > 0 and self.run_op is None)
        self.print_button.setEnabled(summary.count > 0 and self.run_op is None)

    def _show_preview(self, images: list[QImage]) -> None:
        if not self._alive():
            return
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; border: 1px solid #555;")
            self.pages_layout.addWidget(label)
        if not images:
            self.pages_layout.addWidget(QLabel(translate("BadgeView", "（没有符合条件的胸卡）")))

    def _alive(self) -> bool:
        """A worker may finish after the view was closed (database replaced, tests)."""
        return shiboken6.isValid(self) and shiboken6.isValid(self.pages_layout)

    # -- runs ------------------------------------------------------------------------------
    def _confirm_problems(self) -> bool:
        if not self.summary or not self.summary.problems:
            return True
        answer = QMessageBox.question(
            self, "EventDesk",
            messages.text("printing.confirm_glyphs", count=len(self.summary.problems)))
        return answer == QMessageBox.StandardButton.Yes

    def _save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("BadgeView", "保存胸卡 PDF"),
                                              "badges.pdf", "PDF (*.pdf)")
        if path and self._confirm_problems():
            self.start_run(out=Path(path), mark_printed=self.mark_printed.isChecked())

    def _print(self) -> None:
        """The print dialog chooses the printer, copies and duplex (GUI thread); the worker that
        runs the job makes its own QPrinter from them (ui.printers.queue)."""
        job = jobs.ask_print_job(
            self, self.ctx.settings, title=f"EventDesk badges ({self._desk().name})",
            # Both sides exactly when the run has back sides (the layout, the duplex box).
            duplex=printing.has_back_sides(self.selection()), confirm=self._confirm_problems)
        if job is not None:
            self.start_run(job=job)

    def start_run(self, *, out: Path | None = None, job: PrintJob | None = None,
                  mark_printed: bool = False) -> ops.BackgroundOp:
        selection = self.selection()
        selection = replace(selection, options=replace(selection.options,
                                                       workers=RUN_PROCESSES))
        sink = jobs.printer_sink(job) if job is not None else None
        # A printed run is always logged; a PDF only when the person asked ("mark as printed").
        record = job is not None or mark_printed
        reason = PrintReason(self.reason.currentData())
        self.pdf_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(translate("BadgeView", "正在生成…"))
        self.run_op = ops.run_action(
            self.ctx,
            lambda actx, p: printing.print_run(actx, selection=selection, out=out, printer=sink,
                                               record=record, reason=reason,
                                               separate_process=True,
                                               progress=p),
            on_done=self._run_done, on_error=self._run_failed, on_progress=self._on_progress)
        return self.run_op

    def cancel(self) -> None:
        if self.run_op is not None:
            self.run_op.cancel()
            self.status.setText(translate("BadgeView", "正在取消…"))

    def _on_progress(self, done: int, total: int) -> None:
        if not self._alive():
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.run_op = None
        self.cancel_button.setEnabled(False)
        self.pdf_button.setEnabled(True)
        self.print_button.setEnabled(True)

    def _run_done(self, run: printing.PrintRun) -> None:
        if not self._alive():
            return
        self._finish()
        self.last_outcome = run
        where = messages.text("printing.to_printer") if run.printed else str(run.out)
        logged = (messages.text("printing.done_recorded", count=format_number(run.recorded))
                  if run.recorded else messages.text("printing.done_not_recorded"))
        text = messages.text("printing.done", badges=format_number(run.badges),
                             pages=format_number(run.pages), where=where) + logged
        if run.reissued:
            names = messages.text("printing.name_separator").join(r.name for r in run.reissued)
            text += "<br><span style='color:#b71c1c'>" + messages.text(
                "printing.reissued", count=len(run.reissued), names=names) + "</span>"
        self.status.setText(text)

    def _run_failed(self, exc: BaseException) -> None:
        if not self._alive():
            return
        self._finish()
        if isinstance(exc, Cancelled):
            self.progress.setValue(0)
            self.status.setText(messages.text("printing.cancelled"))
        else:
            # Shown in the view, not in a modal box: the person may have moved on meanwhile.
            self.status.setText(f"<span style='color:#b71c1c'>{messages.describe(exc)}</span>")

    def activated(self) -> None:
        self.company.setFocus()
        self.layout_choice.refresh()  # a layout may have been saved in the designer meanwhile


def _preview_images(actx: ActionContext, selection: printing.BadgeSelection,
                    progress: ProgressFn) -> Outcome[list[QImage]]:
    """The preview action, rasterised in the same worker (pdfium is too slow for the GUI thread)."""
    done = printing.preview(actx, selection=selection, progress=progress)
    images = jobs.pdf_images(done.value.pdf, jobs.PREVIEW_DPI, 0, done.value.pages)
    return Outcome(value=images, changes=done.changes)


def create_view(ctx: AppContext) -> QWidget:
    return BadgeView(ctx)

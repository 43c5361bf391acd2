"""The calibration dialog of a desk printer: print the calibration page on the desk's stock, enter
the offset and scale measured on it, save (kept per desk and printer, ui.printers.calibration,
and applied to every later print of the desk on that printer).

Reached from the desk settings (F9) and from the badges view. Printing runs off the GUI thread
(ops.run_call_in_background; the worker owns its QPrinter, see ui.printers.queue); no database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk.domain.calibration import (
    MAX_OFFSET_MM,
    MAX_SCALE_PCT,
    MIN_SCALE_PCT,
    NONE,
    Calibration,
)
from eventdesk.files import write_whole
from eventdesk.messages import describe, text
from eventdesk.pdf.presets import PRESETS
from eventdesk.ui import ops
from eventdesk.ui.i18n import translate
from eventdesk.ui.labels import preset_label
from eventdesk.ui.printers import calibration, queue


class CalibrationDialog(QDialog):
    """Calibrate `printer` at `desk`. `printer` "" means the system's default printer."""

    def __init__(self, settings: QSettings, *, desk: str, printer: str, preset: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.desk = desk
        self.setObjectName("calibrationDialog")
        self.setWindowTitle(f"{text('printer.calibration.title')} · {desk}")
        self.last_op: ops.BackgroundOp | None = None
        self.printer = QComboBox()
        names = queue.printer_names()
        for name in names:
            self.printer.addItem(name, name)
        chosen = printer or queue.default_printer() or (names[0] if names else "")
        if chosen and self.printer.findData(chosen) < 0:
            self.printer.addItem(chosen, chosen)  # the desk's printer, not connected now
        self.printer.setCurrentIndex(max(self.printer.findData(chosen), 0))
        self.preset = QComboBox()
        for key in PRESETS:
            self.preset.addItem(preset_label(key), key)
        self.preset.setCurrentIndex(max(self.preset.findData(preset), 0))
        self.offset_x = self._spin(" mm", -MAX_OFFSET_MM, MAX_OFFSET_MM)
        self.offset_y = self._spin(" mm", -MAX_OFFSET_MM, MAX_OFFSET_MM)
        self.scale = self._spin(" %", MIN_SCALE_PCT, MAX_SCALE_PCT)
        self.help = QLabel(text("printer.calibration.help"))
        self.help.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.print_page = QPushButton(text("printer.calibration.print_page"))
        self.print_check = QPushButton(text("printer.calibration.print_check"))
        self.save_page = QPushButton(text("printer.calibration.save_page"))
        page_buttons = QHBoxLayout()
        for button in (self.print_page, self.print_check, self.save_page):
            page_buttons.addWidget(button)
        form = QFormLayout()
        form.addRow(translate("CalibrationDialog", "打印机"), self.printer)
        form.addRow(translate("CalibrationDialog", "纸张"), self.preset)
        form.addRow(translate("CalibrationDialog", "偏移 X（向右为 +）"), self.offset_x)
        form.addRow(translate("CalibrationDialog", "偏移 Y（向下为 +）"), self.offset_y)
        form.addRow(translate("CalibrationDialog", "缩放"), self.scale)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        root = QVBoxLayout(self)
        root.addWidget(self.help)
        root.addLayout(page_buttons)
        root.addLayout(form)
        root.addWidget(self.status)
        root.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.print_page.clicked.connect(lambda: self.print_calibration_page(corrected=False))
        self.print_check.clicked.connect(lambda: self.print_calibration_page(corrected=True))
        self.save_page.clicked.connect(self._save_page)
        self.printer.currentIndexChanged.connect(self._show_stored)
        for button in (self.print_page, self.print_check):
            button.setEnabled(bool(names))
        if not names:
            self.status.setText(text("printer.none"))
        self._show_stored()

    @staticmethod
    def _spin(suffix: str, low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(suffix=suffix, minimum=low, maximum=high, singleStep=0.1,
                              decimals=1)
        spin.setMinimumWidth(120)
        return spin

    # -- values -------------------------------------------------------------------------------
    def printer_name(self) -> str:
        return str(self.printer.currentData() or "")

    def preset_key(self) -> str:
        return str(self.preset.currentData() or "a6")

    def entered(self) -> Calibration:
        """The values in the boxes (the boxes keep them within range)."""
        return Calibration(round(self.offset_x.value(), 1), round(self.offset_y.value(), 1),
                           round(self.scale.value(), 1))

    def _show_stored(self) -> None:
        stored = (calibration.load(self.settings, desk=self.desk, printer=self.printer_name())
                  if self.printer_name() else NONE)
        self.offset_x.setValue(stored.offset_x_mm)
        self.offset_y.setValue(stored.offset_y_mm)
        self.scale.setValue(stored.scale_pct)

    def save(self) -> None:
        printer = self.printer_name()
        if not printer:
            self.status.setText(text("printer.none"))
            return
        calibration.save(self.settings, desk=self.desk, printer=printer,
                         calibration=self.entered())
        self.accept()

    # -- the page (rendered and sent off the GUI thread: the first render registers fonts) ---
    def print_calibration_page(self, *, corrected: bool) -> ops.BackgroundOp:
        """Print the page to measure (as the printer prints it) or, `corrected`, through the
        values entered, to check them: its crosshair should then land where the page says."""
        from eventdesk.pdf.calibration import calibration_page

        preset = self.preset_key()
        job = queue.PrintJob(self.printer_name(),
                             calibration=self.entered() if corrected else NONE,
                             title=f"EventDesk calibration {preset}")
        self.status.setText(text("printer.calibration.printing"))
        paper = preset_label(preset)  # worded here, in the language of the window

        def send() -> str:
            queue.print_pdf(calibration_page(preset)[0], job)
            return text("printer.calibration.page_sent", printer=job.printer, preset=paper)

        self.last_op = ops.run_call_in_background(send, on_done=self.status.setText,
                                                  on_error=self._failed, owner=self)
        return self.last_op

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"<span style='color:#b71c1c'>{describe(exc)}</span>")

    def _save_page(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, text("printer.calibration.save_page"),
                                              f"calibration-{self.preset_key()}.pdf",
                                              "PDF (*.pdf)")
        if name:
            self.save_page_to(Path(name))

    def save_page_to(self, path: Path) -> ops.BackgroundOp:
        from eventdesk.pdf.calibration import calibration_page

        preset = self.preset_key()
        paper = preset_label(preset)

        def write() -> str:
            pdf, marks = calibration_page(preset)
            write_whole(path, pdf)  # whole or not at all (eventdesk.files)
            return text("printer.calibration.page_written", out=path, preset=paper,
                        w=marks.page_mm[0], h=marks.page_mm[1])

        self.last_op = ops.run_call_in_background(write, on_done=self.status.setText,
                                                  on_error=self._failed, owner=self)
        return self.last_op

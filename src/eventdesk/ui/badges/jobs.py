"""The Qt half of a badge run: rasterise rendered pages for the preview, and send a rendered run
to the print queue. The run itself (read -> render -> print -> record) is actions.printing; this
module gives it the printer as a plain callable, so actions stay free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from eventdesk.actions.base import ProgressFn
from eventdesk.actions.printing import PrinterFn
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.printers import calibration, queue
from eventdesk.ui.printers.queue import PrintJob

PREVIEW_DPI = 72


def pdf_images(data: bytes, dpi: int, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages [first, last) of a PDF as images at `dpi`."""
    import pypdfium2 as pdfium

    if not data:
        return []
    pdf = pdfium.PdfDocument(data)
    end = min(len(pdf), last if last is not None else len(pdf))
    return [queue.page_image(pdf[index], dpi) for index in range(first, end)]


def ask_print_job(parent: QWidget, settings: QSettings, *, title: str, duplex: bool = False,
                  confirm: Callable[[], bool] = lambda: True) -> PrintJob | None:
    """Qt's print dialog, opened on this desk's printer (desk settings), chooses the printer,
    copies and a file; the answer as a PrintJob with the desk's calibration for that printer
    (none when printing to a file). None when the person cancels or `confirm` says no. GUI
    thread only: the worker that runs the job makes its own QPrinter (ui.printers.queue)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    desk = desk_settings.load(settings)
    if desk.printer and desk.printer != desk_settings.PDF_PRINTER:
        printer.setPrinterName(desk.printer)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted or not confirm():
        return None
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    name = printer.printerName()
    return PrintJob(
        name, copies=max(1, printer.copyCount()),
        calibration=(calibration.NONE if to_file else
                     calibration.load(settings, desk=desk.name, printer=name)),
        title=title, duplex=duplex,
        output_file=Path(printer.outputFileName()) if to_file else None)


def printer_sink(job: PrintJob) -> PrinterFn:
    """A PrinterFn that sends a rendered run to the system's print queue (ui.printers.queue):
    the QPrinter is made, painted and ended on the run's worker thread."""

    def print_pdf(data: bytes, progress: ProgressFn) -> None:
        queue.print_pdf(data, job, progress)

    return print_pdf

"""Badges on the spot, the Qt half: send a rendered badge PDF to the desk's printer or save it.

Rendering happens in the desk actions (actions.desk_print); this module is the `send` callable
they are given. The printer is chosen once per desk (QPrintDialog on the first print, on the GUI
thread before the action starts) and remembered in the desk settings. A PDF page is rasterised
with pypdfium2 at the printer's resolution and painted through QPrinter, so any system printer
works without a PDF-capable driver; QPainter on a QPrinter may run on the action's worker thread.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from eventdesk.domain.errors import DomainError
from eventdesk.files import write_whole
from eventdesk.messages.desk import desk_text
from eventdesk.ui.desk.settings import PDF_PRINTER, DeskSettings


class PrintFailed(DomainError):
    """The printer refused the job; params printer, error."""

    code = "desk.print.printer_failed"


class DeskPrinter:
    """The desk's `send(pdf)`: saves the PDF (the "pdf" printer) or paints it on the printer.

    Called on the action's worker thread; `message` says where the badge went once it returned.
    Raises PrintFailed when the printer cannot print."""

    def __init__(self, settings: DeskSettings, *, stem: str) -> None:
        self.printer = settings.printer
        self.folder = settings.pdf_folder
        self.stem = stem
        self.message = ""
        self.path: Path | None = None

    def __call__(self, pdf: bytes) -> None:
        to_file = self.printer == PDF_PRINTER
        try:
            if to_file:
                self.path = save_pdf(pdf, self.folder, self.stem)
            else:
                send_to_printer(pdf, self.printer)
        except Exception as exc:  # noqa: BLE001 - the operator reads one sentence
            raise PrintFailed(code=PrintFailed.code,
                              printer=str(self.folder) if to_file else self.printer,
                              error=str(exc) or exc.__class__.__name__) from exc
        self.message = (desk_text("desk.print.saved", path=str(self.path)) if to_file
                        else desk_text("desk.print.sent", printer=self.printer))


def with_printer(settings: DeskSettings, parent: QWidget | None) -> DeskSettings:
    """The settings with a printer: on the first print, ask which one (GUI thread); no printer
    or a cancelled dialog means saving PDF files."""
    if settings.printer:
        return settings
    chosen = choose_printer(parent)
    return DeskSettings(**{**settings.__dict__, "printer": chosen or PDF_PRINTER})


def _safe(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text)[:40] or "badge"


def save_pdf(pdf: bytes, folder: Path, stem: str) -> Path:
    """The badge as a new PDF file in `folder`, written whole or not at all (a full disk leaves
    no truncated badge behind). Returns its path; raises OSError naming it."""
    path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{_safe(stem)}.pdf"
    n = 1
    while path.exists():
        n += 1
        path = path.with_name(f"{path.stem}-{n}.pdf")
    write_whole(path, pdf)
    return path


def choose_printer(parent: QWidget | None) -> str | None:
    """Ask once which printer this desk uses; None when cancelled or no printer exists."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

    if not QPrinterInfo.availablePrinterNames():
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("选择本签到台的胸卡打印机")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer.printerName() or None


def send_to_printer(pdf: bytes, printer_name: str, *, output_file: Path | None = None) -> None:
    """Paint each page of `pdf` on the printer (or, with output_file, through Qt's own PDF
    printer into that file: how the tests see what a printer would get)."""
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if output_file is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output_file))
    else:
        printer.setPrinterName(printer_name)
    printer.setDocName("EventDesk badge")
    printer.setFullPage(True)
    dpi = max(150, min(printer.resolution(), 600))
    doc = pdfium.PdfDocument(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(desk_text("desk.print.cannot_start", printer=printer_name))
    try:
        for i in range(len(doc)):
            if i:
                printer.newPage()
            image = doc[i].render(scale=dpi / 72).to_pil().convert("RGB")
            qimage = QImage(image.tobytes(), image.width, image.height, image.width * 3,
                            QImage.Format.Format_RGB888)
            target = painter.viewport()
            scaled = qimage.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.x(), target.y(), scaled.width(), scaled.height()),
                              qimage)
    finally:
        painter.end()
        doc.close()

"""Badges on the spot, the Qt half: send a rendered badge PDF to the desk's printer or save it.

Rendering happens in the desk actions (actions.desk_print); this module is the `send` callable
they are given, run on the action's worker thread. A badge goes through the system's print queue
(ui.printers.queue: the page is the preset's paper, rasterised by pdfium, painted on a QPrinter
owned by that worker thread) corrected by this desk's calibration of the printer — or, when the
desk chose "save as PDF" (an explicit choice, never a fallback), into a PDF file.

The printer is chosen once per desk: the first print with none chosen opens the print dialog on
the GUI thread, before the action starts, and the choice is kept in the desk settings.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from eventdesk.domain.calibration import NONE, Calibration
from eventdesk.domain.errors import DomainError
from eventdesk.files import write_whole
from eventdesk.messages import text
from eventdesk.messages.desk import desk_text
from eventdesk.ui.desk.settings import PDF_PRINTER, DeskSettings
from eventdesk.ui.printers import queue


class PrintFailed(DomainError):
    """The badge could not be printed or saved; params printer, error."""

    code = "desk.print.printer_failed"


class DeskPrinter:
    """The desk's `send(pdf)`: saves the PDF (the "pdf" printer) or prints it.

    Called on the action's worker thread; `message` says where the badge went once it returned.
    Raises a DomainError (nothing was printed) when the printer is missing, paused or refuses."""

    def __init__(self, settings: DeskSettings, *, stem: str,
                 calibration: Calibration = NONE) -> None:
        self.printer = settings.printer
        self.folder = settings.pdf_folder
        self.stem = stem
        self.calibration = calibration
        self.message = ""
        self.path: Path | None = None

    def __call__(self, pdf: bytes) -> None:
        to_file = self.printer == PDF_PRINTER
        try:
            if to_file:
                self.path = save_pdf(pdf, self.folder, self.stem)
            else:
                queue.print_pdf(pdf, queue.PrintJob(self.printer, calibration=self.calibration,
                                                    title=f"EventDesk {self.stem}"))
        except DomainError:
            raise  # already one sentence (no printer of that name, paused, refused)
        except Exception as exc:  # noqa: BLE001 - the operator reads one sentence
            raise PrintFailed(code="desk.print.printer_failed",
                              printer=str(self.folder) if to_file else self.printer,
                              error=str(exc) or exc.__class__.__name__) from exc
        self.message = (desk_text("desk.print.saved", path=str(self.path)) if to_file
                        else desk_text("desk.print.sent", printer=self.printer))


@dataclass(frozen=True)
class PrinterChoice:
    """What the print dialog chose: a system printer, or "print to file" (PDF_PRINTER and the
    folder of the file named)."""

    printer: str
    pdf_dir: str = ""


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name)[:40] or "badge"


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


def choose_printer(parent: QWidget | None) -> PrinterChoice | None:
    """Ask once which printer this desk uses (QPrintDialog, GUI thread); None when cancelled.
    Raises DomainError `printer.none` when the system has no printer at all, rather than open a
    dialog with nothing to choose."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    if not queue.printer_names():
        raise DomainError(code="printer.none")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    default = queue.default_printer()
    if default:
        printer.setPrinterName(default)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(text("printer.choose_title"))
    dialog.setObjectName("deskPrinterDialog")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        # "Print to file" in the dialog: the desk saves each badge as a PDF in that folder.
        named = printer.outputFileName()
        return PrinterChoice(PDF_PRINTER, str(Path(named).parent) if named else "")
    return PrinterChoice(printer.printerName()) if printer.printerName() else None

"""The system's print queue through Qt print support: which printers there are, and sending a
rendered badge PDF to one of them.

How a page gets to the printer: our renderer's PDF (pdf/) is the one source of what a badge looks
like — the same bytes the preview shows and "Save PDF" writes, text already set through the font
chain. Each page is rasterised with pdfium at RASTER_DPI and painted full-page on a QPrinter whose
page is exactly the PDF page (the preset's paper), through the desk's calibration. Drawing the
badge a second time as Qt vectors would mean a second renderer to keep identical to the first;
badge printers are raster devices at 203–300 dpi anyway.

Threads: Qt allows QPainter on a QPrinter in a thread other than the GUI thread, one thread per
printer at a time (https://doc.qt.io/qt-6.7/threads-modules.html, "Painting in Threads"). So
`print_pdf` creates its QPrinter, paints and ends it all in the calling worker thread; the GUI
thread only ever passes a printer *name* (chosen in QPrintDialog) into it.

What CUPS answered is checked after the job (see _cups_refusal): Qt itself ignores it.

Cancelling: Qt's CUPS engine collects the pages and hands the whole job to CUPS when painting
ends, and it cannot abort (an ended painter submits what was painted). So once the first page is
painted the job is sent whole; a Cancel is honoured before that (while the run renders).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventdesk.actions.base import Cancelled, ProgressFn, no_progress
from eventdesk.domain.calibration import NONE, Calibration
from eventdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

# Badge printers print at 203 or 300 dpi, office printers at 600 and more; 300 dpi is a QR module
# of 6 pixels and text as sharp as a card printer makes it. The print queue does not tell us the
# device's resolution reliably (the CUPS PDF queue reports 72 dpi), so we do not ask it.
RASTER_DPI = 300
MM_PER_INCH = 25.4


class PrinterProblem(DomainError):
    """The print system could not take the job: no printer, an unknown or stopped printer, or a
    failure while sending. params: printer, and per code known / error."""

    code = "printer.failed"


@dataclass(frozen=True)
class PrintJob:
    """Where and how a rendered PDF is printed.

    printer: a system printer name; copies: of the whole document (collated); calibration: the
    desk's measured error on that printer, corrected on every page; duplex: print the back side
    of each sheet (long edge); output_file: instead of the queue, Qt's own PDF output into this
    file (what the print dialog's "print to file" chooses, and how tests see a page as the
    printer got it)."""

    printer: str
    copies: int = 1
    calibration: Calibration = NONE
    title: str = "EventDesk"
    duplex: bool = False
    output_file: Path | None = None

    @property
    def where(self) -> str:
        return str(self.output_file) if self.output_file is not None else self.printer


def ensure_application() -> None:
    """Qt's painting and print support need a (GUI) application object; the command line has
    none. Made once per process. On Linux it uses Qt's offscreen platform unless told otherwise
    (QT_QPA_PLATFORM): printing needs no window, and CUPS support is a print plugin of its own,
    so a command run over ssh or on a machine without the X libraries prints all the same. (On
    macOS the print support lives in the window-system plugin, so it is left alone there.)"""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return
    if sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A QApplication (not only QGuiApplication): a widget created later in the same process
    # (tests, the GUI) needs one, and there can be only one application object.
    _keep.append(QApplication([sys.argv[0] if sys.argv else "eventdesk"]))


_keep: list[Any] = []


def printer_names() -> list[str]:
    """The system's printers (CUPS queues, Windows printers), as Qt sees them."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    """The system's default printer, or "" when it names none."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return str(QPrinterInfo.defaultPrinterName() or "")


def resolve(name: str | None) -> str:
    """The printer to use: `name`, or the system default when None/"". Raises PrinterProblem
    `printer.none` (the system has no printer at all), `printer.no_default` (none named and no
    default), `printer.not_found` (no printer of that name; Qt would otherwise silently print to
    another one) or `printer.stopped` (the queue is paused or in error)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    names = printer_names()
    if not names:
        raise PrinterProblem(code="printer.none")
    known = ", ".join(names)
    if not name:
        name = default_printer()
        if not name:
            raise PrinterProblem(code="printer.no_default", known=known)
    if name not in names:
        raise PrinterProblem(code="printer.not_found", printer=name, known=known)
    if QPrinterInfo.printerInfo(name).state() == QPrinter.PrinterState.Error:
        raise PrinterProblem(code="printer.stopped", printer=name)
    return name


def page_size_mm(pdf: bytes) -> tuple[float, float]:
    """(width, height) in mm of the PDF's first page."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        w_pt, h_pt = document[0].get_size()
    finally:
        document.close()
    return w_pt / 72 * MM_PER_INCH, h_pt / 72 * MM_PER_INCH


def page_image(page: Any, dpi: int) -> QImage:
    """A pypdfium2 page (untyped library) as a QImage that owns its pixels (QtPdf is not part of
    PySide6-Essentials). pdfium writes blue, green, red, 0xff per pixel, which is Qt's RGB32 on
    a little-endian machine (x86, ARM): no conversion, half the cost of going through PIL."""
    from PySide6.QtGui import QImage

    if sys.byteorder != "little":  # pragma: no cover - no big-endian desk PCs
        rgb = page.render(scale=dpi / 72).to_pil().convert("RGB")
        return QImage(rgb.tobytes(), rgb.width, rgb.height, rgb.width * 3,
                      QImage.Format.Format_RGB888).copy()
    bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
    return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                  QImage.Format.Format_RGB32).copy()


def _printer(job: PrintJob, page_mm: tuple[float, float]) -> Any:
    """A QPrinter for `job` whose page is exactly `page_mm`, no margins."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if job.output_file is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(job.output_file))
    else:
        printer.setPrinterName(job.printer)
    printer.setDocName(job.title)
    printer.setFullPage(True)
    # Exact size: a standard size within a fraction of a mm (A4, A6) keeps its name, so the
    # driver picks the right tray; any other (CR80, labels) goes as a custom size.
    size = QPageSize(QSizeF(*page_mm), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    if job.duplex:
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    printer.setCollateCopies(True)
    return printer


def print_pdf(pdf: bytes, job: PrintJob, progress: ProgressFn = no_progress) -> int:
    """Send every page of `pdf` to `job.printer` (or `job.output_file`), `job.copies` times,
    corrected by `job.calibration`; returns the pages sent (all copies). Run it on a worker
    thread (see the module docstring). `progress(page, pages)` may raise Cancelled before the
    first page is painted; afterwards the job is sent whole. Raises PrinterProblem when the
    printer is unknown, stopped or refuses the job: then nothing was sent."""
    import pypdfium2 as pdfium
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    if job.output_file is None:
        resolve(job.printer)
    document = pdfium.PdfDocument(pdf)
    try:
        pages = len(document)
        if not pages:
            return 0
        w_pt, h_pt = document[0].get_size()
        page_mm = (w_pt / 72 * MM_PER_INCH, h_pt / 72 * MM_PER_INCH)
        correction = job.calibration.correction(page_mm)
        printer = _printer(job, page_mm)
        # Copies by the queue when it can (one small job); by painting them otherwise.
        by_queue = job.output_file is None and printer.supportsMultipleCopies()
        printer.setCopyCount(job.copies if by_queue else 1)
        repeats = 1 if by_queue else job.copies
        first = page_image(document[0], RASTER_DPI)
        progress(0, pages * repeats)  # the last point at which a Cancel stops the job
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterProblem(code="printer.failed", printer=job.where,
                                 error="QPainter.begin")
        px = printer.resolution() / MM_PER_INCH  # device pixels per mm
        target = QRectF(correction.tx_mm * px, correction.ty_mm * px,
                        page_mm[0] * correction.factor * px, page_mm[1] * correction.factor * px)
        try:
            sent = 0
            for _copy in range(repeats):
                for index in range(pages):
                    if sent:
                        printer.newPage()
                    image = first if index == 0 else page_image(document[index], RASTER_DPI)
                    painter.drawImage(target, image)
                    sent += 1
                    _report(progress, sent, pages * repeats)
        finally:
            ended = painter.end()  # hands the job to the queue
        if not ended:
            raise PrinterProblem(code="printer.failed", printer=job.where, error="QPainter.end")
        refusal = _cups_refusal() if job.output_file is None else None
        if refusal is not None:
            raise PrinterProblem(code="printer.failed", printer=job.where, error=refusal)
        return sent
    finally:
        document.close()


def _cups_refusal() -> str | None:
    """CUPS's reason when it refused the job just ended, else None.

    Qt hands the job to CUPS (cupsPrintFile, inside QPainter.end) and ignores the answer, so a
    queue that is not accepting jobs would look printed and be recorded. libcups keeps the status
    of each thread's last request: read right after end(), on the thread that ended the job, it
    is the answer to the job. Linux only (Qt's CUPS print plugin); elsewhere, or without libcups,
    None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("cups") or "libcups.so.2")
    except OSError:
        return None
    lib.cupsLastError.restype = ctypes.c_int
    lib.cupsLastErrorString.restype = ctypes.c_char_p
    status = int(lib.cupsLastError())
    if status <= _IPP_OK_LAST:
        return None
    reason = lib.cupsLastErrorString()
    return reason.decode("utf-8", "replace") if reason else f"IPP status 0x{status:04x}"


# IPP status codes 0x0000-0x00ff are "successful" (RFC 8011, 4.1.6.1).
_IPP_OK_LAST = 0x00FF


def _report(progress: ProgressFn, done: int, total: int) -> None:
    """Progress while the job is painted: a Cancel can no longer stop it (see the module
    docstring), so it is not raised here."""
    with contextlib.suppress(Cancelled):
        progress(done, total)

"""The Qt half of a badge run: rasterise rendered pages for the preview, and send a rendered run
to the print queue. The run itself (read -> render -> print -> record) is actions.printing; this
module gives it the printer as a plain callable, so actions stay free of Qt.
"""

from __future__ import annotations

from PySide6.QtGui import QImage

from eventdesk.actions.base import ProgressFn
from eventdesk.actions.printing import PrinterFn
from eventdesk.ui.printers import queue
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


def printer_sink(job: PrintJob) -> PrinterFn:
    """A PrinterFn that sends a rendered run to the system's print queue (ui.printers.queue):
    the QPrinter is made, painted and ended on the run's worker thread."""

    def print_pdf(data: bytes, progress: ProgressFn) -> None:
        queue.print_pdf(data, job, progress)

    return print_pdf

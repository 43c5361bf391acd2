"""The Qt half of a badge run: rasterise rendered pages for the preview, and paint a rendered run
onto a QPrinter. The run itself (read -> render -> print -> record) is actions.printing; this
module gives it the printer as a plain callable, so actions stay free of Qt.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from eventdesk.actions.base import ProgressFn
from eventdesk.actions.printing import PrinterFn
from eventdesk.domain.errors import DomainError

PREVIEW_DPI = 72
PRINT_DPI = 300


def page_image(page: Any, dpi: int) -> QImage:
    """One page rasterised with pdfium (QtPdf is not part of PySide6-Essentials). `page` is a
    pypdfium2 PdfPage (untyped library)."""
    bitmap = page.render(scale=dpi / 72).to_pil().convert("RGB")
    image = QImage(bitmap.tobytes(), bitmap.width, bitmap.height, bitmap.width * 3,
                   QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the PIL buffer goes away


def pdf_images(data: bytes, dpi: int, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages [first, last) of a PDF as images at `dpi`."""
    import pypdfium2 as pdfium

    if not data:
        return []
    pdf = pdfium.PdfDocument(data)
    end = min(len(pdf), last if last is not None else len(pdf))
    return [page_image(pdf[index], dpi) for index in range(first, end)]


def printer_sink(printer: QPrinter, preset: str) -> PrinterFn:
    """A PrinterFn that paints each rendered page onto `printer`, full page (calibration offsets
    are already in the PDF). Qt allows painting on a QPrinter outside the GUI thread; the caller
    keeps `printer` alive while the run lasts."""

    def print_pdf(data: bytes, progress: ProgressFn) -> None:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        width_pt, height_pt = pdf[0].get_size()
        size = QPageSize(QSizeF(width_pt / 72 * 25.4, height_pt / 72 * 25.4),
                         QPageSize.Unit.Millimeter, preset)
        printer.setFullPage(True)
        printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                          QMarginsF(0, 0, 0, 0)))
        painter = QPainter()
        if not painter.begin(printer):
            raise DomainError(code="printing.printer_refused")
        try:
            pages = len(pdf)
            for index in range(pages):
                if index:
                    printer.newPage()
                image = page_image(pdf[index], PRINT_DPI)
                target = printer.pageRect(QPrinter.Unit.DevicePixel)
                painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
                progress(index + 1, pages)
        except BaseException:
            printer.abort()
            raise
        finally:
            painter.end()

    return print_pdf

"""What the badge view runs in worker threads: summary (count, pages, missing glyphs), preview
images of real pages, and a print run to a PDF file or a printer.

Each function takes the worker's session and ops.Progress; a run records its prints in that same
unit of work, which commits only when the function returns — so a cancelled run (Cancelled raised
from progress.report) logs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from eventdesk.domain.errors import DomainError
from eventdesk.pdf.badges import (
    BadgeData,
    MissingGlyph,
    RenderOptions,
    missing_glyphs,
    page_count,
    render_batch,
    renderer,
)
from eventdesk.pdf.presets import PRESETS
from eventdesk.services.badges import batch as badge_service
from eventdesk.storage import Session
from eventdesk.ui.ops import Progress

PREVIEW_DPI = 72
PRINT_DPI = 300


@dataclass(frozen=True)
class Selection:
    criteria: badge_service.BadgeFilter
    sort: badge_service.BadgeSort = "company"
    layout: str = "default"
    preset: str = "a6"
    options: RenderOptions = RenderOptions()


@dataclass(frozen=True)
class Summary:
    count: int
    pages: int
    problems: list[MissingGlyph]


@dataclass(frozen=True)
class RunOutcome:
    badges: int
    pages: int
    recorded: int
    out: Path | None
    printed: bool


def _badges(session: Session, selection: Selection, limit: int | None = None
            ) -> list[BadgeData]:
    rows = badge_service.select_badges(session, criteria=selection.criteria,
                                       sort=selection.sort, limit=limit)
    return badge_service.badge_data(session, rows=rows)


def summarise(session: Session, progress: Progress, selection: Selection) -> Summary:
    badges = _badges(session, selection)
    progress.report(1, 2)
    pages = page_count(badges, layout=selection.layout, preset=selection.preset,
                       options=selection.options) if badges else 0
    return Summary(count=len(badges), pages=pages, problems=missing_glyphs(badges))


def page_image(page: object, dpi: int) -> QImage:
    """One page rasterised with pdfium (QtPdf is not part of PySide6-Essentials)."""
    bitmap = page.render(scale=dpi / 72).to_pil().convert("RGB")  # type: ignore[attr-defined]
    image = QImage(bitmap.tobytes(), bitmap.width, bitmap.height, bitmap.width * 3,
                   QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the PIL buffer goes away


def pdf_images(data: bytes, dpi: int, first: int = 0, last: int | None = None) -> list[QImage]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    end = min(len(pdf), last if last is not None else len(pdf))
    return [page_image(pdf[index], dpi) for index in range(first, end)]


def preview(session: Session, progress: Progress, selection: Selection) -> list[QImage]:
    """The first pages exactly as they will print, from the first badges of the selection."""
    per = PRESETS[selection.preset].per_page
    pages = 4 if per == 1 else 2
    sides = 2 if renderer(selection.layout, selection.preset, selection.options).duplex else 1
    badges = _badges(session, selection, limit=per * pages)
    if not badges:
        return []
    options = replace(selection.options, workers=1)
    _result, data = render_batch(badges, layout=selection.layout, preset=selection.preset,
                                 options=options)
    assert data is not None
    return pdf_images(data, PREVIEW_DPI, 0, pages * sides)


def run(session: Session, progress: Progress, selection: Selection, *, out: Path | None,
        printer: QPrinter | None, mark_printed: bool, desk: str, operator: str) -> RunOutcome:
    badges = _badges(session, selection)
    if not badges:
        raise DomainError("没有符合条件的胸卡")
    printing = printer is not None
    # Rendering is most of a file run; rasterising and spooling most of a printer run.
    share = 0.4 if printing else 1.0
    total = 1000

    def render_progress(done: int, count: int) -> None:
        progress.report(int(total * share * done / max(count, 1)), total)

    result, data = render_batch(badges, layout=selection.layout, preset=selection.preset,
                                options=selection.options, progress=render_progress)
    assert data is not None
    if printer is not None:
        _print(data, printer, selection.preset,
               lambda i, n: progress.report(int(total * (share + (1 - share) * i / n)), total))
    if out is not None:
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(out)  # a complete file or none at all
    recorded = 0
    if printing or mark_printed:
        recorded = badge_service.record_prints(
            session, person_ids=[b.person_id for b in badges if b.person_id is not None],
            desk=desk, operator=operator, layout=selection.layout)
    progress.report(total, total)
    return RunOutcome(badges=result.badges, pages=result.pages, recorded=recorded, out=out,
                      printed=printing)


def _print(data: bytes, printer: QPrinter, preset: str, report) -> None:  # type: ignore[no-untyped-def]
    """Paint the rendered pages onto the printer, full page (calibration offsets are already in
    the PDF). Qt allows painting on a QPrinter outside the GUI thread."""
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
        raise DomainError("无法开始打印（请检查打印机）")
    try:
        n = len(pdf)
        for index in range(n):
            if index:
                printer.newPage()
            image = page_image(pdf[index], PRINT_DPI)
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
            report(index + 1, n)
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()

"""Badges on the spot: render with the badge engine, send to the desk's printer or save as PDF.

The printer is chosen once per desk (QPrintDialog on the first print) and remembered in the desk
settings. A PDF page is rasterised with pypdfium2 at the printer's resolution and painted through
QPrinter, so any system printer works without a PDF-capable driver.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from eventdesk.domain import CATEGORY_LABELS_ZH
from eventdesk.pdf.badges import BadgeData, render_badges, render_one
from eventdesk.services.people import PersonRow
from eventdesk.ui.desk.settings import PDF_PRINTER, DeskSettings

CATEGORY_EN = {"exhibitor": "EXHIBITOR", "visitor": "VISITOR", "speaker": "SPEAKER",
               "media": "MEDIA", "vip": "VIP", "staff": "STAFF"}


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    message: str
    path: Path | None = None


def badge_data(person: PersonRow, *, event_name: str = "") -> BadgeData:
    key = person.category.value
    return BadgeData(
        name=person.name, qr_payload=person.qr_payload, category=key,
        category_label=f"{CATEGORY_LABELS_ZH.get(person.category, key)} {CATEGORY_EN.get(key, '')}",
        name_en=person.name_en, company=person.company, title=person.title, hall=person.hall,
        booth=person.booth, person_id=person.id, event_name=event_name,
    )


def render(people: Sequence[PersonRow], settings: DeskSettings, *, event_name: str = "") -> bytes:
    badges = [badge_data(p, event_name=event_name) for p in people]
    if len(badges) == 1:
        return render_one(badges[0], layout=settings.layout, preset=settings.preset)
    data = render_badges(badges, layout=settings.layout, preset=settings.preset)
    assert data is not None
    return data


def _safe(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text)[:40] or "badge"


def save_pdf(pdf: bytes, folder: Path, stem: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{_safe(stem)}.pdf"
    n = 1
    while path.exists():
        n += 1
        path = path.with_name(f"{path.stem}-{n}.pdf")
    path.write_bytes(pdf)
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
        raise RuntimeError(f"打印机 {printer_name} 无法开始打印")
    try:
        for i in range(len(doc)):
            if i:
                printer.newPage()
            image = doc[i].render(scale=dpi / 72).to_pil().convert("RGB")
            qimage = QImage(image.tobytes(), image.width, image.height, image.width * 3,
                            QImage.Format.Format_RGB888)
            target = painter.viewport()
            scaled = qimage.size().scaled(target.size(), _keep_aspect())
            painter.drawImage(QRect(target.x(), target.y(), scaled.width(), scaled.height()),
                              qimage)
    finally:
        painter.end()
        doc.close()


def _keep_aspect():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


def output(pdf: bytes, settings: DeskSettings, *, stem: str,
           parent: QWidget | None = None) -> tuple[PrintOutcome, DeskSettings]:
    """Print or save `pdf` per the desk settings; returns the outcome and the (maybe updated)
    settings, e.g. after the printer was chosen for the first time."""
    if not settings.printer:
        chosen = choose_printer(parent)
        settings = DeskSettings(**{**settings.__dict__, "printer": chosen or PDF_PRINTER})
    if settings.printer == PDF_PRINTER:
        path = save_pdf(pdf, settings.pdf_folder, stem)
        return PrintOutcome(True, f"胸卡已保存为 {path}", path), settings
    try:
        send_to_printer(pdf, settings.printer)
    except Exception as exc:  # noqa: BLE001 - shown to the operator as one sentence
        return PrintOutcome(False, f"打印失败（{settings.printer}）：{exc}"), settings
    return PrintOutcome(True, f"已发送到打印机 {settings.printer}"), settings

"""A desk's printer calibration is applied to what goes to the printer: the calibration page and a
badge, sent through ui.printers.queue into Qt's PDF output (the page as the printer gets it), are
rasterised and measured. Where the printer's own error then puts them (the model of
domain.calibration) is where the design has them, within 0.5 mm."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.domain.calibration import NONE, Calibration
from eventdesk.pdf.badges import BadgeData, render_one
from eventdesk.pdf.calibration import calibration_page
from eventdesk.ui.printers import queue
from tests.cups import crosshair_mm, page_image, qr_centre_mm, vertical_line_mm

TOLERANCE_MM = 0.5


def _print(pdf: bytes, calibration: Calibration, out: Path) -> Path:
    queue.print_pdf(pdf, queue.PrintJob("", calibration=calibration, output_file=out))
    return out


@pytest.mark.parametrize(("preset", "calibration"), [
    ("cr80", Calibration(2.0, -1.5, 98.0)),
    ("a6", Calibration(-3.0, 2.5, 101.5)),
    ("a4-avery-l4785", Calibration(0.0, 4.0, 100.0)),
    ("cr80", NONE),
])
def test_the_calibration_page_lands_where_it_says_after_the_printers_error(
        qapp, preset: str, calibration: Calibration, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf, marks = calibration_page(preset)
    image = page_image(_print(pdf, calibration, tmp_path / "sent.pdf"))
    sent = crosshair_mm(image)
    # What was sent is the correction of the centre ...
    expected = calibration.correction(marks.page_mm).apply(*marks.centre_mm)
    assert sent == pytest.approx(expected, abs=TOLERANCE_MM)
    # ... so the printer that made the measured error prints it at the centre.
    error = calibration.printer_error(marks.page_mm)
    assert error.apply(*sent) == pytest.approx(marks.centre_mm, abs=TOLERANCE_MM)
    # Lengths too: the vertical line (6 mm from either edge) comes out at its nominal length.
    top, bottom = vertical_line_mm(image, sent[0])
    nominal = marks.page_mm[1] - 12
    assert (bottom - top) * error.factor == pytest.approx(nominal, abs=TOLERANCE_MM)


def test_a_badge_qr_moves_by_the_correction(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    badge = BadgeData(name="张伟", qr_payload="ED1.TEST.AAAAAAAAAA.AAAAAAAAAAAAAAAA",
                      company="昆山阿丘智能科技有限公司")
    pdf = render_one(badge, preset="cr80")
    plain = qr_centre_mm(page_image(_print(pdf, NONE, tmp_path / "plain.pdf")))
    calibration = Calibration(1.5, -2.0, 100.0)
    moved = qr_centre_mm(page_image(_print(pdf, calibration, tmp_path / "moved.pdf")))
    assert (moved[0] - plain[0], moved[1] - plain[1]) == pytest.approx((-1.5, 2.0),
                                                                         abs=TOLERANCE_MM)

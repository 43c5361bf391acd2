"""The calibration model: the correction drawn undoes the printer's measured error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.domain.calibration import Calibration, CalibrationOutOfRange

PAGES = [(85.6, 54.0), (105.0, 148.0), (210.0, 297.0)]


@given(dx=st.floats(-20, 20), dy=st.floats(-20, 20), scale=st.floats(80, 120),
       page=st.sampled_from(PAGES), x=st.floats(0, 210), y=st.floats(0, 297))
def test_the_correction_then_the_printer_puts_every_point_back(dx: float, dy: float,
                                                               scale: float,
                                                               page: tuple[float, float],
                                                               x: float, y: float) -> None:
    calibration = Calibration(dx, dy, scale)
    drawn = calibration.correction(page).apply(x, y)
    printed = calibration.printer_error(page).apply(*drawn)
    assert printed == pytest.approx((x, y), abs=1e-9)


def test_the_error_is_what_the_operator_measured_at_the_centre() -> None:
    calibration = Calibration(2.0, -1.5, 98.0)
    error = calibration.printer_error((85.6, 54.0))
    cx, cy = error.apply(42.8, 27.0)
    assert (cx - 42.8, cy - 27.0) == pytest.approx((2.0, -1.5))
    assert error.factor == pytest.approx(0.98)


def test_out_of_range_values_and_settings_text() -> None:
    with pytest.raises(CalibrationOutOfRange):
        Calibration(25.0, 0.0, 100.0)
    with pytest.raises(CalibrationOutOfRange):
        Calibration(0.0, 0.0, 50.0)
    assert Calibration.decode(Calibration(1.5, -0.5, 98.5).encode()) == Calibration(1.5, -0.5,
                                                                                    98.5)
    # A settings file edited by hand never stops a desk from printing: no calibration.
    assert Calibration.decode("garbage").is_identity
    assert Calibration.decode("99,0,100").is_identity

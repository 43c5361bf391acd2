"""A desk printer's calibration: how far off and how much too large or small it prints, as the
operator measured it on the calibration page, and the correction that undoes it.

The printer is modelled as it moves paper past the head: every point p of the page (mm from the
top-left corner) lands at  s·p + o  — a scale s about the top-left corner and an offset o. The
operator measures two things on the calibration page (pdf.calibration):

- offset (dx, dy): where the crosshair at the page centre c landed, minus where it should be
  (positive: printed too far right / too low). So  dx, dy = (s − 1)·c + o.
- scale: the printed length of the ruler over its nominal length, in per cent (98 = 2 % short).

The correction drawn on every print of that desk is the inverse map, p ↦ (p − o) / s, so that the
printer's own error puts every point back where the design has it. Pure values, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.domain.errors import DomainError

MAX_OFFSET_MM = 20.0  # more than this is a wrong paper or a wrong preset, not a calibration
MIN_SCALE_PCT = 80.0
MAX_SCALE_PCT = 120.0


class CalibrationOutOfRange(DomainError):
    """An offset or scale outside what a printer plausibly needs; params value, low, high."""

    code = "printer.calibration.out_of_range"


@dataclass(frozen=True, slots=True)
class Correction:
    """The affine map drawn before the printer's error: p ↦ factor·p + (tx, ty), in mm."""

    factor: float
    tx_mm: float
    ty_mm: float

    def apply(self, x_mm: float, y_mm: float) -> tuple[float, float]:
        return self.factor * x_mm + self.tx_mm, self.factor * y_mm + self.ty_mm


@dataclass(frozen=True, slots=True)
class Calibration:
    """What the operator measured on the calibration page (see the module docstring)."""

    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    scale_pct: float = 100.0

    def __post_init__(self) -> None:
        for name, value in (("offset_x_mm", self.offset_x_mm), ("offset_y_mm", self.offset_y_mm)):
            if not -MAX_OFFSET_MM <= value <= MAX_OFFSET_MM:
                raise CalibrationOutOfRange(code=CalibrationOutOfRange.code, what=name,
                                            value=value, low=-MAX_OFFSET_MM, high=MAX_OFFSET_MM)
        if not MIN_SCALE_PCT <= self.scale_pct <= MAX_SCALE_PCT:
            raise CalibrationOutOfRange(code=CalibrationOutOfRange.code, what="scale_pct",
                                        value=self.scale_pct, low=MIN_SCALE_PCT,
                                        high=MAX_SCALE_PCT)

    @property
    def is_identity(self) -> bool:
        return self.offset_x_mm == 0 and self.offset_y_mm == 0 and self.scale_pct == 100

    def printer_error(self, page_mm: tuple[float, float]) -> Correction:
        """The printer's own map p ↦ s·p + o for a page of `page_mm` (width, height in mm),
        recovered from the measurement at the page centre: o = d − (s − 1)·c."""
        s = self.scale_pct / 100
        cx, cy = page_mm[0] / 2, page_mm[1] / 2
        return Correction(s, self.offset_x_mm - (s - 1) * cx, self.offset_y_mm - (s - 1) * cy)

    def correction(self, page_mm: tuple[float, float]) -> Correction:
        """The map to draw with on a page of `page_mm` so that the printer's error cancels out:
        p ↦ (p − o)/s."""
        error = self.printer_error(page_mm)
        return Correction(1 / error.factor, -error.tx_mm / error.factor,
                          -error.ty_mm / error.factor)

    def encode(self) -> str:
        """"x,y,scale" as kept in the desk's local settings."""
        return f"{self.offset_x_mm:g},{self.offset_y_mm:g},{self.scale_pct:g}"

    @classmethod
    def decode(cls, text: str) -> Calibration:
        """The value `encode` wrote; anything unreadable is no calibration at all (a settings
        file edited by hand must not stop the desk from printing)."""
        try:
            x, y, scale = (float(part) for part in text.split(","))
            return cls(x, y, scale)
        except (ValueError, DomainError):
            return cls()


NONE = Calibration()

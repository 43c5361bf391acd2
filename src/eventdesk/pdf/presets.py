"""Paper presets: one badge per page (badge printers, card printers) or label sheets.

Sizes are in millimetres with the origin at the top-left of the page, as a person measures a
sheet with a ruler; the renderer converts to PDF points. Slots are filled row by row.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # points per millimetre
INCH = 25.4  # millimetres per inch


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    page_mm: tuple[float, float]
    slot_mm: tuple[float, float]
    columns: int = 1
    rows: int = 1
    margin_mm: tuple[float, float] = (0.0, 0.0)  # left, top of the first slot
    gap_mm: tuple[float, float] = (0.0, 0.0)  # between columns, between rows

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def single(self) -> bool:
        return self.per_page == 1

    def slot_origin_mm(self, index: int, *, mirrored: bool = False) -> tuple[float, float]:
        """Top-left corner of slot `index` on the page. `mirrored` gives the position of the
        same badge on the back of the sheet when it is flipped on its long edge."""
        row, col = divmod(index, self.columns)
        x = self.margin_mm[0] + col * (self.slot_mm[0] + self.gap_mm[0])
        y = self.margin_mm[1] + row * (self.slot_mm[1] + self.gap_mm[1])
        if mirrored:
            # Flipped on the long (vertical) edge: what was left is now right.
            x = self.page_mm[0] - x - self.slot_mm[0]
        return x, y


def _sheet(key: str, label: str, page: tuple[float, float], slot: tuple[float, float],
           columns: int, rows: int) -> Preset:
    """A sheet with its slots centred on the page (how label and insert sheets are cut)."""
    gap = (0.0, 0.0)
    margin = ((page[0] - columns * slot[0]) / 2, (page[1] - rows * slot[1]) / 2)
    return Preset(key, label, page, slot, columns, rows, margin, gap)


A4 = (210.0, 297.0)
LETTER = (8.5 * INCH, 11 * INCH)
A6 = (105.0, 148.0)
CR80 = (85.6, 54.0)
FOUR_BY_THREE = (4 * INCH, 3 * INCH)

PRESETS: dict[str, Preset] = {
    p.key: p
    for p in (
        Preset("a6", "A6 竖版（每页一张）", A6, A6),
        Preset("cr80", "CR80 卡片 85.6×54 mm", CR80, CR80),
        Preset("4x3in", "4×3 英寸（每页一张）", FOUR_BY_THREE, FOUR_BY_THREE),
        _sheet("a4-4xa6", "A4 纸 4 张 A6", A4, A6, 2, 2),
        _sheet("a4-8x90x54", "A4 纸 2×4 张 90×54 mm 插卡", A4, (90.0, 54.0), 2, 4),
        _sheet("letter-6x4x3in", "US Letter 6 张 4×3 英寸", LETTER, FOUR_BY_THREE, 2, 3),
    )
}


def get_preset(key: str) -> Preset:
    try:
        return PRESETS[key]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ValueError(f"unknown paper preset {key!r} (one of {known})") from None

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
CR80 = (85.6, 54.0)  # ISO/IEC 7810 ID-1, the PVC card of card printers (53.98 mm, rounded)
FOUR_BY_THREE = (4 * INCH, 3 * INCH)
NINETY_BY_54 = (90.0, 54.0)

# The stock desks print on. Label sheets are placed as their makers' templates give them (first
# label's top-left corner, pitch minus label = gap); the figures are those of the label database
# of gLabels (templates/*-templates.xml), which follows the makers' data sheets. A card or label
# printer feeds one badge at a time: page = slot.
PRESETS: dict[str, Preset] = {
    p.key: p
    for p in (
        # one badge per page
        Preset("a6", "A6 竖版（每页一张）", A6, A6),
        Preset("cr80", "CR80 卡片 85.6×54 mm 横版（证卡打印机）", CR80, CR80),
        Preset("cr80-portrait", "CR80 卡片 54×85.6 mm 竖版（证卡打印机）", (CR80[1], CR80[0]),
               (CR80[1], CR80[0])),
        Preset("4x3in", "4×3 英寸热敏标签（每页一张）", FOUR_BY_THREE, FOUR_BY_THREE),
        Preset("90x54", "90×54 mm 热敏标签（每页一张）", NINETY_BY_54, NINETY_BY_54),
        Preset("dymo-30856", "Dymo 30856 胸卡标签 62×106 mm", (62.0, 106.0), (62.0, 106.0)),
        # sheets
        _sheet("a4-4xa6", "A4 纸 4 张 A6", A4, A6, 2, 2),
        _sheet("a4-8x90x54", "A4 纸 2×4 张 90×54 mm 插卡", A4, NINETY_BY_54, 2, 4),
        Preset("a4-avery-l4785", "A4 Avery Zweckform L4785 胸卡标签 10 张 80×50 mm", A4,
               (80.0, 50.0), 2, 5, margin_mm=(18.0, 13.0), gap_mm=(15.0, 5.0)),
        Preset("a4-avery-c32011", "A4 Avery C32011 名片卡 10 张 85×54 mm", A4, (85.0, 54.0), 2,
               5, margin_mm=(15.0, 13.5), gap_mm=(10.0, 0.0)),
        Preset("a4-herma-5028", "A4 Herma 5028 名片标签 10 张 83.8×50.8 mm", A4, (83.8, 50.8),
               2, 5, margin_mm=(18.6, 22.0), gap_mm=(5.4, 0.0)),
        _sheet("letter-6x4x3in", "US Letter 6 张 4×3 英寸", LETTER, FOUR_BY_THREE, 2, 3),
        Preset("letter-avery-5395", "US Letter Avery 5395 胸卡标签 8 张 3⅜×2⅓ 英寸", LETTER,
               (3.375 * INCH, 7 / 3 * INCH), 2, 4, margin_mm=(0.6875 * INCH, 7 / 12 * INCH),
               gap_mm=(0.375 * INCH, 1 / 6 * INCH)),
    )
}


def get_preset(key: str) -> Preset:
    try:
        return PRESETS[key]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ValueError(f"unknown paper preset {key!r} (one of {known})") from None

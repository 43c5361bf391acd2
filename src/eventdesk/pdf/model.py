"""Plain values the badge renderer takes and returns: no database, no Qt.

Callers (cli, ui) map their service rows onto BadgeData, so the pdf layer never sees an ORM object
and the services never import the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BadgeData:
    """Everything printed on one badge. Empty strings mean "leave that box out"."""

    name: str
    qr_payload: str
    category: str = "visitor"  # stable key: exhibitor, visitor, speaker, media, vip, staff
    category_label: str = ""  # what the badge says, e.g. "展商 EXHIBITOR"
    name_en: str = ""
    company: str = ""
    company_short: str = ""
    title: str = ""
    hall: str = ""
    booth: str = ""
    person_id: int | None = None
    event_name: str = ""


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How a batch is put on paper, beyond the layout and the sheet preset."""

    crop_marks: bool = False
    bleed_mm: float = 0.0  # colour areas touching the trim edge run this far past it
    separator_pages: bool = False  # a page naming each company before its badges
    duplex: bool | None = None  # None: print the back side when the layout has one
    offset_x_mm: float = 0.0  # per-printer calibration: positive moves the print right
    offset_y_mm: float = 0.0  # … and down
    workers: int = 1
    title: str = "EventDesk badges"


@dataclass(frozen=True, slots=True)
class MissingGlyph:
    """A character on someone's badge that no font of the chain can draw."""

    person_id: int | None
    name: str
    field: str  # "name", "name_en", "company", "company_short", "title"
    characters: tuple[str, ...]

    @property
    def message(self) -> str:
        chars = "、".join(f"{c}（U+{ord(c):04X}）" for c in self.characters)
        return f"{self.name}：{self.field} 含有无法显示的字符 {chars}"


@dataclass(frozen=True, slots=True)
class RenderResult:
    badges: int
    pages: int

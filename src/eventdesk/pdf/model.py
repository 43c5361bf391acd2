"""Plain values the badge renderer takes and returns: no database, no Qt.

BadgeData itself is a domain value (domain.badge_data): services build it from the database and
the renderer draws it, without either importing the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.domain.badge_data import BadgeData

__all__ = ["BadgeData", "MissingGlyph", "RenderOptions", "RenderResult"]


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

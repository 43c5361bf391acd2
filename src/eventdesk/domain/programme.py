"""The printed programme as plain values: what services gather and pdf.programme renders (the
two may not import each other, so the shape they share lives here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class ProgrammeItem:
    title: str
    title_en: str
    kind: str  # label as printed, e.g. “主旨演讲”
    start_min: int  # minutes from the day's midnight, event time zone
    end_min: int
    time_text: str  # “09:00–10:30”
    people: str  # “张伟、李娜；主持：王芳”
    track: str
    colour: str  # #RRGGBB of the track
    day_label: str = ""  # for per-room pages that span days


@dataclass(frozen=True)
class ProgrammeRoom:
    name: str
    detail: str  # capacity, hall, floor
    items: tuple[ProgrammeItem, ...]


@dataclass(frozen=True)
class ProgrammePage:
    """One printed page (a grid page) or one room's list (which may run over several pages)."""

    heading: str  # “5月20日 周二 · A馆”
    layout: Literal["grid", "list"]
    rooms: tuple[ProgrammeRoom, ...]
    first_min: int = 8 * 60
    last_min: int = 18 * 60


@dataclass(frozen=True)
class Programme:
    title: str
    subtitle: str
    pages: tuple[ProgrammePage, ...]
    tracks: tuple[tuple[str, str], ...] = ()  # (name, colour) for the legend

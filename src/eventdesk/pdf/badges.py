"""Public badge API: render a batch, render one badge at the desk, list layouts and presets,
report characters no font can draw.

    from eventdesk.pdf.badges import BadgeData, render_badges, render_one
    pdf_bytes = render_one(BadgeData(name="张伟", qr_payload=payload, company="…"))
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from eventdesk.files import write_whole
from eventdesk.pdf.fonts import missing_characters
from eventdesk.pdf.layout import LayoutError, LayoutRef, layout_names, layout_title
from eventdesk.pdf.model import BadgeData, MissingGlyph, RenderOptions, RenderResult
from eventdesk.pdf.presets import PRESETS
from eventdesk.pdf.render import BatchRenderer

__all__ = [
    "BadgeData",
    "LayoutError",
    "LayoutRef",
    "MissingGlyph",
    "RenderOptions",
    "RenderResult",
    "list_layouts",
    "list_presets",
    "missing_glyphs",
    "render_badges",
    "render_one",
    "warm_up",
]

CHECKED_FIELDS = ("name", "name_en", "company", "company_short", "title")


def list_layouts() -> list[str]:
    return layout_names()


def list_presets() -> list[str]:
    return list(PRESETS)


def describe_layout(name: LayoutRef) -> str:
    return layout_title(name)


def describe_preset(key: str) -> str:
    return PRESETS[key].label


@lru_cache(maxsize=32)
def renderer(layout: LayoutRef = "default", preset: str = "a6",
             options: RenderOptions | None = None) -> BatchRenderer:
    """A renderer compiled once per (layout, preset, options) and reused."""
    return BatchRenderer(layout, preset, options)


def render_badges(
    badges: Sequence[BadgeData],
    *,
    layout: LayoutRef = "default",
    preset: str = "a6",
    out: Path | BinaryIO | None = None,
    options: RenderOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes | None:
    """Render badges in the given order. Writes to `out` (a path or a binary file) and returns
    None, or returns the PDF bytes when `out` is None. `progress(done, total)` is called every
    few dozen badges; an exception raised from it (a Cancel button) stops the run and nothing
    is written to a path."""
    result, data = render_batch(badges, layout=layout, preset=preset, out=out, options=options,
                                progress=progress)
    return data


def render_batch(
    badges: Sequence[BadgeData],
    *,
    layout: LayoutRef = "default",
    preset: str = "a6",
    out: Path | BinaryIO | None = None,
    options: RenderOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[RenderResult, bytes | None]:
    """Like render_badges, but also says how many badges and pages were written."""
    options = options or RenderOptions()
    if options.workers > 1 and len(badges) >= 2 * options.workers * 50:
        from eventdesk.pdf.parallel import render_parallel

        data, result = render_parallel(badges, layout=layout, preset=preset, options=options,
                                       progress=progress)
    else:
        buffer = io.BytesIO()
        result = renderer(layout, preset, options).render(badges, buffer, progress)
        data = buffer.getvalue()
    if out is None:
        return result, data
    if isinstance(out, str | Path):
        # Written whole or not at all: a cancelled or failed run leaves the old file as it was.
        write_whole(out, data)
    else:
        out.write(data)
    return result, None


def render_one(badge: BadgeData, *, layout: LayoutRef = "default", preset: str = "a6") -> bytes:
    """One badge as a PDF, for printing on the spot at the desk."""
    buffer = io.BytesIO()
    renderer(layout, preset).render([badge], buffer)
    return buffer.getvalue()


def page_count(badges: Sequence[BadgeData], *, layout: LayoutRef = "default",
               preset: str = "a6",
               options: RenderOptions | None = None) -> int:
    return renderer(layout, preset, options).page_count(badges)


def warm_up(layout: LayoutRef = "default", preset: str = "a6") -> None:
    """Register fonts and compile the layout ahead of the first real badge (desk start-up)."""
    # An ED2-sized payload (domain.qr): the QR version of a real badge.
    render_one(BadgeData(name="预热", qr_payload="ED2.WARM.AAAAAAAAAA." + "A" * 103,
                         company="EventDesk"), layout=layout, preset=preset)


def missing_glyphs(badges: Sequence[BadgeData]) -> list[MissingGlyph]:
    """Everyone whose printed text has a character no font of the chain can draw, per field.
    Run before printing: such a character would otherwise come out as an empty box."""
    report: list[MissingGlyph] = []
    # Companies, titles and many names repeat across a run: each distinct text checked once
    # (a 10,000-badge run has about a fifth as many; checking each took a tenth of the run).
    checked: dict[str, list[str]] = {}
    for badge in badges:
        for field in CHECKED_FIELDS:
            text = getattr(badge, field)
            if text and not text.isascii():
                chars = checked.get(text)
                if chars is None:
                    chars = checked[text] = missing_characters(text)
                if chars:
                    report.append(MissingGlyph(badge.person_id, badge.name, field, tuple(chars)))
    return report

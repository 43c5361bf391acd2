"""Proofs of a layout being designed: the badge of a real person (anyone, or the hardest cases
the event holds) drawn by the real renderer, so what the designer shows is what prints, with
the characters no font can draw named per field."""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, outcome
from eventdesk.actions.layouts import LayoutDocument, LayoutRejected, check
from eventdesk.domain.access import Permission
from eventdesk.domain.badge_data import BadgeData
from eventdesk.pdf.badges import missing_glyphs, render_batch
from eventdesk.pdf.model import RenderOptions
from eventdesk.pdf.presets import PRESETS
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.badges import proof as proof_service
from eventdesk.services.badges.proof import ProofCase

__all__ = ["Proof", "ProofCase", "proof_badge", "proof_cases", "sample_badge"]


@dataclass(frozen=True)
class Proof:
    """One badge as it prints: the PDF (front page, then back when the layout has one), the
    person on it, the characters no font can draw as (field, characters) pairs, and where the
    badge lies on the front and back page (x, y, width, height in mm from the top-left; on a
    sheet preset the badge is in the first slot)."""

    pdf: bytes
    badge: BadgeData
    pages: int
    missing: tuple[tuple[str, tuple[str, ...]], ...]
    front_slot_mm: tuple[float, float, float, float]
    back_slot_mm: tuple[float, float, float, float]


def sample_badge() -> BadgeData:
    """Who a proof shows when the event has no one yet."""
    # Shaped like a real (ED2) payload, so the proof shows the QR at its real density; it
    # verifies nowhere.
    return BadgeData(name="欧阳娜娜", name_en="Ouyang Nana",
                     qr_payload="ED2.DEMO.AAAAAAAAAA." + "A" * 103,
                     category="exhibitor", category_label="展商 EXHIBITOR",
                     company="昆山阿丘智能科技有限公司", company_short="阿丘科技", title="总经理",
                     hall="A1", booth="A1-101", event_name="2025光合组织人工智能创新大会")


def proof_cases(ctx: ActionContext) -> Outcome[list[ProofCase]]:
    """The hardest people of the event to proof a layout on (services.badges.proof). Reads."""
    require(ctx, Permission.EDIT_LAYOUTS)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(proof_service.proof_cases(session))


def proof_badge(ctx: ActionContext | None, *, layout: LayoutDocument, person_id: int | None,
                preset: str) -> Outcome[Proof]:
    """The badge of `person_id` (None: a sample person) with the layout as it is now (saved or
    not) on the sheet preset's badge size. Raises LayoutRejected for a layout with problems,
    NotFound for an unknown person. Reads only."""
    if ctx is not None:
        require(ctx, Permission.EDIT_LAYOUTS)
    problems = check(layout)
    if problems:
        raise LayoutRejected(layout.name, problems)
    badge = sample_badge()
    if ctx is not None and person_id is not None:
        with ctx.db.unit_of_work(write=False) as session:
            badge = desk_badges.desk_badges(session, person_ids=[person_id])[0].data
    sheet = PRESETS[preset]
    w, h = sheet.slot_mm
    front, back = sheet.slot_origin_mm(0), sheet.slot_origin_mm(0, mirrored=True)
    result, pdf = render_batch([badge], layout=layout.source(), preset=preset,
                               options=RenderOptions(title="EventDesk proof"))
    assert pdf is not None  # no `out`: the bytes are returned
    missing = tuple((m.field, m.characters) for m in missing_glyphs([badge]))
    return outcome(Proof(pdf=pdf, badge=badge, pages=result.pages, missing=missing,
                         front_slot_mm=(*front, w, h), back_slot_mm=(*back, w, h)))

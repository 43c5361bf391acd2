"""What is printed on one badge, as a plain value.

A domain value rather than a renderer type so that services.badges can hand the renderer (pdf/)
exactly what it draws while neither layer imports the other; pdf re-exports it.
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


def field_text(badge: BadgeData, field: str, labels: dict[str, str]) -> str:
    """What a layout's text element bound to `field` prints for `badge`: the attribute of that
    name, with two composed fields — `hall_booth` ("A1 · A1-101", or the booth alone when it
    already starts with the hall) and `category_label` (the badge's own label, else the layout's
    `labels` for its category). The renderer and the designer's sketch both read it here."""
    if field == "hall_booth":
        hall, booth = badge.hall.strip(), badge.booth.strip()
        if hall and booth and not booth.upper().startswith(hall.upper()):
            return f"{hall} · {booth}"
        return booth or hall
    if field == "category_label":
        return badge.category_label or labels.get(badge.category, "")
    return str(getattr(badge, field, "") or "")

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

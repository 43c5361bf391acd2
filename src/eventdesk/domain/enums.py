"""Stable keys used everywhere outside the UI (files, CLI, JSON). The UI translates them."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    EXHIBITOR = "exhibitor"
    VISITOR = "visitor"
    SPEAKER = "speaker"
    MEDIA = "media"
    VIP = "vip"
    STAFF = "staff"


CATEGORY_LABELS_ZH: dict[Category, str] = {
    Category.EXHIBITOR: "展商",
    Category.VISITOR: "观众",
    Category.SPEAKER: "嘉宾",
    Category.MEDIA: "媒体",
    Category.VIP: "贵宾",
    Category.STAFF: "工作人员",
}


class PersonStatus(StrEnum):
    REGISTERED = "registered"
    CANCELLED = "cancelled"


class Consent(StrEnum):
    """Whether a person agreed to the processing of their personal data beyond running the event
    (PIPL art. 13/14: consent for uses the event itself does not need, e.g. sponsors' lists)."""

    UNKNOWN = "unknown"  # the list said nothing: treated as not given
    GIVEN = "given"
    REFUSED = "refused"


CONSENT_LABELS_ZH: dict[Consent, str] = {
    Consent.UNKNOWN: "未知", Consent.GIVEN: "已同意", Consent.REFUSED: "不同意",
}
CONSENT_LABELS_EN: dict[Consent, str] = {
    Consent.UNKNOWN: "Unknown", Consent.GIVEN: "Given", Consent.REFUSED: "Refused",
}


class AgendaKind(StrEnum):
    KEYNOTE = "keynote"
    FORUM = "forum"
    TALK = "talk"
    PANEL = "panel"
    BREAK = "break"


class SpeakerRole(StrEnum):
    SPEAKER = "speaker"
    MODERATOR = "moderator"


class PrintReason(StrEnum):
    FIRST = "first"
    LOST = "lost"
    DAMAGED = "damaged"
    WRONG_DATA = "wrong_data"
    PRINTER_FAULT = "printer_fault"  # the printer spoiled it: the same code, as for damaged
    OTHER = "other"  # with a short text saying why (BadgePrint.note)


class UserRole(StrEnum):
    ADMIN = "admin"
    ORGANISER = "organiser"
    DESK = "desk"
    PRINT = "print"

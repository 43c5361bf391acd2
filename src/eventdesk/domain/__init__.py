"""The conference's own words as typed SQLAlchemy models, enums, errors and value codecs.

Imports nothing else of eventdesk: no Qt, no PDF, no engine set-up.
"""

from .agenda import AgendaItem, AgendaSpeaker, Room, RoomAvailability, SpeakerUnavailability, Track
from .base import Base, utcnow
from .desk import BadgePrint, CheckIn
from .enums import (
    CATEGORY_LABELS_ZH,
    AgendaKind,
    Category,
    PersonStatus,
    PrintReason,
    SpeakerRole,
    UserRole,
)
from .event import Event, Setting
from .exhibitors import Exhibitor
from .people import Person, RevokedBadge
from .pickup import BadgeCollection
from .users import AuditEntry, User

__all__ = [
    "CATEGORY_LABELS_ZH",
    "AgendaItem",
    "AgendaKind",
    "AgendaSpeaker",
    "AuditEntry",
    "BadgeCollection",
    "BadgePrint",
    "Base",
    "Category",
    "CheckIn",
    "Event",
    "Exhibitor",
    "Person",
    "PersonStatus",
    "PrintReason",
    "RevokedBadge",
    "Room",
    "RoomAvailability",
    "Setting",
    "SpeakerRole",
    "SpeakerUnavailability",
    "Track",
    "User",
    "UserRole",
    "utcnow",
]

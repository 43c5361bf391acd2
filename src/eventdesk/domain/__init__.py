"""The conference's own words as typed SQLAlchemy models, enums, errors and value codecs.

Imports nothing else of eventdesk: no Qt, no PDF, no engine set-up.
"""

from eventdesk.domain.agenda import (
    AgendaItem,
    AgendaSpeaker,
    Room,
    RoomAvailability,
    SpeakerUnavailability,
    Track,
)
from eventdesk.domain.base import Base, utcnow
from eventdesk.domain.changes import ChangeLogEntry
from eventdesk.domain.desk import BadgePrint, CheckIn
from eventdesk.domain.enums import (
    CATEGORY_LABELS_ZH,
    AgendaKind,
    Category,
    PersonStatus,
    PrintReason,
    SpeakerRole,
    UserRole,
)
from eventdesk.domain.event import Event, Setting
from eventdesk.domain.exhibitors import Exhibitor
from eventdesk.domain.layouts import BadgeLayout, BadgeLayoutImage, LayoutSource
from eventdesk.domain.people import Person, RevokedBadge
from eventdesk.domain.pickup import BadgeCollection
from eventdesk.domain.signing import LegacyBadge, SigningKey
from eventdesk.domain.users import AuditChainHead, AuditEntry, User

__all__ = [
    "CATEGORY_LABELS_ZH",
    "AgendaItem",
    "AgendaKind",
    "AgendaSpeaker",
    "AuditChainHead",
    "AuditEntry",
    "BadgeCollection",
    "BadgeLayout",
    "BadgeLayoutImage",
    "BadgePrint",
    "Base",
    "Category",
    "ChangeLogEntry",
    "CheckIn",
    "Event",
    "Exhibitor",
    "LayoutSource",
    "LegacyBadge",
    "Person",
    "PersonStatus",
    "PrintReason",
    "RevokedBadge",
    "Room",
    "RoomAvailability",
    "Setting",
    "SigningKey",
    "SpeakerRole",
    "SpeakerUnavailability",
    "Track",
    "User",
    "UserRole",
    "utcnow",
]

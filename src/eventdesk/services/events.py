"""The event a database holds: its identity, days and time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventdesk.domain import Event
from eventdesk.domain.errors import EventAlreadyExists, FieldProblem, NoEvent, ValidationFailed
from eventdesk.domain.qr import is_event_code
from eventdesk.storage import Database, database_of

DEFAULT_TZ = "Asia/Shanghai"


@dataclass(frozen=True)
class EventInfo:
    id: int
    code: str
    name_zh: str
    name_en: str
    venue: str
    timezone: str
    start_date: date
    end_date: date

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def days(self) -> list[date]:
        n = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=i) for i in range(n)]

    def day_of(self, instant: datetime) -> date:
        """The event day an instant falls on, in the event's time zone (never the machine's)."""
        return instant.astimezone(self.tz).date()

    def local(self, instant: datetime) -> datetime:
        return instant.astimezone(self.tz)


def info_of(event: Event) -> EventInfo:
    """The event row as the frozen EventInfo the rest of the program uses."""
    return EventInfo(
        id=event.id, code=event.code, name_zh=event.name_zh, name_en=event.name_en,
        venue=event.venue, timezone=event.timezone, start_date=event.start_date,
        end_date=event.end_date,
    )


def _row(session: Session) -> Event | None:
    return session.scalars(select(Event).order_by(Event.id).limit(1)).first()


def has_event(session: Session) -> bool:
    return _row(session) is not None


def get_event(session: Session) -> EventInfo:
    event = _row(session)
    if event is None:
        raise NoEvent(code="event.missing")
    return info_of(event)


def create_event(
    session: Session,
    *,
    code: str,
    name_zh: str,
    name_en: str = "",
    venue: str = "",
    start_date: date,
    end_date: date,
    timezone: str = DEFAULT_TZ,
) -> EventInfo:
    """Create the database's one event. Raises EventAlreadyExists, or ValidationFailed for a code
    that is not 2–8 capital letters or digits (field `code`, event.code_invalid)."""
    if has_event(session):
        raise EventAlreadyExists(code="event.exists")
    code = code.strip().upper()
    if not is_event_code(code):
        raise ValidationFailed({"code": FieldProblem("event.code_invalid", value=code)},
                               code="event.code_invalid", value=code)
    ZoneInfo(timezone)  # unknown zones fail here, not at the first check-in
    event = Event(code=code, name_zh=name_zh, name_en=name_en, venue=venue, timezone=timezone,
                  start_date=start_date, end_date=end_date, secret="")
    session.add(event)
    session.flush()
    return info_of(event)


class EventZone:
    """The event's time zone as this process last read it, one per open database
    (`zone_of`). A check-in needs today's event day inside the one statement that reads
    everything else (services.checkin), so it takes the day from this zone and that statement
    confirms the zone; only if the event's zone changed does the check-in read again."""

    def __init__(self, _db: Database | None = None) -> None:
        self.name = DEFAULT_TZ

    def dispose(self) -> None:
        """Nothing to release (Database.dispose calls it)."""


def zone_of(session: Session) -> EventZone:
    """The remembered zone of the session's database (a fresh one for a session not made by
    Database.unit_of_work)."""
    try:
        return database_of(session).owned(EventZone)
    except LookupError:
        return EventZone()

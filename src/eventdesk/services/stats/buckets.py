"""Time buckets that are right on SQLite and PostgreSQL, in any event time zone.

Neither backend can portably say "the hour of this instant in Asia/Shanghai" (SQLite has no time
zone database; PostgreSQL's AT TIME ZONE would need a different statement). Both can say "which
5-minute slot of Unix time" (`slot_of`): SQLite's strftime('%s') and PostgreSQL's
extract(epoch). Every time zone's offset from UTC, now and in the past, is a whole number of
5 minutes (IANA: multiples of 15 minutes since 1972, e.g. +05:45 Nepal), so each 5-minute slot
lies inside exactly one local hour and one local 10-minute slot: grouping by slot in SQL (at
most 288 rows a day and desk), then mapping slots to local hours with zoneinfo in Python, is
exact, also on days when daylight saving time changes, and never depends on the machine's zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, ColumnElement, Integer, cast, func
from sqlalchemy.orm import InstrumentedAttribute, Session

SLOT_S = 300  # 5 minutes: divides an hour, ten minutes and every UTC offset in use


def slot_of(session: Session,
            column: ColumnElement[datetime] | InstrumentedAttribute[datetime],
            ) -> ColumnElement[int]:
    """SQL for the 5-minute slot number of an instant column (seconds since 1970 // 300)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.floor(func.extract("epoch", column) / SLOT_S), BigInteger)
    # UtcDateTime stores naive UTC text on SQLite; strftime reads it as UTC.
    return cast(cast(func.strftime("%s", column), Integer) / SLOT_S, Integer)


def slot_start(slot: int) -> datetime:
    """The UTC instant a slot number starts at."""
    return datetime.fromtimestamp(slot * SLOT_S, UTC)


def local_hour(instant: datetime, tz: ZoneInfo) -> datetime:
    """The start of the local hour `instant` falls in (aware, in `tz`)."""
    return instant.astimezone(tz).replace(minute=0, second=0, microsecond=0)


def local_ten_minutes(instant: datetime, tz: ZoneInfo) -> datetime:
    """The start of the local 10-minute slot `instant` falls in (aware, in `tz`)."""
    local = instant.astimezone(tz)
    return local.replace(minute=local.minute - local.minute % 10, second=0, microsecond=0)


def day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of an event day in UTC: local midnight to the next local midnight."""
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return start, end


def hours_of(day: date, tz: ZoneInfo) -> list[datetime]:
    """Every local hour start of `day` in `tz`, in time order (23 or 25 on a day when daylight
    saving time changes; 24 in Asia/Shanghai). Walked in UTC so that no hour is skipped or
    repeated; each is given as a local aware datetime."""
    start, end = day_bounds(day, tz)
    out: list[datetime] = []
    at = start
    while at < end:
        hour = local_hour(at, tz)
        # Compared as UTC instants: two local datetimes of one zone compare by wall time, so
        # the repeated 01:00 of an autumn night (fold=1) would look like the first one.
        if not out or hour.astimezone(UTC) != out[-1].astimezone(UTC):
            out.append(hour)
        at += timedelta(hours=1)
    return out

"""Reading the change feed (domain.changes, filled by triggers): what other desks changed.

A desk remembers the newest row it has read (`FeedPosition`) and asks for the rows after it
(`read_changes`). On PostgreSQL ids are drawn when a row is written but become visible when its
transaction commits, so a desk may see id 12 before id 11: ids skipped over are kept as gaps and
asked for again until they appear or `GAP_WAIT_S` passed (a rolled-back transaction leaves a gap
for good). SQLite writes one transaction at a time, so there ids arrive in order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from eventdesk.domain.changes import (
    FEED_CHECKINS,
    FEED_EXHIBITORS,
    FEED_PEOPLE,
    FEED_PRINTS,
    ChangeLogEntry,
)

__all__ = ["GAP_WAIT_S", "READ_LIMIT", "FeedPosition", "News", "latest_position",
           "read_changes"]

GAP_WAIT_S = 10.0  # seconds an id skipped over is looked for (a transaction that long is rare)
READ_LIMIT = 5000  # rows read per call; more (an import) are read by the next calls
MAX_GAPS = 1000  # more skipped ids than this: something bulk rolled back; forget the oldest


@dataclass
class FeedPosition:
    """Where a desk is in the feed: the newest id read, and the ids below it not seen yet
    (id -> monotonic time first missed). Plain data, owned by one watcher thread."""

    last: int
    gaps: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class News:
    """What a read found: ids per topic (people and exhibitors by their id; check-ins and
    prints by the person's id). `more` is true when READ_LIMIT rows were read (read again)."""

    people: frozenset[int] = frozenset()
    checkins: frozenset[int] = frozenset()
    prints: frozenset[int] = frozenset()
    exhibitors: frozenset[int] = frozenset()
    more: bool = False

    @property
    def topics(self) -> frozenset[str]:
        """The topics (actions.base.Topic values) with at least one change."""
        named = ((FEED_PEOPLE, self.people), (FEED_CHECKINS, self.checkins),
                 (FEED_PRINTS, self.prints), (FEED_EXHIBITORS, self.exhibitors))
        return frozenset(topic for topic, ids in named if ids)

    def __bool__(self) -> bool:
        return bool(self.people or self.checkins or self.prints or self.exhibitors)


def latest_position(session: Session) -> FeedPosition:
    """The feed's current end: a desk starting now reads only what comes after it."""
    return FeedPosition(last=int(session.scalar(select(func.max(ChangeLogEntry.id))) or 0))


def read_changes(session: Session, *, position: FeedPosition, limit: int = READ_LIMIT,
                 clock: Callable[[], float] = time.monotonic) -> News:
    """The changes after `position` (and in its gaps), at most `limit` rows; moves `position`
    past them. One indexed range read: `id > last` (or `IN` the gaps)."""
    now = clock()
    for gap, since in list(position.gaps.items()):
        if now - since > GAP_WAIT_S:
            del position.gaps[gap]
    where = ChangeLogEntry.id > position.last
    if position.gaps:
        where = or_(where, ChangeLogEntry.id.in_(sorted(position.gaps)))
    rows = session.execute(select(ChangeLogEntry.id, ChangeLogEntry.topic,
                                  ChangeLogEntry.subject_id)
                           .where(where).order_by(ChangeLogEntry.id).limit(limit)).all()
    found: dict[str, set[int]] = {FEED_PEOPLE: set(), FEED_CHECKINS: set(), FEED_PRINTS: set(),
                                  FEED_EXHIBITORS: set()}
    expected = position.last + 1
    for row_id, topic, subject in rows:
        if row_id in position.gaps:
            del position.gaps[row_id]
        elif row_id > position.last:
            for missing in range(expected, row_id):  # written, not yet committed (or never)
                position.gaps[missing] = now
            expected = row_id + 1
            position.last = row_id
        if subject is not None and topic in found:
            found[topic].add(int(subject))
    if len(position.gaps) > MAX_GAPS:
        for gap in sorted(position.gaps)[:len(position.gaps) - MAX_GAPS]:
            del position.gaps[gap]
    return News(people=frozenset(found[FEED_PEOPLE]), checkins=frozenset(found[FEED_CHECKINS]),
                prints=frozenset(found[FEED_PRINTS]),
                exhibitors=frozenset(found[FEED_EXHIBITORS]), more=len(rows) >= limit)

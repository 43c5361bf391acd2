"""The change feed: one row per changed person, check-in, badge print or exhibitor.

Written by database triggers (db/versions/0011_live_updates.py), never by the program, so every
writer — an action, an import, a bulk UPDATE, another desk's process, a program that is not
EventDesk — is in it and none can forget it. Desks read what was added since the newest row they
saw (services.changes) to show other desks' check-ins, walk-ins and edits within seconds.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from eventdesk.domain.base import Base

# What a row's `topic` names (the same words as actions.base.Topic) and what `subject_id` is.
FEED_PEOPLE = "people"  # person.id
FEED_CHECKINS = "checkins"  # check_in.person_id
FEED_PRINTS = "prints"  # badge_print.person_id
FEED_EXHIBITORS = "exhibitors"  # exhibitor.id


class ChangeLogEntry(Base):
    """One changed row, as its trigger saw it: the topic and the id it concerns."""

    __tablename__ = "change_log"

    # BIGINT on a server (a long event writes millions); SQLite's INTEGER is 64-bit already and
    # only INTEGER PRIMARY KEY is its rowid.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"),
                                    primary_key=True)
    topic: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int | None] = mapped_column()

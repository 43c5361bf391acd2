"""The desk's in-memory people index: a keystroke is answered in milliseconds at 100,000 people.

A `LIKE '%w%'` over 30,000 rows costs tens of milliseconds per keystroke; this index is loaded
once per process and database from `person.search_text` (the forms of domain.names) and kept fresh
cheaply:

- in this process, every flush that touches a Person marks its id (SQLAlchemy `after_flush`), and
  the next search reloads just those rows;
- other desks' changes are noticed by a version check (row count, newest `updated_at`) that the
  desk runs in the background (`refresh`), or a search runs after `STALE_AFTER`; changed rows
  are reloaded the same way.

Changed rows live in a small overlay searched linearly; the base arrays are rebuilt only when the
overlay grows past `MAX_OVERLAY`.

The data structure itself (ordinals in name order, prefix buckets, two-character lists, the
ranking) is services.search.forms.
"""

from __future__ import annotations

import gc
import threading
import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from eventdesk.domain import Person
from eventdesk.domain.names import split_query
from eventdesk.domain.qr import is_badge_code
from eventdesk.services.search.forms import BaseIndex, Entry, PeopleIndex, make_entry

__all__ = ["BaseIndex", "Entry", "PeopleIndex", "badge_code_ids", "index_for", "invalidate",
           "refresh", "search_ids", "warm_up"]

# Seconds after which a search checks for other desks' changes itself (the desk view calls
# refresh() in the background every few seconds, so this is only a fallback).
STALE_AFTER = 30.0
MAX_OVERLAY = 1000
CLOCK_MARGIN = timedelta(minutes=10)  # desks' clocks differ; reload a little more than needed

# Person ids flushed in this process, per database, since its index last looked.
_touched: dict[str, set[int]] = {}
_touched_lock = threading.Lock()


@event.listens_for(Session, "after_flush")
def _note_person_changes(session: Session, _ctx: Any) -> None:
    ids = [o.id for o in (*session.new, *session.dirty, *session.deleted)
           if isinstance(o, Person) and o.id is not None]
    if not ids:
        return
    try:
        key = _key(session)
    except Exception:  # noqa: BLE001 - an unbound session: no index to keep fresh
        return
    with _touched_lock:
        _touched.setdefault(key, set()).update(ids)


# -- one index per database per process ----------------------------------------------------

_indexes: dict[str, PeopleIndex] = {}
_lock = threading.RLock()


def _key(session: Session) -> str:
    return str(session.get_bind().engine.url)


def _version(session: Session) -> tuple[int, Any]:
    count, newest = session.execute(select(func.count(Person.id), func.max(Person.updated_at))).one()
    return int(count or 0), newest


def _load(session: Session, where: Any = None) -> list[Entry]:
    stmt = select(Person.id, Person.search_text, Person.phone, Person.name_pinyin)
    if where is not None:
        stmt = stmt.where(where)
    return [make_entry(*row) for row in session.execute(stmt)]


def build(session: Session) -> PeopleIndex:
    version = _version(session)
    index = PeopleIndex(base=BaseIndex(_load(session)), version=version,
                        checked_at=time.monotonic())
    # The index is millions of long-lived objects; left to the cyclic garbage collector, every
    # full collection walks them all (tens of ms at 100,000 people, in the middle of a
    # keystroke). Frozen objects are skipped; the index holds no reference cycles, so a
    # replaced index is still freed by reference counting.
    gc.collect()
    gc.freeze()
    return index


def _reload(session: Session, index: PeopleIndex, ids: set[int]) -> None:
    found = {e.id: e for e in _load(session, Person.id.in_(sorted(ids)))} if ids else {}
    for pid in ids:
        index.put(pid, found.get(pid))


def index_for(session: Session) -> PeopleIndex:
    """The index of the session's database (built on first use), with this process's own
    changes applied. Other desks' changes arrive through `refresh`, which the desk calls in the
    background; without it, a version check runs here once per STALE_AFTER."""
    key = _key(session)
    with _lock:
        with _touched_lock:
            local = _touched.pop(key, set())
        index = _indexes.get(key)
        if index is None:
            index = _indexes[key] = build(session)
            return index
        if len(local) > MAX_OVERLAY:  # an import or a demo: start again
            index = _indexes[key] = build(session)
            return index
        if local:
            _reload(session, index, local)
        if time.monotonic() - index.checked_at >= STALE_AFTER:
            version = _version(session)
            index.checked_at = time.monotonic()
            if version != index.version:
                index = _catch_up(session, index, version)
        if len(index.overlay) > MAX_OVERLAY:
            index = _indexes[key] = build(session)
        return index


def refresh(session: Session) -> bool:
    """Look for other desks' changes (a count and max(updated_at) query: tens of ms at 100,000
    people, too slow for a keystroke) and apply them. Returns True when something changed."""
    key = _key(session)
    if key not in _indexes:
        return False
    version = _version(session)
    with _lock:
        index = _indexes.get(key)
        if index is None:
            return False
        index.checked_at = time.monotonic()
        if version == index.version:
            return False
        _catch_up(session, index, version)
        return True


def _catch_up(session: Session, index: PeopleIndex, version: tuple[int, Any]) -> PeopleIndex:
    """Someone changed people: reload the rows changed since the newest we knew (another desk's
    changes arrive only this way)."""
    since = index.version[1]
    if isinstance(since, datetime):
        changed = {e.id for e in _load(session, Person.updated_at >= since - CLOCK_MARGIN)}
        _reload(session, index, changed)
    index.version = version
    if since is None or index.size != version[0]:  # deletions, or no clue: start again
        index = _indexes[_key(session)] = build(session)
    return index


def warm_up(session: Session) -> None:
    """Build the index and every two-character candidate list (the desk runs this in the
    background when it opens)."""
    index = index_for(session)
    if not index.base.grams_complete:
        index.base.fill_grams()
        gc.collect()
        gc.freeze()


def invalidate(session: Session | None = None) -> None:
    """Forget the index (of one database, or all); the next search rebuilds it."""
    with _lock:
        if session is None:
            _indexes.clear()
        else:
            _indexes.pop(_key(session), None)


def badge_code_ids(session: Session, query: str) -> list[int]:
    """The holder of a whole badge code typed or pasted as the query (an indexed, unique column;
    codes are not search forms, see domain.names.person_search_text)."""
    words = split_query(query)
    if len(words) != 1 or not is_badge_code(words[0].upper()):
        return []
    return list(session.scalars(select(Person.id).where(Person.badge_code == words[0].upper())))


def search_ids(session: Session, *, query: str, limit: int = 50) -> list[int]:
    by_code = badge_code_ids(session, query)
    with _lock:  # a background refresh must not change the overlay under a running search
        found = index_for(session).search(query, limit=limit)
    if not by_code:
        return found
    return (by_code + [i for i in found if i not in by_code])[:limit]

"""The desk's in-memory people index: a keystroke is answered in milliseconds at 100,000 people.

A `LIKE '%w%'` over 30,000 rows costs tens of milliseconds per keystroke; this index is built from
`person.search_text` (the forms of domain.names) and kept fresh cheaply. The data structure
itself (ordinals in name order, the scan layer and the lists of the full layer) is
services.search.base, the ranking services.search.ranking, a person's text and the ranking rule
services.search.forms; this module keeps one per open database, fresh:

- `DeskIndex` belongs to one `storage.Database` (`desk_index(db)` builds it on first use through
  `Database.owned`, and `Database.dispose` disposes it). Nothing is kept per process.
- People changed through this database are noticed by listeners on the database's own session
  factory (`Database.sessions`): a flush notes the Person ids in its session, a commit hands them
  to the index, a rollback drops them; the next search reloads just those rows.
- Other desks' changes are named by the change feed, whose watcher (services.live) hands their
  ids to `apply_changes`; as a fallback, they are also noticed by a version check (row count,
  newest `updated_at`) that the desk runs in the background (`refresh`), or a search runs after
  `stale_after` seconds; changed rows are reloaded the same way. So are bulk UPDATE statements,
  which no flush reports.

Changed rows live in a small overlay searched linearly; the base is rebuilt only when the
overlay grows past `MAX_OVERLAY` (an import: thousands of people at once).

Building in two steps (services.search.base): the scan layer — everyone's texts in name order,
read from the database (or a snapshot on disk, services.search.snapshot) in a fraction of a
second — answers searches at once; the full layer, which makes them faster still, is built by
`complete()` in short steps (`warm_up`, and `refresh` after an import, both run by the desk in the
background), never by a search. So neither the first start on a database of 100,000 people nor an
import of 30,000 makes a keystroke wait for seconds, and no step of the build holds the GIL (or
makes the window's garbage collector walk the index) long enough to stall the window.

The index reads the database only through its own read-only units of work, so it holds committed
data only (never a caller's unfinished transaction), and never while holding the lock searches
wait on: rows are read first, then the built structure is swapped in (or the reloaded entries put)
under that lock in microseconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, event, func, select
from sqlalchemy.orm import Session, UOWTransaction

from eventdesk.domain import Event, Person
from eventdesk.domain.contact import phone_digits
from eventdesk.domain.names import split_query
from eventdesk.domain.qr import is_badge_code
from eventdesk.services.search import snapshot
from eventdesk.services.search.base import STEP, BaseIndex
from eventdesk.services.search.forms import Entry, entry_text, make_entry
from eventdesk.services.search.ranking import PeopleIndex
from eventdesk.storage import Database, chunked, database_of, describe, sqlite_path

__all__ = ["BaseIndex", "DeskIndex", "Entry", "PeopleIndex", "badge_code_ids", "desk_index",
           "search_ids"]

# Seconds after which a search checks for other desks' changes itself (the desk view calls
# refresh() in the background every few seconds, so this is only a fallback).
STALE_AFTER = 30.0
MAX_OVERLAY = 1000
CLOCK_MARGIN = timedelta(minutes=10)  # desks' clocks differ; reload a little more than needed
_PENDING = "eventdesk.desk_index.pending"  # Session.info key: Person ids flushed, not committed

Version = tuple[int, Any]  # (number of people, newest updated_at)


def _version(session: Session) -> Version:
    count, newest = session.execute(
        select(func.count(Person.id), func.max(Person.updated_at))).one()
    return int(count or 0), newest


def _load(session: Session, where: ColumnElement[bool] | None = None) -> list[Entry]:
    stmt = select(Person.id, Person.search_text, Person.phone, Person.name_pinyin)
    if where is not None:
        stmt = stmt.where(where)
    return [make_entry(*row) for row in session.execute(stmt)]


def _load_ids(session: Session, ids: Iterable[int]) -> dict[int, Entry]:
    found: dict[int, Entry] = {}
    for chunk in chunked(sorted(ids)):
        found.update((e.id, e) for e in _load(session, Person.id.in_(chunk)))
    return found


def pause() -> None:
    """Between two steps of reading the scan layer: let every other thread (the window's) run."""
    time.sleep(0)


# The pace of completing the index in the background: after this much work, this much rest.
WORK_S = 0.004
REST_S = 0.004


class _Pacer:
    """The pause of `DeskIndex.complete`: after WORK_S of work, a sleep of REST_S. The full
    layer then takes about twice as long (seconds, in the background, with searches answered
    meanwhile), and the window's thread is seldom one of three threads wanting the GIL at once:
    CPython hands a released GIL to whichever waiting thread wakes first, and beside a search and
    a completion running flat out, the GUI thread lost that race for 80–100 ms at a time."""

    def __init__(self) -> None:
        self._since = time.perf_counter()

    def __call__(self) -> None:
        if time.perf_counter() - self._since >= WORK_S:
            time.sleep(REST_S)
            self._since = time.perf_counter()


def _read_base(session: Session) -> BaseIndex:
    """The scan layer of everyone, read in name order: the database sorts (by code point, as
    Python compares the keys), rows arrive in pieces, and each row is turned into its text by
    forms.entry_text — no step holds the GIL for long."""
    order = (Person.name_pinyin.collate("C") if session.get_bind().dialect.name == "postgresql"
             else Person.name_pinyin)  # SQLite's default collation is by code point already
    stmt = (select(Person.id, Person.search_text, Person.phone, Person.name_pinyin)
            .order_by(order, Person.id))
    keys: list[tuple[str, int]] = []
    phones: list[str] = []
    texts: list[str] = []
    # Core rows in pieces (a server-side cursor on PostgreSQL): not ORM rows, a fifth faster.
    rows = session.connection().execution_options(yield_per=snapshot.PIECE).execute(stmt)
    for n, (pid, text, phone, pinyin) in enumerate(rows):
        keys.append((pinyin or "", pid))
        phone = phone or ""
        phones.append(phone if phone.isdigit() else phone_digits(phone))  # most are digits
        texts.append(entry_text(text))
        if n % STEP == 0:
            pause()
    if not all(a <= b for a, b in zip(keys, keys[1:], strict=False)):  # a collation we missed
        by_name = sorted(range(len(keys)), key=keys.__getitem__)
        keys = [keys[i] for i in by_name]
        phones = [phones[i] for i in by_name]
        texts = [texts[i] for i in by_name]
    return BaseIndex(tuple(keys), tuple(phones), tuple(texts))


class DeskIndex:
    """The people search index of one open database. Thread-safe; build it with `desk_index`.

    Why listen on the database's session factory rather than have writers tell the index: every
    Person write of this program is an ORM flush in a session of `Database.sessions`, whatever
    service or action makes it (people, walk-ins, exhibitors' short-name changes, imports' updates,
    the desk's reprints), so one listener sees them all and cannot be forgotten by a new writer;
    reports from each writer would spread one rule over a dozen modules. Listening on the factory,
    not on the Session class, keeps two open databases (and tests) from hearing each other. What no
    flush reports (bulk inserts and updates, other processes) the version check catches.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self.stale_after = STALE_AFTER
        self._index: PeopleIndex | None = None
        # What the current base was made from, for the snapshot: (identity, version, base), and
        # the snapshot it was loaded from, whose full layer `complete` reads.
        self._made: tuple[str, Version, BaseIndex] | None = None
        self._loaded: snapshot.Loaded | None = None
        self._search_lock = threading.Lock()  # searches; updaters only swap or put under it
        self._update_lock = threading.Lock()  # one updater (database reads) at a time
        self._complete_lock = threading.Lock()  # one background completion at a time
        self._touched: set[int] = set()  # committed Person changes not yet applied
        self._touched_lock = threading.Lock()
        self._listening = True
        event.listen(db.sessions, "after_flush", self._note_flush)
        event.listen(db.sessions, "after_commit", self._note_commit)
        event.listen(db.sessions, "after_rollback", self._drop_pending)

    # -- listeners (any thread that writes through this database) ----------------------------
    def _note_flush(self, session: Session, _flush: UOWTransaction) -> None:
        ids = [o.id for o in (*session.new, *session.dirty, *session.deleted)
               if isinstance(o, Person) and o.id is not None]
        if ids:
            session.info.setdefault(_PENDING, set()).update(ids)

    def _note_commit(self, session: Session) -> None:
        ids = session.info.pop(_PENDING, None)
        if ids:
            with self._touched_lock:
                self._touched.update(ids)

    def _drop_pending(self, session: Session) -> None:
        session.info.pop(_PENDING, None)

    # -- keeping fresh -----------------------------------------------------------------------
    def current(self) -> PeopleIndex:
        """The structure to search: built on first use, with this process's committed changes
        applied, and other desks' when a version check is due (every `stale_after` s)."""
        index = self._index
        if index is not None and not self._touched and not self._stale(index):
            return index  # a keystroke's usual path: no lock, no database
        with self._update_lock:
            return self._update()

    def _stale(self, index: PeopleIndex) -> bool:
        return time.monotonic() - index.checked_at >= self.stale_after

    def _update(self) -> PeopleIndex:
        with self._touched_lock:
            local, self._touched = self._touched, set()
        index = self._index
        if index is None or len(local) > MAX_OVERLAY:  # first use, or an import: start again
            return self._rebuild()
        if local:
            with self._db.unit_of_work(write=False) as session:
                found = _load_ids(session, local)
            self._put(index, local, found)
        if self._stale(index):
            with self._db.unit_of_work(write=False) as session:
                version = _version(session)
            index = self._catch_up(index, version)
        if len(index.overlay) > MAX_OVERLAY:
            index = self._rebuild()
        return index

    def _put(self, index: PeopleIndex, ids: Iterable[int], found: dict[int, Entry]) -> None:
        with self._search_lock:
            for pid in ids:
                index.put(pid, found.get(pid))

    def _identity(self, session: Session) -> str:
        """What a snapshot on disk must belong to: this database (URL without its password,
        a file's resolved path) and its event."""
        code = session.scalar(select(Event.code).limit(1)) or ""
        path = sqlite_path(self._db.url)
        return f"{path.resolve() if path else describe(self._db.url)}\n{code}"

    def _rebuild(self) -> PeopleIndex:
        """A new structure of everyone: its scan layer only (under a second at 100,000 people;
        `complete` adds the rest), read from a snapshot on disk made at the same version
        (services.search.snapshot) or from the database. Built outside the search lock;
        searches meanwhile use the old one. Call with the update lock held."""
        with self._db.unit_of_work(write=False) as session:
            version = _version(session)
            identity = self._identity(session)
            loaded = snapshot.load(identity, version, pause=pause)
            base = loaded.base if loaded is not None else _read_base(session)
        self._made, self._loaded = (identity, version, base), loaded
        index = PeopleIndex(base=base, version=version, checked_at=time.monotonic())
        with self._search_lock:
            self._index = index
        return index

    def complete(self, *, grams: bool = True) -> None:
        """Build the full layer of the current structure (and, with `grams`, its
        two-character lists) in short steps, or read them from the snapshot it came from, and
        store a snapshot of a structure built here: seconds at 100,000 people, for a background
        thread (the desk's warm-up and refresh). Searches go on meanwhile. Returns at once when
        another thread is completing."""
        if not self._complete_lock.acquire(blocking=False):
            return
        try:
            index = self.current()
            base, loaded, made = index.base, self._loaded, self._made
            pace = _Pacer()
            if loaded is not None and loaded.base is base and base.full is None:
                self._loaded = None
                if loaded.finish(pace):
                    return
            base.complete(pace)
            if grams:
                base.fill_grams(pace)
            if (made is not None and made[2] is base and loaded is None and base.grams_complete
                    and not index.overlay):
                # the next start of this desk reads this instead of building (snapshot.py)
                snapshot.save(made[0], made[1], base, pause=pace)
                self._made = None  # saved once
        finally:
            self._complete_lock.release()

    def _catch_up(self, index: PeopleIndex, version: Version) -> PeopleIndex:
        """Someone changed people: reload the rows changed since the newest we knew (another
        desk's changes arrive only this way). Call with the update lock held."""
        index.checked_at = time.monotonic()
        if version == index.version:
            return index
        since = index.version[1]
        if isinstance(since, datetime):
            with self._db.unit_of_work(write=False) as session:
                changed = _load(session, Person.updated_at >= since - CLOCK_MARGIN)
            if len(changed) > MAX_OVERLAY:  # an import elsewhere: not thousands of puts
                return self._rebuild()
            self._put(index, [e.id for e in changed], {e.id: e for e in changed})
        index.version = version
        if since is None or index.size != version[0]:  # deletions, or no clue: start again
            return self._rebuild()
        return index

    def refresh(self) -> bool:
        """Look for other desks' changes (a count and max(updated_at) query: tens of ms at
        100,000 people, too slow for a keystroke) and apply them. Returns True when something
        changed; False also when the index was never built (nothing to keep fresh)."""
        built = self._index
        if built is None:
            return False
        with self._db.unit_of_work(write=False) as session:  # outside both locks
            version = _version(session)
        with self._update_lock:
            index = self._index
            if index is None:
                return False
            changed = version != index.version
            if changed:
                index = self._catch_up(index, version)
            else:
                index.checked_at = time.monotonic()
        if not changed and not index.base.grams_complete:
            # An import elsewhere rebuilt the base (its scan layer): finish it here, not in a
            # search, once people stopped changing — not after every piece of a running import;
            # and in two steps a refresh apart (the lists searches use most, then the
            # two-character lists and the snapshot), less work at once beside the desk's scans.
            self.complete(grams=index.base.full is not None)
        return changed

    def warm_up(self, *, pairs: bool = True) -> None:
        """Build the index (see `complete`; `pairs`: the two-character lists too). Seconds at
        100,000 people: the desk runs it in the background when it opens; searches are
        answered from the scan layer meanwhile."""
        self.current()
        self.complete(grams=pairs)

    def apply_changes(self, ids: Iterable[int]) -> None:
        """People other desks (or anyone) changed, named by the change feed (services.live):
        reload just them, now, on the caller's thread (the watcher's) — so the next keystroke
        finds a walk-in made elsewhere without a version check. Nothing to do when the index
        was never built (its first build reads everyone anyway)."""
        if self._index is None:
            return
        with self._touched_lock:
            self._touched.update(ids)
        with self._update_lock:
            if self._index is not None:
                self._update()

    def invalidate(self) -> None:
        """Forget the structure; the next search rebuilds it (e.g. after a bulk UPDATE)."""
        with self._update_lock, self._search_lock:
            self._index = None

    def dispose(self) -> None:
        """Stop listening to the database and drop the structure (Database.dispose calls it)."""
        if self._listening:
            self._listening = False
            event.remove(self._db.sessions, "after_flush", self._note_flush)
            event.remove(self._db.sessions, "after_commit", self._note_commit)
            event.remove(self._db.sessions, "after_rollback", self._drop_pending)
        self.invalidate()

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 50) -> list[int]:
        """Person ids, best first (services.search.forms.query_score, then name), at most
        `limit`. The ids of a whole badge code are not included: see `search_ids`."""
        index = self.current()
        with self._search_lock:  # the search fills the two-character cache and reads the overlay
            return index.search(query, limit=limit)


def desk_index(owner: Database | Session) -> DeskIndex:
    """The search index of a database (or of the database a unit-of-work session belongs to),
    built empty on first use; its structure is built by the first search or `warm_up`."""
    db = owner if isinstance(owner, Database) else database_of(owner)
    return db.owned(DeskIndex)


def drop_snapshot(session: Session) -> None:
    """Remove this machine's search snapshot of the session's database (it holds everyone's
    search forms and phones: services.search.snapshot); the next search builds anew."""
    index = desk_index(session)
    index.invalidate()
    snapshot.purge(index._identity(session))


def badge_code_ids(session: Session, query: str) -> list[int]:
    """The holder of a whole badge code typed or pasted as the query (an indexed, unique column;
    codes are not search forms, see domain.names.person_search_text)."""
    words = split_query(query)
    if len(words) != 1 or not is_badge_code(words[0].upper()):
        return []
    return list(session.scalars(select(Person.id).where(Person.badge_code == words[0].upper())))


def search_ids(session: Session, *, query: str, limit: int = 50) -> list[int]:
    """Person ids for a desk query, best first, at most `limit`: the holder of a whole badge
    code first, then the index's ranking. Reads the database only for the badge code."""
    by_code = badge_code_ids(session, query)
    found = desk_index(session).search(query, limit=limit)
    if not by_code:
        return found
    return (by_code + [i for i in found if i not in by_code])[:limit]

"""The desk's in-memory people index: a keystroke is answered in milliseconds at 100,000 people.

A `LIKE '%w%'` over 30,000 rows costs tens of milliseconds per keystroke; this index is loaded
once per process and database from `person.search_text` (the forms of domain.names) and kept fresh
cheaply:

- in this process, every flush that touches a Person marks its id (SQLAlchemy `after_flush`), and
  the next search reloads just those rows;
- other desks' changes are noticed by a version check (row count, newest `updated_at`) at most once
  per `CHECK_INTERVAL`; changed rows are reloaded the same way.

Changed rows live in a small overlay searched linearly; the base arrays are rebuilt only when the
overlay grows past `MAX_OVERLAY`.

People are numbered ("ordinals") in name order, so "the first k matches in ordinal order" is
"the first k by name": ranking is tiers (exact 3 > prefix 2 > contains 1), then name.
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from ..domain import Person
from ..domain.contact import phone_digits
from ..domain.names import SEPARATOR, split_query

SEP = "\x1f"  # between forms in the index; never part of a folded query word
MIN_PHONE_TAIL = 4
BUCKET_PREFIX = 3  # prefixes up to this length have precomputed, name-ordered people lists
CHECK_INTERVAL = 1.0  # seconds between version checks for other desks' changes
MAX_OVERLAY = 1000
CLOCK_MARGIN = timedelta(minutes=10)  # desks' clocks differ; reload a little more than needed

# Person ids flushed in this process, per database, since its index last looked.
_touched: dict[str, set[int]] = {}
_touched_lock = threading.Lock()


@event.listens_for(Session, "after_flush")
def _note_person_changes(session: Session, _ctx: Any) -> None:
    ids = [o.id for o in (*session.new, *session.dirty, *session.deleted)
           if isinstance(o, Person) and o.id is not None]
    if ids:
        with _touched_lock:
            _touched.setdefault(_key(session), set()).update(ids)


@dataclass
class Entry:
    """One person as the index sees them."""

    id: int
    key: tuple[str, int]  # (name_pinyin, id): the name order
    text: str  # SEP + forms joined by SEP + SEP
    phone: str  # digits only


def make_entry(pid: int, search_text: str, phone: str, name_pinyin: str) -> Entry:
    forms = [f for f in (search_text or "").split(SEPARATOR) if f]
    return Entry(id=pid, key=(name_pinyin or "", pid), text=SEP + SEP.join(forms) + SEP,
                 phone=phone_digits(phone or ""))


def entry_score(entry: Entry, word: str) -> int:
    """3 exact, 2 prefix (or phone tail), 1 contains, 0 no match."""
    text = entry.text
    if word not in text:
        score = 0
    elif SEP + word + SEP in text:
        return 3
    elif SEP + word in text:
        score = 2
    else:
        score = 1
    if score < 2 and len(word) >= MIN_PHONE_TAIL and word.isdigit() and entry.phone.endswith(word):
        score = 2
    return score


def query_score(entry: Entry, words: list[str]) -> int:
    """Every word must match; spaces inside pinyin are optional, so the words joined count too."""
    total = 0
    for w in words:
        s = entry_score(entry, w)
        if not s:
            return 0
        total += s
    if len(words) > 1:
        total = max(total, entry_score(entry, "".join(words)) * len(words))
    return total


def _upper(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class _FormsText:
    """Unique forms of one string kind joined in one string, for C-speed substring search."""

    def __init__(self, form_ids: list[int], forms: list[str]) -> None:
        self.form_ids = form_ids
        self.offsets: list[int] = []
        pos = 0
        for i in form_ids:
            self.offsets.append(pos)
            pos += len(forms[i]) + 1
        self.text = SEP.join(forms[i] for i in form_ids) + SEP

    def containing(self, word: str) -> list[int]:
        out: list[int] = []
        find, text, offsets = self.text.find, self.text, self.offsets
        pos = find(word)
        while pos >= 0:
            k = bisect_right(offsets, pos) - 1
            out.append(self.form_ids[k])
            nxt = offsets[k + 1] if k + 1 < len(offsets) else len(text)
            pos = find(word, nxt)
        return out


class BaseIndex:
    def __init__(self, entries: list[Entry]) -> None:
        entries.sort(key=lambda e: e.key)
        self.entries = entries
        self.ordinal = {e.id: o for o, e in enumerate(entries)}
        postings: dict[str, list[int]] = {}
        buckets: dict[str, list[int]] = {}
        tails: dict[str, list[int]] = {}
        for o, e in enumerate(entries):
            forms = e.text.strip(SEP).split(SEP) if e.text != SEP * 2 else []
            prefixes: set[str] = set()
            for f in forms:
                postings.setdefault(f, []).append(o)
                for n in range(1, min(BUCKET_PREFIX, len(f)) + 1):
                    prefixes.add(f[:n])
            for p in prefixes:
                buckets.setdefault(p, []).append(o)
            if len(e.phone) >= MIN_PHONE_TAIL:
                tails.setdefault(e.phone[-MIN_PHONE_TAIL:], []).append(o)
        self.forms = sorted(postings)
        self.postings = [_dedup(postings[f]) for f in self.forms]
        self.buckets = buckets
        self.tails = tails
        kinds: dict[int, list[int]] = {}
        for i, f in enumerate(self.forms):
            top = max(map(ord, f))
            kinds.setdefault(0 if top < 256 else 1 if top < 65536 else 2, []).append(i)
        self.texts = {k: _FormsText(ids, self.forms) for k, ids in kinds.items()}

    # -- candidate sets ------------------------------------------------------------------
    def exact(self, word: str) -> list[int]:
        i = bisect_left(self.forms, word)
        return self.postings[i] if i < len(self.forms) and self.forms[i] == word else []

    def prefixed(self, word: str) -> list[int]:
        """Ordinals with a form starting with `word` (or a phone ending in it), in name order."""
        if len(word) <= BUCKET_PREFIX:
            found = self.buckets.get(word, [])
        else:
            lo = bisect_left(self.forms, word)
            hi = bisect_left(self.forms, _upper(word), lo)
            if hi - lo == 1:
                found = self.postings[lo]
            else:
                merged: set[int] = set()
                for p in self.postings[lo:hi]:
                    merged.update(p)
                found = sorted(merged)
        if len(word) >= MIN_PHONE_TAIL and word.isdigit():
            phones = [o for o in self.tails.get(word[-MIN_PHONE_TAIL:], [])
                      if self.entries[o].phone.endswith(word)]
            if phones:
                found = sorted(set(found).union(phones))
        return found

    def containing(self, word: str) -> list[int]:
        """Ordinals with a form containing `word`, in name order."""
        top = max(map(ord, word))
        merged: set[int] = set()
        for kind, ft in self.texts.items():
            if (kind == 0 and top >= 256) or (kind == 1 and top >= 65536):
                continue
            for i in ft.containing(word):
                merged.update(self.postings[i])
        return sorted(merged)


def _dedup(ordinals: list[int]) -> list[int]:
    out: list[int] = []
    for o in ordinals:
        if not out or out[-1] != o:
            out.append(o)
    return out


@dataclass
class PeopleIndex:
    base: BaseIndex
    overlay: dict[int, Entry | None] = field(default_factory=dict)  # None: deleted
    masked: set[int] = field(default_factory=set)  # base ordinals replaced by the overlay
    version: tuple[int, Any] = (0, None)
    checked_at: float = 0.0

    def put(self, pid: int, entry: Entry | None) -> None:
        self.overlay[pid] = entry
        o = self.base.ordinal.get(pid)
        if o is not None:
            self.masked.add(o)

    @property
    def size(self) -> int:
        live = len(self.base.entries) - len(self.masked)
        return live + sum(1 for e in self.overlay.values() if e is not None)

    # -- search --------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 50) -> list[int]:
        """Person ids, best first: all words match; exact > prefix > contains; then by name."""
        words = split_query(query)
        if not words or limit < 1:
            return []
        scored = self._base_single(words[0], limit) if len(words) == 1 else \
            self._base_multi(words, limit)
        for entry in self.overlay.values():
            if entry is not None:
                s = query_score(entry, words)
                if s:
                    scored.append((-s, entry.key))
        scored.sort()
        return [key[1] for _, key in scored[:limit]]

    def _take(self, ordinals: list[int], score: int, seen: set[int], limit: int,
              out: list[tuple[int, tuple[str, int]]]) -> None:
        entries, masked = self.base.entries, self.masked
        for o in ordinals:
            if len(out) >= limit:
                return
            if o in seen or o in masked:
                continue
            seen.add(o)
            out.append((-score, entries[o].key))

    def _base_single(self, word: str, limit: int) -> list[tuple[int, tuple[str, int]]]:
        out: list[tuple[int, tuple[str, int]]] = []
        seen: set[int] = set()
        self._take(self.base.exact(word), 3, seen, limit, out)
        if len(out) < limit:
            self._take(self.base.prefixed(word), 2, seen, limit, out)
        if len(out) < limit:
            self._take(self.base.containing(word), 1, seen, limit, out)
        return out

    def _base_multi(self, words: list[str], limit: int) -> list[tuple[int, tuple[str, int]]]:
        driver = max(words, key=lambda w: (len(w) + (2 if not w.isascii() else 0)))
        entries, masked = self.base.entries, self.masked
        if len(driver) >= 3 or not driver.isascii():
            candidates = self.base.containing(driver)
            if len(driver) >= MIN_PHONE_TAIL and driver.isdigit():
                candidates = sorted(set(candidates).union(self.base.prefixed(driver)))
            pool = [entries[o] for o in candidates if o not in masked]
        else:  # only short words: one pass over everyone is cheaper than enumerating matches
            first = driver
            pool = [e for o, e in enumerate(entries) if first in e.text and o not in masked]
        scored = []
        for e in pool:
            s = query_score(e, words)
            if s:
                scored.append((-s, e.key))
        return scored


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
    return PeopleIndex(base=BaseIndex(_load(session)), version=version,
                       checked_at=time.monotonic())


def _reload(session: Session, index: PeopleIndex, ids: set[int]) -> None:
    found = {e.id: e for e in _load(session, Person.id.in_(sorted(ids)))} if ids else {}
    for pid in ids:
        index.put(pid, found.get(pid))


def index_for(session: Session) -> PeopleIndex:
    """The fresh index of the session's database (built on first use)."""
    key = _key(session)
    with _lock:
        with _touched_lock:
            local = _touched.pop(key, set())
        index = _indexes.get(key)
        if index is None:
            index = _indexes[key] = build(session)
            return index
        if local or time.monotonic() - index.checked_at >= CHECK_INTERVAL:
            if local:
                _reload(session, index, local)
            version = _version(session)
            index.checked_at = time.monotonic()
            if version != index.version:
                index = _catch_up(session, index, version)
        if len(index.overlay) > MAX_OVERLAY:
            index = _indexes[key] = build(session)
        return index


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


def invalidate(session: Session | None = None) -> None:
    """Forget the index (of one database, or all); the next search rebuilds it."""
    with _lock:
        if session is None:
            _indexes.clear()
        else:
            _indexes.pop(_key(session), None)


def search_ids(session: Session, *, query: str, limit: int = 50) -> list[int]:
    return index_for(session).search(query, limit=limit)

"""The desk search index as plain data: no database, no threads (see services.search.index).

People are numbered ("ordinals") in name order, so "the first k matches in ordinal order" is
"the first k by name": ranking is tiers (exact 3 > prefix 2 > contains 1), then name.

`query_score` is the one ranking rule of people search: the index's own tiers compute the same
scores from precomputed lists, the overlay and the benchmark's LIKE baseline
(benchmarks/like_search.py) call it.

Garbage collection: the structure is hundreds of thousands of small containers at 100,000 people.
The base keeps no object per person (parallel tuples of plain values instead of Entry objects),
every array and ordinal list is an exact tuple of strings or ints, and the dicts hold only those:
CPython's collector stops tracking such tuples and dicts after its first pass over them, so a
full collection does not walk the index at all and no process-wide `gc.freeze()` is needed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import add
from typing import Any, NamedTuple

from eventdesk.domain.contact import phone_digits
from eventdesk.domain.names import SEPARATOR, has_accents, split_query, with_latin_forms

_DOTS_RE = re.compile(r"[·•‧・.\s]+")
SEP = "\x1f"  # between forms in the index; never part of a folded query word
MIN_PHONE_TAIL = 4
BUCKET_PREFIX = 4  # prefixes up to this length have precomputed, name-ordered people lists
MAX_GRAMS = 4096  # cached two-character candidate lists


class Entry(NamedTuple):
    """One person as the index sees them (a tuple: see the module's note on garbage collection)."""

    id: int
    key: tuple[str, int]  # (name_pinyin, id): the name order
    text: str  # SEP + forms joined by SEP + SEP
    phone: str  # digits only


def make_entry(pid: int, search_text: str, phone: str, name_pinyin: str) -> Entry:
    forms = [f for f in (search_text or "").split(SEPARATOR) if f]
    # Query words are folded (dots dropped, so 阿依古丽·买买提 matches either way); stored
    # e-mails and references keep theirs, so their folded spelling is indexed as well.
    forms += [folded for f in forms if (folded := _DOTS_RE.sub("", f)) != f and folded]
    # Query words are spelled without accents (domain.names.search_fold): so are the forms,
    # also those stored before the search_text had accent-free forms.
    if has_accents(search_text or ""):  # one look at the whole text: most have none
        forms = with_latin_forms(forms)
    forms = list(dict.fromkeys(f.replace(SEP, "") for f in forms))
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


STRONG = 100  # multi-word: every word (or the words joined) matched at least as a prefix


def query_score(entry: Entry, words: list[str]) -> int:
    """Every word must match; spaces inside pinyin are optional, so the words joined count too.

    Several words: people whom every word (or the joined words) finds by exact or prefix come
    first, by STRONG + score; everyone else matched only by a substring of some word follows
    in name order (score 1), which lets the index stop after the first `limit` of them."""
    total = 0
    strong = True
    for w in words:
        s = entry_score(entry, w)
        if not s:
            return 0
        total += s
        strong = strong and s >= 2
    if len(words) > 1:
        joined = entry_score(entry, "".join(words))
        total = max(total, joined * len(words))
        return total + STRONG if strong or joined >= 2 else 1
    return total


def _upper(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class BaseIndex:
    """Immutable arrays over everyone, in name order (ordinal = position)."""

    def __init__(self, entries: list[Entry]) -> None:
        entries.sort(key=lambda e: e.key)
        # Parallel tuples by ordinal; the Entry objects themselves are not kept.
        self.keys = tuple([e.key for e in entries])  # (name_pinyin, id); [1] is the person id
        self.phones = tuple([e.phone for e in entries])
        self.ordinal = {e.id: o for o, e in enumerate(entries)}
        postings: defaultdict[str, list[int]] = defaultdict(list)
        buckets: defaultdict[str, list[int]] = defaultdict(list)  # form prefix (1–4 chars)
        tails: defaultdict[str, list[int]] = defaultdict(list)  # last four phone digits
        for o, e in enumerate(entries):
            text = e.text
            forms = text[1:-1].split(SEP) if len(text) > 2 else []
            for f in forms:
                postings[f].append(o)
            prefixes = {f[:1] for f in forms}
            prefixes.update([f[:2] for f in forms])
            prefixes.update([f[:3] for f in forms])
            prefixes.update([f[:4] for f in forms])
            for key in prefixes:
                buckets[key].append(o)
            if len(e.phone) >= MIN_PHONE_TAIL:
                tails[e.phone[-MIN_PHONE_TAIL:]].append(o)
        self.buckets = {k: tuple(v) for k, v in buckets.items()}
        self.tails = {k: tuple(v) for k, v in tails.items()}
        self.texts = tuple([e.text for e in entries])
        self.forms = tuple(sorted(postings))
        self.postings = tuple([tuple(postings[f]) for f in self.forms])
        # Two characters → people whose forms contain them: filled on first use (one pass over
        # everyone) or all at once by fill_grams (seconds at 100,000: done in the background).
        self.grams: dict[str, tuple[int, ...]] = {}
        self.grams_complete = False

    # -- a snapshot on disk (services.search.snapshot) ---------------------------------------
    def state(self) -> tuple[Any, ...]:
        """The structure as plain tuples, dicts, strings and ints (what `marshal` can store)."""
        return (self.keys, self.phones, self.ordinal, self.buckets, self.tails, self.texts,
                self.forms, self.postings, self.grams, self.grams_complete)

    @classmethod
    def from_state(cls, state: object) -> BaseIndex:
        """The structure `state()` gave. Raises ValueError when `state` is not of that shape
        (a damaged or foreign snapshot); the caller then builds from the database instead."""
        if not (isinstance(state, tuple) and len(state) == 10
                and all(isinstance(state[i], tuple) for i in (0, 1, 5, 6, 7))
                and all(isinstance(state[i], dict) for i in (2, 3, 4, 8))
                and isinstance(state[9], bool)
                and len(state[0]) == len(state[1]) == len(state[2]) == len(state[5])
                and len(state[6]) == len(state[7])):
            raise ValueError("not a snapshot of the desk search index")
        base = cls.__new__(cls)
        (base.keys, base.phones, base.ordinal, base.buckets, base.tails, base.texts, base.forms,
         base.postings, base.grams, base.grams_complete) = state
        return base

    def fill_grams(self) -> None:
        """Compute every two-character list in one pass (seconds at 100,000 people; the desk
        does it in the background after the index is usable), so no keystroke pays for one."""
        grams: defaultdict[str, list[int]] = defaultdict(list)
        for o, text in enumerate(self.texts):
            for pair in set(map(add, text, text[1:])):
                if SEP not in pair:
                    grams[pair].append(o)
        # Published in one assignment: readers see old or new.
        self.grams = {k: tuple(v) for k, v in grams.items()}
        self.grams_complete = True

    # -- candidate lists, all in name order -------------------------------------------------
    def exact(self, word: str) -> Sequence[int]:
        i = bisect_left(self.forms, word)
        return self.postings[i] if i < len(self.forms) and self.forms[i] == word else ()

    def phone_tail(self, word: str) -> list[int]:
        if len(word) < MIN_PHONE_TAIL or not word.isdigit():
            return []
        return [o for o in self.tails.get(word[-MIN_PHONE_TAIL:], ())
                if self.phones[o].endswith(word)]

    def prefixed(self, word: str) -> Sequence[int]:
        """People with a form starting with `word` (or a phone ending in it)."""
        found: Sequence[int]
        if len(word) <= BUCKET_PREFIX:
            found = self.buckets.get(word, ())
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
        phones = self.phone_tail(word)
        return sorted(set(found).union(phones)) if phones else found

    def superset(self, word: str) -> Sequence[int]:
        """People who may contain `word`, in name order: those whose forms contain the rarest of
        its two-character pieces, or everyone for one character. Exact for two characters.

        A piece's list is computed on first use (one pass over everyone) and kept. A call
        computes at most one new piece, the last one: typing adds one piece per keystroke, and
        the earlier pieces were computed by the earlier keystrokes."""
        if len(word) < 2:
            return range(len(self.texts))
        if len(word) == 2:
            return self.gram(word)
        pieces = [word[i:i + 2] for i in range(len(word) - 1)]
        if self.grams_complete:
            return min((self.grams.get(p, ()) for p in pieces), key=len)
        known: list[Sequence[int]] = [g for g in (self.grams.get(p) for p in pieces)
                                      if g is not None]
        if len(known) < len(set(pieces)):
            missing = next(p for p in reversed(pieces) if p not in self.grams)
            known.append(self.gram(missing))
        return min(known, key=len)

    def gram(self, pair: str) -> Sequence[int]:
        found = self.grams.get(pair)
        if found is None and self.grams_complete:
            return ()
        if found is None:
            if len(self.grams) >= MAX_GRAMS:
                self.grams.clear()
            found = self.grams[pair] = tuple([o for o, t in enumerate(self.texts) if pair in t])
        return found

    def containing(self, word: str) -> Sequence[int]:
        """People with a form containing `word`, in name order."""
        if len(word) == 2:
            return self.gram(word)
        texts = self.texts
        candidates = self.superset(word)
        if isinstance(candidates, range):
            return [o for o, t in enumerate(texts) if word in t]
        return [o for o in candidates if word in texts[o]]


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
        live = len(self.base.texts) - len(self.masked)
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

    def _take(self, ordinals: Iterable[int], score: int, seen: set[int], limit: int,
              out: list[tuple[int, tuple[str, int]]]) -> None:
        keys, masked = self.base.keys, self.masked
        for o in ordinals:
            if len(out) >= limit:
                return
            if o in seen or o in masked:
                continue
            seen.add(o)
            out.append((-score, keys[o]))

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
        strong = self._strong_multi(words, limit)
        if len(strong) >= limit:
            return strong
        base = self.base
        keys, phones, masked, texts = base.keys, base.phones, self.masked, base.texts
        # The weak tier, in name order: walk the shortest candidate list, stop when full.
        options = []
        for w in words:
            cands = base.superset(w)
            tail = base.phone_tail(w)
            options.append((len(cands) + len(tail), cands, tail))
        _, cands, tail = min(options, key=lambda t: t[0])
        pool: Iterable[int] = sorted(set(cands).union(tail)) if tail else cands
        seen = {key[1] for _, key in strong}
        checks = [(w, len(w) >= MIN_PHONE_TAIL and w.isdigit())
                  for w in sorted(words, key=len, reverse=True)]
        out = list(strong)
        for o in pool:
            t = texts[o]
            for w, phone in checks:
                if w not in t and not (phone and phones[o].endswith(w)):
                    break
            else:
                if o in masked or keys[o][1] in seen:
                    continue
                out.append((-1, keys[o]))
                if len(out) >= limit:
                    break
        return out

    def _strong_multi(self, words: list[str], limit: int) -> list[tuple[int, tuple[str, int]]]:
        """The people every word finds by exact or prefix, or the joined words do; scored as
        query_score would score them. Cheap: set operations on precomputed lists."""
        base, n = self.base, len(words)
        joined = "".join(words)
        scores: dict[int, int] = {o: 2 * n for o in base.prefixed(joined)}
        for o in base.exact(joined):
            scores[o] = 3 * n
        lists = sorted((base.prefixed(w) for w in words), key=len)
        both = set(lists[0])
        for other in lists[1:]:
            both.intersection_update(other)
        if both:
            exact = [set(base.exact(w)) for w in words]
            for o in both:
                total = sum(3 if o in ex else 2 for ex in exact)
                if total > scores.get(o, 0):
                    scores[o] = total
        # Only the best `limit` matter: group by score (a handful of values), sort each group's
        # ordinals (plain ints: name order) and stop when full, instead of sorting thousands.
        groups: defaultdict[int, list[int]] = defaultdict(list)
        masked = self.masked
        for o, sc in scores.items():
            if o not in masked:
                groups[sc].append(o)
        keys = base.keys
        out: list[tuple[int, tuple[str, int]]] = []
        for sc in sorted(groups, reverse=True):
            for o in sorted(groups[sc])[: limit - len(out)]:
                out.append((-(sc + STRONG), keys[o]))
            if len(out) >= limit:
                break
        return out

"""The desk search structure over everyone, in name order (ordinal = position): plain data, no
database, no threads (services.search.index keeps one per open database, fresh).

Two layers, so that a desk answers its first search while the rest is still being built:

- The scan layer — every person's name key, phone digits and search text (services.search.forms),
  and the texts joined into one UTF-8 string, the `corpus` — is all a search needs: the people
  whose text contains a word are found by `bytes.find` over the corpus, at C speed (milliseconds
  per pass at 100,000 people), in name order, stopping once enough are found. (UTF-8, not str:
  one rare character such as 𠮷 would make a joined str four bytes per character throughout.)
  It is made from rows read in name order in a fraction of a second (`BaseIndex(keys, phones,
  texts)`).
- The full layer — people by whole form (`postings`), by a form's first 1–4 characters
  (`buckets`) and by their phone's last four digits (`tails`), then by every two characters
  (`grams`) — turns each keystroke into dictionary look-ups. `complete()` and `fill_grams()`
  build it in the background; each is published in one assignment, so a search uses all of it
  or none of it. Both layers give the same answers (tests/services/test_search_index.py).

Garbage collection and the GIL, which the window's process shares with this structure: each
list of people is a `bytearray` of packed ordinals (read through a memoryview), which CPython's
cyclic collector does not track (unlike lists, tuples and, since Python 3.10, `array`), in dicts
keyed by strings, which are then not tracked either; the rest are tuples of strings. A full
collection therefore never walks the index, building it leaves no container the collector must
follow (the old build left a million, and collections walking them stalled the window), and no
step holds the GIL for long: the loops over everyone are Python (the interpreter hands the GIL
to the GUI thread every few milliseconds; `pause`, called every `STEP` people, rests), and the
C calls over all of them (joining the corpus, one `bytes.find` pass) take milliseconds.
"""

from __future__ import annotations

import heapq
import struct
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import add
from typing import Final

from eventdesk.services.search.forms import MIN_PHONE_TAIL, RS, SEP

BUCKET_PREFIX = 4  # form prefixes up to this length have their people listed in `buckets`
STEP = 200  # people between two calls of a build's `pause` (about a millisecond of work)
WINDOW = 1 << 19  # bytes of the corpus one `find` looks through: well under a millisecond
ORDINAL: Final = "i"  # how an ordinal is packed (struct / memoryview format): native 4-byte int
_pack = struct.Struct(ORDINAL).pack

Pause = Callable[[], None]
Lists = dict[str, bytearray]  # key -> packed ordinals, in name order
_EMPTY: Sequence[int] = ()


def ordinals(packed: bytes | bytearray | None) -> Sequence[int]:
    """The ordinals of a packed list (a view, no copy)."""
    return memoryview(packed).cast(ORDINAL) if packed else _EMPTY


def no_pause() -> None:
    """The pause of a build nobody waits for (tests, the command line)."""


@dataclass(frozen=True)
class FullLayer:
    """People by whole form, by form prefix (1–BUCKET_PREFIX characters) and by the last
    MIN_PHONE_TAIL phone digits; each list in name order."""

    postings: Lists
    buckets: Lists
    tails: Lists


def _put(lists: Lists, key: str, packed: bytes) -> None:
    found = lists.get(key)
    if found is None:
        lists[key] = bytearray(packed)
    else:
        found += packed


_RS = RS.encode()


def _joined(values: tuple[str, ...]) -> tuple[bytes, bytes]:
    """The values in UTF-8, each followed by RS, as one bytes; and where each starts (and the
    end), packed as 8-byte ints. Encoded one by one: no C call over all of them but the join."""
    encoded = [v.encode() for v in values]
    starts = array("q", accumulate((len(e) + 1 for e in encoded), initial=0))
    return _RS.join(encoded) + _RS, starts.tobytes()


def _finds_in(corpus: bytes, offsets: bytes, needle: str) -> Iterator[int]:
    """The records of a corpus (`_joined`) that contain `needle` (no RS in it), each once, in
    order: bytes.find from one record to the next (a UTF-8 match is a character match), over at
    most WINDOW bytes a call — one call over a corpus of 100,000 people holds the GIL for tens of
    milliseconds."""
    starts, find = memoryview(offsets).cast("q"), corpus.find  # 8-byte starts (`_joined`)
    pattern = needle.encode()
    size, reach = len(corpus), WINDOW + len(pattern) - 1  # a match starting in the window fits
    pos = 0
    while pos < size:
        hit = find(pattern, pos, pos + reach)
        if hit < 0:
            pos += WINDOW
            continue
        o = bisect_right(starts, hit) - 1
        yield o
        pos = starts[o + 1]


def _count_in(corpus: bytes, needle: str) -> int:
    """How often `needle` occurs in the corpus, counted WINDOW bytes a call (see `_finds_in`)."""
    pattern = needle.encode()
    reach = WINDOW + len(pattern) - 1
    return sum(corpus.count(pattern, pos, pos + reach) for pos in range(0, len(corpus), WINDOW))


def _merged(a: Iterable[int], b: Iterable[int]) -> Iterator[int]:
    """Two ordinal lists in name order as one, each ordinal once."""
    last = -1
    for o in heapq.merge(a, b):
        if o != last:
            last = o
            yield o


class BaseIndex:
    """Everyone, in name order: the scan layer, and the full layer once `complete()` ran."""

    def __init__(self, keys: tuple[tuple[str, int], ...], phones: tuple[str, ...],
                 texts: tuple[str, ...]) -> None:
        """People in name order: keys[o] = (name_pinyin, person id), phone digits, texts
        (forms.entry_text). Raises ValueError when the three differ in length."""
        if not len(keys) == len(phones) == len(texts):
            raise ValueError("keys, phones and texts must be parallel")
        self.keys, self.phones, self.texts = keys, phones, texts
        self.ordinal = {key[1]: o for o, key in enumerate(keys)}
        # Person o's text is corpus[starts[o]:starts[o + 1] - 1] in UTF-8; RS ends each one.
        # The starts are kept packed (bytes: nothing for the collector), read as a memoryview.
        self.corpus, self.starts = _joined(texts)
        self.phone_corpus, self.phone_starts = _joined(phones)
        self.full: FullLayer | None = None
        self.grams: Lists = {}
        self.grams_complete = False

    @classmethod
    def of_entries(cls, entries: Iterable[tuple[int, tuple[str, int], str, str]]) -> BaseIndex:
        """The scan layer of these people (forms.Entry), in any order (a small set: the sort
        runs in one C call)."""
        ordered = sorted(entries, key=lambda e: e[1])
        return cls(tuple(e[1] for e in ordered), tuple(e[3] for e in ordered),
                   tuple(e[2] for e in ordered))

    @property
    def size(self) -> int:
        return len(self.keys)

    # -- building the full layer (background) -----------------------------------------------
    def complete(self, pause: Pause = no_pause) -> None:
        """Build and publish the full layer (seconds at 100,000 people), pausing every STEP."""
        if self.full is not None:
            return
        postings: Lists = {}
        buckets: Lists = {}
        tails: Lists = {}
        phones = self.phones
        for o, text in enumerate(self.texts):
            packed = _pack(o)
            forms = [f for f in dict.fromkeys(text[1:-1].split(SEP)) if f]
            prefixes: set[str] = set()
            for f in forms:
                _put(postings, f, packed)
                prefixes.update((f[:1], f[:2], f[:3], f[:4]))
            for prefix in prefixes:
                _put(buckets, prefix, packed)
            phone = phones[o]
            if len(phone) >= MIN_PHONE_TAIL:
                _put(tails, phone[-MIN_PHONE_TAIL:], packed)
            if o % STEP == 0:
                pause()
        self.full = FullLayer(postings=postings, buckets=buckets, tails=tails)

    def fill_grams(self, pause: Pause = no_pause) -> None:
        """List everyone by every two characters of their text (seconds at 100,000 people),
        so no containment search needs a pass over the corpus."""
        if self.grams_complete:
            return
        grams: Lists = {}
        for o, text in enumerate(self.texts):
            packed = _pack(o)
            for pair in set(map(add, text, text[1:])):
                if SEP not in pair:
                    _put(grams, pair, packed)
            if o % STEP == 0:
                pause()
        self.grams = grams  # published before the flag: a reader that sees it sees them
        self.grams_complete = True

    # -- passes over the corpus (the scan layer) ---------------------------------------------
    def _finds(self, needle: str) -> Iterator[int]:
        """People whose text contains `needle` (no RS in it), in name order, each once."""
        return _finds_in(self.corpus, self.starts, needle)

    def _phone_ends(self, digits: str) -> Iterator[int]:
        """People whose phone ends with `digits`, in name order."""
        return _finds_in(self.phone_corpus, self.phone_starts, digits + RS)

    # -- candidate lists, all in name order --------------------------------------------------
    def iter_exact(self, word: str) -> Iterable[int]:
        """People with a form equal to `word` (lazy without the full layer)."""
        full = self.full
        if full is not None:
            return ordinals(full.postings.get(word))
        return self._finds(SEP + word + SEP)

    def exact(self, word: str) -> Sequence[int]:
        found = self.iter_exact(word)
        return found if isinstance(found, Sequence) else list(found)

    def phone_tail(self, word: str) -> list[int]:
        """People whose phone ends with `word` (MIN_PHONE_TAIL or more digits)."""
        if len(word) < MIN_PHONE_TAIL or not word.isdigit():
            return []
        full = self.full
        if full is None:
            return list(self._phone_ends(word))
        phones = self.phones
        return [o for o in ordinals(full.tails.get(word[-MIN_PHONE_TAIL:]))
                if phones[o].endswith(word)]

    def _form_prefixed(self, word: str) -> Iterable[int]:
        full = self.full
        if full is None:
            return self._finds(SEP + word)
        if len(word) <= BUCKET_PREFIX:
            return ordinals(full.buckets.get(word))
        needle, texts = SEP + word, self.texts
        return [o for o in ordinals(full.buckets.get(word[:BUCKET_PREFIX])) if needle in texts[o]]

    def iter_prefixed(self, word: str) -> Iterable[int]:
        """People with a form starting with `word` or a phone ending in it (lazy without the
        full layer)."""
        phones = self.phone_tail(word)
        found = self._form_prefixed(word)
        return _merged(found, phones) if phones else found

    def prefixed(self, word: str) -> Sequence[int]:
        found = self.iter_prefixed(word)
        return found if isinstance(found, Sequence) else list(found)

    def superset(self, word: str) -> Sequence[int]:
        """People who may contain `word`, in name order: everyone for one character; those
        whose texts contain its rarest two characters once `fill_grams` ran; else exactly
        those containing it (one pass over the corpus)."""
        if len(word) < 2:
            return range(len(self.texts))
        if self.grams_complete:
            grams = self.grams
            return min((ordinals(grams.get(word[i:i + 2])) for i in range(len(word) - 1)),
                       key=len)
        return list(self._finds(word))

    def iter_containing(self, word: str) -> Iterable[int]:
        """People with a form containing `word` (lazy without the two-character lists)."""
        if len(word) < 2 or not self.grams_complete:
            return self._finds(word)
        candidates = self.superset(word)
        if len(word) == 2:
            return candidates
        texts = self.texts
        return (o for o in candidates if word in texts[o])

    def matching_all(self, words: list[str]) -> Iterator[int]:
        """People whose text contains every word (or whose phone ends with it, for a phone
        tail), in name order — a superset of those query_score finds: one pass for the word
        with the fewest occurrences (counted at C speed), then a check of each of its people."""
        corpus, phone_corpus = self.corpus, self.phone_corpus

        def occurrences(w: str) -> int:
            phone = len(w) >= MIN_PHONE_TAIL and w.isdigit()
            return _count_in(corpus, w) + (_count_in(phone_corpus, w + RS) if phone else 0)

        rarest = min(words, key=occurrences)
        found: Iterable[int] = self._finds(rarest)
        tail = self.phone_tail(rarest)
        if tail:
            found = _merged(found, tail)
        checks = [(w, len(w) >= MIN_PHONE_TAIL and w.isdigit()) for w in words if w != rarest]
        texts, phones = self.texts, self.phones
        for o in found:
            text = texts[o]
            if all(w in text or (phone and phones[o].endswith(w)) for w, phone in checks):
                yield o

    def containing(self, word: str) -> Sequence[int]:
        found = self.iter_containing(word)
        return found if isinstance(found, Sequence) else list(found)

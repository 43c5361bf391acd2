"""The desk's ranked people search over a BaseIndex (services.search.base) and an overlay of
people changed since it was built: a keystroke is answered in milliseconds at 100,000 people.

People are numbered ("ordinals") in name order, so "the first k matches in ordinal order" is
"the first k by name": ranking is tiers (exact 3 > prefix 2 > contains 1), then name — the rule
of services.search.forms.query_score, which the overlay (searched linearly) applies directly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventdesk.domain.names import split_query
from eventdesk.services.search.base import BaseIndex
from eventdesk.services.search.forms import MIN_PHONE_TAIL, STRONG, Entry, query_score

__all__ = ["PeopleIndex"]


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
        if len(words) == 1:
            scored = self._base_single(words[0], limit)
        elif self.base.full is None:  # the index is being built: rank the scan's finds
            scored = self._scan_multi(words, limit)
        else:
            scored = self._base_multi(words, limit)
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
        self._take(self.base.iter_exact(word), 3, seen, limit, out)
        if len(out) < limit:
            self._take(self.base.iter_prefixed(word), 2, seen, limit, out)
        if len(out) < limit:
            self._take(self.base.iter_containing(word), 1, seen, limit, out)
        return out

    def _scan_multi(self, words: list[str], limit: int) -> list[tuple[int, tuple[str, int]]]:
        """Several words, before the base's full layer exists: everyone the scan finds with all
        the words, scored by query_score itself (as the overlay is), best `limit`."""
        base, masked = self.base, self.masked
        keys, texts, phones = base.keys, base.texts, base.phones
        scored: list[tuple[int, tuple[str, int]]] = []
        for o in base.matching_all(words):
            if o in masked:
                continue
            key = keys[o]
            score = query_score(Entry(key[1], key, texts[o], phones[o]), words)
            if score:
                scored.append((-score, key))
        scored.sort()
        return scored[:limit]

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

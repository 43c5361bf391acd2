"""The desk search index kept on disk between runs, so a desk that opens again skips building it.

The structure (services.search.base) is tuples of strings and arrays of ordinals, which `marshal`
stores and loads quickly. The file is a stream of small records — a header, then the scan layer
(keys, phones, texts), then the full layer and the two-character lists, each cut into pieces of
`PIECE` entries — so that neither writing nor reading it ever holds the GIL for long (one
`marshal` call over a whole 100,000-person index held it for more than a second, a frozen window)
and so that the scan layer can be used before the rest is read (`Loaded.finish`).

A snapshot is used only when it was made by this format, for the same database (URL without its
password, or a file's resolved path) and event, and the database still has the same version
(number of people, newest `updated_at`) — otherwise the index is built from the database, and the
snapshot is replaced once the index is complete. `marshal` builds values; it runs no code. The
file ends with the SHA-256 of its records (hashlib lets go of the GIL while it hashes), so a torn
or damaged file is refused (None), never half used.

Where: `EVENTDESK_CACHE_DIR`, else the per-user cache directory (platformdirs). Personal data:
the snapshot holds the search forms of names, companies and phone numbers, like the database
itself; it is written with the user's permissions only (0600) and removed with `purge`.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Any

import platformdirs

from eventdesk.files import replacing
from eventdesk.services.search.base import ORDINAL, BaseIndex, FullLayer, Lists, Pause, no_pause

# Raise when the records change shape or the search texts change meaning.
FORMAT = 4  # 2: accent-free forms (domain.names.latin_forms); 3: records, two layers;
# 4: name keys with tones and text (domain.sorting, migration 0013)
PIECE = 5000  # entries per record: a few milliseconds of marshal each
_LAYOUT = (sys.byteorder, array(ORDINAL).itemsize)
_SCAN = ("keys", "phones", "texts")
_LISTS = ("postings", "buckets", "tails", "grams")
_DIGEST = 32  # bytes of SHA-256 at the end of the file


def cache_dir() -> Path:
    configured = os.environ.get("EVENTDESK_CACHE_DIR")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("eventdesk"))


def _path(identity: str) -> Path:
    digest = hashlib.sha256(f"{FORMAT}\n{identity}".encode()).hexdigest()[:32]
    return cache_dir() / f"search-{digest}.idx"


def _stamp(version: tuple[int, object]) -> tuple[int, str]:
    count, newest = version
    return int(count), newest.isoformat() if isinstance(newest, datetime) else ""


# -- writing ---------------------------------------------------------------------------------

def _records(base: BaseIndex, full: FullLayer, pause: Pause) -> Iterator[tuple[str, Any]]:
    for name in _SCAN:
        values: tuple[Any, ...] = getattr(base, name)
        for start in range(0, len(values), PIECE):
            yield name, values[start:start + PIECE]
            pause()
    lists = {"postings": full.postings, "buckets": full.buckets, "tails": full.tails,
             "grams": base.grams}
    for name in _LISTS:
        keys = tuple(lists[name])
        for start in range(0, len(keys), PIECE):
            part = keys[start:start + PIECE]
            packed = [lists[name][key] for key in part]
            yield name, (part, array(ORDINAL, map(len, packed)).tobytes(), b"".join(packed))
            pause()


def save(identity: str, version: tuple[int, object], base: BaseIndex, *,
         pause: Pause = no_pause) -> None:
    """Store a complete `base` (full layer and two-character lists built) for `identity` at
    `version`: written piece by piece to a temporary file and moved into place
    (files.replacing), so a reader never sees half a snapshot. Does nothing for an incomplete
    base. Errors (a full or read-only disk) are ignored: the snapshot only saves time."""
    full = base.full
    if full is None or not base.grams_complete:
        return
    try:
        with replacing(_path(identity), mode=0o600) as tmp, tmp.open("wb") as fh:
            digest = hashlib.sha256()
            fh.write(marshal.dumps((FORMAT, _stamp(version), _LAYOUT, base.size)))
            for record in chain(_records(base, full, pause), [("end", None)]):
                data = marshal.dumps(record)
                digest.update(data)
                fh.write(data)
            fh.write(digest.digest())
    except (OSError, ValueError):
        return


# -- reading ---------------------------------------------------------------------------------

class Damaged(ValueError):
    """The snapshot is not of the expected shape (torn, tampered with, foreign)."""


def _next(stream: io.BytesIO) -> tuple[str, Any]:
    try:
        record = marshal.load(stream)
    except (EOFError, ValueError, TypeError) as exc:
        raise Damaged("unreadable record") from exc
    if not (isinstance(record, tuple) and len(record) == 2 and isinstance(record[0], str)):
        raise Damaged("not a record")
    return record


@dataclass
class Loaded:
    """A snapshot whose scan layer is read (`base`, usable at once); `finish` reads the rest
    into it."""

    base: BaseIndex
    _stream: io.BytesIO
    _first: tuple[str, Any]

    def finish(self, pause: Pause = no_pause) -> bool:
        """Read the full layer and the two-character lists into `base`, pausing between
        pieces. False (and `base` left as it was) when the rest of the file is damaged."""
        lists: dict[str, Lists] = {name: {} for name in _LISTS}
        record = self._first
        try:
            while record[0] != "end":
                name, payload = record
                if name not in lists or not (isinstance(payload, tuple) and len(payload) == 3):
                    raise Damaged(f"unexpected record {name!r}")
                keys, raw_lengths, flat = payload
                lengths = array(ORDINAL)
                lengths.frombytes(raw_lengths)  # byte lengths of the packed lists
                if len(keys) != len(lengths) or sum(lengths) != len(flat):
                    raise Damaged("lists do not add up")
                target, at = lists[name], 0
                for key, n in zip(keys, lengths, strict=True):
                    target[key] = bytearray(flat[at:at + n])
                    at += n
                pause()
                record = _next(self._stream)
        except (Damaged, TypeError, ValueError):
            return False
        self.base.full = FullLayer(postings=lists["postings"], buckets=lists["buckets"],
                                   tails=lists["tails"])
        self.base.grams = lists["grams"]
        self.base.grams_complete = True
        return True


def load(identity: str, version: tuple[int, object], *,
         pause: Pause = no_pause) -> Loaded | None:
    """The stored scan layer for `identity` (database URL without password + event code) when
    it was made at `version`; None when there is none, it is older, or it is damaged."""
    try:
        data = _path(identity).read_bytes()
    except OSError:
        return None
    stream = io.BytesIO(data[:-_DIGEST])
    try:
        header = marshal.load(stream)
        if not (isinstance(header, tuple) and len(header) == 4 and header[0] == FORMAT
                and header[1] == _stamp(version) and header[2] == _LAYOUT):
            return None
        if hashlib.sha256(memoryview(data)[stream.tell():-_DIGEST]).digest() \
                != data[-_DIGEST:]:
            return None
        size = header[3]
        parts: dict[str, list[Any]] = {name: [] for name in _SCAN}
        record = _next(stream)
        while record[0] in parts:
            if not isinstance(record[1], tuple):
                raise Damaged("not a tuple")
            parts[record[0]].extend(record[1])
            pause()
            record = _next(stream)
        if not all(len(values) == size for values in parts.values()):
            raise Damaged("the layers differ in length")
        base = BaseIndex(tuple(parts["keys"]), tuple(parts["phones"]), tuple(parts["texts"]))
    except (Damaged, EOFError, ValueError, TypeError, IndexError):
        return None
    return Loaded(base=base, _stream=stream, _first=record)


def purge(identity: str) -> None:
    """Remove the snapshot of `identity`, if any."""
    _path(identity).unlink(missing_ok=True)

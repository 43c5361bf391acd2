"""The desk search index kept on disk between runs, so a desk answers its first search at once.

Building the index reads everyone and computes every search form's lists: seconds at 30,000
people, more at 100,000 (README, Benchmarks), which used to stand between opening the program and
the first search. The built structure is plain tuples, dicts, strings and ints, so `marshal`
stores and loads it in a fraction of that time. A snapshot is used only when it was made by this
format of the index, for the same database (URL without its password) and event, and the database
still has the same version (number of people, newest `updated_at`) — otherwise the index is built
from the database as before, and the snapshot is replaced once built. `marshal` builds values; it
runs no code, and a damaged file is refused by `BaseIndex.from_state`.

Where: `EVENTDESK_CACHE_DIR`, else the per-user cache directory (platformdirs). Personal data:
the snapshot holds the search forms of names, companies and phone numbers, like the database
itself; it is written with the user's permissions only (0600) and removed with
`purge(db_url)`.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from datetime import datetime
from pathlib import Path

import platformdirs

from eventdesk.files import write_whole
from eventdesk.services.search.forms import BaseIndex

# Raise when BaseIndex.state() changes shape or the search forms change meaning.
FORMAT = 2  # 2: accent-free forms (domain.names.latin_forms)


def cache_dir() -> Path:
    configured = os.environ.get("EVENTDESK_CACHE_DIR")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("eventdesk"))


def _path(identity: str) -> Path:
    digest = hashlib.sha256(f"{FORMAT}\n{identity}".encode()).hexdigest()[:32]
    return cache_dir() / f"search-{digest}.idx"


def _stamp(version: tuple[int, object]) -> tuple[int, str]:
    count, newest = version
    return int(count), newest.isoformat() if isinstance(newest, datetime) else ""


def load(identity: str, version: tuple[int, object]) -> BaseIndex | None:
    """The stored structure for `identity` (database URL without password + event code) when
    it was made at `version`; None when there is none, it is older, or it is damaged."""
    try:
        raw = _path(identity).read_bytes()
        stored = marshal.loads(raw)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == FORMAT):
        return None
    if stored[1] != _stamp(version):
        return None
    try:
        return BaseIndex.from_state(stored[2])
    except ValueError:
        return None


def save(identity: str, version: tuple[int, object], base: BaseIndex) -> None:
    """Store `base` for `identity` at `version`: written to a temporary file and moved into
    place, so a reader never sees half a snapshot. Errors (a full or read-only disk) are
    ignored: the snapshot only saves time."""
    try:
        data = marshal.dumps((FORMAT, _stamp(version), base.state()))
        write_whole(_path(identity), data, mode=0o600)
    except (OSError, ValueError):
        return


def purge(identity: str) -> None:
    """Remove the snapshot of `identity`, if any."""
    _path(identity).unlink(missing_ok=True)

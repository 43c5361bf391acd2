"""Where automatic backups and restore points go, what they are called, and how many are kept.

Folder: `backups/` beside a SQLite database file (the file and its safety copies travel
together), or for a PostgreSQL database $EVENTDESK_BACKUP_DIR, else `backups/` in the per-user
data directory (platformdirs). Name: `<database>-<YYYYMMDD-HHMMSS>-<reason>.edbackup` (UTC), e.g.
`event-20261130-091500-before-import.edbackup`; the database part is the file's stem, or
`<host>-<database>` for a server.

Kept: the newest KEEP (24) of the window's rotating backups (`auto`) and, separately, the newest
KEEP restore points (`before-…`) of each database. A backup a person made (`manual`) is never
removed by the program.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url

from eventdesk.backups.archive import read_manifest
from eventdesk.backups.making import make_backup, sqlite_file
from eventdesk.backups.manifest import AUTO, RESTORE_POINTS, SUFFIX, Manifest
from eventdesk.backups.postgres import tool
from eventdesk.domain.errors import IntegrityFailed

__all__ = ["KEEP", "BackupEntry", "folder_for", "list_backups", "make_point", "rotate", "stem_of",
           "sweep"]

KEEP = 24
FOLDER = "backups"
BACKUP_DIR_VAR = "EVENTDESK_BACKUP_DIR"  # where a server database's backups go
# A temporary file or folder of a backup older than this was left by a killed process.
STALE_PART_S = 3600
_NAME = re.compile(r"^(?P<stem>.+)-(?P<when>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z-]+)"
                   + re.escape(SUFFIX) + "$")


def folder_for(url: str) -> Path:
    """The backups folder of the database at `url`: beside a SQLite file; for a server,
    $EVENTDESK_BACKUP_DIR when set, else `backups/` in the per-user data directory."""
    path = sqlite_file(url)
    if path is not None:
        return path.resolve().parent / FOLDER
    chosen = os.environ.get(BACKUP_DIR_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir("eventdesk", appauthor=False)) / FOLDER


def stem_of(url: str) -> str:
    path = sqlite_file(url)
    if path is not None:
        raw = path.stem
    else:
        parsed = make_url(url)
        raw = f"{parsed.host or 'local'}-{parsed.database or 'postgres'}"
    return re.sub(r"[^\w.-]+", "_", raw) or "eventdesk"


def file_name(url: str, reason: str) -> str:
    """The name of a new backup of `url` for `reason` in its folder (unused so far)."""
    return _new_path(url, reason).name


def _new_path(url: str, reason: str) -> Path:
    folder = folder_for(url)
    stem, when = stem_of(url), f"{datetime.now(UTC):%Y%m%d-%H%M%S}"
    base = f"{stem}-{when}"
    # Several in the same second (two imports in a row) are numbered after the highest number
    # of that second, not in the first free slot: rotation may have removed an older one of
    # this second, and its name, reused, would sort as older than the ones it outlived.
    taken = [int(m["n"] or 1) for m in (_NAME.match(p.name) for p in folder.glob(f"{base}*"))
             if m and m["stem"] == stem and m["when"] == when]
    if not taken:
        return folder / f"{base}-{reason}{SUFFIX}"
    return folder / f"{base}-{max(taken) + 1}-{reason}{SUFFIX}"


def can_back_up(url: str) -> bool:
    """Whether a backup of `url` can be made here: always for SQLite; for PostgreSQL only when
    pg_dump is installed."""
    return sqlite_file(url) is not None or tool("pg_dump") is not None


def make_point(url: str, reason: str, *, keep: int = KEEP) -> tuple[Path, Manifest] | None:
    """Make an automatic backup (`auto`) or a restore point (`before-…`) of the database at
    `url` in its backups folder, then remove the oldest of the same group beyond `keep`.
    None when nothing can be made here (PostgreSQL without pg_dump). Raises what
    making.make_backup raises."""
    if not can_back_up(url):
        return None
    path = _new_path(url, reason)
    manifest = make_backup(url, path, reason=reason, check=reason not in RESTORE_POINTS)
    rotate(url, group=reason, keep=keep)
    sweep(path.parent)
    return path, manifest


def _group(reason: str) -> str:
    return "restore-point" if reason in RESTORE_POINTS else reason


def rotate(url: str, *, group: str, keep: int = KEEP) -> list[Path]:
    """Remove this database's oldest backups of `group`'s kind (AUTO, or any restore point)
    beyond the newest `keep`; `manual` ones are never removed. Returns the removed paths."""
    wanted = _group(group)
    if wanted not in (AUTO, "restore-point"):
        return []
    stem = stem_of(url)
    mine: list[tuple[tuple[str, int], Path]] = []
    for path in folder_for(url).glob(f"*{SUFFIX}"):
        match = _NAME.match(path.name)
        if match and match["stem"] == stem and _group(match["reason"]) == wanted:
            mine.append(((match["when"], int(match["n"] or 1)), path))
    mine.sort(reverse=True)  # newest first (the second's counter orders those of one second)
    removed = [path for _key, path in mine[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def sweep(folder: Path) -> None:
    """Remove temporary files and folders of backups that a killed process left (hidden,
    `.part`, older than STALE_PART_S)."""
    now = time.time()
    for leftover in folder.glob(".*.part"):
        try:
            if now - leftover.stat().st_mtime < STALE_PART_S:
                continue
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
        except OSError:
            continue


@dataclass(frozen=True)
class BackupEntry:
    """One file of a backups folder: its manifest, or the problem that kept it from being read
    (a message code of IntegrityFailed)."""

    path: Path
    manifest: Manifest | None
    problem: str | None = None

    @property
    def created_at(self) -> str:
        if self.manifest is not None:
            return self.manifest.created_at
        return datetime.fromtimestamp(self.path.stat().st_mtime, UTC).isoformat(
            timespec="seconds")


def list_backups(url: str, *, also: tuple[Path, ...] = ()) -> list[BackupEntry]:
    """The backups in the backups folder of `url` (every database's, newest first), plus the
    files `also` names; a file whose manifest cannot be read is listed with its problem."""
    folder = folder_for(url)
    paths = sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
    entries: list[BackupEntry] = []
    for path in [*paths, *also]:
        if path.name.startswith("."):
            continue
        try:
            entries.append(BackupEntry(path, read_manifest(path)))
        except IntegrityFailed as exc:
            entries.append(BackupEntry(path, None, exc.code))
        except OSError:
            continue  # removed meanwhile (a rotation)
    entries.sort(key=lambda e: e.created_at, reverse=True)
    return entries

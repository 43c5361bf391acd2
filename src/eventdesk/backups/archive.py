"""Writing a backup file whole or not at all, and reading one back only once it is verified.

Writing: the database copy is made in a hidden temporary file beside the target, measured
(SHA-256, rows, revision), and archived with its manifest into another temporary file that
eventdesk.files flushes to the disk and renames over the target (`replacing`). A process killed
at any moment leaves every earlier backup as it was — at worst a hidden `.NAME.….part` file,
which `points.sweep` removes later.

Reading: `opened(path)` checks, in this order, that the archive can be read to its end (a
truncated or bit-flipped gzip stream fails here), that its first member is our manifest, that
the database member's SHA-256 and size are the manifest's, and then the database itself —
SQLite: PRAGMA integrity_check and the rows of every table; pg_dump: pg_restore can list it.
The first check that fails raises IntegrityFailed (CLI exit 6) naming the file and what failed.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from eventdesk.backups import postgres, sqlite
from eventdesk.backups.manifest import MANIFEST_MEMBER, PG_DUMP, SQLITE, Manifest
from eventdesk.domain.errors import DomainError, IntegrityFailed
from eventdesk.files import replacing

__all__ = ["Verified", "opened", "read_manifest", "sha256_of", "verify", "write"]

CHUNK = 1 << 20
# gzip level 1: a 17 MB reference database becomes 7 MB in about 0.3 s of one core; higher levels
# cost several times the time for a few per cent less.
COMPRESS_LEVEL = 1
_READ_ERRORS = (tarfile.TarError, EOFError, zlib.error, OSError, UnicodeDecodeError)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write(out: Path, *, member: Path, manifest: Manifest) -> None:
    """Archive `member` (the database copy) with `manifest` into `out`, whole or not at all.
    Raises OSError naming `out`."""
    with replacing(out) as tmp, tarfile.open(tmp, "w:gz", compresslevel=COMPRESS_LEVEL,
                                             format=tarfile.PAX_FORMAT) as tar:
        data = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST_MEMBER)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
        tar.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo(manifest.member)
        info.size, info.mtime, info.mode = member.stat().st_size, int(time.time()), 0o644
        with member.open("rb") as f:
            tar.addfile(info, f)


def _damaged(path: Path, what: str, **params: object) -> IntegrityFailed:
    return IntegrityFailed(code=f"backup.{what}", file=str(path), **params)


def read_manifest(path: Path) -> Manifest:
    """The manifest of the backup file `path`, read from the archive's first member without
    verifying the rest (a backup list). Raises IntegrityFailed backup.unreadable /
    backup.no_manifest."""
    try:
        with tarfile.open(path, "r:*") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST_MEMBER or not first.isfile():
                raise _damaged(path, "no_manifest")
            handle = tar.extractfile(first)
            data = handle.read() if handle is not None else b""
    except _READ_ERRORS as exc:
        if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
            raise
        raise _damaged(path, "unreadable", detail=type(exc).__name__) from exc
    try:
        return Manifest.from_json(data)
    except ValueError as exc:
        raise _damaged(path, "no_manifest") from exc


@dataclass(frozen=True)
class Verified:
    """A backup file that passed every check: its manifest, and its database member extracted
    into a temporary file (valid inside `opened`'s block only)."""

    path: Path
    manifest: Manifest
    database: Path
    deep: bool  # False: a pg_dump checked by its checksum only (pg_restore is not installed)


@contextmanager
def opened(path: Path, *, workdir: Path | None = None) -> Iterator[Verified]:
    """Verify the backup file `path` (module docstring) and yield it, its database member
    extracted into a temporary folder (in `workdir`, else the system's) removed afterwards.
    Raises IntegrityFailed (backup.unreadable, backup.no_manifest, backup.checksum,
    backup.integrity, backup.counts, backup.revision), FileNotFoundError."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(2, "No such file", str(path))
    manifest = read_manifest(path)
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".eventdesk-restore-", dir=workdir) as folder:
        member = Path(folder) / manifest.member
        digest, size = _extract(path, manifest, member)
        if digest != manifest.sha256 or size != manifest.size:
            raise _damaged(path, "checksum", member=manifest.member)
        deep = _check_database(path, manifest, member)
        yield Verified(path=path, manifest=manifest, database=member, deep=deep)


def verify(path: Path) -> Verified:
    """`opened`'s checks alone; the returned Verified's database file no longer exists."""
    with opened(path) as verified:
        return verified


def _extract(path: Path, manifest: Manifest, into: Path) -> tuple[str, int]:
    """Stream the database member into `into`; (its SHA-256, its size). The whole archive is
    read to its end, so a damaged stream anywhere is found here."""
    digest, size, found = hashlib.sha256(), 0, False
    try:
        with tarfile.open(path, "r:*") as tar:
            for info in tar:
                if info.name != manifest.member or not info.isfile() or found:
                    continue
                source = tar.extractfile(info)
                if source is None:
                    continue
                found = True
                with into.open("wb") as out:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
    except _READ_ERRORS as exc:
        raise _damaged(path, "unreadable", detail=type(exc).__name__) from exc
    if not found:
        raise _damaged(path, "checksum", member=manifest.member)
    return digest.hexdigest(), size


def _check_database(path: Path, manifest: Manifest, member: Path) -> bool:
    if manifest.kind == PG_DUMP:
        try:
            return postgres.check_dump(member)
        except DomainError as exc:
            raise _damaged(path, "integrity", detail=str(exc.params.get("detail", ""))) from exc
    assert manifest.kind == SQLITE
    try:
        found = sqlite.facts(member, check=True)
    except sqlite3.Error as exc:
        raise _damaged(path, "integrity", detail=str(exc)) from exc
    if found.integrity != "ok":
        raise _damaged(path, "integrity", detail=found.integrity[:200])
    for table in sorted(set(manifest.tables) | set(found.tables)):
        expected, counted = manifest.tables.get(table), found.tables.get(table)
        if expected != counted:
            raise _damaged(path, "counts", table=table, expected=expected, found=counted)
    if found.revision != manifest.schema_revision:
        raise _damaged(path, "revision", expected=manifest.schema_revision,
                       found=found.revision)
    return True

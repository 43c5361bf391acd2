"""Backups and restores, as people ask for them (CLI `backup` / `restore`, the Backups dialog),
and the program's own safety copies (the window's rotating backup, restore points).

    made = make_backup(ctx, out=Path("before-day-2.edbackup")).value        # Manifest
    listed = list_backups(ctx).value                                        # [BackupEntry]
    done = restore_backup(ctx, file=path, replace=True).value               # Restored

A backup a person makes or restores needs Permission.BACKUP (admins) and leaves an audit entry
(`backup.made`, `backup.restored` — the latter in the restored database, after the restore). The
program's own copies (`automatic_backup`, `restore_point`) need no permission: they run for
whoever uses the program, hand nothing to that person, and stay beside the database they copy.

No unit of work is open while a backup is made or restored: the copy reads its own snapshot
(SQLite's backup API, pg_dump) and desks keep checking in meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, Topic, outcome
from eventdesk.backups import archive, making, points, rows
from eventdesk.backups.manifest import AUTO, BEFORE_RESTORE, MANUAL, SQLITE, Manifest
from eventdesk.domain.access import Permission
from eventdesk.domain.errors import DomainError
from eventdesk.services import audit
from eventdesk.storage import (
    Database,
    DatabaseTooNew,
    describe,
    known_revisions,
    open_database,
    to_url,
)

__all__ = ["Restored", "automatic_backup", "list_backups", "make_backup", "restore_backup",
           "restore_point", "verify_backup"]

ALL_TOPICS = (Topic.PEOPLE, Topic.EXHIBITORS, Topic.CHECKINS, Topic.PRINTS, Topic.SCHEDULE,
              Topic.EVENT)


def _audit(db: Database, ctx: ActionContext, action: str, detail: dict[str, object]) -> None:
    with db.unit_of_work() as session:
        audit.record(session, actor=ctx.operator, action=action, desk=ctx.desk,
                     subject_type="backup", detail=detail)


def make_backup(ctx: ActionContext, *, out: Path) -> Outcome[Manifest]:
    """Back up the open database into the file `out` (a person's backup: never rotated away),
    then record `backup.made`. Raises Forbidden / NotSignedIn, DomainError backup.* (pg_dump
    missing or failing), OSError naming `out`."""
    require(ctx, Permission.BACKUP)
    manifest = making.make_backup(ctx.db.url, Path(out), reason=MANUAL)
    _audit(ctx.db, ctx, "backup.made", {"file": str(out), "kind": manifest.kind,
                                        "rows": manifest.rows, "sha256": manifest.sha256})
    return outcome(manifest)


def backup_now(ctx: ActionContext) -> Outcome[Path]:
    """A person's backup into the database's backups folder (the Backups dialog's button)."""
    require(ctx, Permission.BACKUP)
    folder = points.folder_for(ctx.db.url)
    path = folder / points.file_name(ctx.db.url, MANUAL)
    make_backup(ctx, out=path)
    return outcome(path)


def automatic_backup(ctx: ActionContext, *, keep: int = points.KEEP) -> Outcome[Path | None]:
    """The window's rotating backup: one more `auto` backup in the backups folder, the oldest
    beyond `keep` removed. None on PostgreSQL without pg_dump. No permission needed (see the
    module docstring); no audit entry (one every ten minutes would bury the trail)."""
    made = points.make_point(ctx.db.url, AUTO, keep=keep)
    return outcome(made[0] if made else None)


def restore_point(url: str, reason: str) -> Path | None:
    """A restore point of the database at `url` before a change (`before-import`,
    `before-demo-replace` …); None when none can be made here (PostgreSQL without pg_dump) or
    the database does not exist yet (nothing to lose)."""
    path = making.sqlite_file(url)
    if path is not None and not path.exists():
        return None
    made = points.make_point(url, reason)
    return made[0] if made else None


def list_backups(ctx: ActionContext, *, also: tuple[Path, ...] = ()) -> Outcome[list[
        points.BackupEntry]]:
    """The backups in the open database's backups folder (automatic, restore points, the
    dialog's), newest first, plus the files `also` names."""
    require(ctx, Permission.BACKUP)
    return outcome(points.list_backups(ctx.db.url, also=also))


def verify_backup(file: Path) -> archive.Verified:
    """The backup file after every check (backups.archive: its manifest, and whether the
    database itself was checked); raises IntegrityFailed (exit 6) naming what failed. Reads no
    database: no permission."""
    return archive.verify(Path(file))


@dataclass(frozen=True)
class Restored:
    """A restore done: the backup's manifest, where it went, and the restore point of what it
    replaced (None when the target was empty)."""

    manifest: Manifest
    database: str
    restore_point: Path | None


def _rows_into_server(copy: Path, url: str) -> None:
    """A SQLite backup into PostgreSQL: both brought to this EventDesk's schema by storage (the
    copy in its temporary folder, the target also when empty), then every row copied in one
    transaction (backups.rows)."""
    open_database(to_url(copy)).dispose()
    open_database(url, create=True).dispose()
    rows.copy_rows(copy, url)


def restore_backup(ctx: ActionContext, *, file: Path, replace: bool = False
                   ) -> Outcome[Restored]:
    """Restore the backup `file` into `ctx.db` (the target: opened without migrating, possibly
    not existing yet). Order: verify the file (IntegrityFailed, exit 6, before anything is
    touched); refuse a target holding anything unless `replace` (DomainError
    backup.target_not_empty, exit 2); make a restore point of what is replaced; close the
    target's pooled connections; restore (SQLite -> file and pg_dump -> PostgreSQL whole, a
    SQLite backup -> PostgreSQL row by row); open it (migrating a backup of an older EventDesk,
    with its own restore point) and record `backup.restored` in it.
    Raises Forbidden / NotSignedIn, IntegrityFailed, DatabaseTooNew (a backup of a newer
    EventDesk: refused before anything is touched), DomainError backup.*."""
    require(ctx, Permission.BACKUP)
    url = ctx.db.url
    with archive.opened(Path(file)) as verified:
        revision = verified.manifest.schema_revision
        if revision is not None and revision not in known_revisions():
            raise DatabaseTooNew(database=str(file), kind="revision", detail=revision)
        making.check_pairing(verified.manifest.kind, url)
        if not making.target_is_empty(url):
            if not replace:
                raise DomainError(code="backup.target_not_empty", database=describe(url))
            made = points.make_point(url, BEFORE_RESTORE)
            kept = made[0] if made else None
        else:
            kept = None
        ctx.db.dispose()
        if making.sqlite_file(url) is None and verified.manifest.kind == SQLITE:
            _rows_into_server(verified.database, url)
        else:
            making.restore_file(verified, url)
    restored = open_database(url)
    try:
        _audit(restored, ctx, "backup.restored", {
            "file": str(file), "kind": verified.manifest.kind, "rows": verified.manifest.rows,
            "created_at": verified.manifest.created_at,
            "restore_point": str(kept) if kept else None})
    finally:
        restored.dispose()
    return outcome(Restored(verified.manifest, describe(url), kept), *ALL_TOPICS)

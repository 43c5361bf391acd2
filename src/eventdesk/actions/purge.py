"""`purge-personal-data`: after the event, erase personal data and keep anonymous figures.

Admins only (Permission.PURGE). The order: a restore point (the backup work's hook, below), the
figures before, the people in short units of work of services.purge.BATCH each (desks that still
run are never blocked for long; a purge that stops half-way is simply run again: a purged person
stays purged), the rest (exhibitors' contacts, print log codes, revoked codes), the figures
after, one audit entry `data.purged` with the counts, then the database file is compacted so
that erased text does not linger in free pages (SQLite VACUUM and a WAL checkpoint; VACUUM FULL
of the touched tables on PostgreSQL) and the desk search's snapshot on this machine is removed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eventdesk.actions.access import require
from eventdesk.actions.backups import restore_point
from eventdesk.actions.base import (
    ActionContext,
    Outcome,
    ProgressFn,
    Topic,
    no_progress,
    outcome,
)
from eventdesk.backups.manifest import BEFORE_PURGE
from eventdesk.domain.access import Permission
from eventdesk.services import audit
from eventdesk.services import purge as purge_service
from eventdesk.services.purge import Figures
from eventdesk.services.search import index as search_index
from eventdesk.storage import chunked

# The tables whose rows the purge rewrites (compacted afterwards on PostgreSQL).
_TOUCHED = ("person", "exhibitor", "badge_print", "badge_collection", "revoked_badge")


@dataclass(frozen=True)
class Purged:
    """What a purge did: people anonymised, exhibitor contacts emptied, revoked badge codes
    deleted, print-log codes and pack collectors emptied; the figures before and after (equal:
    the purge keeps them); audit entries whose detail still names people (kept: the audit
    trail is chained and never rewritten)."""

    people: int
    exhibitor_contacts: int
    revoked_badges: int
    prints: int
    collections: int
    before: Figures
    after: Figures
    audit_entries_with_personal_data: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def report(self) -> list[tuple[str, dict[str, object]]]:
        """The sentences that say what was erased and kept (messages/privacy.py codes with
        their parameters), for the CLI and the window alike."""
        kept = self.after
        parts: list[tuple[str, dict[str, object]]] = [
            ("purge.done", {"people": self.people, "contacts": self.exhibitor_contacts,
                            "revoked": self.revoked_badges}),
            ("purge.kept", {"people": kept.people,
                            "categories": "、".join(f"{k} {v}" for k, v in
                                                   kept.per_category.items()) or "—",
                            "days": "、".join(f"{k} {v}" for k, v in
                                             kept.checkins_per_day.items()) or "—"})]
        if self.audit_entries_with_personal_data:
            parts.append(("purge.audit_kept", {"count": self.audit_entries_with_personal_data}))
        return parts


def _restore_point_before_purge(ctx: ActionContext) -> Path | None:
    """A restore point of the database before anything is erased (`before-purge`, kept beside
    the database like the others: actions.backups.restore_point) — a purge cannot be undone
    otherwise. None where none can be made (PostgreSQL without pg_dump)."""
    return restore_point(ctx.db.url, BEFORE_PURGE)


def purge_personal_data(ctx: ActionContext, *,
                        progress: ProgressFn = no_progress) -> Outcome[Purged]:
    """Erase every person's personal data (services.purge), keep the anonymous figures, audit
    it. Raises NotSignedIn / Forbidden (Permission.PURGE) before anything is read, NoEvent.
    `progress(people done, people)` may raise Cancelled between batches (what was purged
    stays purged; running the purge again finishes it)."""
    user = require(ctx, Permission.PURGE)
    _restore_point_before_purge(ctx)
    with ctx.db.unit_of_work(write=False) as session:
        ids = purge_service.person_ids(session)
        before = purge_service.figures(session)
    done = 0
    progress(0, len(ids))
    for chunk in chunked(ids, purge_service.BATCH):
        with ctx.db.unit_of_work() as session:
            done += purge_service.purge_batch(session, ids=chunk)
        progress(done, len(ids))
    with ctx.db.unit_of_work() as session:
        rest = purge_service.purge_rest(session)
        after = purge_service.figures(session)
        kept = purge_service.audit_entries_with_personal_data(session)
        result = Purged(people=done, exhibitor_contacts=rest.exhibitor_contacts,
                        revoked_badges=rest.revoked_badges, prints=rest.prints,
                        collections=rest.collections, before=before, after=after,
                        audit_entries_with_personal_data=kept)
        audit.record(session, actor=ctx.operator, desk=ctx.desk, action="data.purged",
                     subject_type="event",
                     detail={"by": user.username, "people": done,
                             "exhibitor_contacts": rest.exhibitor_contacts,
                             "revoked_badges": rest.revoked_badges, "prints": rest.prints,
                             "collections": rest.collections,
                             "figures_kept": after == before,
                             "audit_entries_with_personal_data": kept})
    _compact(ctx)
    with ctx.db.unit_of_work(write=False) as session:
        search_index.drop_snapshot(session)
    return outcome(result, Topic.PEOPLE, Topic.EXHIBITORS, Topic.PRINTS, Topic.CHECKINS)


def _compact(ctx: ActionContext) -> None:
    """Rewrite the database so erased text is not left in free pages or the write-ahead log."""
    raw = ctx.db.engine.raw_connection()
    try:
        if ctx.db.is_sqlite:  # the connection runs without implicit transactions (storage)
            cursor = raw.cursor()
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
            return
        driver = raw.driver_connection
        assert driver is not None
        driver.autocommit = True
        try:
            cursor = raw.cursor()
            for table in _TOUCHED:
                cursor.execute(f"VACUUM FULL {table}")
            cursor.close()
        finally:
            driver.autocommit = False
    finally:
        raw.close()

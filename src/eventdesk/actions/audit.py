"""Reading, checking and exporting the audit trail (admins: Permission.AUDIT).

`eventdesk audit [--json] [--since T] [--action PREFIX] [--limit N]`, `eventdesk audit verify`
and the window's Audit view call these. Listing reads one page at a time (keyset on the entry
id) so that 100,000 entries cost no more than 100; verify streams the whole chain; the export
streams from one read-only unit of work into a file that appears only when complete, then
records its own `export.audit` entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, ProgressFn, no_progress, outcome
from eventdesk.actions.exports import Exported
from eventdesk.domain.access import Permission
from eventdesk.domain.errors import DomainError, IntegrityFailed
from eventdesk.services import audit, audit_read
from eventdesk.services.audit_read import EVERYTHING, AuditRow, Broken, Filters, Verified
from eventdesk.services.exports import ExportFailed, write_table

__all__ = ["EXPORT_HEADERS", "AuditPage", "AuditRow", "BadSince", "Filters", "Verified",
           "broken_error", "event_zone", "export_trail", "list_trail", "page", "parse_since",
           "verify_trail"]

EXPORT_HEADERS = ("序号 Seq", "时间 Time", "操作员 Actor", "签到台 Desk", "操作 Action",
                  "对象 Subject", "详情 Detail", "哈希 Hash")
EXPORT_SUFFIXES = (".csv", ".xlsx")


class BadSince(DomainError):
    """A --since / "Since" value that is neither an ISO date nor an ISO date-time (params:
    value). A usage error on the command line (exit 2)."""

    code = "audit.bad_since"
    exit_code = 2


def parse_since(value: str, zone: ZoneInfo) -> datetime:
    """An ISO date (from its midnight) or date-time, in the event's `zone` unless it carries an
    offset (issue 12: "event time zone when no offset"). Raises BadSince."""
    value = value.strip()
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(0), tzinfo=zone)
        at = datetime.fromisoformat(value)
    except ValueError:
        raise BadSince(value=value) from None
    return at if at.tzinfo is not None else at.replace(tzinfo=zone)


@dataclass(frozen=True)
class AuditPage:
    """One page of the trail, newest first; `total` entries match the filters (None when not
    asked for); `zone` the event's time zone, in which the view shows times."""

    rows: tuple[AuditRow, ...]
    total: int | None
    zone: str


def list_trail(ctx: ActionContext, *, filters: Filters = EVERYTHING,
               limit: int = 100) -> Outcome[list[AuditRow]]:
    """The newest `limit` entries matching `filters`. Raises NotSignedIn, Forbidden."""
    require(ctx, Permission.AUDIT)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(audit_read.list_entries(session, filters=filters, limit=limit))


def page(ctx: ActionContext, *, filters: Filters = EVERYTHING, limit: int = 200,
         before_id: int | None = None, with_total: bool = False) -> Outcome[AuditPage]:
    """One page for the Audit view: entries older than `before_id` (None: the newest), and
    the number matching when `with_total`. Raises NotSignedIn, Forbidden."""
    require(ctx, Permission.AUDIT)
    with ctx.db.unit_of_work(write=False) as session:
        rows = audit_read.list_entries(session, filters=filters, limit=limit,
                                       before_id=before_id)
        total = audit_read.count_entries(session, filters=filters) if with_total else None
        return outcome(AuditPage(tuple(rows), total, audit_read.event_zone(session)))


def event_zone(ctx: ActionContext) -> Outcome[ZoneInfo]:
    """The event's time zone (for reading --since and showing times). Raises NotSignedIn,
    Forbidden."""
    require(ctx, Permission.AUDIT)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(ZoneInfo(audit_read.event_zone(session)))


def broken_error(broken: Broken) -> IntegrityFailed:
    """A broken chain as the error people are shown (CLI exit 6), naming the first bad entry."""
    return IntegrityFailed(code=f"audit.broken.{broken.kind}", seq=broken.seq or "-",
                           entry=broken.entry_id or "-", action=broken.action or "-",
                           at=broken.at.isoformat() if broken.at else "-")


def verify_trail(ctx: ActionContext, *,
                 anchor: tuple[int, str] | None = None) -> Outcome[Verified]:
    """Check the whole hash chain (services.audit_read.verify). The caller turns a broken
    chain into exit 6. Raises NotSignedIn, Forbidden."""
    require(ctx, Permission.AUDIT)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(audit_read.verify(session, anchor=anchor))


def export_trail(ctx: ActionContext, *, out: Path, filters: Filters = EVERYTHING,
                 progress: ProgressFn = no_progress) -> Outcome[Exported]:
    """The entries matching `filters`, newest first, to .csv or .xlsx (times in the event's
    zone, with offset); then an `export.audit` entry says who exported how many. Raises
    ExportFailed for another suffix, NotSignedIn, Forbidden."""
    require(ctx, Permission.AUDIT)
    if out.suffix.lower() not in EXPORT_SUFFIXES:
        raise ExportFailed(code="exports.wrong_suffix", kind="audit",
                           allowed="/".join(EXPORT_SUFFIXES), name=out.name)
    with ctx.db.unit_of_work(write=False) as session:
        zone = ZoneInfo(audit_read.event_zone(session))
        total = audit_read.count_entries(session, filters=filters)
        rows = ([r.seq, r.at.astimezone(zone).isoformat(), r.actor, r.desk, r.action,
                 f"{r.subject_type} {r.subject_id}" if r.subject_id is not None
                 else r.subject_type, audit_read.detail_text(r), r.hash]
                for r in audit_read.iter_entries(session, filters=filters))
        count = write_table(out, EXPORT_HEADERS, rows, total=total, progress=progress,
                            sheet_title="审计 Audit")
    try:
        _record_export(ctx, out=out, count=count, filters=filters)
    except BaseException:
        out.unlink(missing_ok=True)  # not left behind unrecorded (as actions.exports)
        raise
    return outcome(Exported(kind="audit", out=out, count=count))


def _record_export(ctx: ActionContext, *, out: Path, count: int, filters: Filters) -> None:
    with ctx.db.unit_of_work() as session:
        audit.record(session, actor=ctx.operator, desk=ctx.desk, action="export.audit",
                     subject_type="export",
                     detail={"file": out.name, "fields": list(EXPORT_HEADERS), "count": count,
                             "filters": {"since": filters.since.isoformat()
                                         if filters.since else None,
                                         "action": filters.action_prefix,
                                         "text": filters.text}})

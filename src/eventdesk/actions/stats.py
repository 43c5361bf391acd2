"""The dashboard's actions: read the figures, export one figure's table (issue 13).

Both need Permission.DASHBOARD (organisers, admins). The exhibitors' contact phones are
personal data: a reader without Permission.SEE_CONTACTS gets them masked (domain.contact
.mask_phone, the desk's own rule: 138****5678), in the window, the `stats` command and exports
alike, because the masking happens here, before the figures leave the actions tier.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, outcome
from eventdesk.domain.access import Permission
from eventdesk.domain.contact import mask_phone
from eventdesk.services import audit, stats
from eventdesk.services.exports import write_table
from eventdesk.services.stats import Figures


def dashboard(ctx: ActionContext, *, day: date | None = None) -> Outcome[Figures]:
    """Every dashboard figure for the whole event (`day` None) or one event day, read in one
    unit of work (read only; changes nothing). Raises NotSignedIn / Forbidden (needs
    Permission.DASHBOARD), NoEvent."""
    user = require(ctx, Permission.DASHBOARD)
    with ctx.db.unit_of_work(write=False) as session:
        figures = stats.figures(session, day=day)
    if not user.can(Permission.SEE_CONTACTS):
        figures = replace(figures, exhibitors_without_arrivals=tuple(
            replace(e, contact_phone=mask_phone(e.contact_phone))
            for e in figures.exhibitors_without_arrivals))
    return outcome(figures)


@dataclass(frozen=True)
class FigureTable:
    """One chart's or table's figures as rows: `kind` names it (arrivals, categories, desks,
    exhibitors, prints, rejected), `headers` are the column titles people read."""

    kind: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def export_table(ctx: ActionContext, *, table: FigureTable, out: Path) -> Outcome[int]:
    """Write `table` to `out` (.csv: UTF-8 with BOM, formula guard; else .xlsx) whole or not at
    all, then record the audit entry `export.dashboard_<kind>` (fields, count): the exhibitors'
    table carries contact names and phones. Returns the number of rows. Raises Forbidden /
    NotSignedIn, OSError naming `out`."""
    require(ctx, Permission.DASHBOARD)
    count = write_table(out, table.headers, table.rows, sheet_title=table.kind)
    with ctx.db.unit_of_work() as session:
        audit.record(session, actor=ctx.operator, desk=ctx.desk,
                     action=f"export.dashboard_{table.kind}",
                     detail={"fields": list(table.headers), "count": count})
    return outcome(count)


def table_rows(rows: Iterable[Sequence[Any]]) -> tuple[tuple[Any, ...], ...]:
    """Rows as the frozen tuples a FigureTable holds."""
    return tuple(tuple(r) for r in rows)

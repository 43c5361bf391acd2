"""The audit trail as a table model, read a page at a time off the GUI thread (100,000 entries
and more): keyset pages on the entry id (services.audit_read.list_entries), newest first."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt

from eventdesk.messages import text
from eventdesk.services import audit_read
from eventdesk.services.audit_read import EVERYTHING, AuditRow, Filters
from eventdesk.storage import Session
from eventdesk.ui.context import AppContext
from eventdesk.ui.tables.paging import Column, FirstPage, PagedTableModel

PAGE = 200


@dataclass
class Cursor:
    """Where the next page starts: the filters and the oldest id shown so far. Changed by the
    worker that reads a page; the model asks for the next page only after that one arrived."""

    filters: Filters
    before_id: int | None


def _column(key: str, tooltip: str, width: int) -> Column:
    return Column(text(f"audit.column.{key}"), tooltip, None, width)


class AuditModel(PagedTableModel[AuditRow, None]):
    columns = (
        _column("seq", "Sequence number in the hash chain", 60),
        _column("at", "When (event time zone)", 170),
        _column("actor", "Who", 90),
        _column("desk", "Which desk", 80),
        _column("action", "What kind of action", 170),
        _column("subject", "What it was done to", 110),
        _column("detail", "What changed", 420),
    )

    def __init__(self, ctx: AppContext, *, parent: QObject | None = None) -> None:
        super().__init__(ctx, page_size=PAGE, parent=parent)
        self.filters = EVERYTHING
        event = ctx.event_info
        self.zone = ZoneInfo(event.timezone if event else "Asia/Shanghai")

    def set_filters(self, filters: Filters) -> None:
        if filters != self.filters:
            self.filters = filters
            self.reload()

    def params(self) -> Any:
        return self.filters

    @staticmethod
    def fetch_first(session: Session, params: Any, want: int) -> FirstPage[AuditRow]:
        rows = audit_read.list_entries(session, filters=params, limit=want)
        total = audit_read.count_entries(session, filters=params)
        cursor = Cursor(params, rows[-1].id if rows else None)
        return FirstPage(total=total, rows=rows, state=cursor, position=len(rows))

    @staticmethod
    def fetch_page(session: Session, state: Any, position: int,
                   count: int) -> tuple[list[AuditRow], int]:
        cursor: Cursor = state
        rows = audit_read.list_entries(session, filters=cursor.filters, limit=count,
                                       before_id=cursor.before_id)
        if rows:
            cursor.before_id = rows[-1].id
        return rows, position + len(rows)

    def cell(self, row: AuditRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return json.dumps(row.detail, ensure_ascii=False, indent=1, default=str)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return "" if row.seq is None else str(row.seq)
        if column == 1:
            return row.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S")
        if column == 5:
            return row.subject_type if row.subject_id is None else \
                f"{row.subject_type} {row.subject_id}"
        if column == 6:
            return audit_read.detail_text(row)
        return (row.actor, row.desk, row.action)[column - 2] if 2 <= column <= 4 else None

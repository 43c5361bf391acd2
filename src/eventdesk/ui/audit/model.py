"""The audit trail as a table model, read a page at a time off the GUI thread (100,000 entries
and more): keyset pages on the entry id (services.audit_read.list_entries), newest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt

from eventdesk import messages
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


# (key, width in pixels); worded when a model is made, in the language shown (ui.i18n).
COLUMNS = (("seq", 60), ("at", 170), ("actor", 90), ("desk", 80), ("action", 170),
           ("subject", 110), ("detail", 420))


def _column(key: str, width: int) -> Column:
    return Column(text(f"audit.column.{key}"), text(f"audit.column.{key}.tip"), None, width)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return text("audit.detail.true" if value else "audit.detail.false")
    if isinstance(value, list | tuple):
        if len(value) == 2 and not any(isinstance(v, list | dict) for v in value):
            return f"{_value(value[0])} → {_value(value[1])}"  # a change: before → after
        return "、".join(_value(v) for v in value) if messages.language() == "zh" \
            else ", ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return "（" + detail_words(value) + "）" if messages.language() == "zh" \
            else "(" + detail_words(value) + ")"
    return str(value)


# Detail values that are codes, worded by the catalogue that names them (a rejected scan's or a
# reprint's reason); any other value is data, shown as recorded.
WORDED_VALUES = {"reason": ("desk.reason.", "desk.print_reason.", "stats.reject."),
                 "role": ("role.",)}


def _worded(key: str, value: object) -> str:
    if isinstance(value, str):
        for prefix in WORDED_VALUES.get(key, ()):
            if prefix + value in messages.catalogue():
                return text(prefix + value)
    return _value(value)


def _key(key: str) -> str:
    code = f"audit.detail.{key}"
    return text(code) if code in messages.catalogue() else messages.field_label(key)


def detail_words(detail: object, *, lines: bool = False) -> str:
    """An entry's detail for people: each key named in the language shown, then its value
    ("原因：遗失，胸卡码：…"); `lines`: one key per line (the tool tip). Values are data, shown
    as recorded; a key no catalogue names is shown as it is."""
    if not isinstance(detail, dict):
        return "" if detail in (None, "") else _value(detail)
    parts = [f"{_key(str(k))}{text('label_separator')}{_worded(str(k), v)}"
             for k, v in detail.items()]
    return ("\n" if lines else text("audit.detail.separator")).join(parts)


class AuditModel(PagedTableModel[AuditRow, None]):
    def __init__(self, ctx: AppContext, *, parent: QObject | None = None) -> None:
        self.columns = tuple(_column(key, width) for key, width in COLUMNS)
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
            return detail_words(row.detail, lines=True)
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
            return detail_words(row.detail)
        return (row.actor, row.desk, row.action)[column - 2] if 2 <= column <= 4 else None

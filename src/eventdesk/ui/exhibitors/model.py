"""The exhibitors table: companies a page at a time, staff against quota, over-quota in red."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from eventdesk.actions import privacy
from eventdesk.actions.base import ActionContext
from eventdesk.services.exhibitors import (
    ExhibitorRow,
    ExhibitorSort,
    count_exhibitors,
    list_exhibitors,
)
from eventdesk.storage import Session
from eventdesk.ui.tables.paging import Column, FirstPage, PagedTableModel

OVER_QUOTA_BG = QColor("#fde0e0")
OVER_QUOTA_FG = QColor("#b71c1c")

COLUMNS = (
    Column("公司名称", "Company name", "name", 240),
    Column("展馆", "Hall", "hall", 50),
    Column("展位", "Booth", "booth", 76),
    Column("人员/名额", "Staff registered / quota (red: over quota)", "staff", 78),
    Column("简称", "Short name", "short_name", 110),
    Column("行业", "Sector", "sector", 110),
    Column("联系人", "Contact", "contact", 76),
    Column("联系电话", "Contact phone", "phone", 110),
)
STAFF_COL = 3


@dataclass(frozen=True)
class ExhibitorParams:
    query: str
    hall: str | None
    sort: ExhibitorSort
    descending: bool
    viewer: ActionContext  # who reads: contacts are masked unless they may see them


def over_quota(row: ExhibitorRow) -> int:
    return max(0, row.staff_count - row.staff_quota)


class ExhibitorsModel(PagedTableModel[ExhibitorRow, str]):
    """The drop-down choice is a hall."""

    columns = COLUMNS
    default_sort = "hall"

    def params(self) -> ExhibitorParams:
        # A column's sort key is one of the service's (tests/ui/test_exhibitors_view.py).
        sort = cast(ExhibitorSort, self.sort_key or "hall")
        return ExhibitorParams(self.query, self.choice, sort, self.descending,
                               self.ctx.action_context())

    # 2,500 exhibitors: LIMIT/OFFSET pages are cheap enough, no id list needed.
    @staticmethod
    def fetch_first(session: Session, params: ExhibitorParams,
                    want: int) -> FirstPage[ExhibitorRow]:
        total = count_exhibitors(session, query=params.query, hall=params.hall)
        rows = list_exhibitors(session, query=params.query, hall=params.hall,
                               sort=params.sort, descending=params.descending, limit=want)
        rows = privacy.exhibitors(params.viewer, rows)
        return FirstPage(total=total, rows=rows, state=params, position=len(rows))

    @staticmethod
    def fetch_page(session: Session, state: ExhibitorParams, position: int,
                   count: int) -> tuple[list[ExhibitorRow], int]:
        rows = list_exhibitors(session, query=state.query, hall=state.hall,
                               sort=state.sort, descending=state.descending, limit=count,
                               offset=position)
        return privacy.exhibitors(state.viewer, rows), position + len(rows)

    def cell(self, row: ExhibitorRow, column: int, role: int) -> Any:
        over = over_quota(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if column == STAFF_COL:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if over and role == Qt.ItemDataRole.BackgroundRole:
                return OVER_QUOTA_BG
            if over and role == Qt.ItemDataRole.ForegroundRole:
                return OVER_QUOTA_FG
            if over and role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                if over:
                    return f"超出名额 {over} 人 — {over} over quota"
                return f"已登记 {row.staff_count} 人，名额 {row.staff_quota}"
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 4):
            return row.name_en or None
        return None

    @staticmethod
    def text(row: ExhibitorRow, column: int) -> str:
        match column:
            case 0:
                return row.name_zh
            case 1:
                return row.hall
            case 2:
                return row.booth
            case 3:
                return f"{row.staff_count} / {row.staff_quota}"
            case 4:
                return row.short_name
            case 5:
                return row.sector
            case 6:
                return row.contact_name
            case 7:
                return row.contact_phone  # masked by the action unless the user may see it
        return ""

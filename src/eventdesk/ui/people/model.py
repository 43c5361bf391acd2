"""The people table: everyone, a page at a time, in the order of the clicked header or, while
a search is typed, in the desk search's rank order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from eventdesk.actions import privacy
from eventdesk.actions.base import ActionContext
from eventdesk.domain import CATEGORY_LABELS_ZH, Category, PersonStatus
from eventdesk.domain.enums import CONSENT_LABELS_EN, CONSENT_LABELS_ZH
from eventdesk.services.people import PersonRow, SortKey, list_people, person_ids
from eventdesk.storage import Session
from eventdesk.ui.tables.paging import Column, FirstPage, PagedTableModel

STATUS_LABELS_ZH = {PersonStatus.REGISTERED: "已登记", PersonStatus.CANCELLED: "已取消"}
STATUS_LABELS_EN = {PersonStatus.REGISTERED: "Registered", PersonStatus.CANCELLED: "Cancelled"}
CATEGORY_LABELS_EN = {Category.EXHIBITOR: "Exhibitor", Category.VISITOR: "Visitor",
                      Category.SPEAKER: "Speaker", Category.MEDIA: "Media", Category.VIP: "VIP",
                      Category.STAFF: "Staff"}
CANCELLED_FG = QColor("#9e9e9e")


def category_label(category: Category) -> str:
    """"贵宾 VIP": Chinese first, English where there is room (forms, filters)."""
    return f"{CATEGORY_LABELS_ZH[category]} {CATEGORY_LABELS_EN[category]}"

COLUMNS = (
    Column("姓名", "Name", "name", 128),
    Column("英文名", "English name", "name_en", 90),
    Column("类别", "Category", "category", 72),
    Column("公司", "Company", "company", 220),
    Column("展位", "Hall / booth", "booth", 76),
    Column("职务", "Title", "title", 90),
    Column("电话", "Phone", "phone", 110),
    Column("邮箱", "E-mail", "email", 190),
    Column("状态", "Status", "status", 64),
    Column("胸卡码", "Badge code", "badge_code", 110),
    Column("同意", "Consent", "consent", 64),
)


@dataclass(frozen=True)
class PeopleParams:
    query: str
    category: Category | None
    sort: SortKey | None  # None: rank order while searching, name order otherwise
    descending: bool
    viewer: ActionContext  # who reads: contacts are masked unless they may see them


@dataclass(frozen=True)
class PeopleState:
    ids: list[int]  # everyone of the list, in its order
    viewer: ActionContext


def booth_text(hall: str, booth: str) -> str:
    """Booth codes usually start with their hall (A1-101); only add the hall when they do not."""
    if booth and hall and not booth.upper().startswith(hall.upper()):
        return f"{hall} {booth}"
    return booth or hall


def _in_order(rows: list[PersonRow], ids: list[int]) -> list[PersonRow]:
    by_id = {r.id: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


class PeopleModel(PagedTableModel[PersonRow, Category]):
    """The drop-down choice is a category."""

    columns = COLUMNS
    default_sort = "name"

    def params(self) -> PeopleParams:
        sort = self.sort_key
        if sort is None and not self.query:
            sort = "name"
        # A column's sort key is one of the service's (tests/ui/test_people_view.py).
        return PeopleParams(self.query, self.choice, cast(SortKey | None, sort), self.descending,
                            self.ctx.action_context())

    @staticmethod
    def fetch_first(session: Session, params: PeopleParams, want: int) -> FirstPage[PersonRow]:
        ids = person_ids(session, query=params.query, category=params.category,
                         sort=params.sort, descending=params.descending)
        page = ids[:want]
        rows = list_people(session, ids=page, limit=None) if page else []
        return FirstPage(total=len(ids), rows=privacy.people(params.viewer, _in_order(rows, page)),
                         state=PeopleState(ids, params.viewer), position=len(page))

    @staticmethod
    def fetch_page(session: Session, state: PeopleState, position: int,
                   count: int) -> tuple[list[PersonRow], int]:
        page = state.ids[position:position + count]
        rows = list_people(session, ids=page, limit=None) if page else []
        return privacy.people(state.viewer, _in_order(rows, page)), position + len(page)

    def cell(self, row: PersonRow, column: int, role: int) -> Any:
        cancelled = row.status == PersonStatus.CANCELLED
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and cancelled:
            return CANCELLED_FG
        if role == Qt.ItemDataRole.FontRole and cancelled:
            font = QFont()
            font.setStrikeOut(column == 0)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:
                return CATEGORY_LABELS_EN[row.category]
            if column == 8:
                return STATUS_LABELS_EN[row.status]
            if column == 10:
                return CONSENT_LABELS_EN[row.consent]
            text = self.text(row, column)
            return text if len(text) > 12 else None
        return None

    @staticmethod
    def text(row: PersonRow, column: int) -> str:
        match column:
            case 0:
                return row.name
            case 1:
                return row.name_en
            case 2:
                return CATEGORY_LABELS_ZH.get(row.category, row.category.value)
            case 3:
                return row.company
            case 4:
                return booth_text(row.hall, row.booth)
            case 5:
                return row.title
            case 6:  # masked by the action for a user who may not see contacts
                return row.phone
            case 7:
                return row.email
            case 8:
                return STATUS_LABELS_ZH.get(row.status, row.status.value)
            case 9:
                return row.badge_code
            case 10:
                return CONSENT_LABELS_ZH[row.consent]
        return ""

"""The people table: everyone, a page at a time, in the order of the clicked header or, while
a search is typed, in the desk search's rank order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFont

from eventdesk.actions import privacy
from eventdesk.actions.base import ActionContext
from eventdesk.domain import Category, PersonStatus
from eventdesk.domain.enums import Consent
from eventdesk.services.people import PersonRow, SortKey, list_people, person_ids
from eventdesk.storage import Session
from eventdesk.ui.i18n import translate
from eventdesk.ui.labels import category_label
from eventdesk.ui.tables.paging import Column, FirstPage, PagedTableModel

# Source texts of the labels (context PeopleModel), worded where shown: category_label & co.
STATUS_LABELS_ZH = {PersonStatus.REGISTERED: str(QT_TRANSLATE_NOOP("PeopleModel", "已登记")),
                    PersonStatus.CANCELLED: str(QT_TRANSLATE_NOOP("PeopleModel", "已取消"))}
CONSENT_TEXTS = {Consent.UNKNOWN: str(QT_TRANSLATE_NOOP("PeopleModel", "未知")),
                 Consent.GIVEN: str(QT_TRANSLATE_NOOP("PeopleModel", "已同意")),
                 Consent.REFUSED: str(QT_TRANSLATE_NOOP("PeopleModel", "不同意"))}
CANCELLED_FG = QColor("#9e9e9e")


def status_label(status: PersonStatus) -> str:
    """A registration's status in the interface's language ("已取消" / "Cancelled")."""
    return translate("PeopleModel", STATUS_LABELS_ZH[PersonStatus(status)])


def consent_label(consent: Consent) -> str:
    """Consent to use beyond the event in the interface's language ("已同意" / "Given")."""
    return translate("PeopleModel", CONSENT_TEXTS[Consent(consent)])


# Headers are worded by PagedTableModel.headerData in the model's context (PeopleModel).
COLUMNS = (
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "姓名")), "", "name", 128),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "英文名")), "", "name_en", 90),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "类别")), "", "category", 72),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "公司")), "", "company", 220),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "展位")), "", "booth", 76),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "职务")), "", "title", 90),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "电话")), "", "phone", 110),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "邮箱")), "", "email", 190),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "状态")), "", "status", 64),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "胸卡码")), "", "badge_code", 110),
    Column(str(QT_TRANSLATE_NOOP("PeopleModel", "同意")), "", "consent", 64),
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
                return category_label(row.category)
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
                return status_label(row.status)
            case 9:
                return row.badge_code
            case 10:
                return consent_label(row.consent)
        return ""

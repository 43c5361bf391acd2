"""The exhibitors table: companies a page at a time with their figures (issue 13) — registered
staff against quota (red when over), staff arrived today and ever, flags (over quota, booth
shared with another exhibitor), the latest pack pick-up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFont

from eventdesk.actions import privacy
from eventdesk.actions.base import ActionContext
from eventdesk.messages.desk import desk_label
from eventdesk.services.exhibitors import (
    ExhibitorFlag,
    ExhibitorRow,
    ExhibitorSort,
    count_exhibitors,
    list_exhibitors,
)
from eventdesk.storage import Session
from eventdesk.ui.i18n import translate
from eventdesk.ui.tables.paging import Column, FirstPage, PagedTableModel

OVER_QUOTA_BG = QColor("#fde0e0")
OVER_QUOTA_FG = QColor("#b71c1c")
FLAG_BG = QColor("#fff3cd")



def _column(title: object, tip: object, sort: str, width: int) -> Column:
    """Title and tip are Chinese sources, worded in the chosen language by headerData; no tip
    where the title says it all."""
    return Column(str(title), str(tip or ""), sort, width)


COLUMNS = (
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "公司名称"), None, "name", 200),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "展馆"), None, "hall", 44),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "展位"), None, "booth", 70),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "登记/名额"),
            QT_TRANSLATE_NOOP("ExhibitorsModel", "已登记人员 / 人员名额（红色：超出名额）"),
            "staff", 72),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "今日到场"),
            QT_TRANSLATE_NOOP("ExhibitorsModel", "今天（活动时区）已签到的在册人员"),
            "arrived_today", 64),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "累计到场"),
            QT_TRANSLATE_NOOP("ExhibitorsModel", "任一活动日签到过的在册人员（每人计一次）"),
            "arrived", 64),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "标记"),
            QT_TRANSLATE_NOOP("ExhibitorsModel", "超出名额；展位（同馆同号）与其他展商共用"),
            "flags", 96),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "证件领取"),
            QT_TRANSLATE_NOOP("ExhibitorsModel", "最近一次整包领取：领取人和时间"),
            "pickup", 150),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "简称"), None, "short_name", 100),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "行业"), None, "sector", 100),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "联系人"), None, "contact", 76),
    _column(QT_TRANSLATE_NOOP("ExhibitorsModel", "联系电话"), None, "phone", 110),
)
STAFF_COL, TODAY_COL, ARRIVED_COL, FLAGS_COL, PICKUP_COL = 3, 4, 5, 6, 7
_CENTRED = (STAFF_COL, TODAY_COL, ARRIVED_COL)


@dataclass(frozen=True)
class ExhibitorParams:
    query: str
    hall: str | None
    flag: ExhibitorFlag | None
    sort: ExhibitorSort
    descending: bool
    viewer: ActionContext  # who reads: contacts are masked unless they may see them


@dataclass(frozen=True)
class ExhibitorChoice:
    """The drop-downs beside the search: a hall and a flag (None: all)."""

    hall: str | None = None
    flag: ExhibitorFlag | None = None


def over_quota(row: ExhibitorRow) -> int:
    return row.over_quota


def flag_texts(row: ExhibitorRow) -> list[str]:
    """The row's flags as short words of the chosen language."""
    found = []
    if row.over_quota:
        found.append(translate("ExhibitorsModel", "超额 +{n}").format(n=row.over_quota))
    if row.shared_booth:
        found.append(translate("ExhibitorsModel", "展位共用"))
    return found


def flag_tip(row: ExhibitorRow) -> str | None:
    lines = []
    if row.over_quota:
        lines.append(translate("ExhibitorsModel", "超出名额 {n} 人").format(n=row.over_quota))
    if row.shared_booth:
        lines.append(translate("ExhibitorsModel", "展位 {booth} 同时分配给：{names}").format(
            booth=f"{row.hall} {row.booth}".strip(), names="、".join(row.shared_with)))
    return "\n".join(lines) or None


class ExhibitorsModel(PagedTableModel[ExhibitorRow, ExhibitorChoice]):
    """The drop-down choice is a hall and a flag (ExhibitorChoice)."""

    columns = COLUMNS
    default_sort = "hall"

    def params(self) -> ExhibitorParams:
        # A column's sort key is one of the service's (tests/ui/test_exhibitors_view.py).
        sort = cast(ExhibitorSort, self.sort_key or "hall")
        choice = self.choice or ExhibitorChoice()
        return ExhibitorParams(self.query, choice.hall, choice.flag, sort, self.descending,
                               self.ctx.action_context())

    # 2,500 exhibitors: LIMIT/OFFSET pages are cheap enough, no id list needed.
    @staticmethod
    def fetch_first(session: Session, params: ExhibitorParams,
                    want: int) -> FirstPage[ExhibitorRow]:
        total = count_exhibitors(session, query=params.query, hall=params.hall,
                                 flag=params.flag)
        rows = list_exhibitors(session, query=params.query, hall=params.hall,
                               sort=params.sort, descending=params.descending, limit=want,
                               figures=True, flag=params.flag)
        rows = privacy.exhibitors(params.viewer, rows)
        return FirstPage(total=total, rows=rows, state=params, position=len(rows))

    @staticmethod
    def fetch_page(session: Session, state: ExhibitorParams, position: int,
                   count: int) -> tuple[list[ExhibitorRow], int]:
        rows = list_exhibitors(session, query=state.query, hall=state.hall,
                               sort=state.sort, descending=state.descending, limit=count,
                               offset=position, figures=True, flag=state.flag)
        return privacy.exhibitors(state.viewer, rows), position + len(rows)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        text = super().headerData(section, orientation, role)
        return translate("ExhibitorsModel", text) if isinstance(text, str) else text

    def cell(self, row: ExhibitorRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if column == STAFF_COL:
            return self._staff_cell(row, role)
        if column == FLAGS_COL:
            if role == Qt.ItemDataRole.BackgroundRole and (row.over_quota or row.shared_booth):
                return OVER_QUOTA_BG if row.over_quota else FLAG_BG
            if role == Qt.ItemDataRole.ToolTipRole:
                return flag_tip(row)
        if column == PICKUP_COL and role == Qt.ItemDataRole.ToolTipRole:
            return self.pickup_tip(row)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 8):
            return row.name_en or None
        return None

    @staticmethod
    def _staff_cell(row: ExhibitorRow, role: int) -> Any:
        over = row.over_quota
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
                return translate("ExhibitorsModel", "超出名额 {n} 人").format(n=over)
            return translate("ExhibitorsModel", "已登记 {staff} 人，名额 {quota}").format(
                staff=row.staff_count, quota=row.staff_quota)
        return None

    def when(self, row: ExhibitorRow) -> str:
        """When the latest pack was collected, in the event's time zone (MM-DD HH:MM)."""
        if row.pickup is None:
            return ""
        at = row.pickup.at
        info = self.ctx.event_info
        return (info.local(at) if info else at).strftime("%m-%d %H:%M")

    def pickup_tip(self, row: ExhibitorRow) -> str | None:
        p = row.pickup
        if p is None:
            return translate("ExhibitorsModel", "尚未领取")
        where = desk_label(p.desk) if p.desk else "-"
        return translate("ExhibitorsModel", "{name}（{phone}）于 {when} 在 {desk} 领取 {n} 张"
                         ).format(n=p.badges, name=p.collected_by, phone=p.phone or "-",
                                  when=self.when(row), desk=where)

    def text(self, row: ExhibitorRow, column: int) -> str:
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
                return str(row.arrived_today)
            case 5:
                return str(row.arrived)
            case 6:
                return " · ".join(flag_texts(row))
            case 7:
                return f"{row.pickup.collected_by} {self.when(row)}" if row.pickup else ""
            case 8:
                return row.short_name
            case 9:
                return row.sector
            case 10:
                return row.contact_name
            case 11:
                return row.contact_phone  # masked by the action unless the user may see it
        return ""

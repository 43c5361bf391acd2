"""The result list: ranked people with today's check-in state, print count, masked phone, and
why the search found them (the matched field is named in its own column and its cell is bold)."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from eventdesk.domain import PersonStatus
from eventdesk.messages.desk import desk_label
from eventdesk.services.desk import DeskRow
from eventdesk.services.search.matched import Match
from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from eventdesk.ui.labels import category_label

Index = QModelIndex | QPersistentModelIndex
HEADERS = (QT_TRANSLATE_NOOP("ResultsModel", "姓名"), QT_TRANSLATE_NOOP("ResultsModel", "单位"),
           QT_TRANSLATE_NOOP("ResultsModel", "类别"), QT_TRANSLATE_NOOP("ResultsModel", "展位"),
           QT_TRANSLATE_NOOP("ResultsModel", "今日签到"), QT_TRANSLATE_NOOP("ResultsModel", "打印"),
           QT_TRANSLATE_NOOP("ResultsModel", "手机"), QT_TRANSLATE_NOOP("ResultsModel", "匹配"))
MATCH_COLUMN = 7
GREEN, RED, GREY = QColor("#1b7f3b"), QColor("#b42318"), QColor("#667085")
# The matched field's name (services.search.matched.FIELDS) and the column it marks in bold.
MATCH_LABELS = {
    "badge_code": QT_TRANSLATE_NOOP("ResultsModel", "胸卡编号"),
    "name": QT_TRANSLATE_NOOP("ResultsModel", "姓名"),
    "pinyin": QT_TRANSLATE_NOOP("ResultsModel", "拼音"),
    "initials": QT_TRANSLATE_NOOP("ResultsModel", "拼音首字母"),
    "name_en": QT_TRANSLATE_NOOP("ResultsModel", "英文名"),
    "company": QT_TRANSLATE_NOOP("ResultsModel", "单位"),
    "company_short": QT_TRANSLATE_NOOP("ResultsModel", "展商简称"),
    "company_initials": QT_TRANSLATE_NOOP("ResultsModel", "单位首字母"),
    "external_ref": QT_TRANSLATE_NOOP("ResultsModel", "报名编号"),
    "phone_tail": QT_TRANSLATE_NOOP("ResultsModel", "手机尾号"),
    "email": QT_TRANSLATE_NOOP("ResultsModel", "邮箱"),
}
MARKED_COLUMN = {"name": 0, "pinyin": 0, "initials": 0, "name_en": 0, "company": 1,
                 "company_short": 1, "company_initials": 1, "phone_tail": 6}


# Fields without a column of their own: their matching text is shown beside their name (a
# name or company is marked in its own cell instead; an e-mail stays masked).
SHOWN_FORMS = frozenset({"badge_code", "external_ref", "phone_tail"})


def match_text(matches: tuple[Match, ...]) -> str:
    """"拼音首字母" / "Registration no. REG-0042": the fields that found the person, best first."""
    return " · ".join(
        translate("ResultsModel", MATCH_LABELS.get(m.field, m.field))
        + (f" {m.form}" if m.field in SHOWN_FORMS else "") for m in matches)


def checked_label(row: DeskRow, tz: ZoneInfo) -> str:
    if row.person.status == PersonStatus.CANCELLED:
        return translate("ResultsModel", "已取消")
    if row.checked_in is None:
        return translate("ResultsModel", "未签到")
    at = row.checked_in.at.astimezone(tz).strftime("%H:%M")
    return f"✓ {at} {desk_label(row.checked_in.desk)}"


class ResultsModel(QAbstractTableModel):
    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__()
        self.tz = tz
        self._rows: list[DeskRow] = []

    def set_rows(self, rows: list[DeskRow]) -> None:
        if not rows and not self._rows:
            # Nothing shown and nothing to show: a scanner's burst asks this on every keystroke,
            # and a reset re-lays out the table each time (a third of a millisecond, 35 times).
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, new: DeskRow) -> None:
        for i, row in enumerate(self._rows):
            if row.person.id == new.person.id:
                self._rows[i] = new
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(HEADERS) - 1))

    def row_of(self, person_id: int) -> int | None:
        """The row number showing this person, or None."""
        return next((i for i, row in enumerate(self._rows) if row.person.id == person_id), None)

    def row_at(self, i: int) -> DeskRow | None:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    @property
    def rows(self) -> list[DeskRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(HEADERS):
            return translate("ResultsModel", HEADERS[section])
        return None

    @staticmethod
    def _marked(row: DeskRow) -> set[int]:
        """The columns that found this person (bold, underlined) and the 匹配 column."""
        marked = {MARKED_COLUMN[m.field] for m in row.matched if m.field in MARKED_COLUMN}
        return marked | ({MATCH_COLUMN} if row.matched else set())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        p, col = row.person, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            booth = f"{p.hall} {p.booth}".strip() if p.booth else ""
            values = (p.name + (f" ({p.name_en})" if p.name_en else ""), p.company,
                      category_label(p.category), booth, checked_label(row, self.tz),
                      str(row.print_count), p.phone_masked, match_text(row.matched))
            return values[col] if col < len(values) else None
        if role == Qt.ItemDataRole.FontRole and col in self._marked(row):
            font = QFont()
            font.setBold(True)
            font.setUnderline(True)  # marked by more than weight: visible on any screen
            return font
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            if p.status == PersonStatus.CANCELLED:
                return QBrush(RED)
            return QBrush(GREEN if row.checked_in else GREY)
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 5:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

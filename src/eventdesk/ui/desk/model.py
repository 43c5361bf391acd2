"""The result list: ranked people with today's check-in state, print count and masked phone."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from eventdesk.domain import CATEGORY_LABELS_ZH, PersonStatus
from eventdesk.messages.desk import desk_label
from eventdesk.services.desk import DeskRow

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("姓名", "单位", "类别", "展位", "今日签到", "打印", "手机")
GREEN, RED, GREY = QColor("#1b7f3b"), QColor("#b42318"), QColor("#667085")


def checked_label(row: DeskRow, tz: ZoneInfo) -> str:
    if row.person.status == PersonStatus.CANCELLED:
        return "已取消"
    if row.checked_in is None:
        return "未签到"
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
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        p, col = row.person, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            booth = f"{p.hall} {p.booth}".strip() if p.booth else ""
            values = (p.name + (f" ({p.name_en})" if p.name_en else ""), p.company,
                      CATEGORY_LABELS_ZH.get(p.category, p.category.value), booth,
                      checked_label(row, self.tz), str(row.print_count), p.phone_masked)
            return values[col] if col < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            if p.status == PersonStatus.CANCELLED:
                return QBrush(RED)
            return QBrush(GREEN if row.checked_in else GREY)
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 5:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

"""The desk's last 20 scans and check-ins, newest first, beside the result list.

Each line: the local time, who (the person's name, or for a refused payload why it was refused:
no person is known), and the result in words (checked in / already / refused: reason / to
confirm / not checked in: no database). Clicking a line shows that person in the results
(DeskView.show_person). The list belongs to the desk view, which the window keeps across view
switches; a shift change (another user signs in) starts a new view and an empty list.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate

LIMIT = 20
Index = QModelIndex | QPersistentModelIndex
HEADERS = (QT_TRANSLATE_NOOP("RecentScans", "时间"), QT_TRANSLATE_NOOP("RecentScans", "人员"),
           QT_TRANSLATE_NOOP("RecentScans", "结果"))
# outcome -> its words and colour (the words carry the meaning; the colour repeats it)
OUTCOMES = {
    "checked_in": (QT_TRANSLATE_NOOP("RecentScans", "✓ 已签到"), "#0f5c2e"),
    "already": (QT_TRANSLATE_NOOP("RecentScans", "! 已签过"), "#8a4b00"),
    "refused": (QT_TRANSLATE_NOOP("RecentScans", "✗ 拒绝"), "#a4161a"),
    "confirm": (QT_TRANSLATE_NOOP("RecentScans", "? 待确认"), "#1e3a8a"),
    "failed": (QT_TRANSLATE_NOOP("RecentScans", "✗ 未签到"), "#a4161a"),
}


@dataclass(frozen=True)
class Scan:
    """One line: `at` the local time as shown (HH:MM:SS); `who` a name or a refusal's reason;
    `outcome` a key of OUTCOMES; `reason` worded, for refusals; `person_id` when known."""

    at: str
    who: str
    outcome: str
    reason: str = ""
    person_id: int | None = None


class RecentModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._scans: deque[Scan] = deque(maxlen=LIMIT)

    def add(self, scan: Scan) -> None:
        """A new scan on top; the 21st oldest leaves."""
        self.beginResetModel()
        self._scans.appendleft(scan)
        self.endResetModel()

    @property
    def scans(self) -> list[Scan]:
        return list(self._scans)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._scans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(HEADERS):
            return translate("RecentScans", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._scans):
            return None
        scan, col = self._scans[index.row()], index.column()
        words, colour = OUTCOMES.get(scan.outcome, ("", "#1d2939"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            result = translate("RecentScans", words)
            if scan.reason:
                result = translate("RecentScans", "{result}：{reason}").format(
                    result=result, reason=scan.reason)
            return (scan.at, scan.who, result)[col] if col < 3 else None
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.UserRole:
            return scan.person_id
        return None


class RecentScans(QWidget):
    """The list with its title; `person_clicked(person_id)` when a line with a person is
    clicked."""

    person_clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("deskRecent")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title = QLabel(translate("RecentScans", "最近 20 次扫码 / 签到"))
        self.title.setStyleSheet("font-weight: 600; color: #344054;")
        layout.addWidget(self.title)
        self.model = RecentModel()
        self.table = QTableView()
        self.table.setObjectName("deskRecentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The search field keeps the keyboard (the scanner types into it): a click never
        # takes the focus.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, 110)
        self.table.clicked.connect(self._clicked)
        layout.addWidget(self.table, 1)

    def add(self, scan: Scan) -> None:
        self.model.add(scan)

    def _clicked(self, index: QModelIndex) -> None:
        person_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if isinstance(person_id, int):
            self.person_clicked.emit(person_id)

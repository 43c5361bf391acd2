"""A table model that reads a big list a page at a time, off the GUI thread.

Shared by the people and exhibitors views. A subclass says how to read the first rows (and how
many there are in all) and how to read the next page; this class runs both as background ops,
drops answers that a newer filter or sort has made stale, and tells Qt through
canFetchMore/fetchMore so the table asks for more only as the person scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from eventdesk.storage import Session
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import translate


class HasId(Protocol):
    """A row a table shows (a service's frozen dataclass): its database id identifies it."""

    @property
    def id(self) -> int: ...


RowT = TypeVar("RowT", bound=HasId)
ChoiceT = TypeVar("ChoiceT")
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
# Refreshing after an edit keeps what the person had scrolled to, up to this many rows.
MAX_RELOAD_ROWS = 5000


@dataclass(frozen=True)
class Column:
    # Chinese source text of the header, marked with QT_TRANSLATE_NOOP in the model's class
    # name as context (headerData words it): short, so ten columns fit.
    title: str
    tooltip: str  # on hover, worded the same way ("" for none)
    sort: str | None  # the service's sort key, or None when the column cannot be sorted
    width: int


@dataclass(frozen=True)
class FirstPage(Generic[RowT]):
    total: int
    rows: list[RowT]
    state: Any  # what fetch_page needs to continue (an id list, or the filter for OFFSET)
    position: int  # where the next page starts in the source


class PagedTableModel(QAbstractTableModel, Generic[RowT, ChoiceT]):
    """Rows of type RowT, filtered by the search text and one drop-down choice of type ChoiceT
    beside it (a category, a hall; None: all)."""

    loading_changed = Signal(bool)
    reloaded = Signal()  # rows were replaced (filter, sort or data changed)
    failed = Signal(str)

    columns: tuple[Column, ...] = ()
    default_sort: str | None = None  # the service's sort key before any header click

    def __init__(self, ctx: AppContext, *, page_size: int = 500,
                 parent: QObject | None = None) -> None:
        # Parent it to its view: when the File menu swaps databases the views are deleted, and
        # the model must go with them rather than deliver late pages to dead widgets.
        super().__init__(parent)
        self.ctx = ctx
        self.page_size = page_size
        self.query = ""
        self.choice: ChoiceT | None = None
        self.sort_key: str | None = self.default_sort
        self.descending = False
        self._rows: list[RowT] = []
        self._total = 0
        self._state: Any = None
        self._position = 0
        self._generation = 0
        self._loading = False
        self._fetching = False
        # Several changes in one go (filter text + sort indicator) cost one query, not three.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._start_reload)

    # -- what a subclass provides (run in a worker thread: no Qt, only the session) ---------
    def params(self) -> Any:
        """A frozen snapshot of filter and sort, handed to the worker."""
        raise NotImplementedError

    @staticmethod
    def fetch_first(session: Session, params: Any, want: int) -> FirstPage[RowT]:
        raise NotImplementedError

    @staticmethod
    def fetch_page(session: Session, state: Any, position: int,
                   count: int) -> tuple[list[RowT], int]:
        raise NotImplementedError

    def cell(self, row: RowT, column: int, role: int) -> Any:
        raise NotImplementedError

    def row_id(self, row: RowT) -> int:
        return int(row.id)

    # -- state -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def busy(self) -> bool:
        return self._loading or self._fetching or self._reload_timer.isActive()

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        for i, r in enumerate(self._rows):
            if self.row_id(r) == row_id:
                return i
        return -1

    # -- loading ---------------------------------------------------------------------------
    def set_filter(self, query: str, choice: ChoiceT | None) -> None:
        """Filter by the search text and the drop-down's choice; reloads only on a change."""
        if (query, choice) != (self.query, self.choice):
            self.query, self.choice = query, choice
            self.reload()

    def reload(self) -> None:
        self._reload_timer.start()

    def _start_reload(self) -> None:
        self._generation += 1
        gen = self._generation
        want = min(max(self.page_size, len(self._rows)), MAX_RELOAD_ROWS)
        params = self.params()
        fetch = type(self).fetch_first
        self._set_loading(True)
        self._fetching = False
        # ops keeps the running op alive; answers for an older generation are dropped on arrival.
        ops.run_in_background(
            self.ctx, lambda session, _p: fetch(session, params, want),
            on_done=lambda page: self._apply_first(gen, page),
            on_error=lambda exc: self._fail(gen, exc))

    def _apply_first(self, gen: int, page: FirstPage[RowT]) -> None:
        if not shiboken6.isValid(self) or gen != self._generation:
            return
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total, self._state, self._position = page.total, page.state, page.position
        self.endResetModel()
        self._set_loading(False)
        self.reloaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008,N802
        if parent.isValid() or self._loading or self._fetching:
            return False
        return self._position < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008,N802
        if not self.canFetchMore(parent):
            return
        gen, state, position, count = self._generation, self._state, self._position, self.page_size
        fetch = type(self).fetch_page
        self._fetching = True
        ops.run_in_background(
            self.ctx, lambda session, _p: fetch(session, state, position, count),
            on_done=lambda result: self._apply_page(gen, result),
            on_error=lambda exc: self._fail(gen, exc))

    def _apply_page(self, gen: int, result: tuple[list[RowT], int]) -> None:
        if not shiboken6.isValid(self) or gen != self._generation:
            return
        rows, position = result
        self._fetching = False
        if not rows:  # the source shrank under us: stop asking
            self._total = self._position = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._position = position
        self.endInsertRows()

    def _fail(self, gen: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or gen != self._generation:
            return
        self._fetching = False
        self._set_loading(False)
        self.failed.emit(ops.error_text(exc))

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return self.row_id(row)
        return self.cell(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(type(self).__name__, column.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate(type(self).__name__, column.tooltip) if column.tooltip else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the database; column -1 means the natural order (rank or name)."""
        key = self.columns[column].sort if 0 <= column < len(self.columns) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._state is not None:
            return
        self.sort_key, self.descending = key, descending
        self.reload()

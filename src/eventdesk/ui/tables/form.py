"""Widgets shared by the list views (people, exhibitors): the list pane (filter box, count, table)
and a form whose validation messages sit right under the field they are about."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.ui.tables.paging import PagedTableModel

# Typing pauses shorter than this are one query (a desk operator types 3–6 keys a second).
FILTER_DEBOUNCE_MS = 150
ERROR_STYLE = "color: #c62828;"
FIELD_ERROR_STYLE = "border: 1px solid #c62828; border-radius: 3px;"
ROW_HEIGHT = 28
FieldT = TypeVar("FieldT", bound=QWidget)


class ListPane(QWidget):
    """Filter box, optional extra filters, count label, "new" button and the paged table."""

    filter_changed = Signal(str)

    def __init__(self, model: PagedTableModel[Any, Any], *, placeholder: str, new_label: str,
                 extras: tuple[QWidget, ...] = ()) -> None:
        super().__init__()
        self.model = model
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(260)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(150)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.new_button = QPushButton(new_label)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.filter_changed.emit(self.filter_text()))
        self.filter_edit.textChanged.connect(lambda _t: self._debounce.start())
        # Enter runs the filter at once instead of waiting out the debounce.
        self.filter_edit.returnPressed.connect(self.flush_filter)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        for widget in extras:
            bar.addWidget(widget)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        # Fixed row heights: Qt never measures 30,000 rows to lay the table out.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for i, column in enumerate(model.columns):
            self.table.setColumnWidth(i, column.width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        model.failed.connect(self.show_message)
        model.reloaded.connect(lambda: self.message.hide())

    def filter_text(self) -> str:
        return self.filter_edit.text().strip()

    def flush_filter(self) -> None:
        self._debounce.stop()
        self.filter_changed.emit(self.filter_text())

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def select_id(self, row_id: int | None) -> bool:
        row = self.model.row_of(row_id) if row_id is not None else -1
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True


class FieldForm(QWidget):
    """The label on the left; the field with its error message under it on the right."""

    def __init__(self) -> None:
        super().__init__()
        self.layout_ = QFormLayout(self)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setVerticalSpacing(4)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: FieldT) -> FieldT:
        """Add `widget` as the field `key`, labelled `label`; returns it, with its own type."""
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(1)
        col.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        col.addWidget(error)
        self.layout_.addRow(QLabel(label), box)
        self.fields[key] = widget
        self.errors[key] = error
        return widget

    def show_errors(self, problems: dict[str, str]) -> list[str]:
        """Put each message under its field; returns the messages no field claimed."""
        self.clear_errors()
        unclaimed = []
        for key, message in problems.items():
            label = self.errors.get(key)
            if label is None:
                unclaimed.append(message)
                continue
            label.setText(message)
            label.show()
            self.fields[key].setStyleSheet(FIELD_ERROR_STYLE)
        return unclaimed

    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            label.hide()
            self.fields[key].setStyleSheet("")

    def error_text(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

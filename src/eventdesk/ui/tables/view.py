"""A list view: the paged table with its filters on the left, the edit panel on the right.

The people and exhibitors views work the same way: the table reads a page at a time, filter and
header clicks go to the services, selecting a row fills the panel, and after any change to people
or exhibitors (here, at another view, or through the File menu) the table reloads and keeps the
selected row. A subclass builds its model, filters and panel, then calls `_assemble`; it keeps
its own words (count text, filters, lookups such as halls or exhibitor choices).

A view that sets `asks_before_leaving` never drops unsaved typing silently: selecting another
row, "new", Esc in the form, switching view or closing the window (the main window asks
`may_leave`) first ask Save / Discard / Cancel with Qt's standard, translated buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMessageBox, QSplitter, QWidget

from eventdesk.storage import Session
from eventdesk.ui import ops
from eventdesk.ui.context import EXHIBITORS, PEOPLE, AppContext
from eventdesk.ui.i18n import translate
from eventdesk.ui.tables.form import ListPane
from eventdesk.ui.tables.paging import PagedTableModel
from eventdesk.ui.tables.panel import DetailPanel


class ListDetailView(QWidget):
    model: PagedTableModel[Any, Any]
    pane: ListPane
    panel: DetailPanel[Any, Any]
    # Ask Save / Discard / Cancel before unsaved typing in the panel would be left (see above).
    asks_before_leaving = False

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._started = False
        self._pending = 0  # background loads (lookups, details) not yet delivered
        self._pending_select: int | None = None

    def _assemble(self, *, filters: tuple[QComboBox, ...], sizes: tuple[int, int],
                  sort_column: int | None = None) -> None:
        """Lay out pane and panel and connect them; `sort_column` is the service's default
        order when it is not the first column."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pane)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes(list(sizes))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.pane.filter_changed.connect(lambda _t: self._apply_filter())
        for combo in filters:
            combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.pane.new_button.clicked.connect(self._new_clicked)
        if self.asks_before_leaving:
            self.panel.installEventFilter(self)
        if sort_column is not None:
            self.pane.table.horizontalHeader().setSortIndicator(
                sort_column, Qt.SortOrder.AscendingOrder)
        # Enabling sorting sorts by the indicator at once: set the indicator first.
        self.pane.table.setSortingEnabled(True)
        self.pane.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.reloaded.connect(self._after_reload)
        self.model.reloaded.connect(self._update_count)
        self.model.loading_changed.connect(lambda _b: self._update_count())
        self.panel.saved.connect(self._on_saved)
        self.ctx.changed.connect(self._on_changed)

    # -- what a subclass provides ----------------------------------------------------------
    def _apply_filter(self) -> None:
        raise NotImplementedError

    def _update_count(self) -> None:
        raise NotImplementedError

    def _load_lookups(self) -> None:
        """Read the lists that depend on exhibitors (filter choices, link targets)."""

    def _show_row(self, row: Any) -> None:
        """The user picked `row` in the table."""
        self.panel.show_row(row)

    def _refresh_row(self, row: Any) -> None:
        """`row` is the one in the panel, freshly read: take the new data without losing
        what the user is typing."""
        self.panel.rebase(row)

    def _start_new(self) -> None:
        raise NotImplementedError

    # -- life cycle (called by the main window) --------------------------------------------
    def activated(self) -> None:
        if not self._started:
            self._started = True
            self.model.reload()
            self._load_lookups()

    def settle(self) -> None:
        """Finish every pending load and paint: what a screenshot or a test should see."""
        self.activated()
        for _ in range(50):
            ops.wait_idle()
            QCoreApplication.processEvents()
            if not self.model.busy and not self._pending:
                if self.pane.selected_id() is None and self.model.rowCount() > 0:
                    self.pane.table.selectRow(0)
                    continue  # selecting may start a load of its own (an exhibitor's staff)
                break
        QCoreApplication.processEvents()
        self.repaint()

    def _run(self, fn: Callable[[Session, ops.Progress], Any],
             done: Callable[[Any], None]) -> None:
        """A background read whose answer is dropped if the view is gone by then (the File
        menu replaces every view when it opens another database)."""
        self._pending += 1

        def delivered(result: object) -> None:
            if shiboken6.isValid(self):
                self._pending -= 1
                done(result)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._pending -= 1
                self.pane.show_message(ops.error_text(exc))

        ops.run_in_background(self.ctx, fn, on_done=delivered, on_error=failed)

    # -- unsaved typing --------------------------------------------------------------------
    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Ask what becomes of the form's unsaved typing: Save, Discard or Cancel."""
        buttons = QMessageBox.StandardButton
        name = self.panel.name_of(self.panel.collect()).strip()
        text = (translate("ListDetailView", "“{name}”有未保存的修改，要保存吗？").format(name=name)
                if name else translate("ListDetailView", "表单中有未保存的修改，要保存吗？"))
        box = QMessageBox(QMessageBox.Icon.Question, translate("ListDetailView", "未保存的修改"),
                          text, buttons.Save | buttons.Discard | buttons.Cancel, self)
        box.setObjectName("unsavedQuestion")
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        return buttons(box.exec())

    def may_leave(self) -> bool:
        """Whether the form may be left now (for another row, a new form, another view, or the
        window closing). True when nothing is unsaved, when the person chose Discard (the form
        is reverted) or Save (the save goes on in the background; its result or refusal shows
        in the form); False on Cancel, or when the form's own check stopped the save (the
        problems are shown under the fields)."""
        # A save under way holds the typing (the fields wait for it): nothing is dropped.
        if not self.asks_before_leaving or self.panel.saving or not self.panel.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.panel.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.panel.show_row(self.panel.row)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Esc that the form's fields leave unused travels up to the panel: with unsaved typing,
        # ask (Discard reverts the form). Esc elsewhere (the search box) is not the form's.
        if watched is self.panel and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape \
                and not self.panel.saving and self.panel.is_dirty():
            self.may_leave()
            return True
        return super().eventFilter(watched, event)

    def _new_clicked(self) -> None:
        if self.may_leave():
            self._start_new()

    def _stay(self) -> None:
        """The person chose to stay with the form: the table shows its row selected again."""
        table = self.pane.table
        table.selectionModel().blockSignals(True)
        if not self.pane.select_id(self.panel.row_id):
            table.clearSelection()
        table.selectionModel().blockSignals(False)
        table.viewport().update()

    # -- selection and editing -------------------------------------------------------------
    def _on_selection(self, *_args: object) -> None:
        row_id = self.pane.selected_id()
        if row_id is None or row_id == self.panel.row_id:
            return
        if not self.may_leave():
            self._stay()
            return
        row = self.model.row_at(self.model.row_of(row_id))
        if row is not None:
            self._show_row(row)

    def _after_reload(self) -> None:
        wanted = self._pending_select or self.panel.row_id
        self._pending_select = None
        if self.pane.select_id(wanted):
            row = self.model.row_at(self.model.row_of(wanted)) if wanted else None
            if row is not None and self.panel.row is not None and row.id == self.panel.row.id:
                self._refresh_row(row)  # e.g. booth moved, staff count changed
            return
        # The row shown is not in the new list (another search): show the first one instead,
        # unless the form holds unsaved typing.
        if self._started and self.model.rowCount() > 0 and not self.panel.is_dirty():
            self.pane.table.selectRow(0)

    def _on_saved(self, row_id: int) -> None:
        # Keep the saved row selected through the reload the save causes — unless the person
        # moved on to another row while it was being saved: their choice stays.
        if row_id == self.panel.row_id:
            self._pending_select = row_id

    def _on_changed(self, topics: frozenset[str]) -> None:
        if not self._started:
            return
        # People lists show booths, exhibitor lists count staff: either change touches both.
        if PEOPLE in topics or EXHIBITORS in topics:
            self.model.reload()
        if EXHIBITORS in topics:
            self._load_lookups()

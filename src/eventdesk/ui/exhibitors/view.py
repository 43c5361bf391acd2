"""The exhibitors view: companies with booth and staff quota, a form to edit them, their staff.

Same pattern as the people view (ui/people): a paged table sorted and filtered by the services,
an edit form on the right, reloads driven by AppContext.changed.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSplitter, QWidget

from ...services.exhibitors import halls
from ...services.people import PersonRow, list_people
from .. import ops
from ..context import EXHIBITORS, PEOPLE, AppContext
from ..people.form import ListPane
from .model import COLUMNS, ExhibitorsModel
from .panel import ExhibitorPanel

ALL_HALLS = "全部展馆 All halls"


class ExhibitorsView(QWidget):
    def __init__(self, ctx: AppContext, *, page_size: int = 500) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = ExhibitorsModel(ctx, page_size=page_size, parent=self)
        self.hall = QComboBox()
        self.hall.addItem(ALL_HALLS, None)
        self.hall.setToolTip("按展馆筛选 Filter by hall")
        self.hall.setMinimumContentsLength(8)
        self.pane = ListPane(
            self.model, new_label="新建展商 New",
            placeholder="搜索 公司名称、简称、拼音、展位号 — Search…",
            extras=(self.hall,))
        self.panel = ExhibitorPanel(ctx)
        self._started = False
        self._pending = 0  # background loads (halls, staff) not yet delivered
        self._pending_select: int | None = None
        self._staff_generation = 0

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pane)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([840, 420])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.pane.filter_changed.connect(lambda _t: self._apply_filter())
        self.hall.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.pane.new_button.clicked.connect(self._start_new)
        header = self.pane.table.horizontalHeader()
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # the service's default: hall
        self.pane.table.setSortingEnabled(True)
        self.pane.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.reloaded.connect(self._after_reload)
        self.model.reloaded.connect(self._update_count)
        self.model.loading_changed.connect(lambda _b: self._update_count())
        self.panel.saved.connect(self._on_saved)
        ctx.changed.connect(self._on_changed)

    # -- life cycle ------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._started:
            self._started = True
            self.model.reload()
            self._load_halls()

    def settle(self) -> None:
        self.activated()
        for _ in range(50):
            ops.wait_idle()
            QCoreApplication.processEvents()
            if not self.model.busy and not self._pending:
                if self.pane.selected_id() is None and self.model.rowCount() > 0:
                    self.pane.table.selectRow(0)
                    continue  # selecting loads the staff list
                break
        QCoreApplication.processEvents()
        self.repaint()

    # -- filter ----------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self.model.set_filter(self.pane.filter_text(), self.hall.currentData())

    def _update_count(self) -> None:
        n = self.model.total
        filtered = self.model.query or self.model.hall
        text = f"找到 {n:,} 家 · {n:,} found" if filtered else f"共 {n:,} 家展商 · {n:,} exhibitors"
        self.pane.count_label.setText(text + (" …" if self.model.busy else ""))

    def _load_halls(self) -> None:
        def done(found: list[str]) -> None:
            self._pending -= 1
            current = self.hall.currentData()
            self.hall.blockSignals(True)
            self.hall.clear()
            self.hall.addItem(ALL_HALLS, None)
            for h in found:
                self.hall.addItem(h, h)
            index = self.hall.findData(current) if current else 0
            self.hall.setCurrentIndex(max(index, 0))
            self.hall.blockSignals(False)

        self._run(lambda session, _p: halls(session), done)

    def _run(self, fn, done) -> None:  # type: ignore[no-untyped-def]
        """A background read whose answer is dropped if the view is gone by then (the File
        menu replaces every view when it opens another database)."""
        self._pending += 1

        def delivered(result: object) -> None:
            if shiboken6.isValid(self):
                done(result)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._pending -= 1
                self.pane.show_message(ops.error_text(exc))

        ops.run_in_background(self.ctx, fn, on_done=delivered, on_error=failed)

    # -- selection, staff, editing ---------------------------------------------------------
    def _on_selection(self, *_args: object) -> None:
        row_id = self.pane.selected_id()
        if row_id is None or row_id == self.panel.exhibitor_id:
            return
        row = self.model.row_at(self.model.row_of(row_id))
        if row is not None:
            self.panel.show_exhibitor(row)
            self._load_staff(row.id)

    def _load_staff(self, exhibitor_id: int) -> None:
        self._staff_generation += 1
        gen = self._staff_generation

        def done(staff: list[PersonRow]) -> None:
            self._pending -= 1
            if gen == self._staff_generation and self.panel.exhibitor_id == exhibitor_id:
                self.panel.set_staff(staff)

        self._run(lambda session, _p: list_people(session, exhibitor_id=exhibitor_id,
                                                  limit=None), done)

    def _start_new(self) -> None:
        self.pane.table.clearSelection()
        self.panel.show_exhibitor(None)
        self.panel.name_zh.setFocus()

    def _after_reload(self) -> None:
        wanted = self._pending_select or self.panel.exhibitor_id
        self._pending_select = None
        if self.pane.select_id(wanted):
            row = self.model.row_at(self.model.row_of(wanted)) if wanted else None
            if row is not None and self.panel.row is not None and row.id == self.panel.row.id:
                self.panel.row = row
                self.panel.show_quota(row)
                self._load_staff(row.id)
            return
        # The company shown is not in the new list: show the first one unless typing is unsaved.
        if self._started and self.model.rowCount() > 0 and not self.panel.is_dirty():
            self.pane.table.selectRow(0)

    def _on_saved(self, exhibitor_id: int) -> None:
        self._pending_select = exhibitor_id

    def _on_changed(self, topics: frozenset[str]) -> None:
        if not self._started:
            return
        if EXHIBITORS in topics or PEOPLE in topics:
            self.model.reload()
        if EXHIBITORS in topics:
            self._load_halls()


def create_view(ctx: AppContext) -> QWidget:
    return ExhibitorsView(ctx)


__all__ = ["COLUMNS", "ExhibitorsView", "create_view"]

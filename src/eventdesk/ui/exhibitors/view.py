"""The exhibitors view: companies with booth and staff quota, a form to edit them, their staff.

Same pattern as the people view, through the shared list view (ui/tables/view.py): a paged
table sorted and filtered by the services, an edit form on the right, reloads driven by
AppContext.changed. What is its own: the hall filter and the staff list of the selected company.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from eventdesk.actions import privacy
from eventdesk.services.exhibitors import ExhibitorRow, halls
from eventdesk.services.people import PersonRow, list_people
from eventdesk.ui.context import AppContext
from eventdesk.ui.exhibitors.model import COLUMNS, ExhibitorsModel
from eventdesk.ui.exhibitors.panel import ExhibitorPanel
from eventdesk.ui.tables.form import ListPane
from eventdesk.ui.tables.view import ListDetailView

ALL_HALLS = "全部展馆 All halls"


class ExhibitorsView(ListDetailView):
    model: ExhibitorsModel
    panel: ExhibitorPanel

    def __init__(self, ctx: AppContext, *, page_size: int = 500) -> None:
        super().__init__(ctx)
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
        self._staff_generation = 0
        # Column 1 (hall) is the service's default order.
        self._assemble(filters=(self.hall,), sizes=(840, 420), sort_column=1)

    # -- filter ----------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self.model.set_filter(self.pane.filter_text(), self.hall.currentData())

    def _update_count(self) -> None:
        n = self.model.total
        filtered = self.model.query or self.model.choice
        text = f"找到 {n:,} 家 · {n:,} found" if filtered else f"共 {n:,} 家展商 · {n:,} exhibitors"
        self.pane.count_label.setText(text + (" …" if self.model.busy else ""))

    def _load_lookups(self) -> None:
        def done(found: list[str]) -> None:
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

    # -- selection, staff, editing ---------------------------------------------------------
    def _show_row(self, row: ExhibitorRow) -> None:
        self.panel.show_row(row)
        self._load_staff(row.id)

    def _refresh_row(self, row: ExhibitorRow) -> None:
        self.panel.rebase(row)
        self.panel.show_quota(row)
        self._load_staff(row.id)

    def _load_staff(self, exhibitor_id: int) -> None:
        self._staff_generation += 1
        gen = self._staff_generation

        def done(staff: list[PersonRow]) -> None:
            # A quicker click on another company may have overtaken this answer.
            if gen == self._staff_generation and self.panel.exhibitor_id == exhibitor_id:
                self.panel.set_staff(staff)

        viewer = self.ctx.action_context()
        self._run(lambda session, _p: privacy.people(viewer, list_people(
            session, exhibitor_id=exhibitor_id, limit=None)), done)

    def _start_new(self) -> None:
        self.pane.table.clearSelection()
        self.panel.show_row(None)
        self.panel.name_zh.setFocus()


def create_view(ctx: AppContext) -> QWidget:
    return ExhibitorsView(ctx)


__all__ = ["COLUMNS", "ExhibitorsView", "create_view"]

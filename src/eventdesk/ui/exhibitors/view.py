"""The exhibitors view: companies with booth, quota and figures, a form to edit them, their staff.

Same pattern as the people view, through the shared list view (ui/tables/view.py): a paged
table sorted and filtered by the services, an edit form on the right, reloads driven by
AppContext.changed. What is its own: the hall and flag filters, the staff of the selected
company (one click on a row shows them, with who arrived, printed and collected), its latest
pack pick-up and a button that prints all of its badges (ui/exhibitors/printing.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QComboBox, QWidget

from eventdesk.actions import privacy
from eventdesk.services.exhibitor_staff import StaffMember, exhibitor_staff
from eventdesk.services.exhibitors import ExhibitorRow, halls
from eventdesk.storage import Session
from eventdesk.ui.context import CHECKINS, PRINTS, AppContext
from eventdesk.ui.exhibitors.model import COLUMNS, ExhibitorChoice, ExhibitorsModel
from eventdesk.ui.exhibitors.panel import ExhibitorPanel
from eventdesk.ui.exhibitors.printing import ExhibitorPrintDialog
from eventdesk.ui.i18n import format_number, translate
from eventdesk.ui.tables.form import ListPane
from eventdesk.ui.tables.view import ListDetailView

FLAG_CHOICES = (
    (cast(str, QT_TRANSLATE_NOOP("ExhibitorsView", "全部（不限标记）")), None),
    (cast(str, QT_TRANSLATE_NOOP("ExhibitorsView", "超出名额")), "over_quota"),
    (cast(str, QT_TRANSLATE_NOOP("ExhibitorsView", "展位共用")), "shared_booth"),
    (cast(str, QT_TRANSLATE_NOOP("ExhibitorsView", "有任一标记")), "any"),
)
# Arrivals and pick-ups change with every scan at every desk: the figures follow within this
# many milliseconds, in one reload for a whole morning burst rather than one per scan.
FIGURES_DELAY_MS = 2000


class ExhibitorsView(ListDetailView):
    model: ExhibitorsModel
    panel: ExhibitorPanel

    def __init__(self, ctx: AppContext, *, page_size: int = 500) -> None:
        super().__init__(ctx)
        self.model = ExhibitorsModel(ctx, page_size=page_size, parent=self)
        self.hall = QComboBox()
        self.hall.addItem(translate("ExhibitorsView", "全部展馆"), None)
        self.hall.setToolTip(translate("ExhibitorsView", "按展馆筛选"))
        self.hall.setMinimumContentsLength(8)
        self.flag = QComboBox()
        for label, key in FLAG_CHOICES:
            self.flag.addItem(translate("ExhibitorsView", label), key)
        self.flag.setToolTip(translate("ExhibitorsView", "只看超出名额或展位共用的展商"))
        self.pane = ListPane(
            self.model, new_label=translate("ExhibitorsView", "新建展商"),
            placeholder=translate("ExhibitorsView", "搜索 公司名称、简称、拼音、展位号"),
            extras=(self.hall, self.flag))
        self.panel = ExhibitorPanel(ctx)
        self.panel.print_button.clicked.connect(self.print_badges)
        self.print_dialog: ExhibitorPrintDialog | None = None
        self._staff_generation = 0
        self._figures_timer = QTimer(self)
        self._figures_timer.setSingleShot(True)
        self._figures_timer.setInterval(FIGURES_DELAY_MS)
        self._figures_timer.timeout.connect(self._figures_changed)
        # Column 1 (hall) is the service's default order.
        self._assemble(filters=(self.hall, self.flag), sizes=(860, 440), sort_column=1)

    # -- filter ----------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        hall, flag = self.hall.currentData(), self.flag.currentData()
        choice = ExhibitorChoice(hall, flag) if hall or flag else None
        self.model.set_filter(self.pane.filter_text(), choice)

    def _update_count(self) -> None:
        n = self.model.total
        filtered = self.model.query or self.model.choice
        text = (translate("ExhibitorsView", "找到 {n} 家") if filtered
                else translate("ExhibitorsView", "共 {n} 家展商")).format(n=format_number(n))
        self.pane.count_label.setText(text + (" …" if self.model.busy else ""))

    def _load_lookups(self) -> None:
        def done(found: list[str]) -> None:
            current = self.hall.currentData()
            self.hall.blockSignals(True)
            self.hall.clear()
            self.hall.addItem(translate("ExhibitorsView", "全部展馆"), None)
            for h in found:
                self.hall.addItem(h, h)
            index = self.hall.findData(current) if current else 0
            self.hall.setCurrentIndex(max(index, 0))
            self.hall.blockSignals(False)

        self._run(lambda session, _p: halls(session), done)

    def _on_changed(self, topics: frozenset[str]) -> None:
        super()._on_changed(topics)
        figures = CHECKINS in topics or PRINTS in topics
        if not (self._started and figures):
            return
        # The staff shown (one company) follow at once: the print dialog counts from them.
        if self.panel.exhibitor_id is not None:
            self._load_staff(self.panel.exhibitor_id)
        if not self._figures_timer.isActive():
            self._figures_timer.start()

    def _figures_changed(self) -> None:
        self.model.reload()  # the selected row is refreshed by _after_reload -> _refresh_row

    # -- selection, staff, editing ---------------------------------------------------------
    def _show_row(self, row: ExhibitorRow) -> None:
        self.panel.show_row(row)
        self._load_staff(row.id)

    def _refresh_row(self, row: ExhibitorRow) -> None:
        self.panel.rebase(row)
        self.panel.show_figures(row)
        self._load_staff(row.id)

    def _load_staff(self, exhibitor_id: int) -> None:
        self._staff_generation += 1
        gen = self._staff_generation

        def done(staff: list[StaffMember]) -> None:
            # A quicker click on another company may have overtaken this answer.
            if gen == self._staff_generation and self.panel.exhibitor_id == exhibitor_id:
                self.panel.set_staff(staff)

        viewer = self.ctx.action_context()

        def read(session: Session, _p: object) -> list[StaffMember]:
            found = exhibitor_staff(session, exhibitor_id=exhibitor_id)
            shown = privacy.people(viewer, [m.person for m in found])
            return [replace(m, person=p) for m, p in zip(found, shown, strict=True)]

        self._run(read, done)

    def _start_new(self) -> None:
        self.pane.table.clearSelection()
        self.panel.show_row(None)
        self.panel.name_zh.setFocus()

    # -- print all badges of the selected exhibitor ----------------------------------------
    def print_badges(self) -> ExhibitorPrintDialog | None:
        """Open the print dialog for the exhibitor shown in the panel (its badges only)."""
        row = self.panel.row
        if row is None:
            return None
        if self.print_dialog is not None:
            self.print_dialog.close()
        self.print_dialog = ExhibitorPrintDialog(self.ctx, row, staff=self.panel.staff_members,
                                                 parent=self)
        self.print_dialog.show()
        return self.print_dialog


def create_view(ctx: AppContext) -> QWidget:
    return ExhibitorsView(ctx)


__all__ = ["COLUMNS", "ExhibitorsView", "create_view"]

"""The people view: every registration in one sortable, searchable table with an edit form.

The table reads a page at a time (PeopleModel); filter, category and header clicks are sent to
the services, never applied to rows in Qt. Reloading and keeping the selection after a change is
the shared list view's job (ui/tables/view.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from eventdesk.domain import Category
from eventdesk.services.exhibitors import exhibitor_choices
from eventdesk.services.search.index import desk_index
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import format_number, translate
from eventdesk.ui.labels import category_label
from eventdesk.ui.people.model import PeopleModel
from eventdesk.ui.people.panel import PersonPanel
from eventdesk.ui.tables.form import ListPane
from eventdesk.ui.tables.view import ListDetailView


class PeopleView(ListDetailView):
    model: PeopleModel
    panel: PersonPanel
    asks_before_leaving = True  # issue 13: the people form asks before dropping unsaved edits

    def __init__(self, ctx: AppContext, *, page_size: int = 500) -> None:
        super().__init__(ctx)
        self.model = PeopleModel(ctx, page_size=page_size, parent=self)
        self.category = QComboBox()
        self.category.addItem(translate("PeopleView", "全部类别"), None)
        for cat in Category:
            self.category.addItem(category_label(cat), cat)
        self.category.setToolTip(translate("PeopleView", "按类别筛选"))
        self.pane = ListPane(
            self.model, new_label=translate("PeopleView", "新建人员"),
            placeholder=translate("PeopleView", "搜索 姓名、拼音、公司、电话尾号、胸卡码…"),
            extras=(self.category,))
        self.panel = PersonPanel(ctx)
        self._warm_op: ops.BackgroundOp | None = None
        self._assemble(filters=(self.category,), sizes=(900, 360))
        self.pane.filter_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The search index takes about a second to build at 30,000 people; build it while the
        # operator moves to the search box, not after their first keystroke, and not at
        # start-up when nobody may search at all.
        if watched is self.pane.filter_edit and event.type() == QEvent.Type.FocusIn \
                and self._warm_op is None:
            self._warm_op = ops.run_in_background(
                self.ctx, lambda session, _p: desk_index(session).warm_up(pairs=False),
                on_done=lambda _r: None, on_error=lambda _e: None)
        return super().eventFilter(watched, event)

    # -- filter and count ------------------------------------------------------------------
    def _apply_filter(self) -> None:
        text = self.pane.filter_text()
        header = self.pane.table.horizontalHeader()
        if text and not self.model.query:
            # A search lists the best matches first; a header click then sorts the matches.
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        elif not text and self.model.sort_key is None:
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.model.set_filter(text, self.category.currentData())

    def _update_count(self) -> None:
        n = self.model.total
        # No %n: pyside6-lupdate writes no numerus entries, and Qt finds no translation for a
        # plain entry asked with n. The English avoids the plural ("People: 12,345").
        if self.model.query or self.model.choice is not None:
            text = translate("PeopleView", "找到 {count} 人").format(count=format_number(n))
        else:
            text = translate("PeopleView", "共 {count} 人").format(count=format_number(n))
        self.pane.count_label.setText(text + (" …" if self.model.busy else ""))

    # -- editing ---------------------------------------------------------------------------
    def _start_new(self) -> None:
        self.panel.start_new()

    def _load_lookups(self) -> None:
        # The exhibitors a person can be linked to, for the panel's drop-down.
        self._run(lambda session, _p: exhibitor_choices(session), self.panel.set_exhibitors)


def create_view(ctx: AppContext) -> QWidget:
    return PeopleView(ctx)

"""The people view: every registration in one sortable, searchable table with an edit form.

The table reads a page at a time (PeopleModel); filter, category and header clicks are sent to
the services, never applied to rows in Qt. After any change to people or exhibitors (here, at
another view, or through the File menu) the table reloads and keeps the selected person.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSplitter, QWidget

from ...domain import Category
from ...services.exhibitors import exhibitor_choices
from ...services.search_index import index_for
from .. import ops
from ..context import EXHIBITORS, PEOPLE, AppContext
from .form import ListPane
from .model import PeopleModel, category_label
from .panel import PersonPanel

ALL_CATEGORIES = "全部类别 All"


class PeopleView(QWidget):
    def __init__(self, ctx: AppContext, *, page_size: int = 500) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = PeopleModel(ctx, page_size=page_size, parent=self)
        self.category = QComboBox()
        self.category.addItem(ALL_CATEGORIES, None)
        for cat in Category:
            self.category.addItem(category_label(cat), cat)
        self.category.setToolTip("按类别筛选 Filter by category")
        self.pane = ListPane(
            self.model, new_label="新建人员 New",
            placeholder="搜索 姓名、拼音、公司、电话尾号、胸卡码 — Search…",
            extras=(self.category,))
        self.panel = PersonPanel(ctx)
        self._started = False
        self._choices_loading = False
        self._choices_op: ops.BackgroundOp | None = None
        self._pending_select: int | None = None
        self._warm_op: ops.BackgroundOp | None = None

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pane)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([900, 360])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.pane.filter_changed.connect(self._on_filter)
        self.category.currentIndexChanged.connect(lambda _i: self._on_filter(
            self.pane.filter_text()))
        self.pane.new_button.clicked.connect(self.panel.start_new)
        self.pane.table.setSortingEnabled(True)
        self.pane.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.reloaded.connect(self._after_reload)
        self.model.reloaded.connect(self._update_count)
        self.model.loading_changed.connect(lambda _b: self._update_count())
        self.panel.saved.connect(self._on_saved)
        ctx.changed.connect(self._on_changed)
        self.pane.filter_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The search index takes about a second to build at 30,000 people; build it while the
        # operator moves to the search box, not after their first keystroke, and not at
        # start-up when nobody may search at all.
        if watched is self.pane.filter_edit and event.type() == QEvent.Type.FocusIn \
                and self._warm_op is None:
            self._warm_op = ops.run_in_background(
                self.ctx, lambda session, _p: (index_for(session), None)[1],
                on_done=lambda _r: None, on_error=lambda _e: None)
        return super().eventFilter(watched, event)

    # -- life cycle (called by the main window) --------------------------------------------
    def activated(self) -> None:
        if not self._started:
            self._started = True
            self.model.reload()
            self._load_exhibitor_choices()

    def settle(self) -> None:
        """Finish every pending load and paint: what a screenshot or a test should see."""
        self.activated()
        for _ in range(50):
            ops.wait_idle()
            QCoreApplication.processEvents()
            if not self.model.busy and not self._choices_loading:
                break
        if self.pane.selected_id() is None and self.model.rowCount() > 0:
            self.pane.table.selectRow(0)
        QCoreApplication.processEvents()
        self.repaint()

    # -- filter and sort -------------------------------------------------------------------
    def _on_filter(self, text: str) -> None:
        header = self.pane.table.horizontalHeader()
        if text and not self.model.query:
            # A search lists the best matches first; a header click then sorts the matches.
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        elif not text and self.model.sort_key is None:
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.model.set_filter(text, self.category.currentData())

    def _update_count(self) -> None:
        n = self.model.total
        if self.model.query or self.model.category is not None:
            text = f"找到 {n:,} 人 · {n:,} found"
        else:
            text = f"共 {n:,} 人 · {n:,} people"
        self.pane.count_label.setText(text + (" …" if self.model.busy else ""))

    # -- selection and editing -------------------------------------------------------------
    def _on_selection(self, *_args: object) -> None:
        row_id = self.pane.selected_id()
        if row_id is None or row_id == self.panel.person_id:
            return
        row = self.model.row_at(self.model.row_of(row_id))
        if row is not None:
            self.panel.show_person(row)

    def _after_reload(self) -> None:
        wanted = self._pending_select or self.panel.person_id
        self._pending_select = None
        if self.pane.select_id(wanted):
            row = self.model.row_at(self.model.row_of(wanted)) if wanted else None
            if row is not None and self.panel.row is not None and row.id == self.panel.row.id:
                self.panel.row = row  # fresh data (e.g. booth moved) without losing typing
            return
        # The person shown is not in the new list (another search): show the best match instead,
        # unless the form holds unsaved typing.
        if self._started and self.model.rowCount() > 0 and not self.panel.is_dirty():
            self.pane.table.selectRow(0)

    def _on_saved(self, person_id: int) -> None:
        self._pending_select = person_id

    def _on_changed(self, topics: frozenset[str]) -> None:
        if not self._started:
            return
        if PEOPLE in topics or EXHIBITORS in topics:
            self.model.reload()
        if EXHIBITORS in topics:
            self._load_exhibitor_choices()

    def _load_exhibitor_choices(self) -> None:
        self._choices_loading = True

        def done(choices: list[tuple[int, str, str]]) -> None:
            if not shiboken6.isValid(self):  # replaced with another database meanwhile
                return
            self._choices_loading = False
            self.panel.set_exhibitors(choices)

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._choices_loading = False
            self.pane.show_message(ops.error_text(exc))

        self._choices_op = ops.run_in_background(
            self.ctx, lambda session, _p: exhibitor_choices(session), on_done=done,
            on_error=failed)


def create_view(ctx: AppContext) -> QWidget:
    return PeopleView(ctx)

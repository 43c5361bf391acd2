"""The main window: navigation on the left, one view at a time on the right, File menu.

The scanner always wins: for the window's whole life a scanner burst in any view or dialog of
the program is a scan at the desk (ui/desk/scanner.py), never text in a field.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from eventdesk.domain import names
from eventdesk.messages.desk import desk_text
from eventdesk.storage import describe
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk.scanner import ScannerFilter
from eventdesk.ui.placeholder import PlaceholderView


@dataclass(frozen=True)
class ViewSpec:
    key: str
    label: str
    module: str  # eventdesk.ui.<module> providing create_view(ctx) -> QWidget


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("desk", "签到台 Desk", "desk.view"),
    ViewSpec("people", "人员 People", "people.view"),
    ViewSpec("exhibitors", "展商 Exhibitors", "exhibitors.view"),
    ViewSpec("schedule", "日程 Schedule", "schedule.view"),
    ViewSpec("badges", "胸卡 Badges", "badges.view"),
    ViewSpec("designer", "胸卡设计 Designer", "designer.window"),
    ViewSpec("dashboard", "数据 Dashboard", "dashboard.view"),
)
VIEW_KEYS = tuple(v.key for v in VIEWS)


def create_view(spec: ViewSpec, ctx: AppContext) -> QWidget:
    try:
        module = importlib.import_module(f"{__package__}.{spec.module}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith(f"{__package__}.{spec.module.split('.')[0]}"):
            return PlaceholderView(spec.label)
        raise
    view: QWidget = module.create_view(ctx)
    return view


class MainWindow(QMainWindow):
    # The import wizard and export dialog last opened from the 数据 menu (ui/transfer/menu.py),
    # held here so that they live while open.
    _import_wizard: QDialog
    _export_dialog: QDialog

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.resize(1400, 860)
        self._views: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget::item { padding: 10px 8px; }")
        for spec in VIEWS:
            item = QListWidgetItem(spec.label)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # The navigation has a fixed width; without this the splitter hands it a blank margin.
        splitter.setSizes([150, 1250])
        self.setCentralWidget(splitter)
        self.nav.currentRowChanged.connect(self._on_nav)
        self._status = QLabel()
        self.statusBar().addPermanentWidget(self._status)
        self._build_menus()
        ctx.database_replaced.connect(self._on_database_replaced)
        # Server trouble, said in every view (the desk also shows a banner: ui/live.py).
        self._offline = QLabel(desk_text("desk.live.offline"))
        self._offline.setStyleSheet("color: #b42318; font-weight: 600;")
        self._offline.setVisible(not ctx.reachable)
        self.statusBar().addWidget(self._offline)
        ctx.reachable_changed.connect(self._show_reachable)
        self._update_title()
        # The first keystroke of a search (or of a scan into the desk's search field) folds the
        # query to simplified script: load those dictionaries (~1 s) now, off the GUI thread,
        # not at the first keystroke. With them, start-up is over: what it made lives as long as
        # the process, and full collections need not walk it again (ops.freeze_long_lived).
        ops.run_call_in_background(names.warm_up, on_done=lambda _r: ops.freeze_long_lived(),
                                   on_error=lambda _e: None)
        self.scanner = ScannerFilter(self, everywhere=True)
        self.scanner.scanned.connect(self.on_scan)
        self.scanner.install()

    # -- the scanner -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.scanner.install()  # again, if the window is shown after a close
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.scanner.remove()
        super().closeEvent(event)

    def on_scan(self, payload: str) -> None:
        """A scan anywhere in the program: the desk comes forward and checks the person in.

        With a dialog open (walk-in form, pick-up, an editor of another view) the dialog stays
        open and untouched; the desk behind it shows the outcome in its status panel."""
        desk = self.show_view("desk")
        if QApplication.activeModalWidget() is None:
            self.raise_()
            self.activateWindow()
        on_scan = getattr(desk, "on_scan", None)
        if callable(on_scan):
            on_scan(payload)

    # -- views ---------------------------------------------------------------------------
    def show_view(self, key: str) -> QWidget:
        row = VIEW_KEYS.index(key)
        self.nav.setCurrentRow(row)
        return self._views[key]

    def view(self, key: str) -> QWidget | None:
        return self._views.get(key)

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        spec = VIEWS[row]
        widget = self._views.get(spec.key)
        if widget is None:
            widget = create_view(spec, self.ctx)
            self._views[spec.key] = widget
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        activated = getattr(widget, "activated", None)
        if callable(activated):
            activated()

    def _on_database_replaced(self) -> None:
        current = self.nav.currentRow()
        for widget in self._views.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._views.clear()
        self._update_title()
        self._on_nav(current if current >= 0 else 0)

    def _show_reachable(self, reachable: bool) -> None:
        self._offline.setVisible(not reachable)

    def _update_title(self) -> None:
        event = self.ctx.event_info
        name = event.name_zh if event else "（无活动）"
        self.setWindowTitle(f"EventDesk — {name}")
        self._status.setText(describe(self.ctx.db.url))

    # -- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from eventdesk.ui.database_menu import DatabaseMenu

        self.file_menu = DatabaseMenu(self)
        self.menuBar().addMenu(self.file_menu)
        from eventdesk.ui.transfer.menu import (
            add_transfer_menu,  # 数据: import wizard, export dialog
        )

        self.transfer_menu = add_transfer_menu(self, self.ctx)
        nav_menu = self.menuBar().addMenu("视图(&V)")
        for i, spec in enumerate(VIEWS):
            action = QAction(spec.label, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, k=spec.key: self.show_view(k))
            nav_menu.addAction(action)

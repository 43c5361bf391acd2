"""The main window: navigation on the left, one view at a time on the right, File menu.

The scanner always wins: for the window's whole life a scanner burst in any view or dialog of
the program is a scan at the desk (ui/desk/scanner.py), never text in a field — except while the
window is locked, when the lock screen refuses it with a sentence.

The window shows what the signed-in user's role allows (domain.access): views and menu actions
of other roles are hidden. That is a convenience: every action checks the role again.
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

from eventdesk import messages
from eventdesk.domain import names
from eventdesk.domain.access import Permission
from eventdesk.messages.desk import desk_text
from eventdesk.storage import describe
from eventdesk.ui import ops
from eventdesk.ui.accounts.lock import DeskLock
from eventdesk.ui.accounts.sign_in import who
from eventdesk.ui.backups import AutoBackup
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk.scanner import ScannerFilter
from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, event_name, translate
from eventdesk.ui.placeholder import PlaceholderView


@dataclass(frozen=True)
class ViewSpec:
    key: str
    source: str  # the view's name, Chinese: worded by `label` in the language shown
    module: str  # eventdesk.ui.<module> providing create_view(ctx) -> QWidget
    permission: Permission  # what the signed-in user's role needs to see the view

    @property
    def label(self) -> str:
        """The view's name in the interface's language (ui.i18n)."""
        return translate("MainWindow", self.source)


# Desk staff see the desk, print staff the batch badges, organisers and admins everything: the
# people and exhibitor views are their editors, the schedule view its editor.
VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("desk", QT_TRANSLATE_NOOP("MainWindow", "签到台"), "desk.view", Permission.CHECK_IN),
    ViewSpec("people", QT_TRANSLATE_NOOP("MainWindow", "人员"), "people.view",
             Permission.EDIT_PEOPLE),
    ViewSpec("exhibitors", QT_TRANSLATE_NOOP("MainWindow", "展商"), "exhibitors.view",
             Permission.EDIT_EXHIBITORS),
    ViewSpec("schedule", QT_TRANSLATE_NOOP("MainWindow", "日程"), "schedule.view",
             Permission.EDIT_SCHEDULE),
    ViewSpec("badges", QT_TRANSLATE_NOOP("MainWindow", "胸卡"), "badges.view",
             Permission.BATCH_PRINT),
    ViewSpec("designer", QT_TRANSLATE_NOOP("MainWindow", "胸卡设计"), "designer.window",
             Permission.EDIT_LAYOUTS),
    ViewSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "数据"), "dashboard.view",
             Permission.DASHBOARD),
    ViewSpec("audit", QT_TRANSLATE_NOOP("MainWindow", "审计"), "audit.view",
             Permission.AUDIT),  # admins (issue 12)
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


def may_leave(view: QWidget) -> bool:
    """Whether `view` may be left (a list view with unsaved typing asks: ui/tables/view.py)."""
    ask = getattr(view, "may_leave", None)
    return bool(ask()) if callable(ask) else True


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
        self._ask_on_leaving = True  # show_view(ask=False) for a scan
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
        self._user_label = QLabel()
        self._user_label.setObjectName("signedInUser")
        self.statusBar().addPermanentWidget(self._user_label)
        self.statusBar().addPermanentWidget(self._status)
        self._view_actions: dict[str, QAction] = {}
        self._build_menus()
        ctx.database_replaced.connect(self._on_database_replaced)
        ctx.user_changed.connect(self._on_user_changed)
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
        # The rotating backup; started by run_gui (not for a screenshot, not in tests).
        self.auto_backup = AutoBackup(ctx, self)
        self.scanner = ScannerFilter(self, everywhere=True)
        self.scanner.scanned.connect(self.on_scan)
        self.scanner.install()
        self.lock = DeskLock(self)
        self.apply_role()

    # -- the scanner -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        self.scanner.install()  # again, if the window is shown after a close
        self.lock.start()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # A view with unsaved typing (the people form) asks first; Cancel keeps the window.
        if not all(may_leave(view) for view in self._views.values()):
            event.ignore()
            return
        self.scanner.remove()
        self.lock.stop()
        super().closeEvent(event)

    def on_scan(self, payload: str) -> None:
        """A scan anywhere in the program: the desk comes forward and checks the person in.

        With a dialog open (walk-in form, pick-up, an editor of another view) the dialog stays
        open and untouched; the desk behind it shows the outcome in its status panel. Locked, or
        signed in as a role that does not check people in, the scan is refused with a sentence
        (nobody is checked in)."""
        if self.lock.dialog is not None:
            self.lock.dialog.refuse_scan(payload)
            return
        if not self.allowed("desk"):
            self.statusBar().showMessage(messages.text("signin.scan_not_allowed",
                                                       who=who(self.ctx.user)), 10_000)
            return
        # The desk comes forward without asking about a form's unsaved typing: the form keeps
        # it (views live on), and a scan must not wait for an answer.
        desk = self.show_view("desk", ask=False)
        if QApplication.activeModalWidget() is None:
            self.raise_()
            self.activateWindow()
        on_scan = getattr(desk, "on_scan", None)
        if callable(on_scan):
            on_scan(payload)

    # -- views ---------------------------------------------------------------------------
    def allowed(self, key: str) -> bool:
        """Whether the signed-in user's role may see view `key`."""
        return self.ctx.can(VIEWS[VIEW_KEYS.index(key)].permission)

    def first_view(self) -> str:
        """The view a user of this role starts on: the desk if they work one."""
        return next((spec.key for spec in VIEWS if self.allowed(spec.key)), VIEWS[0].key)

    def show_view(self, key: str, *, ask: bool = True) -> QWidget:
        """Show view `key` and return it; a view the user's role lacks is refused with a
        sentence in the status bar and the shown view stays (returned), as does the shown
        view when it has unsaved typing and the person chose Cancel (`ask`=False: never ask)."""
        if not self.allowed(key):
            label = VIEWS[VIEW_KEYS.index(key)].label
            self.statusBar().showMessage(messages.text("signin.view_refused", view=label,
                                                       who=who(self.ctx.user)), 10_000)
            current = self.stack.currentWidget()
            if current is None:
                return self.show_view(self.first_view())
            return current
        row = VIEW_KEYS.index(key)
        self._ask_on_leaving = ask
        try:
            self.nav.setCurrentRow(row)
            if key not in self._views:  # the row was current already (its view was dropped)
                self._on_nav(row)
        finally:
            self._ask_on_leaving = True
        shown = self.stack.currentWidget()  # the view left open when the person chose Cancel
        return shown if shown is not None else self._views[key]

    def view(self, key: str) -> QWidget | None:
        return self._views.get(key)

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        spec = VIEWS[row]
        if not self.allowed(spec.key):
            return
        widget = self._views.get(spec.key)
        current = self.stack.currentWidget()
        if self._ask_on_leaving and current is not None and current is not widget \
                and not may_leave(current):
            self._select_nav(current)  # Cancel: stay in the view with the unsaved form
            return
        if widget is None:
            widget = create_view(spec, self.ctx)
            self._views[spec.key] = widget
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        activated = getattr(widget, "activated", None)
        if callable(activated):
            activated()

    def _select_nav(self, view: QWidget) -> None:
        """Mark `view`'s row in the navigation again, without switching anything."""
        key = next((k for k, v in self._views.items() if v is view), None)
        if key is not None:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(VIEW_KEYS.index(key))
            self.nav.blockSignals(False)

    def _drop_views(self) -> None:
        for widget in self._views.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._views.clear()

    def _on_database_replaced(self) -> None:
        current = self.nav.currentRow()
        self._drop_views()
        self.apply_role()
        key = VIEWS[current].key if current >= 0 else self.first_view()
        self.show_view(key if self.allowed(key) else self.first_view())

    def _on_user_changed(self) -> None:
        """Shift change: the new user starts afresh, on their role's first view — nothing of
        the previous user's work (a search, a form, contacts their role showed) stays."""
        self._drop_views()
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.apply_role()
        self.show_view(self.first_view())

    def apply_role(self) -> None:
        """Show the views and menu actions the signed-in user's role allows, name the user."""
        for row, spec in enumerate(VIEWS):
            allowed = self.allowed(spec.key)
            item = self.nav.item(row)
            if item is not None:
                item.setHidden(not allowed)
            action = self._view_actions.get(spec.key)
            if action is not None:
                action.setVisible(allowed)
        for action, permission in self._guarded_actions:
            action.setVisible(self.ctx.can(permission))
        # A menu with nothing the user may do is not shown at all.
        self.transfer_menu.menuAction().setVisible(
            any(action.isVisible() and not action.isSeparator()
                for action in self.transfer_menu.actions()))
        self._update_title()

    def _show_reachable(self, reachable: bool) -> None:
        self._offline.setVisible(not reachable)

    def _update_title(self) -> None:
        event = self.ctx.event_info
        name = event_name(event) if event else translate("MainWindow", "（无活动）")
        self.setWindowTitle(f"EventDesk — {name} — {who(self.ctx.user)}")
        self._status.setText(describe(self.ctx.db.url))
        self._user_label.setText(messages.text("signin.status", who=who(self.ctx.user)))

    # -- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from eventdesk.ui.database_menu import DatabaseMenu

        self.file_menu = DatabaseMenu(self)
        self.menuBar().addMenu(self.file_menu)
        from eventdesk.ui.transfer.menu import (
            add_transfer_menu,  # 数据: import wizard, export dialog
        )

        self.transfer_menu = add_transfer_menu(self, self.ctx)
        nav_menu = self.menuBar().addMenu(translate("MainWindow", "视图(&V)"))
        for i, spec in enumerate(VIEWS):
            action = QAction(spec.label, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, k=spec.key: self.show_view(k))
            nav_menu.addAction(action)
            self._view_actions[spec.key] = action
        from eventdesk.ui.accounts.menu import AccountMenu

        self.account_menu = AccountMenu(self)
        self.menuBar().addMenu(self.account_menu)
        from eventdesk.ui.language_menu import LanguageMenu

        self.language_menu = LanguageMenu(self, self.ctx.settings)
        self.menuBar().addMenu(self.language_menu)

    @property
    def _guarded_actions(self) -> list[tuple[QAction, Permission]]:
        """Menu actions shown only to roles with the permission (the import, export and purge
        of the 数据 menu, the users dialog of the 账户 menu)."""
        named = {action.objectName(): action for action in self.transfer_menu.actions()}
        guarded = [(named["import"], Permission.IMPORT), (named["export"], Permission.EXPORT),
                   (named["purge"], Permission.PURGE)]
        return guarded + self.account_menu.guarded()

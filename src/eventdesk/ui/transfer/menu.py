"""The 数据 (Data) menu: import and export, reachable from every view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from eventdesk.ui.context import AppContext

if TYPE_CHECKING:  # the main window imports this module when it builds its menus
    from eventdesk.ui.main_window import MainWindow


def add_transfer_menu(window: MainWindow, ctx: AppContext) -> QMenu:
    menu = window.menuBar().addMenu("数据(&D)")
    menu.addAction("导入… Import…", lambda: open_import_wizard(window, ctx))
    menu.addAction("导出… Export…", lambda: open_export_dialog(window, ctx))
    from eventdesk.ui.transfer.purge import TITLE, may_purge, purge_from_window

    if may_purge(ctx):  # admins only; the action checks the role again
        menu.addSeparator()
        menu.addAction(TITLE + "…", lambda: purge_from_window(window, ctx))
    return menu


def open_import_wizard(window: MainWindow, ctx: AppContext) -> object:
    from eventdesk.ui.transfer.import_wizard import ImportWizard

    wizard = ImportWizard(ctx, window)
    window._import_wizard = wizard  # keep it alive while open
    wizard.open()
    return wizard


def open_export_dialog(window: MainWindow, ctx: AppContext) -> object:
    from eventdesk.ui.transfer.export_dialog import ExportDialog

    dialog = ExportDialog(ctx, window)
    window._export_dialog = dialog
    dialog.open()
    return dialog

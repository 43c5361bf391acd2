"""The 数据 (Data) menu: import and export, reachable from every view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import translate

if TYPE_CHECKING:  # the main window imports this module when it builds its menus
    from eventdesk.ui.main_window import MainWindow


def add_transfer_menu(window: MainWindow, ctx: AppContext) -> QMenu:
    """The 数据 menu; its actions are named "import", "export" and "purge" (objectName), for the
    main window to show them to the roles that have those permissions (purge: admins)."""
    menu = window.menuBar().addMenu(translate("TransferMenu", "数据(&D)"))
    menu.addAction(translate("TransferMenu", "导入…"),
                   lambda: open_import_wizard(window, ctx)).setObjectName("import")
    menu.addAction(translate("TransferMenu", "导出…"),
                   lambda: open_export_dialog(window, ctx)).setObjectName("export")
    from eventdesk.ui.transfer.purge import purge_from_window, title

    menu.addSeparator()
    menu.addAction(title() + "…", lambda: purge_from_window(window, ctx)).setObjectName("purge")
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

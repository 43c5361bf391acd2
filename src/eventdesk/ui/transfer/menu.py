"""The 数据 (Data) menu: import and export, reachable from every view."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

from eventdesk.ui.context import AppContext


def add_transfer_menu(window: QMainWindow, ctx: AppContext) -> QMenu:
    menu = window.menuBar().addMenu("数据(&D)")
    menu.addAction("导入… Import…", lambda: open_import_wizard(window, ctx))
    menu.addAction("导出… Export…", lambda: open_export_dialog(window, ctx))
    return menu


def open_import_wizard(window: QMainWindow, ctx: AppContext) -> object:
    from eventdesk.ui.transfer.import_wizard import ImportWizard

    wizard = ImportWizard(ctx, window)
    window._import_wizard = wizard  # type: ignore[attr-defined]  # keep it alive while open
    wizard.open()
    return wizard


def open_export_dialog(window: QMainWindow, ctx: AppContext) -> object:
    from eventdesk.ui.transfer.export_dialog import ExportDialog

    dialog = ExportDialog(ctx, window)
    window._export_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog

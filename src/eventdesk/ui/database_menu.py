"""File menu: new empty event, open a database file, connect to a server, recent databases."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


class DatabaseMenu(QMenu):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__("文件(&F)", window)
        self.addAction("退出 Quit", window.close)

"""The 语言 / Language menu: the interface language of this machine (issue 13, ui.i18n).

The menu's own title and the language names are written in both languages / in their own
language (the way back must be readable whatever is chosen); the walk test of translations
skips widgets and actions marked with the `untranslated` property for that reason.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from eventdesk import messages
from eventdesk.messages import Language
from eventdesk.ui import i18n

# (setting, label): None follows the system's locale.
CHOICES: tuple[tuple[Language | None, str], ...] = (
    (None, "跟随系统 / System"),
    ("zh", "中文"),
    ("en", "English"),
)


def mark_untranslated(item: QWidget | QAction) -> None:
    """`item`'s text is deliberately the same in every language (see the module docstring)."""
    item.setProperty("untranslated", True)


class LanguageMenu(QMenu):
    """语言 / Language: three exclusive choices; a change is saved on this machine and offers
    to restart the program now (the new language shows in a new window)."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__("语言 / Language", window)
        self.setObjectName("languageMenu")
        mark_untranslated(self.menuAction())
        self._settings = settings
        self._group = QActionGroup(self)
        chosen = i18n.setting(settings)
        for value, label in CHOICES:
            action = QAction(label, self, checkable=True)
            action.setData(value or "")
            action.setChecked(value == chosen)
            mark_untranslated(action)
            self._group.addAction(action)
            self.addAction(action)
        self._group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        value = str(action.data() or "") or None
        lang: Language | None = value if value in messages.LANGUAGES else None
        i18n.save_choice(self._settings, lang)
        effective = lang or messages.language_from_environment()
        if effective == messages.language():
            return  # already showing it: nothing to restart for
        answer = QMessageBox.question(
            self.parentWidget(), "EventDesk",
            i18n.translate("LanguageMenu", "界面语言将在重新启动后更改。现在重新启动吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            window = self.parentWidget()
            # The window closes first (its close asks about unsaved edits, stops the scanner).
            if window is not None and window.close():
                i18n.restart()

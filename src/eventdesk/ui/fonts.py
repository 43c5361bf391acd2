"""Register the font chain with Qt at start-up so Chinese renders on a machine with no CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from eventdesk.pdf.fonts import font_chain

_registered: list[str] = []


def register_fonts(app: QApplication) -> list[str]:
    """Load the bundled and user-chosen fonts of the chain into Qt and make the bundled one the
    application font, with the fallbacks behind it in the same order as on paper.

    Fonts the chain found on the system are not loaded again: Qt's own font database already has
    them (fontconfig, DirectWrite) and falls back to them by itself, and loading a second copy
    of a 30 MB font costs start-up time and memory for nothing."""
    if not _registered:
        for font in font_chain():
            if font.origin == "system":
                continue
            font_id = QFontDatabase.addApplicationFont(str(font.path))
            if font_id >= 0:
                for family in QFontDatabase.applicationFontFamilies(font_id):
                    if family not in _registered:
                        _registered.append(family)
    if _registered:
        base = QFont(app.font())
        base.setFamilies(list(_registered))
        base.setPointSizeF(max(base.pointSizeF(), 10.0))
        app.setFont(base)
    return list(_registered)

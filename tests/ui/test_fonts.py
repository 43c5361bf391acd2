"""The window draws what the badge prints: Qt gets the bundled fallback fonts too (ui.fonts)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from eventdesk.ui.fonts import register_fonts


def test_bundled_fallbacks_are_application_fonts(qapp: QApplication) -> None:
    families = register_fonts(qapp)
    assert families[0] == "WenQuanYi Micro Hei"
    assert {"HanaMinA", "HanaMinB", "BabelStone Han"} <= set(families)
    assert qapp.font().families()[: len(families)] == families
    for family, ch in (("HanaMinA", "䶮"), ("HanaMinB", "𠮷"), ("HanaMinB", "𪚥")):
        assert QFontMetrics(QFont(family)).inFontUcs4(ord(ch)), (family, ch)

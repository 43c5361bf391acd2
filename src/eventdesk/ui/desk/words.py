"""Names the desk settings show for the badge layouts it ships, in the language installed
(ui.i18n); categories and paper presets are named by ui.labels, as in every view."""

from __future__ import annotations

from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate

LAYOUT_CONTEXT = "DeskLayout"
# The badge layouts EventDesk ships (pdf.badges.list_layouts: file names); a layout an organiser
# made is shown by its own name.
_LAYOUTS: dict[str, str] = {
    "default": QT_TRANSLATE_NOOP("DeskLayout", "标准胸卡"),
    "bold": QT_TRANSLATE_NOOP("DeskLayout", "醒目色块"),
    "duplex": QT_TRANSLATE_NOOP("DeskLayout", "双面"),
}


def layout_label(name: str) -> str:
    """A badge layout's name as the desk settings list it."""
    source = _LAYOUTS.get(name)
    return translate(LAYOUT_CONTEXT, source) if source else name

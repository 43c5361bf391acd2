"""Names every view shows for stable keys, in the interface's language (issue 13): person
categories (desk, people, dashboard, badges, designer) and paper presets (desk settings, badges,
designer, printers). The built-in layouts' titles are the messages catalogue's
(messages.layouts.layout_title), since the command line lists them too.

The keys' Chinese names live outside the UI (domain.CATEGORY_LABELS_ZH, pdf.presets), so they are
marked here with QT_TRANSLATE_NOOP for lupdate and worded when shown. A preset added without an
entry here shows its Chinese name in English; tests/ui/test_translations_badges.py catches that.
"""

from __future__ import annotations

from eventdesk.domain import CATEGORY_LABELS_ZH, Category
from eventdesk.pdf.presets import PRESETS
from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate

CATEGORY = "Category"
PRESET = "PaperPreset"

# lupdate reads these literals; the tuples only keep them in the code.
_CATEGORIES = (
    QT_TRANSLATE_NOOP("Category", "展商"), QT_TRANSLATE_NOOP("Category", "观众"),
    QT_TRANSLATE_NOOP("Category", "嘉宾"), QT_TRANSLATE_NOOP("Category", "媒体"),
    QT_TRANSLATE_NOOP("Category", "贵宾"), QT_TRANSLATE_NOOP("Category", "工作人员"),
    QT_TRANSLATE_NOOP("Category", "其他"),
)
_PRESETS = (
    QT_TRANSLATE_NOOP("PaperPreset", "A6 竖版（每页一张）"),
    QT_TRANSLATE_NOOP("PaperPreset", "CR80 卡片 85.6×54 mm 横版（证卡打印机）"),
    QT_TRANSLATE_NOOP("PaperPreset", "CR80 卡片 54×85.6 mm 竖版（证卡打印机）"),
    QT_TRANSLATE_NOOP("PaperPreset", "4×3 英寸热敏标签（每页一张）"),
    QT_TRANSLATE_NOOP("PaperPreset", "90×54 mm 热敏标签（每页一张）"),
    QT_TRANSLATE_NOOP("PaperPreset", "Dymo 30856 胸卡标签 62×106 mm"),
    QT_TRANSLATE_NOOP("PaperPreset", "A4 纸 4 张 A6"),
    QT_TRANSLATE_NOOP("PaperPreset", "A4 纸 2×4 张 90×54 mm 插卡"),
    QT_TRANSLATE_NOOP("PaperPreset", "A4 Avery Zweckform L4785 胸卡标签 10 张 80×50 mm"),
    QT_TRANSLATE_NOOP("PaperPreset", "A4 Avery C32011 名片卡 10 张 85×54 mm"),
    QT_TRANSLATE_NOOP("PaperPreset", "A4 Herma 5028 名片标签 10 张 83.8×50.8 mm"),
    QT_TRANSLATE_NOOP("PaperPreset", "US Letter 6 张 4×3 英寸"),
    QT_TRANSLATE_NOOP("PaperPreset", "US Letter Avery 5395 胸卡标签 8 张 3⅜×2⅓ 英寸"),
)
KNOWN_PRESET_LABELS = frozenset(str(label) for label in _PRESETS)


def category_label(key: Category | str) -> str:
    """A category's name ("展商" / "Exhibitor"); "*" is "other"; an unknown key as it is."""
    if key == "*":
        return translate(CATEGORY, "其他")
    try:
        return translate(CATEGORY, CATEGORY_LABELS_ZH[Category(key)])
    except ValueError:
        return str(key)


def preset_label(key: str) -> str:
    """A paper preset's description ("A6 竖版（每页一张）" / "A6 portrait, one per page")."""
    preset = PRESETS.get(key)
    return translate(PRESET, preset.label) if preset is not None else key


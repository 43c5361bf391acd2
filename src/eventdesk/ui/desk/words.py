"""Words the desk shows for stable keys (categories), in the language installed (ui.i18n).

The keys' Chinese labels live in the domain (CATEGORY_LABELS_ZH) for files and the CLI; the desk
shows them through Qt's catalogue, so they are marked here for lupdate (QT_TRANSLATE_NOOP) and
worded where shown, never at import."""

from __future__ import annotations

from eventdesk.domain import Category
from eventdesk.ui.i18n import translate


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - lupdate finds this name
    """Qt's marker for a text to translate later (`translate(context, source)` where shown),
    typed: PySide6's own returns `object`."""
    return source

CONTEXT = "DeskCategory"
_CATEGORIES: dict[Category, str] = {
    Category.EXHIBITOR: QT_TRANSLATE_NOOP("DeskCategory", "展商"),
    Category.VISITOR: QT_TRANSLATE_NOOP("DeskCategory", "观众"),
    Category.SPEAKER: QT_TRANSLATE_NOOP("DeskCategory", "嘉宾"),
    Category.MEDIA: QT_TRANSLATE_NOOP("DeskCategory", "媒体"),
    Category.VIP: QT_TRANSLATE_NOOP("DeskCategory", "贵宾"),
    Category.STAFF: QT_TRANSLATE_NOOP("DeskCategory", "工作人员"),
}


def category_label(category: Category | str) -> str:
    """A person's category as the desk shows it ("观众" / "Visitor"); an unknown key as is."""
    try:
        return translate(CONTEXT, _CATEGORIES[Category(category)])
    except ValueError:
        return str(category)


PAPER_CONTEXT = "DeskPaper"
# The paper presets' labels (pdf.presets.PRESETS, Chinese), marked for the catalogue: the desk
# settings list them. A preset added there without a line here is shown in Chinese.
_PAPER: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("DeskPaper", "A6 竖版（每页一张）"),
    QT_TRANSLATE_NOOP("DeskPaper", "CR80 卡片 85.6×54 mm 横版（证卡打印机）"),
    QT_TRANSLATE_NOOP("DeskPaper", "CR80 卡片 54×85.6 mm 竖版（证卡打印机）"),
    QT_TRANSLATE_NOOP("DeskPaper", "4×3 英寸热敏标签（每页一张）"),
    QT_TRANSLATE_NOOP("DeskPaper", "90×54 mm 热敏标签（每页一张）"),
    QT_TRANSLATE_NOOP("DeskPaper", "Dymo 30856 胸卡标签 62×106 mm"),
    QT_TRANSLATE_NOOP("DeskPaper", "A4 纸 4 张 A6"),
    QT_TRANSLATE_NOOP("DeskPaper", "A4 纸 2×4 张 90×54 mm 插卡"),
    QT_TRANSLATE_NOOP("DeskPaper", "A4 Avery Zweckform L4785 胸卡标签 10 张 80×50 mm"),
    QT_TRANSLATE_NOOP("DeskPaper", "A4 Avery C32011 名片卡 10 张 85×54 mm"),
    QT_TRANSLATE_NOOP("DeskPaper", "A4 Herma 5028 名片标签 10 张 83.8×50.8 mm"),
    QT_TRANSLATE_NOOP("DeskPaper", "US Letter 6 张 4×3 英寸"),
    QT_TRANSLATE_NOOP("DeskPaper", "US Letter Avery 5395 胸卡标签 8 张 3⅜×2⅓ 英寸"),
)


def paper_label(label: str) -> str:
    """A paper preset's label (pdf.presets) in the language shown."""
    return translate(PAPER_CONTEXT, label)


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

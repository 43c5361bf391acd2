"""Cleaning cell text the way registration lists need it, before validation.

Only full-width digits and Latin letters become half-width: full-width punctuation is how Chinese
is written (华为（昆山）有限公司 keeps its brackets), and NFKC would also rewrite compatibility
ideographs in names.
"""

from __future__ import annotations

import re
from typing import Any

from eventdesk.domain import CATEGORY_LABELS_ZH, Category, PersonStatus
from eventdesk.services.imports.reading import cell_text

FORMULA_LEADS = "=+-@"
# Longest cell text kept in an error report; a 100,000-character cell is not echoed back.
REPORT_VALUE_LIMIT = 200

_WIDE = {cp: cp - 0xFEE0 for rng in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
         for cp in range(rng[0], rng[1] + 1)}
_WIDE[0x3000] = 0x20  # ideographic space
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")

CATEGORY_LABELS: tuple[str, ...] = tuple(CATEGORY_LABELS_ZH.values())
CATEGORY_WORDS: dict[str, Category] = {
    **{c.value: c for c in Category},
    "展商": Category.EXHIBITOR, "参展商": Category.EXHIBITOR, "展商人员": Category.EXHIBITOR,
    "参展": Category.EXHIBITOR, "展商工作人员": Category.EXHIBITOR,
    "观众": Category.VISITOR, "专业观众": Category.VISITOR, "普通观众": Category.VISITOR,
    "访客": Category.VISITOR, "参观": Category.VISITOR,
    "嘉宾": Category.SPEAKER, "演讲嘉宾": Category.SPEAKER, "讲者": Category.SPEAKER,
    "演讲人": Category.SPEAKER,
    "媒体": Category.MEDIA, "记者": Category.MEDIA, "媒体记者": Category.MEDIA,
    "press": Category.MEDIA,
    "贵宾": Category.VIP, "vip嘉宾": Category.VIP,
    "工作人员": Category.STAFF, "会务": Category.STAFF, "会务人员": Category.STAFF,
    "主办方": Category.STAFF, "organiser": Category.STAFF, "organizer": Category.STAFF,
    "visitors": Category.VISITOR, "exhibitors": Category.EXHIBITOR, "speakers": Category.SPEAKER,
}
STATUS_WORDS: dict[str, PersonStatus] = {
    **{s.value: s for s in PersonStatus},
    "已报名": PersonStatus.REGISTERED, "正常": PersonStatus.REGISTERED,
    "有效": PersonStatus.REGISTERED, "已取消": PersonStatus.CANCELLED,
    "取消": PersonStatus.CANCELLED, "canceled": PersonStatus.CANCELLED,
}


def half_width(text: str) -> str:
    return text.translate(_WIDE)


def strip_neutraliser(text: str) -> str:
    """Undo our export's formula guard: "'=1+1" → "=1+1", "''=x" → "'=x" (exactly one)."""
    if text.startswith("'") and text.lstrip("'")[:1] in tuple(FORMULA_LEADS):
        return text[1:]
    return text


def neutralise(text: str) -> str:
    """The export side: a text cell a spreadsheet would run as a formula gets a leading apostrophe
    (and so does one that already starts with apostrophes before such a character, so that
    `strip_neutraliser` restores every value exactly)."""
    if text[:1] in tuple(FORMULA_LEADS) or (
            text.startswith("'") and text.lstrip("'")[:1] in tuple(FORMULA_LEADS)):
        return "'" + text
    return text


def clean(value: Any, *, collapse: bool = True) -> str:
    """Trimmed, half-width digits and letters, runs of spaces collapsed (not in free text such
    as notes), export guard removed."""
    text = cell_text(value)
    if not text:
        return ""
    text = half_width(text)
    text = _SPACES.sub(" ", text).strip() if collapse else text.strip()
    return strip_neutraliser(text)


def _word(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text).lower()


def category_of(text: str) -> Category | None:
    return CATEGORY_WORDS.get(_word(text))


def status_of(text: str) -> PersonStatus | None:
    return STATUS_WORDS.get(_word(text))


def report_value(value: Any) -> str:
    text = cell_text(value)
    if len(text) > REPORT_VALUE_LIMIT:
        return text[:REPORT_VALUE_LIMIT] + f"…（共 {len(text):,} 字）"
    return text

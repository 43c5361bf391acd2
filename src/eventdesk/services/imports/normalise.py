"""Cleaning cell text the way every imported list needs it, before validation: trimmed, the one
half-width rule of domain.contact (digits and Latin letters only), and the export's formula guard
taken off with domain.cells.unguard_formula. Plus the words lists use for categories and statuses.
"""

from __future__ import annotations

import re
from typing import Any

from eventdesk.domain import CATEGORY_LABELS_ZH, Category, PersonStatus
from eventdesk.domain.cells import unguard_formula
from eventdesk.domain.contact import half_width
from eventdesk.domain.enums import Consent
from eventdesk.domain.names import simplify
from eventdesk.services.imports.reading import cell_text

# Longest cell text kept in an error report; a 100,000-character cell is not echoed back.
REPORT_VALUE_LIMIT = 200

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

# Yes/no words of consent columns (同意/授权/隐私同意/consent), as registration systems and
# hand-made sheets write them; anything else is an import error, never a guess (PIPL: consent
# is given expressly, README "Privacy rules").
CONSENT_WORDS: dict[str, Consent] = {
    **{c.value: c for c in Consent},
    **dict.fromkeys(("是", "同意", "已同意", "授权", "已授权", "允许", "接受", "对", "有", "√", "✓",
                     "✔", "y", "yes", "1", "true", "t", "agree", "agreed", "ok", "consent",
                     "consented", "accepted"), Consent.GIVEN),
    **dict.fromkeys(("否", "不同意", "未同意", "拒绝", "不授权", "未授权", "不允许", "不接受", "无",
                     "×", "✗", "✘", "n", "no", "0", "false", "f", "disagree", "declined",
                     "refuse", "denied"), Consent.REFUSED),
    **dict.fromkeys(("未知", "未填", "未选择", "不详"), Consent.UNKNOWN),
}
CONSENT_CHOICES = "是/否、同意/不同意、Y/N、1/0、true/false"


def clean(value: Any, *, collapse: bool = True) -> str:
    """Trimmed, half-width digits and letters, runs of spaces collapsed (not in free text such
    as notes), export guard removed."""
    text = cell_text(value)
    if not text:
        return ""
    text = half_width(text)
    text = _SPACES.sub(" ", text).strip() if collapse else text.strip()
    return unguard_formula(text)


def _word(text: str) -> str:
    # Traditional script reads as simplified: 觀眾 is 观众, 媒體 is 媒体, 已取消 stays.
    return re.sub(r"[\s_\-]+", "", simplify(text)).lower()


def category_of(text: str) -> Category | None:
    return CATEGORY_WORDS.get(_word(text))


def status_of(text: str) -> PersonStatus | None:
    return STATUS_WORDS.get(_word(text))


def consent_of(text: str) -> Consent | None:
    """The consent a cell says (是 / 不同意 / Y / 0 …), None for a word we do not know."""
    return CONSENT_WORDS.get(_word(text))


def report_value(value: Any) -> str:
    text = cell_text(value)
    if len(text) > REPORT_VALUE_LIMIT:
        return text[:REPORT_VALUE_LIMIT] + f"…（共 {len(text):,} 字）"
    return text

"""Sentences of the privacy rules: consent, masked contacts, personal-data exports, the purge
(code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "person.consent_unknown": ("未知的同意情况“{value}”（未知、已同意 或 不同意）",
                               "Unknown consent “{value}” (unknown, given or refused)"),
    "purge.confirm": ("将清除所有人员的姓名、电话、邮箱、胸卡码等个人信息，无法撤销。"
                      "输入“清除”确认：",
                      "This erases every person's name, phone, e-mail, badge code and other "
                      "personal data and cannot be undone. Type PURGE to go on:"),
    "purge.needs_yes": ("不在终端中运行时须加 --yes 确认清除个人信息",
                        "Not run from a terminal: add --yes to confirm the purge"),
    "purge.not_confirmed": ("未确认，没有清除任何数据", "Not confirmed; nothing was erased"),
    "purge.done": ("已清除 {people} 人的个人信息、{contacts} 个展商联系人、{revoked} 个作废胸卡码",
                   "Erased the personal data of {people} people, {contacts} exhibitor contacts "
                   "and {revoked} revoked badge codes"),
    "purge.kept": ("保留的匿名统计：共 {people} 人；按类别 {categories}；每日签到 {days}",
                   "Anonymous figures kept: {people} people; per category {categories}; "
                   "check-ins per day {days}"),
    "purge.audit_kept": ("审计日志中有 {count} 条记录的详情含个人信息；审计日志不改写，已保留",
                         "{count} audit entries hold personal data in their detail; the audit "
                         "trail is never rewritten, so they are kept"),
}

"""Sentences of the privacy rules: consent, masked contacts, personal-data exports, the purge
(code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "person.consent_unknown": ("未知的同意情况“{value}”（未知、已同意 或 不同意）",
                               "Unknown consent “{value}” (unknown, given or refused)"),
}

"""Sentences shared by every area (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "unexpected_error": ("意外错误（{kind}），操作未完成", "Unexpected error ({kind}); nothing was done"),
}

"""Sentences of the storage area: opening a database (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "storage.missing": (
        "数据库文件不存在：{path}（请先运行 eventdesk demo 或在界面中新建活动）",
        "The database file does not exist: {path} (run eventdesk demo first, or create an event "
        "in the program)"),
    "storage.unavailable": (
        "无法打开数据库 {database}：{kind}: {detail}",
        "Cannot open the database {database}: {kind}: {detail}"),
}

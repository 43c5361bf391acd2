"""Sentences of the storage area: opening and reaching a database (code -> (zh, en)).

One plain sentence each: the driver's own text (SQL, links to its documentation) never reaches
people; DatabaseUnavailable keeps it in its parameters for a log."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "storage.missing": (
        "数据库文件不存在：{path}（请先运行 eventdesk demo 或在界面中新建活动）",
        "The database file does not exist: {path} (run eventdesk demo first, or create an event "
        "in the program)"),
    "storage.unavailable": (
        "无法打开数据库 {database}。",
        "Cannot open the database {database}."),
    "storage.locked": (
        "数据库 {database} 正被其他程序占用（已锁定），请稍后再试。",
        "The database {database} is locked by another program; try again in a moment."),
    "storage.read_only": (
        "数据库 {database} 无法写入（只读或磁盘已满），本次操作没有完成。",
        "The database {database} cannot be written (read-only or disk full); nothing was done."),
    "storage.unreachable": (
        "无法连接数据库服务器 {database}，请检查服务器是否运行、地址是否正确。",
        "Cannot reach the database server {database}; check that it is running and that the "
        "address is right."),
    "storage.not_database": (
        "{database} 不是 EventDesk 数据库，未作任何改动。",
        "{database} is not an EventDesk database; it was left unchanged."),
    "storage.too_new": (
        "数据库 {database} 由更新版本的 EventDesk 建立，未作任何改动；请先升级 EventDesk。",
        "The database {database} was made by a newer EventDesk; it was left unchanged. Update "
        "EventDesk to open it."),
    "storage.failed": (
        "数据库 {database} 未能完成这项操作（{kind}），没有保存任何改动。",
        "The database {database} could not carry out the operation ({kind}); nothing was "
        "saved."),
}

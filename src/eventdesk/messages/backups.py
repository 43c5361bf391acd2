"""Sentences of backups, restores and connection secrets (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # A backup file that fails a check (IntegrityFailed, exit 6): what failed, in the file.
    "backup.unreadable": (
        "备份文件 {file} 已损坏或不完整（无法读完：{detail}），不能使用。",
        "The backup file {file} is damaged or truncated (it cannot be read to its end: "
        "{detail}); it cannot be used."),
    "backup.no_manifest": (
        "{file} 不是 EventDesk 备份文件（没有可读的清单 manifest.json）。",
        "{file} is not an EventDesk backup file (no readable manifest.json)."),
    "backup.checksum": (
        "备份文件 {file} 已损坏：{member} 的 SHA-256 校验和与清单不符。",
        "The backup file {file} is damaged: the SHA-256 checksum of {member} does not match "
        "its manifest."),
    "backup.integrity": (
        "备份文件 {file} 中的数据库未通过完整性检查（{detail}）。",
        "The database in the backup file {file} fails its integrity check ({detail})."),
    "backup.counts": (
        "备份文件 {file} 已损坏：表 {table} 应有 {expected} 行，实际 {found} 行。",
        "The backup file {file} is damaged: table {table} should hold {expected} rows but holds "
        "{found}."),
    "backup.revision": (
        "备份文件 {file} 已损坏：数据库结构版本 {found} 与清单中的 {expected} 不符。",
        "The backup file {file} is damaged: its schema revision {found} is not the manifest's "
        "{expected}."),
    # Making or restoring a backup.
    "backup.source_missing": (
        "数据库文件不存在：{database}，无法备份。",
        "The database file does not exist: {database}; there is nothing to back up."),
    "backup.source_damaged": (
        "数据库 {database} 未通过完整性检查（{detail}），没有写出备份。",
        "The database {database} fails its integrity check ({detail}); no backup was written."),
    "backup.pg_tool_missing": (
        "本机没有安装 {tool}（PostgreSQL 客户端工具），无法备份或还原服务器数据库 {database}。"
        "请安装 postgresql-client（版本不低于服务器）后再试。",
        "{tool} (a PostgreSQL client tool) is not installed on this machine, so the server "
        "database {database} cannot be backed up or restored here. Install postgresql-client "
        "(the server's version or newer) and try again."),
    "backup.pg_tool_failed": (
        "{tool} 未能完成（数据库 {database}）：{detail}",
        "{tool} failed (database {database}): {detail}"),
    "backup.kind_mismatch": (
        "这种备份（{kind}）不能还原到 {database}：SQLite 备份只能还原到 SQLite 文件，"
        "PostgreSQL 的 pg_dump 备份只能还原到 PostgreSQL 数据库。",
        "This kind of backup ({kind}) cannot be restored into {database}: a SQLite backup "
        "restores into a SQLite file, a PostgreSQL pg_dump backup into a PostgreSQL database."),
    "backup.target_not_empty": (
        "目标数据库 {database} 已有数据，未作任何改动。要用备份替换它，请加 --replace"
        "（替换前会先保存一个还原点）。",
        "The target database {database} already holds data; it was left unchanged. To replace "
        "it with the backup, add --replace (a restore point of it is kept first)."),
    # What the commands print.
    "backup.made": (
        "已备份 {database} → {file}（{kind}，{tables} 张表，{rows} 行，SHA-256 {sha}…）",
        "Backed up {database} → {file} ({kind}, {tables} tables, {rows} rows, SHA-256 {sha}…)"),
    "backup.verified": (
        "备份文件完好：{file}（{kind}，{rows} 行，{created_at} 由 {source} 制作，原因：{reason}）",
        "The backup file is sound: {file} ({kind}, {rows} rows, made {created_at} from "
        "{source}, reason: {reason})"),
    "backup.verified_shallow": (
        "（本机没有 pg_restore：只核对了校验和。）",
        "(pg_restore is not installed here: only the checksum was checked.)"),
    "backup.restored": (
        "已还原 {file} → {database}（{rows} 行，备份于 {created_at}）",
        "Restored {file} → {database} ({rows} rows, backed up {created_at})"),
    "backup.restore_point_kept": (
        "还原点（替换前的数据）：{file}",
        "Restore point (the data as it was): {file}"),
    # Why a backup was made (backups.manifest.REASONS), as the list and the dialog show it.
    "backup.reason.manual": ("手动", "manual"),
    "backup.reason.auto": ("自动", "automatic"),
    "backup.reason.before-migration": ("升级前", "before upgrade"),
    "backup.reason.before-import": ("导入前", "before import"),
    "backup.reason.before-demo-replace": ("替换演示前", "before demo replace"),
    "backup.reason.before-restore": ("还原前", "before restore"),
    "backup.reason.before-purge": ("清除个人信息前", "before purge"),
    "backup.list_empty": (
        "{folder} 中还没有备份。",
        "There are no backups in {folder} yet."),
    "backup.list_line": (
        "{created_at}  {reason:<20} {rows:>8} 行  {file}",
        "{created_at}  {reason:<20} {rows:>8} rows  {file}"),
    "backup.list_bad_line": (
        "{created_at}  （无法读取）             {file}",
        "{created_at}  (unreadable)             {file}"),
    "backup.auto_failed": (
        "自动备份失败：{reason}",
        "The automatic backup failed: {reason}"),
    "cli.backup_out_required": (
        "请用 --out FILE 指定备份文件（或使用 eventdesk backup list、eventdesk backup verify "
        "FILE）。", "Name the backup file with --out FILE (or use eventdesk backup list / "
        "eventdesk backup verify FILE)."),
    # Connection secrets.
    "secrets.no_keyring": (
        "本机没有可用的系统密钥环，密码不会被保存；下次连接时需要重新输入"
        "（命令行可用 PGPASSWORD 或 EVENTDESK_DB）。",
        "This machine has no system keyring, so the password is not kept; it will be asked for "
        "at the next connection (on the command line: PGPASSWORD or EVENTDESK_DB)."),
}

"""Sentences of the audit trail: verify's verdicts, the CLI's and the Audit view's words
(code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "audit.verify.ok": ("审计记录完整：共 {count} 条，最新第 {seq} 条，哈希 {hash}",
                        "The audit trail is intact: {count} entries, the newest is #{seq}, "
                        "hash {hash}"),
    # The first entry that is not what the chain says (services.audit_read.Broken.kind).
    "audit.broken.edited": ("审计记录第 {seq} 条（{action}，{at}，记录号 {entry}）被改动过："
                            "内容与其哈希不符",
                            "Audit entry #{seq} ({action}, {at}, row {entry}) was edited: its "
                            "content does not match its hash"),
    "audit.broken.missing": ("审计记录第 {seq} 条不见了（被删除）",
                             "Audit entry #{seq} is missing (deleted)"),
    "audit.broken.reordered": ("审计记录第 {seq} 条（{action}，{at}，记录号 {entry}）的顺序被"
                               "调换过", "Audit entry #{seq} ({action}, {at}, row {entry}) was "
                               "moved out of its order"),
    "audit.broken.broken_link": ("审计记录第 {seq} 条（{action}，{at}，记录号 {entry}）与前一条"
                                 "接不上：前一条被改动并重算了哈希，或被调换",
                                 "Audit entry #{seq} ({action}, {at}, row {entry}) does not "
                                 "follow the entry before it: that one was edited and its hash "
                                 "recomputed, or moved"),
    "audit.broken.unchained": ("记录号 {entry} 的审计记录（{action}，{at}）不在链中：它是绕过 "
                               "EventDesk 写入的", "The audit row {entry} ({action}, {at}) is "
                               "not in the chain: it was written behind EventDesk's back"),
    "audit.broken.head_missing": ("审计链的链头记录被删除了", "The audit chain's head row was "
                                  "deleted"),
    "audit.broken.head_mismatch": ("审计链的链头与最新一条（第 {seq} 条）不符：有记录绕过 "
                                   "EventDesk 被添加或改动", "The audit chain's head does not "
                                   "match the newest entry (#{seq}): entries were added or "
                                   "changed behind EventDesk's back"),
    "audit.broken.anchor_mismatch": ("审计记录第 {seq} 条已不是先前记下的那一条（哈希不同或已不"
                                     "存在）：审计链被整体重算过", "Audit entry #{seq} is no "
                                     "longer the one noted earlier (another hash, or gone): the "
                                     "chain was recomputed"),
    "audit.bad_since": ("无法识别时间“{value}”（应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM，可带时区）",
                        "Cannot read the time “{value}” (expected YYYY-MM-DD or "
                        "YYYY-MM-DDTHH:MM, optionally with an offset)"),
    "audit.bad_anchor": ("无法识别锚点“{value}”（应为 序号:哈希，即 audit verify 打印的那样）",
                         "Cannot read the anchor “{value}” (expected SEQ:HASH, as audit verify "
                         "prints them)"),
    "audit.none": ("没有符合条件的审计记录", "No audit entries match"),
    # The Audit view
    "audit.view.title": ("审计 Audit", "Audit"),
    "audit.view.action": ("操作前缀", "Action prefix"),
    "audit.view.since": ("起始时间", "Since"),
    "audit.view.text": ("包含文字", "Containing"),
    "audit.view.verify": ("校验审计链", "Verify the chain"),
    "audit.view.export": ("导出…", "Export…"),
    "audit.view.more": ("加载更多", "Load more"),
    "audit.view.count": ("共 {total} 条，已显示 {shown} 条", "{total} entries, {shown} shown"),
    "audit.view.verifying": ("正在校验…", "Verifying…"),
    "audit.view.exported": ("已导出 {count} 条到 {out}", "Exported {count} entries to {out}"),
    "audit.column.seq": ("序号", "Seq"),
    "audit.column.at": ("时间", "Time"),
    "audit.column.actor": ("操作员", "Actor"),
    "audit.column.desk": ("签到台", "Desk"),
    "audit.column.action": ("操作", "Action"),
    "audit.column.subject": ("对象", "Subject"),
    "audit.column.detail": ("详情", "Detail"),
}

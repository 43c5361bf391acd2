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
    "audit.bad_since": ("无法识别时间“{value}”（应为 2026-05-22 或 2026-05-22T09:00 这样的日期或"
                        "时间，可带时区）",
                        "Cannot read the time “{value}” (expected YYYY-MM-DD or "
                        "YYYY-MM-DDTHH:MM, optionally with an offset)"),
    "audit.bad_anchor": ("无法识别锚点“{value}”（应为 序号:哈希，即 eventdesk audit verify "
                         "打印的那样）", "Cannot read the anchor “{value}” (expected SEQ:HASH, "
                         "as eventdesk audit verify prints them)"),
    "audit.none": ("没有符合条件的审计记录", "No audit entries match"),
    # The Audit view
    "audit.view.title": ("审计", "Audit"),
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
    "audit.column.seq.tip": ("在哈希链中的序号", "Sequence number in the hash chain"),
    "audit.column.at.tip": ("时间（活动所在时区）", "When (the event's time zone)"),
    "audit.column.actor.tip": ("谁做的", "Who"),
    "audit.column.desk.tip": ("在哪个签到台", "Which desk"),
    "audit.column.action.tip": ("操作的种类", "What kind of action"),
    "audit.column.subject.tip": ("对哪条记录做的", "What it was done to"),
    "audit.column.detail.tip": ("改动了什么", "What changed"),
    "audit.view.action_hint": ("操作代码的开头", "Start of the action's code, e.g. checkin"),
    "audit.view.since_hint": ("日期，或日期和时间", "A date, or a date and time"),
    "audit.view.text_hint": ("签到台、姓名或其他文字", "Desk, name or other text"),
    "audit.detail.separator": ("，", ", "),
    "audit.detail.true": ("是", "yes"),
    "audit.detail.false": ("否", "no"),
    "audit.detail.first": ("第一个账号", "First account"),
    # The detail column: what each key of an entry's detail means (others: field_label.<key>,
    # else the key itself).
    "audit.detail.name": ("名称", "Name"),
    "audit.detail.title": ("标题", "Title"),
    "audit.detail.replaced": ("替换", "Replaced"),
    "audit.detail.old_code": ("旧胸卡码", "Old badge code"),
    "audit.detail.new_code": ("新胸卡码", "New badge code"),
    "audit.detail.code": ("胸卡码", "Badge code"),
    "audit.detail.reason": ("原因", "Reason"),
    "audit.detail.layout": ("版式", "Layout"),
    "audit.detail.people": ("人数", "People"),
    "audit.detail.collected_by": ("领取人", "Collected by"),
    "audit.detail.count": ("数量", "Count"),
    "audit.detail.day": ("日期", "Day"),
    "audit.detail.via": ("方式", "Via"),
    "audit.detail.quota": ("名额", "Quota"),
    "audit.detail.file": ("文件", "File"),
    "audit.detail.created": ("新建", "Created"),
    "audit.detail.updated": ("更新", "Updated"),
    "audit.detail.payload": ("扫码内容", "Scanned"),
    "audit.detail.at": ("时间", "At"),
    "audit.detail.fields": ("字段", "Fields"),
    "audit.detail.role": ("角色", "Role"),
    "audit.detail.username": ("用户名", "User name"),
    "audit.detail.changed": ("改动", "Changed"),
    "audit.detail.fingerprint": ("指纹", "Fingerprint"),
    "audit.detail.by": ("由", "By"),
    "audit.detail.seed": ("随机种子", "Seed"),
    "audit.detail.exhibitors": ("展商", "Exhibitors"),
    "audit.detail.desk": ("签到台", "Desk"),
    "audit.detail.person": ("人员", "Person"),
}

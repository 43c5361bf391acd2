"""Sentences about the event a database holds, and the demo event (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "event.missing": ("这个数据库里还没有活动（请运行 eventdesk demo 或新建活动）",
                      "This database holds no event yet (run eventdesk demo or create an event)"),
    "event.exists": ("这个数据库已经有一个活动（一个数据库只放一个活动）",
                     "This database already holds an event (one event per database)"),
    "event.code_invalid": ("活动代码须为 2–8 位大写字母或数字，而不是“{value}”",
                           "The event code must be 2–8 capital letters or digits, not “{value}”"),
    "event.new.path_required": ("请选择数据库文件的位置", "Choose where to save the database file"),
    "event.new.name_required": ("请填写活动名称", "The event needs a name"),
    "event.new.end_before_start": ("结束日期早于开始日期", "The end date is before the start date"),
    "demo.event_exists": ("这个数据库已经有一个活动；要重建演示活动请先清空（--replace）",
                          "This database already holds an event; clear it first to rebuild the "
                          "demo (--replace)"),
    "demo.refused": ("数据库 {database} 里已经有活动“{name}”（{event_code}），未做任何改动；"
                     "要用演示活动替换它，请加 --replace",
                     "The database {database} already holds the event “{name}” ({event_code}); "
                     "nothing was changed. To replace it with the demo event, add --replace"),
    # What `eventdesk demo` prints while and after it builds.
    "demo.stage.exhibitors": ("展商", "exhibitors"),
    "demo.stage.people": ("人员", "people"),
    "demo.stage.rooms": ("会议室", "rooms"),
    "demo.stage.agenda": ("日程", "agenda"),
    "demo.summary.event": ("演示活动 {event_code} {name}：{start} 至 {end}",
                           "Demo event {event_code} {name}: {start} to {end}"),
    "demo.summary.people": ("  {exhibitors} 家展商，{people} 人"
                            "（{categories}；{cancelled} 人已取消）",
                            "  {exhibitors} exhibitors, {people} people ({categories}; "
                            "{cancelled} cancelled)"),
    "demo.summary.agenda": ("  {rooms} 个会议室，{tracks} 个专题，{items} 场日程，"
                            "{speakers} 个嘉宾安排",
                            "  {rooms} rooms, {tracks} tracks, {items} agenda items, "
                            "{speakers} speaker slots"),
    "demo.summary.time": ("  用时 {build:.1f} s（含提交 {total:.1f} s），种子 {seed}",
                          "  took {build:.1f} s ({total:.1f} s with the commit), seed {seed}"),
    "demo.summary.database": ("  数据库：{database}", "  database: {database}"),
    "demo.summary.signing": (
        "  胸卡签名口令：{passphrase}（只显示这一次；打印胸卡的电脑需先用它解锁签名）",
        "  badge signing passphrase: {passphrase} (shown this once; a computer that prints "
        "badges unlocks signing with it first)"),
}

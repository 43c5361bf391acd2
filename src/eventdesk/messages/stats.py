"""The figures of `eventdesk stats` as text (the dashboard's figures on the command line):
headings, category, print-reason and rejection names (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "stats.all_days": ("全部日期", "all days"),
    "stats.check_ins": ("签到 {count} 人次（{period}，{timezone}）",
                        "Check-ins: {count} ({period}, {timezone})"),
    "stats.arrivals": ("每小时到场：", "Arrivals per hour:"),
    "stats.day_total": ("  {day}  合计 {total}", "  {day}  total {total}"),
    "stats.by_category": ("按类别（已签到 / 已注册）：", "By category (checked in / registered):"),
    "stats.by_desk": ("按签到台：", "By desk:"),
    "stats.desk_line": ("  {desk:<16}{count:>7}   峰值 {peak}/10分钟   最近 {last}",
                        "  {desk:<16}{count:>7}   peak {peak}/10 min   last {last}"),
    "stats.exhibitors": ("尚无人员到场的展商：{count}",
                         "Exhibitors with no staff arrived: {count}"),
    "stats.prints": ("胸卡：首次打印 {printed}，补打 {reprinted}（{reasons}）",
                     "Badges: printed {printed}, reprinted {reprinted} ({reasons})"),
    "stats.rejected": ("被拒扫码：{count}（{reasons}）", "Rejected scans: {count} ({reasons})"),
    "stats.bad_day": ("--day {value!r} 不是日期（应为 2026-05-22 这样的日期）",
                      "--day {value!r} is not a date (YYYY-MM-DD)"),
    "stats.category.exhibitor": ("展商", "exhibitor"),
    "stats.category.visitor": ("观众", "visitor"),
    "stats.category.speaker": ("嘉宾", "speaker"),
    "stats.category.media": ("媒体", "media"),
    "stats.category.vip": ("贵宾", "VIP"),
    "stats.category.staff": ("工作人员", "staff"),
    "stats.reason.first": ("首次", "first"),
    "stats.reason.lost": ("遗失", "lost"),
    "stats.reason.damaged": ("损坏", "damaged"),
    "stats.reason.wrong_data": ("信息有误", "wrong data"),
    "stats.reject.forged": ("伪造", "forged"),
    "stats.reject.other_event": ("其他活动", "other event"),
    "stats.reject.revoked": ("已作废", "revoked"),
    "stats.reject.cancelled": ("已取消", "cancelled"),
    "stats.reject.unknown": ("无此人", "unknown"),
    "stats.reject.malformed": ("无法识别", "unreadable"),
}

"""Each dashboard panel's figures as a table: what its CSV/XLSX export holds and what its table
widgets show. Plain functions of services.stats.Figures (no Qt); times in the event's zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from eventdesk.actions.stats import FigureTable, table_rows
from eventdesk.domain import CATEGORY_LABELS_ZH
from eventdesk.domain.enums import PrintReason
from eventdesk.services.stats import Figures, cumulative

PRINT_REASON_LABELS: dict[str, str] = {
    PrintReason.FIRST.value: "首次 first",
    PrintReason.LOST.value: "遗失 lost",
    PrintReason.DAMAGED.value: "损坏 damaged",
    PrintReason.WRONG_DATA.value: "信息有误 wrong data",
}
REJECT_LABELS: dict[str, str] = {
    "forged": "伪造 forged",
    "other_event": "其他活动 other event",
    "revoked": "已作废 revoked",
    "cancelled": "已取消 cancelled",
    "unknown": "无此人 unknown",
    "malformed": "无法识别 malformed",
}


def arrivals(f: Figures, day: date | None) -> FigureTable:
    """Hour, check-ins, cumulative within its day (`day` None: every day's hours)."""
    rows = []
    for d in ([day] if day else sorted({h.hour.date() for h in f.arrivals})):
        hours = f.arrivals_on(d)
        rows += [(h.hour.isoformat(), h.count, c) for h, c in zip(hours, cumulative(hours),
                                                                   strict=True)]
    return FigureTable("arrivals", ("时段 hour", "签到 check-ins", "累计 cumulative"),
                       table_rows(rows))


def categories(f: Figures) -> FigureTable:
    return FigureTable("categories", ("类别 category", "key", "已注册 registered",
                                      "已签到 checked in", "到场率 rate %"),
                       table_rows((CATEGORY_LABELS_ZH[c.category], c.category.value,
                                   c.registered, c.checked_in,
                                   round(100 * c.checked_in / c.registered, 1)
                                   if c.registered else 0.0) for c in f.by_category))


def _local(at: datetime | None, tz: ZoneInfo) -> str:
    return at.astimezone(tz).isoformat(timespec="seconds") if at else ""


DESK_HEADERS = ("签到台 desk", "签到 check-ins", "峰值/10分钟 peak", "最近活动 last activity")
EXHIBITOR_HEADERS = ("展馆 hall", "展位 booth", "展商 exhibitor", "联系人 contact", "电话 phone",
                     "已登记人员 staff registered", "名额 quota")


def desks_headers() -> tuple[str, ...]:
    return DESK_HEADERS


def exhibitors_headers() -> tuple[str, ...]:
    return EXHIBITOR_HEADERS


def desks(f: Figures) -> FigureTable:
    tz = ZoneInfo(f.timezone)
    return FigureTable("desks", DESK_HEADERS,
                       table_rows((d.desk, d.check_ins, d.busiest, _local(d.last_activity, tz))
                                  for d in f.desks))


def desk_slots(f: Figures) -> FigureTable:
    """The throughput chart's figures: one row per desk and 10-minute slot with check-ins."""
    return FigureTable("desk_slots", ("签到台 desk", "时段 10 min from", "签到 check-ins"),
                       table_rows((d.desk, at.isoformat(), n) for d in f.desks
                                  for at, n in d.slots))


def exhibitors(f: Figures) -> FigureTable:
    return FigureTable("exhibitors", EXHIBITOR_HEADERS,
                       table_rows((e.hall, e.booth, e.name, e.contact_name, e.contact_phone,
                                   e.staff_registered, e.staff_quota)
                                  for e in f.exhibitors_without_arrivals))


def prints(f: Figures) -> FigureTable:
    rows = [(PRINT_REASON_LABELS.get(k, k), k, n) for k, n in sorted(
        f.prints.by_reason.items(), key=lambda kv: list(PRINT_REASON_LABELS).index(kv[0])
        if kv[0] in PRINT_REASON_LABELS else 99)]
    rows += [("首次打印（人）printed", "printed", f.prints.printed),
             ("补打 reprinted", "reprinted", f.prints.reprinted)]
    return FigureTable("prints", ("原因 reason", "key", "张数 badges"), table_rows(rows))


def rejected(f: Figures) -> FigureTable:
    return FigureTable("rejected", ("原因 reason", "key", "次数 scans"),
                       table_rows((REJECT_LABELS.get(k, k), k, n) for k, n in f.rejected.items()))

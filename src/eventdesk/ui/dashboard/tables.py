"""Each dashboard panel's figures as a table: what its CSV/XLSX export holds and what its table
widgets show. Plain functions of services.stats.Figures; times in the event's zone. Headers and
labels are worded in the interface's language when called (ui.i18n), keys stay as they are."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from eventdesk.actions.stats import FigureTable, table_rows
from eventdesk.domain.enums import PrintReason
from eventdesk.services.stats import Figures, cumulative
from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from eventdesk.ui.labels import category_label

CONTEXT = "DashboardTables"
# Worded where shown (never at import: ui.i18n).
PRINT_REASON_LABELS: dict[str, str] = {
    PrintReason.FIRST.value: QT_TRANSLATE_NOOP("DashboardTables", "首次"),
    PrintReason.LOST.value: QT_TRANSLATE_NOOP("DashboardTables", "遗失"),
    PrintReason.DAMAGED.value: QT_TRANSLATE_NOOP("DashboardTables", "损坏"),
    PrintReason.WRONG_DATA.value: QT_TRANSLATE_NOOP("DashboardTables", "信息有误"),
    PrintReason.PRINTER_FAULT.value: QT_TRANSLATE_NOOP("DashboardTables", "打印机故障"),
    PrintReason.OTHER.value: QT_TRANSLATE_NOOP("DashboardTables", "其他"),
}
REJECT_LABELS: dict[str, str] = {
    "forged": QT_TRANSLATE_NOOP("DashboardTables", "伪造"),
    "other_event": QT_TRANSLATE_NOOP("DashboardTables", "其他活动"),
    "revoked": QT_TRANSLATE_NOOP("DashboardTables", "已作废"),
    "cancelled": QT_TRANSLATE_NOOP("DashboardTables", "已取消"),
    "unknown": QT_TRANSLATE_NOOP("DashboardTables", "无此人"),
    "malformed": QT_TRANSLATE_NOOP("DashboardTables", "无法识别"),
}
DESK_HEADERS = (QT_TRANSLATE_NOOP("DashboardTables", "签到台"),
                QT_TRANSLATE_NOOP("DashboardTables", "签到"),
                QT_TRANSLATE_NOOP("DashboardTables", "峰值/10分钟"),
                QT_TRANSLATE_NOOP("DashboardTables", "最近活动"))
EXHIBITOR_HEADERS = (QT_TRANSLATE_NOOP("DashboardTables", "展馆"),
                     QT_TRANSLATE_NOOP("DashboardTables", "展位"),
                     QT_TRANSLATE_NOOP("DashboardTables", "展商"),
                     QT_TRANSLATE_NOOP("DashboardTables", "联系人"),
                     QT_TRANSLATE_NOOP("DashboardTables", "电话"),
                     QT_TRANSLATE_NOOP("DashboardTables", "已登记人员"),
                     QT_TRANSLATE_NOOP("DashboardTables", "名额"))


ARRIVALS_HEADERS = (QT_TRANSLATE_NOOP("DashboardTables", "时段"),
                    QT_TRANSLATE_NOOP("DashboardTables", "签到"),
                    QT_TRANSLATE_NOOP("DashboardTables", "累计"))
CATEGORY_HEADERS = (QT_TRANSLATE_NOOP("DashboardTables", "类别"),
                    QT_TRANSLATE_NOOP("DashboardTables", "代码"),
                    QT_TRANSLATE_NOOP("DashboardTables", "已注册"),
                    QT_TRANSLATE_NOOP("DashboardTables", "已签到"),
                    QT_TRANSLATE_NOOP("DashboardTables", "到场率 %"))
PRINTS_HEADERS = (QT_TRANSLATE_NOOP("DashboardTables", "原因"),
                  QT_TRANSLATE_NOOP("DashboardTables", "代码"),
                  QT_TRANSLATE_NOOP("DashboardTables", "张数"))
REJECTED_HEADERS = (QT_TRANSLATE_NOOP("DashboardTables", "原因"),
                    QT_TRANSLATE_NOOP("DashboardTables", "代码"),
                    QT_TRANSLATE_NOOP("DashboardTables", "次数"))


def _worded(sources: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(translate(CONTEXT, s) for s in sources)


def print_reason_label(key: str) -> str:
    return translate(CONTEXT, PRINT_REASON_LABELS[key]) if key in PRINT_REASON_LABELS else key


def reject_label(key: str) -> str:
    return translate(CONTEXT, REJECT_LABELS[key]) if key in REJECT_LABELS else key


def arrivals(f: Figures, day: date | None) -> FigureTable:
    """Hour, check-ins, cumulative within its day (`day` None: every day's hours)."""
    rows = []
    for d in ([day] if day else sorted({h.hour.date() for h in f.arrivals})):
        hours = f.arrivals_on(d)
        rows += [(h.hour.isoformat(), h.count, c) for h, c in zip(hours, cumulative(hours),
                                                                   strict=True)]
    return FigureTable("arrivals", _worded(ARRIVALS_HEADERS), table_rows(rows))


def categories(f: Figures) -> FigureTable:
    return FigureTable("categories", _worded(CATEGORY_HEADERS),
                       table_rows((category_label(c.category.value), c.category.value,
                                   c.registered, c.checked_in,
                                   round(100 * c.checked_in / c.registered, 1)
                                   if c.registered else 0.0) for c in f.by_category))


def _local(at: datetime | None, tz: ZoneInfo) -> str:
    return at.astimezone(tz).isoformat(timespec="seconds") if at else ""


def desks_headers() -> tuple[str, ...]:
    return _worded(DESK_HEADERS)


def exhibitors_headers() -> tuple[str, ...]:
    return _worded(EXHIBITOR_HEADERS)


def desks(f: Figures) -> FigureTable:
    tz = ZoneInfo(f.timezone)
    return FigureTable("desks", desks_headers(),
                       table_rows((d.desk, d.check_ins, d.busiest, _local(d.last_activity, tz))
                                  for d in f.desks))


def desk_slots(f: Figures) -> FigureTable:
    """The throughput chart's figures: one row per desk and 10-minute slot with check-ins."""
    return FigureTable("desk_slots", (translate("DashboardTables", "签到台"),
                                      translate("DashboardTables", "10分钟时段开始"),
                                      translate("DashboardTables", "签到")),
                       table_rows((d.desk, at.isoformat(), n) for d in f.desks
                                  for at, n in d.slots))


def exhibitors(f: Figures) -> FigureTable:
    return FigureTable("exhibitors", exhibitors_headers(),
                       table_rows((e.hall, e.booth, e.name, e.contact_name, e.contact_phone,
                                   e.staff_registered, e.staff_quota)
                                  for e in f.exhibitors_without_arrivals))


def prints(f: Figures) -> FigureTable:
    rows = [(print_reason_label(k), k, n) for k, n in sorted(
        f.prints.by_reason.items(), key=lambda kv: list(PRINT_REASON_LABELS).index(kv[0])
        if kv[0] in PRINT_REASON_LABELS else 99)]
    rows += [(translate("DashboardTables", "首次打印（人）"), "printed", f.prints.printed),
             (translate("DashboardTables", "补打"), "reprinted", f.prints.reprinted)]
    return FigureTable("prints", _worded(PRINTS_HEADERS), table_rows(rows))


def rejected(f: Figures) -> FigureTable:
    return FigureTable("rejected", _worded(REJECTED_HEADERS),
                       table_rows((reject_label(k), k, n) for k, n in f.rejected.items()))


def desk_cells(f: Figures, day: date | None,
               tz: ZoneInfo) -> tuple[list[str], list[list[int]], list[tuple[float, str]]]:
    """The desks' heat map: (desk names, counts[desk][column], x ticks (column, label)). One
    row per desk with check-ins, one column per 10 minutes of `day` (None: of every event day),
    from the first to the last slot with check-ins, at least 08:00–18:00 of a day."""
    days = [day] if day else list(f.days)
    origin = datetime.combine(days[0] if days else f.as_of.astimezone(tz).date(),
                              datetime.min.time(), tzinfo=tz)

    def column(at: datetime) -> int:
        return int((at - origin) / timedelta(minutes=10))

    busy = [column(at) for d in f.desks for at, _n in d.slots]
    first = min([48, *busy]) if day else 0  # 08:00
    last = max([108, *busy]) if day else 144 * max(1, len(days)) - 1  # 18:00
    active = [d for d in f.desks if d.slots]
    counts = []
    for d in active:
        row = [0] * (last - first + 1)
        for at, n in d.slots:
            if first <= column(at) <= last:
                row[column(at) - first] += n
        counts.append(row)
    step = 12 if day else 72  # a tick every 2 hours (12 h over several days)
    ticks = [(float(c - first), (f"{(origin + timedelta(minutes=10 * c)):%H:%M}" if day
                                 else f"{(origin + timedelta(minutes=10 * c)):%m-%d %H}h"))
             for c in range(first - first % step, last + 1, step) if c >= first]
    return [d.desk for d in active], counts, ticks

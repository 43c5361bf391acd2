"""`eventdesk stats [--json] [--day YYYY-MM-DD]`: the dashboard's figures on the command line.

JSON (one document; ARCHITECTURE "Command line contract"):
`arrivals_per_hour` [{"hour": ISO start with offset in the event's zone, "count"}], `by_category`
{key: {"registered", "checked_in"}}, `by_desk` {desk: check-ins}, `exhibitors_without_arrivals`
[{"name", "hall", "booth", "contact_name", "contact_phone"}], `prints` {"printed", "reprinted",
"by_reason"}, `rejected_scans` {reason: n}; also `timezone`, `day`, `as_of`, `check_ins`.
`--day D` restricts every figure to D, 00:00–24:00 in the event's time zone; the rules of each
figure are in services/stats/queries.py.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from eventdesk.actions import stats as stats_actions
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.domain import CATEGORY_LABELS_ZH
from eventdesk.services.stats import Figures

HELP = "arrivals per hour, check-ins by category and desk, exhibitors not arrived, prints"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("stats", help=HELP, description=HELP)
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument("--day", metavar="YYYY-MM-DD",
                   help="only this event day (00:00-24:00 in the event's time zone)")


def as_json(f: Figures) -> dict[str, Any]:
    return {
        "timezone": f.timezone,
        "day": f.day.isoformat() if f.day else None,
        "as_of": f.as_of.astimezone(ZoneInfo(f.timezone)).isoformat(),
        "check_ins": f.check_ins,
        "arrivals_per_hour": [{"hour": h.hour.isoformat(), "count": h.count} for h in f.arrivals],
        "by_category": {c.category.value: {"registered": c.registered, "checked_in": c.checked_in}
                        for c in f.by_category},
        "by_desk": {d.desk: d.check_ins for d in f.desks},
        "exhibitors_without_arrivals": [
            {"name": e.name, "hall": e.hall, "booth": e.booth, "contact_name": e.contact_name,
             "contact_phone": e.contact_phone} for e in f.exhibitors_without_arrivals],
        "prints": {"printed": f.prints.printed, "reprinted": f.prints.reprinted,
                   "by_reason": dict(f.prints.by_reason)},
        "rejected_scans": dict(f.rejected),
    }


def _print_text(f: Figures) -> None:
    period = f.day.isoformat() if f.day else "全部 all days"
    print(f"签到统计 Check-ins: {f.check_ins}   ({period}, {f.timezone})")
    print("\n每小时到场 Arrivals per hour:")
    for day in sorted({h.hour.date() for h in f.arrivals}):
        hours = [h for h in f.arrivals if h.hour.date() == day]
        busy = [h for h in hours if h.count]
        total = sum(h.count for h in hours)
        print(f"  {day.isoformat()}  合计 {total}")
        for h in busy:
            print(f"    {h.hour:%H}:00  {h.count:>6}")
    print("\n分类 By category (已签到 / 已注册 checked in / registered):")
    for c in f.by_category:
        print(f"  {CATEGORY_LABELS_ZH[c.category]:<6}{c.category.value:<10}"
              f"{c.checked_in:>7} / {c.registered}")
    print("\n签到台 By desk:")
    for d in f.desks:
        last = (d.last_activity.astimezone(ZoneInfo(f.timezone)).strftime("%m-%d %H:%M")
                if d.last_activity else "-")
        print(f"  {d.desk:<16}{d.check_ins:>7}   峰值 peak {d.busiest}/10 min   "
              f"最近 last {last}")
    print(f"\n尚无人员到场的展商 Exhibitors with no staff arrived: "
          f"{len(f.exhibitors_without_arrivals)}")
    for e in f.exhibitors_without_arrivals:
        print(f"  {e.hall:<4}{e.booth:<10}{e.name}  {e.contact_name} {e.contact_phone}")
    reasons = ", ".join(f"{k} {v}" for k, v in f.prints.by_reason.items()) or "-"
    print(f"\n胸卡 Badges: 首次打印 printed {f.prints.printed}, 补打 reprinted "
          f"{f.prints.reprinted}  ({reasons})")
    rejected = ", ".join(f"{k} {v}" for k, v in f.rejected.items()) or "-"
    print(f"被拒扫码 Rejected scans: {sum(f.rejected.values())}  ({rejected})")


def run(args: argparse.Namespace) -> int:
    day: date | None = None
    if args.day:
        try:
            day = date.fromisoformat(args.day)
        except ValueError:
            print(f"eventdesk stats: --day {args.day!r} is not a date (YYYY-MM-DD)",
                  file=sys.stderr)
            return EXIT_USAGE
    db = open_db(args)
    try:
        figures = stats_actions.dashboard(signin.context(args, db), day=day).value
    finally:
        db.dispose()
    if args.json:
        print_json(as_json(figures))
    else:
        _print_text(figures)
    return 0

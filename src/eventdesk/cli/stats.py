"""`eventdesk stats [--json] [--day YYYY-MM-DD]`: the dashboard's figures on the command line.

JSON (one document; ARCHITECTURE "Command line contract"):
`arrivals_per_hour` [{"hour": ISO start with offset in the event's zone, "count"}], `by_category`
{key: {"registered", "checked_in"}}, `by_desk` {desk: check-ins}, `exhibitors_without_arrivals`
[{"name", "hall", "booth", "contact_name", "contact_phone"}], `prints` {"printed", "reprinted",
"by_reason", "other_notes" {the words of a reprint for "other": n}}, `rejected_scans`
{reason: n}; also `timezone`, `day`, `as_of`, `check_ins`.
`--day D` restricts every figure to D, 00:00–24:00 in the event's time zone; the rules of each
figure are in services/stats/queries.py.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from eventdesk import messages
from eventdesk.actions import stats as stats_actions
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.services.stats import Figures

HELP = "cli.help.stats"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser("stats", help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.json.document"))
    p.add_argument("--day", metavar="YYYY-MM-DD",
                   help=messages.text("cli.help.stats.day"))


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
                   "by_reason": dict(f.prints.by_reason),
                   "other_notes": dict(f.prints.other_notes)},
        "rejected_scans": dict(f.rejected),
    }


def _named(prefix: str, key: str) -> str:
    """A category, print reason or rejection in the chosen language (the key if unknown)."""
    code = f"{prefix}.{key}"
    return messages.text(code) if code in messages.catalogue() else key


def _print_text(f: Figures) -> None:
    say = messages.text
    zone = ZoneInfo(f.timezone)
    period = f.day.isoformat() if f.day else say("stats.all_days")
    print(say("stats.check_ins", count=f.check_ins, period=period, timezone=f.timezone))
    print("\n" + say("stats.arrivals"))
    for day in sorted({h.hour.date() for h in f.arrivals}):
        hours = [h for h in f.arrivals if h.hour.date() == day]
        print(say("stats.day_total", day=day.isoformat(), total=sum(h.count for h in hours)))
        for h in hours:
            if h.count:
                print(f"    {h.hour:%H}:00  {h.count:>6}")
    print("\n" + say("stats.by_category"))
    names = {c.category: _named("stats.category", c.category.value) for c in f.by_category}
    width = max((len(n) for n in names.values()), default=0) + 2
    for c in f.by_category:
        print(f"  {names[c.category]:<{width}}{c.category.value:<10}"
              f"{c.checked_in:>7} / {c.registered}")
    print("\n" + say("stats.by_desk"))
    for d in f.desks:
        last = d.last_activity.astimezone(zone).strftime("%m-%d %H:%M") if d.last_activity \
            else "-"
        print(say("stats.desk_line", desk=d.desk, count=d.check_ins, peak=d.busiest, last=last))
    print("\n" + say("stats.exhibitors", count=len(f.exhibitors_without_arrivals)))
    for e in f.exhibitors_without_arrivals:
        print(f"  {e.hall:<4}{e.booth:<10}{e.name}  {e.contact_name} {e.contact_phone}")
    separator = messages.text("list_separator")
    reasons = separator.join(f"{_named('stats.reason', k)} {v}"
                             for k, v in f.prints.by_reason.items()) or "-"
    print("\n" + say("stats.prints", printed=f.prints.printed, reprinted=f.prints.reprinted,
                     reasons=reasons))
    if f.prints.other_notes:
        print("  " + say("stats.other_notes", notes=separator.join(
            f"{note} ×{n}" for note, n in f.prints.other_notes)))
    rejected = separator.join(f"{_named('stats.reject', k)} {v}"
                              for k, v in f.rejected.items()) or "-"
    print(say("stats.rejected", count=sum(f.rejected.values()), reasons=rejected))


def run(args: argparse.Namespace) -> int:
    day: date | None = None
    if args.day:
        try:
            day = date.fromisoformat(args.day)
        except ValueError:
            print("eventdesk stats: " + messages.text("stats.bad_day", value=args.day),
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

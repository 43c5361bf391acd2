"""`eventdesk exhibitors [list] [--json] [--over-quota] [--shared-booth] [--flagged] [--hall H]
[--sort KEY] [--desc] [--limit N] [QUERY...]`: exhibitors with staff quota, registered staff,
staff arrived today and ever, the over-quota and shared-booth flags and the latest pack pick-up;
`eventdesk exhibitors staff ID [--json]`: one exhibitor's staff with arrival, print and pick-up.

JSON: `list` prints an array of objects (`id`, `name`, `name_en`, `short_name`, `hall`, `booth`,
`quota`, `registered`, `arrived`, `arrived_today`, `over_quota` (bool), `over_by`,
`shared_booth` (bool), `shared_with` (names), `contact_name`, `contact_phone`, `pickup`
({`collected_by`, `phone`, `at`, `badges`, `desk`} or null)); `staff` one object
{`exhibitor`: such an object, `staff`: [{`id`, `name`, `title`, `status`, `arrived_today`,
`first_arrival`, `print_count`, `collected_at`}]}. Date-times are ISO 8601 with the event's
offset; `arrived_today` counts today's event day (the event's time zone). Phones are masked
for accounts without the right to see contacts. Exit 0; 2 for an unknown exhibitor or bad usage;
5 when the account's role may not read exhibitors.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any, get_args
from zoneinfo import ZoneInfo

from eventdesk import messages
from eventdesk.actions import exhibitors as exhibitor_actions
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.services.exhibitor_staff import StaffMember
from eventdesk.services.exhibitors import ExhibitorFlag, ExhibitorRow, ExhibitorSort

HELP = "cli.help.exhibitors"  # a message code: worded when the parser is built
VERBS = ("list", "staff")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("exhibitors", help=messages.text(HELP),
                       description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.json.plain"))
    p.add_argument("--over-quota", action="store_true",
                   help=messages.text("cli.help.exhibitors.over_quota"))
    p.add_argument("--shared-booth", action="store_true",
                   help=messages.text("cli.help.exhibitors.shared_booth"))
    p.add_argument("--flagged", action="store_true",
                   help=messages.text("cli.help.exhibitors.flagged"))
    p.add_argument("--hall", metavar="H", help=messages.text("cli.help.exhibitors.hall"))
    p.add_argument("--sort", choices=get_args(ExhibitorSort), default="hall",
                   help=messages.text("cli.help.exhibitors.sort"))
    p.add_argument("--desc", action="store_true", help=messages.text("cli.help.exhibitors.desc"))
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help=messages.text("cli.help.exhibitors.limit"))
    p.add_argument("words", nargs="*", metavar="[list|staff ID] QUERY",
                   help=messages.text("cli.help.exhibitors.words"))


def _flag(args: argparse.Namespace) -> ExhibitorFlag | None:
    if args.flagged or (args.over_quota and args.shared_booth):
        return "any"
    if args.over_quota:
        return "over_quota"
    return "shared_booth" if args.shared_booth else None


def _when(at: datetime | None, tz: ZoneInfo) -> str | None:
    return at.astimezone(tz).isoformat() if at is not None else None


def row_json(row: ExhibitorRow, tz: ZoneInfo) -> dict[str, Any]:
    pickup = row.pickup
    return {
        "id": row.id, "name": row.name_zh, "name_en": row.name_en,
        "short_name": row.short_name, "hall": row.hall, "booth": row.booth,
        "quota": row.staff_quota, "registered": row.staff_count, "arrived": row.arrived,
        "arrived_today": row.arrived_today, "over_quota": row.over_quota > 0,
        "over_by": row.over_quota, "shared_booth": row.shared_booth,
        "shared_with": list(row.shared_with), "contact_name": row.contact_name,
        "contact_phone": row.contact_phone,
        "pickup": None if pickup is None else {
            "collected_by": pickup.collected_by, "phone": pickup.phone,
            "at": _when(pickup.at, tz), "badges": pickup.badges, "desk": pickup.desk},
    }


def staff_json(member: StaffMember, tz: ZoneInfo) -> dict[str, Any]:
    p = member.person
    return {"id": p.id, "name": p.name, "title": p.title, "status": p.status.value,
            "arrived_today": member.arrived_today,
            "first_arrival": _when(member.first_arrival, tz), "print_count": member.print_count,
            "collected_at": _when(member.collected_at, tz)}


def _row_text(row: ExhibitorRow, tz: ZoneInfo) -> str:
    parts = [row.name_zh, f"{row.hall} {row.booth}".strip(), messages.text(
        "exhibitor.cli.figures", quota=row.staff_quota, registered=row.staff_count,
        arrived_today=row.arrived_today, arrived=row.arrived)]
    if row.over_quota:
        parts.append(messages.text("exhibitor.cli.over_quota", count=row.over_quota))
    if row.shared_booth:
        parts.append(messages.text("exhibitor.cli.shared_booth",
                                   names="、".join(row.shared_with)))
    if row.pickup is not None:
        p = row.pickup
        parts.append(messages.text("exhibitor.cli.pickup", name=p.collected_by,
                                   phone=p.phone or "-", badges=p.badges,
                                   at=p.at.astimezone(tz).strftime("%m-%d %H:%M")))
    return "\t".join(parts)


def run(args: argparse.Namespace) -> int:
    words = list(args.words)
    verb = words.pop(0) if words and words[0] in VERBS else "list"
    if args.limit is not None and args.limit < 1:
        print("eventdesk exhibitors: " + messages.text("cli.at_least", flag="limit", low=1),
              file=sys.stderr)
        return EXIT_USAGE
    exhibitor_id: int | None = None
    if verb == "staff":
        if len(words) != 1 or not words[0].isdigit():
            print("eventdesk exhibitors staff: " + messages.text("exhibitor.cli.staff_needs_id"),
                  file=sys.stderr)
            return EXIT_USAGE
        exhibitor_id = int(words[0])
    db = open_db(args)
    try:
        ctx = signin.context(args, db)
        if exhibitor_id is not None:
            shown = exhibitor_actions.staff_of(ctx, exhibitor_id=exhibitor_id).value
            return _print_staff(args, shown.exhibitor, shown.staff, ZoneInfo(shown.timezone))
        found = exhibitor_actions.list_figures(
            ctx, query=" ".join(words), hall=args.hall, flag=_flag(args), sort=args.sort,
            descending=args.desc, limit=args.limit).value
    finally:
        db.dispose()
    tz = ZoneInfo(found.timezone)
    if args.json:
        print_json([row_json(r, tz) for r in found.rows])
        return 0
    for r in found.rows:
        print(_row_text(r, tz))
    print(messages.text("exhibitor.cli.total", shown=len(found.rows), total=found.total,
                        day=found.today))
    return 0


def _print_staff(args: argparse.Namespace, row: ExhibitorRow, staff: list[StaffMember],
                 tz: ZoneInfo) -> int:
    if args.json:
        print_json({"exhibitor": row_json(row, tz), "staff": [staff_json(m, tz) for m in staff]})
        return 0
    print(_row_text(row, tz))
    for m in staff:
        p = m.person
        state = [messages.text("exhibitor.cli.staff_arrived_today") if m.arrived_today else
                 messages.text("exhibitor.cli.staff_arrived") if m.first_arrival else
                 messages.text("exhibitor.cli.staff_not_arrived"),
                 messages.text("exhibitor.cli.staff_printed", count=m.print_count),
                 messages.text("exhibitor.cli.staff_collected") if m.collected_at else ""]
        if p.status.value == "cancelled":
            state.insert(0, messages.text("exhibitor.cli.staff_cancelled"))
        print("\t".join([p.name, p.title, *[s for s in state if s]]))
    return 0

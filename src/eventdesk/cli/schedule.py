"""`eventdesk schedule conflicts [--json]`: the programme's conflicts (warnings, exit 0).

Also the glue the export command dispatches to for `--kind programme`: services gather plain
data, pdf renders it (services and pdf may not import each other; cli may import both).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from ..services import schedule as schedule_service
from ..services.schedule_conflicts import KIND_LABELS_ZH
from ..storage import Session
from .common import add_db_option, print_json, unit_of_work

HELP = "the schedule: conflicts (room double-booked, speaker in two places, …)"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("schedule", help=HELP, description=HELP)
    add_db_option(p)  # `eventdesk --db X schedule conflicts` puts --db here
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = actions.add_parser("conflicts", help="list the schedule's conflicts (exit 0: warnings)")
    # Here too (`schedule conflicts --db X`), without a default that would hide the one above.
    c.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                   help="database file or server URL")
    c.add_argument("--json", action="store_true", help="print a JSON array")


def run(args: argparse.Namespace) -> int:
    with unit_of_work(args, write=False) as session:
        conflicts = schedule_service.find_conflicts(session)
    if args.json:
        print_json([c.as_json() for c in conflicts])
        return 0
    for c in conflicts:
        print(f"[{KIND_LABELS_ZH.get(c.kind, c.kind)}] {c.message}")
    print(f"（共 {len(conflicts)} 处冲突）" if conflicts else "（没有冲突）")
    return 0


def export_programme(session: Session, *, out: Path, day: date | None = None,
                     room: str | None = None) -> int:
    """Write the programme PDF (per day, or one room); returns the number of pages."""
    from ..pdf.programme import render_programme
    from ..services.schedule_export import programme_data

    return render_programme(programme_data(session, day=day, room=room), out)

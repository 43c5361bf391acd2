"""`eventdesk schedule conflicts [--json]`: the programme's conflicts (warnings, exit 0);
`eventdesk schedule import FILE …` (= `eventdesk import FILE --kind schedule`) and
`eventdesk schedule export --out FILE …`.

`run_export` is also what `eventdesk export --kind schedule|programme` dispatches to. The
programme PDF is glued here: services gather plain data, pdf renders it (services and pdf may
not import each other; cli may).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk.cli import import_
from eventdesk.cli.common import add_db_option, print_json, unit_of_work
from eventdesk.services.schedule import items as schedule_service
from eventdesk.services.schedule.conflicts import KIND_LABELS_ZH
from eventdesk.storage import Session

HELP = "the schedule: conflicts (room double-booked, speaker in two places, …), import, export"


def _db(parser: argparse.ArgumentParser) -> None:
    # `schedule conflicts --db X` as well as `--db X schedule conflicts`, without a default that
    # would hide the one given before the action.
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help="database file or server URL")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("schedule", help=HELP, description=HELP)
    add_db_option(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = actions.add_parser("conflicts", help="list the schedule's conflicts (exit 0: warnings)")
    _db(c)
    c.add_argument("--json", action="store_true", help="print a JSON array")
    i = actions.add_parser("import", help="import agenda items from CSV/XLSX (the same as "
                                          "`eventdesk import FILE --kind schedule`)")
    _db(i)
    import_.add_import_arguments(i, kind="schedule")
    e = actions.add_parser("export", help="export the schedule (.ics .csv .xlsx) or the "
                                          "programme (.pdf)")
    _db(e)
    e.add_argument("--out", type=Path, required=True, metavar="FILE")
    e.add_argument("--room", metavar="NAME", help="only this room")
    e.add_argument("--day", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="programme PDF: only this day")


def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return import_.run(args)
    if args.action == "export":
        return run_export(args)
    with unit_of_work(args, write=False) as session:
        conflicts = schedule_service.find_conflicts(session)
    if args.json:
        print_json([c.as_json() for c in conflicts])
        return 0
    for c in conflicts:
        print(f"[{KIND_LABELS_ZH.get(c.kind, c.kind)}] {c.message}")
    print(f"（共 {len(conflicts)} 处冲突）" if conflicts else "（没有冲突）")
    return 0


def run_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    with unit_of_work(args, write=False) as session:
        if out.suffix.lower() == ".pdf" or getattr(args, "kind", "") == "programme":
            pages = export_programme(session, out=out, day=getattr(args, "day", None),
                                     room=getattr(args, "room", None))
            print(f"{out}: {pages} 页 pages")
            return 0
        from eventdesk.services.schedule.export import export_schedule

        n = export_schedule(session, out=out, room=getattr(args, "room", None))
    print(f"{out}: {n} 个会议 sessions")
    return 0


def export_programme(session: Session, *, out: Path, day: date | None = None,
                     room: str | None = None) -> int:
    """Write the programme PDF (per day, or one room); returns the number of pages."""
    from eventdesk.pdf.fonts import missing_characters
    from eventdesk.pdf.programme import render_programme
    from eventdesk.services.schedule.export import programme_data

    data = programme_data(session, day=day, room=room)
    texts = [data.title, data.subtitle] + [
        f"{r.name}{r.detail}{i.title}{i.people}{i.track}"
        for page in data.pages for r in page.rooms for i in r.items]
    missing = missing_characters("".join(texts))
    if missing:  # never a silent empty box: say which characters no font of the chain has
        print(f"eventdesk: 字体中没有这些字，PDF 中会显示为空框：{''.join(missing)}", file=sys.stderr)
    return render_programme(data, out)

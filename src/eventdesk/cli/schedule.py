"""`eventdesk schedule conflicts [--json]`: the programme's conflicts (warnings, exit 0);
`eventdesk schedule import FILE …` and `eventdesk schedule export --out FILE …`.

`run_import` and `run_export` are also what `eventdesk import --kind schedule` and
`eventdesk export --kind schedule|programme` dispatch to. Exports are actions.exports (through
cli.export.run_export), which also reports programme characters no font can draw.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk.actions import schedule as schedule_actions
from eventdesk.actions.base import ActionContext
from eventdesk.cli.common import EXIT_INVALID, add_db_option, open_db, print_json, unit_of_work
from eventdesk.domain.errors import ImportRejected
from eventdesk.messages import text
from eventdesk.services.schedule.conflicts import Conflict

HELP = "the schedule: conflicts (room double-booked, speaker in two places, …), import, export"


def _db(parser: argparse.ArgumentParser) -> None:
    # `schedule conflicts --db X` as well as `--db X schedule conflicts`, without a default that
    # would hide the one given before the action.
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help="database file or server URL")


def add_import_options(p: argparse.ArgumentParser) -> None:
    """The schedule-specific import flag (the generic ones belong to `eventdesk import`)."""
    p.add_argument("--create-rooms", action="store_true",
                   help="create rooms the file names but the event does not have yet")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("schedule", help=HELP, description=HELP)
    add_db_option(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = actions.add_parser("conflicts", help="list the schedule's conflicts (exit 0: warnings)")
    _db(c)
    c.add_argument("--json", action="store_true", help="print a JSON array")
    i = actions.add_parser("import", help="import agenda items from CSV/XLSX")
    _db(i)
    i.add_argument("file", type=Path, metavar="FILE")
    i.add_argument("--json", action="store_true")
    i.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    i.add_argument("--sheet", metavar="NAME")
    i.add_argument("--on-duplicate", choices=("update", "skip", "reject"), default="update")
    i.add_argument("--skip-invalid", action="store_true")
    add_import_options(i)
    e = actions.add_parser("export", help="export the schedule (.ics .csv .xlsx) or the "
                                          "programme (.pdf)")
    _db(e)
    e.add_argument("--out", type=Path, required=True, metavar="FILE")
    e.add_argument("--room", metavar="NAME", help="only this room")
    e.add_argument("--day", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="programme PDF: only this day")


def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return run_import(args)
    if args.action == "export":
        return run_export(args)
    return run_conflicts(args)


def run_conflicts(args: argparse.Namespace) -> int:
    """Exit 0 with or without conflicts (they are warnings); read only."""
    db = open_db(args)
    try:
        conflicts = schedule_actions.find_conflicts(ActionContext(db=db)).value
    finally:
        db.dispose()
    if args.json:
        print_json([c.as_json(message=conflict_text(c)) for c in conflicts])
        return 0
    for c in conflicts:
        print(conflict_line(c))
    print(text("schedule.conflicts.count", count=len(conflicts)) if conflicts
          else text("schedule.conflicts.none"))
    return 0


def conflict_text(conflict: Conflict) -> str:
    """The conflict's sentence, in the chosen language."""
    return text(conflict.code, **conflict.params)


def conflict_line(conflict: Conflict) -> str:
    """“[会议室冲突] 会议室“主会场”同时安排了…”: the kind's label, then the sentence."""
    return f"[{text(f'schedule.conflict_kind.{conflict.kind}')}] {conflict_text(conflict)}"


def run_import(args: argparse.Namespace) -> int:
    """Exit 0, or 4 when rows were rejected (a dry run with errors too)."""
    from eventdesk.services.schedule.import_ import ScheduleImportResult, import_schedule

    try:
        with unit_of_work(args) as session:
            result = import_schedule(
                session, path=args.file, sheet=getattr(args, "sheet", None),
                dry_run=getattr(args, "dry_run", False),
                create_rooms=getattr(args, "create_rooms", False),
                on_duplicate=getattr(args, "on_duplicate", "update"),
                skip_invalid=getattr(args, "skip_invalid", False))
    except ImportRejected as exc:
        result = ScheduleImportResult(errors=exc.errors)
        if not args.json:
            print(f"eventdesk: {exc.message}", file=sys.stderr)
        if args.json:
            print_json(result.as_json())
        else:
            for e in exc.errors:
                print(f"  第 {e.row} 行 [{e.column}] {e.value!r}: {e.message}", file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print_json(result.as_json())
    else:
        verb = "将" if result.dry_run else "已"
        print(f"{verb}新建 {result.created}，{verb}更新 {result.updated}，跳过 {result.skipped}")
        for label, rows in (("错误", result.errors), ("提示", result.warnings)):
            for e in rows:
                print(f"  {label} 第 {e.row} 行 [{e.column}] {e.value}: {e.message}")
        for name in result.rooms_created:
            print(f"  新建会议室：{name}")
        for c in result.conflicts:
            print(f"  冲突 {conflict_line(c)}")
    return EXIT_INVALID if result.errors else 0


def run_export(args: argparse.Namespace) -> int:
    """`schedule export --out FILE`: .pdf is the programme (per --day or --room), .ics/.csv/.xlsx
    the schedule (per --room). Exit 0, or 2 for a file name that suits neither."""
    from eventdesk.cli.export import run_export as export

    out: Path = args.out
    kind = "programme" if out.suffix.lower() == ".pdf" else "schedule"
    return export(args, kind=kind, out=out, day=getattr(args, "day", None),
                  room=getattr(args, "room", None))

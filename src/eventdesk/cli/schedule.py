"""`eventdesk schedule conflicts [--json]`: the programme's conflicts (warnings, exit 0);
`eventdesk schedule import FILE …` (= `eventdesk import FILE --kind schedule`) and
`eventdesk schedule export --out FILE …`.

`eventdesk import --kind schedule` is the schedule import (cli.import_); `run_export` is also what
`eventdesk export --kind schedule|programme` dispatches to. Exports are actions.exports (through
cli.export.run_export), which also reports programme characters no font can draw.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk.actions import schedule as schedule_actions
from eventdesk.cli import import_, signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.messages import text
from eventdesk.messages.schedule import conflict_line, conflict_text

# What `schedule export` writes: the programme, or the schedule in one of its formats.
SUFFIXES = (".pdf", ".ics", ".csv", ".xlsx")
HELP = "cli.help.schedule"  # a message code: worded when the parser is built


def _db(parser: argparse.ArgumentParser) -> None:
    # `schedule conflicts --db X` as well as `--db X schedule conflicts`, without a default that
    # would hide the one given before the action.
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help=text("cli.help.db_short"))


def _day(value: str) -> date:
    """--day's value; argparse says a refusal as "argument --day: <this sentence>"."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.bad_date", value=value)) from None


def add_parser(sub: Any) -> None:
    p = sub.add_parser("schedule", help=text(HELP), description=text(HELP))
    add_db_option(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    c = actions.add_parser("conflicts", help=text("cli.help.schedule.conflicts"))
    _db(c)
    c.add_argument("--json", action="store_true", help=text("cli.help.json.array"))
    i = actions.add_parser("import", help=text("cli.help.schedule.import"))
    _db(i)
    import_.add_import_arguments(i, kind="schedule")
    e = actions.add_parser("export", help=text("cli.help.schedule.export"))
    _db(e)
    e.add_argument("--out", type=Path, required=True, metavar="FILE",
                   help=text("cli.help.export.out"))
    e.add_argument("--room", metavar="NAME", help=text("cli.help.schedule.room"))
    e.add_argument("--day", type=_day, metavar="YYYY-MM-DD",
                   help=text("cli.help.schedule.day"))


def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return import_.run(args)
    if args.action == "export":
        return run_export(args)
    return run_conflicts(args)


def run_conflicts(args: argparse.Namespace) -> int:
    """Exit 0 with or without conflicts (they are warnings); read only."""
    db = open_db(args)
    try:
        conflicts = schedule_actions.find_conflicts(signin.context(args, db)).value
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


def run_export(args: argparse.Namespace) -> int:
    """`schedule export --out FILE`: .pdf is the programme (per --day or --room), .ics/.csv/.xlsx
    the schedule (per --room). Exit 0, or 2 for a file name that suits neither."""
    from eventdesk.cli.export import run_export as export

    out: Path = args.out
    if out.suffix.lower() not in SUFFIXES:
        # Said in this command's words: `--kind schedule` (export's) is not what was typed.
        print(f"eventdesk schedule export: {text('schedule.export.cli_suffix', name=out.name)}",
              file=sys.stderr)
        return EXIT_USAGE
    kind = "programme" if out.suffix.lower() == ".pdf" else "schedule"
    return export(args, kind=kind, out=out, day=getattr(args, "day", None),
                  room=getattr(args, "room", None))

"""`eventdesk export --kind people|exhibitors|checkins|schedule|programme --out FILE`.

A thin call of actions.exports: people/exhibitors/checkins to .csv or .xlsx, the schedule to
.ics/.csv/.xlsx, the programme to .pdf. Characters of the programme that no font can draw are
reported on stderr (whose text, which characters) — the same report the GUI shows.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions import exports
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, open_db
from eventdesk.cli.signing import unlock_from_environment

COMMAND = "export"
HELP = "cli.help.export"  # a message code: worded when the parser is built
KINDS = exports.KINDS
SUFFIXES = exports.SUFFIXES


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--kind", required=True, choices=KINDS,
                   help=messages.text("cli.help.export.kind"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE",
                   help=messages.text("cli.help.export.out"))
    p.add_argument("--with-qr-payloads", action="store_true",
                   help=messages.text("cli.help.export.with_qr_payloads"))
    p.add_argument("--consented-only", action="store_true",
                   help=messages.text("cli.help.export.consented_only"))


def run(args: argparse.Namespace) -> int:
    return run_export(args, kind=args.kind, out=args.out)


def run_export(args: argparse.Namespace, *, kind: str, out: Path, day: date | None = None,
               room: str | None = None) -> int:
    """Run one export for a command (`export`, `schedule export`): exit 0, or 2 when the file
    name does not suit the kind or the database cannot be opened."""
    try:
        exports.check_target(kind, out)
    except exports.ExportFailed as exc:
        print(f"eventdesk {COMMAND}: {messages.describe(exc)}", file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    try:
        ctx = signin.context(args, db)
        # A people export's payload column (--with-qr-payloads) needs the signing key.
        unlock_from_environment(ctx, prompt=False)
        done = exports.export(ctx, kind=kind, out=out, day=day, room=room,
                              with_payloads=getattr(args, "with_qr_payloads", False),
                              consented_only=getattr(args, "consented_only", False)).value
    finally:
        db.dispose()
    report_problems(done.problems)
    print(messages.text(done.code, **done.params))
    if done.personal_fields:
        print(messages.text("exports.personal_fields", **done.personal_params))
    return 0


def report_problems(problems: tuple[exports.TextProblem, ...]) -> None:
    """Never a silent empty box: whose text has which characters no font of the chain has."""
    if not problems:
        return
    print(f"eventdesk: {messages.text('exports.glyphs_heading')}", file=sys.stderr)
    for problem in problems:
        print(f"  {messages.text(problem.code, **problem.params)}", file=sys.stderr)

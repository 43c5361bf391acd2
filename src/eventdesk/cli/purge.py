"""`eventdesk purge-personal-data [--db URL] [--yes] [--json]`: erase personal data after the event.

Admins only (exit 5 otherwise). Asks for confirmation on a terminal; without a terminal it
refuses (exit 2) unless `--yes` says the caller means it. Prints what was erased and the figures
kept (people per category, check-ins per day), the same before and after.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eventdesk import messages
from eventdesk.actions.purge import Purged, purge_personal_data
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, open_db, print_json

COMMAND = "purge-personal-data"
HELP = "cli.help.purge"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--yes", action="store_true",
                   help=messages.text("cli.help.purge.yes"))
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.json.result"))


def _confirmed(args: argparse.Namespace) -> bool | None:
    """True to go on, False when the person said no; None: no terminal to ask and no --yes."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        return None
    print(messages.text("purge.confirm"), end=" ", flush=True)
    try:
        answer = input()
    except EOFError:
        return False
    return answer.strip().upper() in ("PURGE", "清除")


def run(args: argparse.Namespace) -> int:
    confirmed = _confirmed(args)
    if confirmed is None:
        print(f"eventdesk {COMMAND}: {messages.text('purge.needs_yes')}", file=sys.stderr)
        return EXIT_USAGE
    if not confirmed:
        print(messages.text("purge.not_confirmed"), file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    try:
        ctx = signin.context(args, db)
        done = purge_personal_data(ctx).value
    finally:
        db.dispose()
    if args.json:
        print_json(done.as_json())
    else:
        print(report(done))
    return 0


def report(done: Purged) -> str:
    """What was erased and what was kept, for a person to read."""
    return "\n".join(messages.text(code, **params) for code, params in done.report())

"""`eventdesk [gui] [--db URL] [--screenshot PNG --view NAME] [--lang zh|en]`: the desktop program.

The global `--lang` chooses the interface language for this start (before the setting: ui.i18n).
"""

from __future__ import annotations

import argparse
import inspect
import os
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions.accounts import needs_first_admin
from eventdesk.cli import signin
from eventdesk.cli.common import add_db_option, open_db
from eventdesk.domain.access import Principal
from eventdesk.domain.errors import DomainError

VIEWS = ("desk", "people", "exhibitors", "schedule", "badges", "dashboard", "designer", "audit")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("gui", help=messages.text("cli.help.gui"))
    add_db_option(p)
    p.add_argument("--screenshot", metavar="PNG", type=Path,
                   help=messages.text("cli.help.gui.screenshot"))
    p.add_argument("--view", choices=VIEWS, default=None,
                   help=messages.text("cli.help.gui.view"))


def run(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {"db": args.db, "screenshot": args.screenshot,
                               "view": args.view or "desk",
                               "lang": getattr(args, "lang", None)}
    if args.screenshot is not None:
        # A screenshot needs no screen: render offscreen unless a platform was chosen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # No window to sign in at: the account comes as for every other command (cli.signin).
        user = _screenshot_user(args)
        if user is not None:
            options["user"] = user
    from eventdesk.ui.app import run_gui

    if "user" in options and "user" not in inspect.signature(run_gui).parameters:
        del options["user"]  # a window without sign-in (before the login of issue 12)
    return int(run_gui(**options))


def _screenshot_user(args: argparse.Namespace) -> Principal | None:
    """The signed-in account a screenshot shows the window as (cli.signin; exit 5 when refused);
    None when the database does not exist yet or has no account (the window's first-run path
    decides then)."""
    try:
        db = open_db(args)
    except DomainError:
        return None  # missing or unreadable: run_gui says so in one sentence
    try:
        if needs_first_admin(db):
            return None
        return signin.sign_in(args, db, desk="screenshot")
    finally:
        db.dispose()

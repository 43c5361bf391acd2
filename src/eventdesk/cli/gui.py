"""`eventdesk [gui] [--db URL] [--screenshot PNG --view NAME]`: the desktop program."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from eventdesk.cli.common import add_db_option

VIEWS = ("desk", "people", "exhibitors", "schedule", "badges", "dashboard", "designer", "audit")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the desktop program (the default)")
    add_db_option(p)
    p.add_argument("--screenshot", metavar="PNG", type=Path,
                   help="render the view given by --view, save it as PNG and exit")
    p.add_argument("--view", choices=VIEWS, default=None,
                   help="view to open (default: desk)")


def run(args: argparse.Namespace) -> int:
    if args.screenshot is not None:
        # A screenshot needs no screen: render offscreen unless a platform was chosen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from eventdesk.ui.app import run_gui

    return run_gui(db=args.db, screenshot=args.screenshot, view=args.view or "desk")

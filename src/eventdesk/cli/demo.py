"""`eventdesk demo [--db URL] [--exhibitors 2500] [--people 30000] [--seed N] [--replace]`:
build the reference event. One of the two commands allowed to create a database file."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions import backups as backup_actions
from eventdesk.actions import demo as demo_actions
from eventdesk.actions.base import ActionContext
from eventdesk.backups.manifest import BEFORE_DEMO
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, print_json
from eventdesk.cli.signing import PASSPHRASE_VAR
from eventdesk.domain import CATEGORY_LABELS_ZH, Category
from eventdesk.services.events import has_event
from eventdesk.storage import describe, open_database, resolve_url

HELP = "cli.help.demo"  # a message code: worded when the parser is built
MAX_COUNT = 1_000_000


def add_parser(sub: Any) -> None:
    p = sub.add_parser("demo", help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--exhibitors", type=int, default=2500,
                   help=messages.text("cli.help.demo.exhibitors"))
    p.add_argument("--people", type=int, default=30000, help=messages.text("cli.help.demo.people"))
    p.add_argument("--seed", type=int, default=1, help=messages.text("cli.help.demo.seed"))
    p.add_argument("--replace", action="store_true",
                   help=messages.text("cli.help.demo.replace"))
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.demo.json"))


def _progress_printer() -> Callable[[str, int, int], None] | None:
    """Progress on a terminal only: a pipe or a test should not fill up with carriage returns."""
    if not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        code = f"demo.stage.{stage}"
        label = messages.text(code) if code in messages.catalogue() else stage
        sys.stderr.write(f"\r{label} {done}/{total}   ")
        sys.stderr.flush()

    return show


def _categories(by_category: dict[str, int]) -> str:
    if messages.language() == "zh":
        return "、".join(f"{CATEGORY_LABELS_ZH[Category(k)]} {n}" for k, n in by_category.items())
    return ", ".join(f"{k} {n}" for k, n in by_category.items())


def run(args: argparse.Namespace) -> int:
    for flag in ("exhibitors", "people"):
        if getattr(args, flag) < 0 or getattr(args, flag) > MAX_COUNT:
            print("eventdesk demo: " + messages.text("cli.out_of_range", flag=flag, low=0,
                                                     high=MAX_COUNT), file=sys.stderr)
            return EXIT_USAGE
    url = resolve_url(args.db)
    db = open_database(url, create=True)
    started = time.perf_counter()
    progress = _progress_printer()
    kept: Path | None = None
    try:
        ctx = ActionContext(db=db, desk="cli", operator="demo")
        if demo_actions.needs_sign_in(ctx, replace=args.replace):
            ctx = signin.context(args, db)
        with db.unit_of_work(write=False) as session:
            replacing = has_event(session)
        # What --replace deletes (check-ins, prints, accounts) is kept first; a refusal
        # (no --replace) is the build's own, below, and keeps nothing.
        kept = backup_actions.restore_point(url, BEFORE_DEMO) if replacing and args.replace \
            else None
        # The signing passphrase of a scripted set-up, else a random one (printed below).
        built = demo_actions.build_demo(ctx, exhibitors=args.exhibitors, people=args.people,
                                        seed=args.seed, replace=args.replace,
                                        database=describe(url), progress=progress,
                                        signing_passphrase=os.environ.get(PASSPHRASE_VAR) or None)
    finally:
        db.dispose()
    summary = built.summary
    if progress:
        sys.stderr.write("\n")
    total = round(time.perf_counter() - started, 2)
    if args.json:
        print_json({**summary.__dict__, "total_seconds": total, "database": describe(url),
                    "users": [{"username": u.username, "role": u.role.value,
                               "password": u.password} for u in built.users],
                    "restore_point": str(kept) if kept else None})
        return 0
    say = messages.text
    print(say("demo.summary.event", event_code=summary.event_code, name=summary.event_name,
              start=summary.start_date, end=summary.end_date))
    print(say("demo.summary.people", exhibitors=summary.exhibitors, people=summary.people,
              categories=_categories(summary.by_category), cancelled=summary.cancelled))
    print(say("demo.summary.agenda", rooms=summary.rooms, tracks=summary.tracks,
              items=summary.agenda_items, speakers=summary.agenda_speakers))
    print(say("demo.summary.time", build=summary.seconds, total=total, seed=summary.seed))
    print(say("demo.summary.database", database=describe(url)))
    if built.users:
        print(say("accounts.demo_users"))
        for u in built.users:
            print(f"  {u.username}\t{u.role.value}\t{u.password}")
    print(say("demo.summary.signing", passphrase=summary.signing_passphrase))
    if kept is not None:
        print(say("backup.restore_point_kept", file=kept))
    return 0

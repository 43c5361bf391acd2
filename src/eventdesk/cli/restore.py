"""`eventdesk restore FILE --db TARGET [--replace]`: put a backup back.

The file is verified first (exit 6 when it fails a check, nothing touched); a target that holds
anything is refused without --replace (exit 2, one sentence); with it, a restore point of the
target is kept first. TARGET may be a SQLite file (created when missing) or, for a pg_dump
backup, a PostgreSQL URL.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions import backups as backup_actions
from eventdesk.actions.base import ActionContext
from eventdesk.backups import archive
from eventdesk.backups.making import target_is_empty
from eventdesk.cli import signin
from eventdesk.cli.common import print_json
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.services.audit import os_operator
from eventdesk.storage import Database, open_database, resolve_url

COMMAND = "restore"
HELP = "cli.help.restore"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=messages.text(HELP), description=messages.text(HELP))
    p.add_argument("file", metavar="FILE", type=Path, help=messages.text("cli.help.restore.file"))
    p.add_argument("--db", metavar="PATH_OR_URL", required=True,
                   help=messages.text("cli.help.restore.db"))
    p.add_argument("--replace", action="store_true",
                   help=messages.text("cli.help.restore.replace"))
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.json.result"))


def _restorer(args: argparse.Namespace, db: Database, url: str) -> ActionContext:
    """Who restores: an admin of the target when it holds anything; nobody needs to sign in
    to restore into an empty target (a new file, an empty server database) — that is how a new
    machine starts from a backup, and it replaces nobody's data."""
    if not target_is_empty(url):
        return signin.context(args, db)
    operator = os_operator()
    return ActionContext(db=db, desk="cli", operator=operator,
                         user=Principal(operator, UserRole.ADMIN))


def run(args: argparse.Namespace) -> int:
    url = resolve_url(args.db)
    # A damaged file is refused (exit 6) before the target is touched: opening a new SQLite
    # target creates its file (mode 0600, storage), which a refusal must not leave behind.
    archive.verify(args.file)
    # Opened without migrating: the target may not exist yet, or be about to be replaced.
    db = open_database(url, create=True, migrate_schema=False)
    try:
        done = backup_actions.restore_backup(_restorer(args, db, url), file=args.file,
                                             replace=args.replace).value
    finally:
        db.dispose()
    if args.json:
        print_json({"file": str(args.file), "database": done.database,
                    "rows": done.manifest.rows, "tables": done.manifest.tables,
                    "created_at": done.manifest.created_at,
                    "restore_point": str(done.restore_point) if done.restore_point else None})
        return 0
    print(messages.text("backup.restored", file=args.file, database=done.database,
                        rows=done.manifest.rows, created_at=done.manifest.created_at))
    if done.restore_point is not None:
        print(messages.text("backup.restore_point_kept", file=done.restore_point))
    return 0

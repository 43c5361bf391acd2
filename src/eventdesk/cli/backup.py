"""`eventdesk backup [--db URL] --out FILE`, `eventdesk backup list`, `eventdesk backup verify
FILE`: a verifiable backup file of the database (eventdesk.backups), the backups kept beside it,
and a check of any backup file. Exit 0; 6 when a file fails verification (IntegrityFailed);
2 when the database cannot be opened or the file written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions import backups as backup_actions
from eventdesk.backups.manifest import Manifest
from eventdesk.backups.points import BackupEntry, folder_for
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.storage import resolve_url

COMMAND = "backup"
HELP = "cli.help.backup"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--out", metavar="FILE", type=Path,
                   help=messages.text("cli.help.backup.out"))
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.backup.json"))
    inner = p.add_subparsers(dest="backup_command", metavar="list|verify")
    listed = inner.add_parser("list", help=messages.text("cli.help.backup.list"))
    listed.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS)
    listed.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    check = inner.add_parser("verify", help=messages.text("cli.help.backup.verify"))
    check.add_argument("file", metavar="FILE", type=Path,
                       help=messages.text("cli.help.backup.file"))
    check.add_argument("--json", action="store_true", default=argparse.SUPPRESS)


def manifest_json(manifest: Manifest, file: Path) -> dict[str, object]:
    return {"file": str(file), **manifest.__dict__, "rows": manifest.rows}


def run(args: argparse.Namespace) -> int:
    command = getattr(args, "backup_command", None)
    if command == "verify":
        return _verify(args)
    if command == "list":
        return _list(args)
    if args.out is None:
        print("eventdesk backup: " + messages.text("cli.backup_out_required"), file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    try:
        manifest = backup_actions.make_backup(signin.context(args, db), out=args.out).value
    finally:
        db.dispose()
    if args.json:
        print_json(manifest_json(manifest, args.out))
    else:
        print(messages.text("backup.made", database=manifest.source, file=args.out,
                            kind=manifest.kind, tables=len(manifest.tables), rows=manifest.rows,
                            sha=manifest.sha256[:12]))
    return 0


def _verify(args: argparse.Namespace) -> int:
    verified = backup_actions.verify_backup(args.file)
    manifest = verified.manifest
    if getattr(args, "json", False):
        print_json({**manifest_json(manifest, args.file), "verified": True,
                    "deep": verified.deep})
        return 0
    print(messages.text("backup.verified", file=args.file, kind=manifest.kind,
                        rows=manifest.rows, created_at=manifest.created_at,
                        source=manifest.source, reason=reason_text(manifest.reason)))
    if not verified.deep:
        print(messages.text("backup.verified_shallow"))
    return 0


def entry_json(entry: BackupEntry) -> dict[str, object]:
    m = entry.manifest
    return {"file": str(entry.path), "created_at": entry.created_at,
            "reason": m.reason if m else None, "kind": m.kind if m else None,
            "rows": m.rows if m else None, "source": m.source if m else None,
            "event_code": m.event_code if m else None, "problem": entry.problem}


def reason_text(reason: str) -> str:
    """Why a backup was made, in the chosen language (the manifest's key if unknown)."""
    code = f"backup.reason.{reason}"
    return messages.text(code) if code in messages.catalogue() else reason


def _list(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        entries = backup_actions.list_backups(signin.context(args, db)).value
    finally:
        db.dispose()
    if getattr(args, "json", False):
        print_json([entry_json(e) for e in entries])
        return 0
    if not entries:
        print(messages.text("backup.list_empty", folder=folder_for(resolve_url(args.db))))
    for entry in entries:
        if entry.manifest is None:
            print(messages.text("backup.list_bad_line", created_at=entry.created_at,
                                file=entry.path))
        else:
            print(messages.text("backup.list_line", created_at=entry.created_at,
                                reason=reason_text(entry.manifest.reason),
                                rows=entry.manifest.rows,
                                file=entry.path))
    return 0

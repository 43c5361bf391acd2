"""`eventdesk import FILE --kind people|exhibitors|schedule [--dry-run] [--json] …`.

A thin call into actions.imports (the same dry run and import the wizard uses). Exit 0 when
imported (or the dry run found nothing wrong), 4 when validation rejects the file — then nothing
is written, in a dry run as in the real run; 2 when the file does not exist.
"""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions import imports as import_actions
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_INVALID, EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.domain.errors import ImportRejected
from eventdesk.messages import imports as import_words
from eventdesk.services.imports import POLICIES, ImportReport

COMMAND = "import"
HELP = "cli.help.import"  # a message code: worded when the parser is built
KINDS = ("people", "exhibitors", "schedule")
MAX_LISTED_ERRORS = 50


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    add_import_arguments(p, kind=None)


def add_import_arguments(p: argparse.ArgumentParser, *, kind: str | None) -> None:
    """FILE and the import flags; `kind` fixes --kind (`eventdesk schedule import`)."""
    p.add_argument("file", metavar="FILE", type=Path, help=messages.text("cli.help.import.file"))
    if kind is None:
        p.add_argument("--kind", required=True, choices=KINDS,
                       help=messages.text("cli.help.import.kind"))
    else:
        p.set_defaults(kind=kind)
    p.add_argument("--dry-run", action="store_true",
                   help=messages.text("cli.help.import.dry_run"))
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.json.document"))
    p.add_argument("--on-duplicate", choices=POLICIES, default="update",
                   help=messages.text("cli.help.import.on_duplicate"))
    p.add_argument("--skip-invalid", action="store_true",
                   help=messages.text("cli.help.import.skip_invalid"))
    p.add_argument("--sheet", metavar="NAME", help=messages.text("cli.help.import.sheet"))
    p.add_argument("--encoding", metavar="CODEC", type=_codec,
                   help=messages.text("cli.help.import.encoding"))
    p.add_argument("--create-rooms", action="store_true",
                   help=messages.text("cli.help.import.create_rooms"))


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise argparse.ArgumentTypeError(messages.text("imports.encoding_unknown",
                                                       encoding=name)) from None


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        text = messages.text("imports.file_not_found", path=str(args.file))
        print(f"eventdesk import: {text}", file=sys.stderr)
        return EXIT_USAGE
    request = import_actions.ImportRequest(
        path=args.file, kind=args.kind, sheet=args.sheet, on_duplicate=args.on_duplicate,
        skip_invalid=args.skip_invalid, create_rooms=args.create_rooms,
        encoding=getattr(args, "encoding", None))
    db = open_db(args)
    try:
        ctx = signin.context(args, db)
        if args.dry_run:
            report = import_actions.dry_run(ctx, request=request).value
        else:
            report = import_actions.import_list(ctx, request=request).value
    except ImportRejected as exc:
        if args.json:
            print_json(import_words.rejection_json(exc))
        else:
            _print_rejected_rows(exc)
        print(f"eventdesk import: {messages.describe(exc)}", file=sys.stderr)
        if not args.json:
            for line in import_words.encoding_lines(exc):
                print(line, file=sys.stderr)
        return EXIT_INVALID
    finally:
        db.dispose()
    if args.json:
        print_json(import_words.report_json(report))
    else:
        _print_human(report)
    return EXIT_INVALID if report.rejected else 0


def _print_rejected_rows(exc: ImportRejected) -> None:
    """The rows named by a refusal of the whole file (a damaged CSV), as the report lists
    row errors; the sentence that follows says why nothing was imported."""
    rows = [e for e in exc.errors if e.row > 0]
    for e in rows[:MAX_LISTED_ERRORS]:
        print(messages.text("imports.row_line", row=e.row, column=e.column, value=repr(e.value),
                            message=import_words.row_message(e)), file=sys.stderr)
    if len(rows) > MAX_LISTED_ERRORS:
        print(messages.text("imports.more_errors", count=len(rows) - MAX_LISTED_ERRORS),
              file=sys.stderr)


def _print_human(report: ImportReport) -> None:
    for e in report.errors[:MAX_LISTED_ERRORS]:
        print(messages.text("imports.row_line", row=e.row, column=e.column, value=repr(e.value),
                            message=import_words.row_message(e)))
    if len(report.errors) > MAX_LISTED_ERRORS:
        print(messages.text("imports.more_errors", count=len(report.errors) - MAX_LISTED_ERRORS))
    for e in report.warnings[:MAX_LISTED_ERRORS]:
        print(messages.text("imports.warning_line", row=e.row, column=e.column, value=e.value,
                            message=import_words.row_message(e)))
    for line in import_words.report_columns(report):
        print(line)
    for conflict in report.extra.get("conflicts", []):
        print(messages.text("imports.conflict_line",
                            message=messages.text(conflict.code, **conflict.params)))
    print(import_words.summary(report))

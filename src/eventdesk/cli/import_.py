"""`eventdesk import FILE --kind people|exhibitors|schedule [--dry-run] [--json] …`.

Exit 0 when imported (or the dry run found nothing wrong), 4 when validation rejects the file —
then nothing is written, in a dry run as in the real run. `--kind schedule` is the schedule
service's own import (services.schedule.import_), sharing these flags.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eventdesk.cli.common import EXIT_INVALID, EXIT_USAGE, add_db_option, print_json, unit_of_work
from eventdesk.domain.errors import ImportRejected
from eventdesk.services.audit import os_operator
from eventdesk.services.imports import POLICIES, import_file, rejection_json

COMMAND = "import"
HELP = "import people, exhibitors or the schedule from CSV/XLSX (validated, atomic, idempotent)"
MAX_LISTED_ERRORS = 50


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=HELP, description=HELP)
    add_db_option(p)
    p.add_argument("file", metavar="FILE", type=Path, help="a .csv or .xlsx list")
    p.add_argument("--kind", required=True, choices=("people", "exhibitors", "schedule"))
    p.add_argument("--dry-run", action="store_true",
                   help="report what would happen (created/updated/skipped/errors); write nothing")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument("--on-duplicate", choices=POLICIES, default="update",
                   help="a row matching an existing record: update it (default), skip it, or "
                        "count it as an error")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import the valid rows and skip the rest (default: any error rejects all)")
    p.add_argument("--sheet", metavar="NAME", help="the XLSX sheet to read (default: the first)")
    from eventdesk.cli.schedule import add_import_options

    add_import_options(p)  # the schedule's own flags (--create-rooms)


def _rejected(args: argparse.Namespace, exc: ImportRejected) -> int:
    if args.json:
        print_json(rejection_json(exc.message, exc.errors))
    print(f"eventdesk import: {exc.message}", file=sys.stderr)
    return EXIT_INVALID


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"eventdesk import: 找不到文件 {args.file}", file=sys.stderr)
        return EXIT_USAGE
    if args.kind == "schedule":
        from eventdesk.cli.schedule import (
            run_import,  # the schedule service's import, same flags and JSON
        )

        return run_import(args)
    try:
        with unit_of_work(args, write=not args.dry_run) as session:
            report = import_file(session, path=args.file, kind=args.kind, sheet=args.sheet,
                                     on_duplicate=args.on_duplicate,
                                     skip_invalid=args.skip_invalid, dry_run=args.dry_run,
                                     operator=os_operator())
    except ImportRejected as exc:
        return _rejected(args, exc)
    data = report.as_json()
    rejected = bool(data["errors"]) and not args.skip_invalid
    if args.json:
        print_json(data)
    else:
        _print_human(report, data, rejected)
    return EXIT_INVALID if rejected else 0


def _print_human(report: Any, data: dict[str, Any], rejected: bool) -> None:
    for e in data["errors"][:MAX_LISTED_ERRORS]:
        print(f"第 {e['row']} 行 [{e['column']}] {e['value']!r}: {e['message']}")
    if len(data["errors"]) > MAX_LISTED_ERRORS:
        print(f"…另有 {len(data['errors']) - MAX_LISTED_ERRORS} 处错误（用 --json 查看全部）")
    summary = getattr(report, "summary", None)
    if callable(summary):
        print(summary())
    else:
        state = "未写入（有错误）" if rejected else ("预演" if data.get("dry_run") else "完成")
        print(f"{state}：新建 {data['created']}，更新 {data['updated']}，跳过 {data['skipped']}，"
              f"错误 {len(data['errors'])}")

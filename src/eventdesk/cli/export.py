"""`eventdesk export --kind people|exhibitors|checkins|schedule|programme --out FILE`.

people/exhibitors/checkins → services.exports (.csv or .xlsx). The schedule kinds belong to the
schedule engineer's code: `--kind schedule|programme` hands over to cli.schedule.run_export
(services.schedule.export: .ics/.csv/.xlsx; pdf.programme for the programme PDF). Should that
code be missing, the command exits 2 with a sentence saying so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eventdesk.cli.common import EXIT_USAGE, add_db_option, unit_of_work
from eventdesk.services import exports

COMMAND = "export"
HELP = "export people (with QR payloads), exhibitors, check-ins, schedule or programme"
KINDS = ("people", "exhibitors", "checkins", "schedule", "programme")
SUFFIXES = {"people": (".csv", ".xlsx"), "exhibitors": (".csv", ".xlsx"),
            "checkins": (".csv", ".xlsx"), "schedule": (".csv", ".xlsx", ".ics"),
            "programme": (".pdf",)}


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=HELP, description=HELP)
    add_db_option(p)
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--out", required=True, type=Path, metavar="FILE",
                   help="FILE.csv or FILE.xlsx (schedule also .ics; programme .pdf)")


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    allowed = SUFFIXES[args.kind]
    if out.suffix.lower() not in allowed:
        print(f"eventdesk export: --kind {args.kind} 只能写 {'/'.join(allowed)} 文件"
              f"（收到 {out.name}）", file=sys.stderr)
        return EXIT_USAGE
    if args.kind in exports.EXPORT_KINDS:
        with unit_of_work(args, write=False) as session:
            count = exports.export(session, kind=args.kind, path=out)
        print(f"已导出 {count} 行到 {out}")
        return 0
    try:
        from eventdesk.cli.schedule import run_export
    except ImportError:
        run_export = None  # type: ignore[assignment]
    if run_export is None:
        print("eventdesk export: 日程导出尚未提供（cli.schedule.run_export 缺失）", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(run_export(args) or 0)
    except ImportError as exc:
        print(f"eventdesk export: 日程导出尚未提供（{exc.name or exc} 缺失）", file=sys.stderr)
        return EXIT_USAGE

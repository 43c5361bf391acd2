"""`eventdesk badges --out FILE.pdf [filters] [--mark-printed]`: batch badges to a PDF file.

A thin call of actions.printing.print_run. Only --mark-printed records prints (in one short
transaction, after the file is written, with the badge codes that were rendered); without it the
PDF is a proof and the print log is untouched.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions import printing
from eventdesk.actions.base import ActionContext
from eventdesk.cli.common import EXIT_INVALID, EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.domain import Category, PrintReason
from eventdesk.domain.errors import DomainError
from eventdesk.services.audit import os_operator

HELP = "render badges to a PDF (filters, order, sheet presets); --mark-printed logs the prints"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("badges", help=HELP, description=HELP)
    add_db_option(p)
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF to write")
    p.add_argument("--layout", default="default", help="badge layout (default: default); "
                   "see --list")
    p.add_argument("--preset", default="a6", help="paper: a6 (default), cr80, 4x3in, a4-4xa6, "
                   "a4-8x90x54, letter-6x4x3in")
    p.add_argument("--category", choices=[c.value for c in Category])
    p.add_argument("--company", default="", metavar="TEXT", help="part of the company name")
    p.add_argument("--hall", metavar="H")
    p.add_argument("--not-printed", action="store_true", help="only badges never printed")
    p.add_argument("--changed", action="store_true",
                   help="only people changed since their badge was last printed")
    p.add_argument("--sort", choices=printing.SORTS, default="company")
    p.add_argument("--mark-printed", action="store_true",
                   help="record the badges as printed once the file is written")
    p.add_argument("--reason", choices=[r.value for r in PrintReason], default="first")
    p.add_argument("--desk", default="batch", help="desk name recorded with --mark-printed")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="render in N processes (default 1)")
    p.add_argument("--crop-marks", action="store_true", help="crop marks for a print shop")
    p.add_argument("--bleed", type=float, default=0.0, metavar="MM",
                   help="bleed in mm for colour at the trim edge (single-badge presets)")
    p.add_argument("--separators", action="store_true",
                   help="a separator page before each company's badges")
    p.add_argument("--offset", default="0,0", metavar="X,Y",
                   help="printer calibration in mm (positive: right, down)")
    p.add_argument("--strict", action="store_true",
                   help="write nothing (exit 4) when a character cannot be drawn by any font")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")


def _offset(text: str) -> tuple[float, float]:
    x, _, y = text.partition(",")
    return float(x or 0), float(y or 0)


def run(args: argparse.Namespace) -> int:
    # The layout is checked by the run: the event's stored layouts count too (actions.layouts).
    presets = [key for key, _label in printing.preset_choices()]
    if args.preset not in presets:
        print(f"eventdesk badges: unknown preset {args.preset!r} "
              f"(one of {', '.join(presets)})", file=sys.stderr)
        return EXIT_USAGE
    try:
        offset = _offset(args.offset)
    except ValueError:
        print("eventdesk badges: --offset takes X,Y in millimetres", file=sys.stderr)
        return EXIT_USAGE
    if args.workers < 1:
        print("eventdesk badges: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    criteria = printing.BadgeFilter(
        category=Category(args.category) if args.category else None, company=args.company,
        hall=args.hall, not_printed=args.not_printed, changed_since_print=args.changed)
    options = printing.RenderOptions(crop_marks=args.crop_marks, bleed_mm=args.bleed,
                                     separator_pages=args.separators, offset_x_mm=offset[0],
                                     offset_y_mm=offset[1], workers=args.workers)
    selection = printing.BadgeSelection(criteria=criteria, sort=args.sort, layout=args.layout,
                                        preset=args.preset, options=options)
    started = time.perf_counter()
    db = open_db(args)
    try:
        ctx = ActionContext(db=db, desk=args.desk, operator=os_operator())
        run = printing.print_run(ctx, selection=selection, out=args.out,
                                 record=args.mark_printed, reason=args.reason,
                                 strict=args.strict).value
    except printing.GlyphsMissing as exc:
        _report_problems(exc.problems)
        print(f"eventdesk badges: {messages.describe(exc)}", file=sys.stderr)
        return EXIT_INVALID
    except DomainError as exc:
        if exc.code != "printing.nothing_to_print":
            raise
        # An empty selection is not an error for scripts: an empty result, as before.
        run = printing.PrintRun(badges=0, pages=0, recorded=0, out=None, printed=False)
    finally:
        db.dispose()
    _report_problems(run.problems)
    if run.reissued:
        names = "、".join(r.name for r in run.reissued)
        print("eventdesk badges: " + messages.text("printing.reissued", count=len(run.reissued),
                                                   names=names), file=sys.stderr)
    seconds = time.perf_counter() - started
    if args.json:
        print_json({"badges": run.badges, "pages": run.pages, "out": str(args.out),
                    "recorded": run.recorded,
                    "missing_glyphs": [messages.text(p.code, **p.params) for p in run.problems],
                    "reissued": [{"person_id": r.person_id, "name": r.name,
                                  "printed_code": r.printed_code} for r in run.reissued],
                    "seconds": round(seconds, 3)})
    else:
        print(messages.text("printing.cli_done", badges=run.badges, pages=run.pages,
                            out=args.out, seconds=seconds))
        if args.mark_printed:
            print(messages.text("printing.cli_recorded", count=run.recorded))
    return 0


def _report_problems(problems: tuple[printing.GlyphProblem, ...]) -> None:
    for problem in problems:
        print(f"eventdesk badges: {messages.text(problem.code, **problem.params)}",
              file=sys.stderr)

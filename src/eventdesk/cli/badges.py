"""`eventdesk badges --out FILE.pdf [filters] [--mark-printed]`: batch badges to a PDF file.

Only --mark-printed records prints (in one transaction, after the file is written); without it the
PDF is a proof and the print log is untouched.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from eventdesk.cli.common import EXIT_INVALID, EXIT_USAGE, add_db_option, print_json, unit_of_work
from eventdesk.domain import Category, PrintReason
from eventdesk.pdf.badges import (
    RenderOptions,
    list_layouts,
    list_presets,
    missing_glyphs,
    render_batch,
)
from eventdesk.services.audit import os_operator
from eventdesk.services.badges import batch as badge_service

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
    p.add_argument("--sort", choices=badge_service.SORTS, default="company")
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
    if args.layout not in list_layouts():
        print(f"eventdesk badges: unknown layout {args.layout!r} "
              f"(one of {', '.join(list_layouts())})", file=sys.stderr)
        return EXIT_USAGE
    if args.preset not in list_presets():
        print(f"eventdesk badges: unknown preset {args.preset!r} "
              f"(one of {', '.join(list_presets())})", file=sys.stderr)
        return EXIT_USAGE
    try:
        offset = _offset(args.offset)
    except ValueError:
        print("eventdesk badges: --offset takes X,Y in millimetres", file=sys.stderr)
        return EXIT_USAGE
    if args.workers < 1:
        print("eventdesk badges: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    criteria = badge_service.BadgeFilter(
        category=Category(args.category) if args.category else None, company=args.company,
        hall=args.hall, not_printed=args.not_printed, changed_since_print=args.changed)
    started = time.perf_counter()
    with unit_of_work(args, write=False) as session:
        rows = badge_service.select_badges(session, criteria=criteria, sort=args.sort)
        badges = badge_service.badge_data(session, rows=rows)
    problems = missing_glyphs(badges)
    for problem in problems:
        print(f"eventdesk badges: {problem.message}", file=sys.stderr)
    if problems and args.strict:
        print(f"eventdesk badges: {len(problems)} 处字符无法显示，未生成文件", file=sys.stderr)
        return EXIT_INVALID
    options = RenderOptions(crop_marks=args.crop_marks, bleed_mm=args.bleed,
                            separator_pages=args.separators, offset_x_mm=offset[0],
                            offset_y_mm=offset[1], workers=args.workers)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result, _ = render_batch(badges, layout=args.layout, preset=args.preset, out=args.out,
                             options=options)
    recorded = 0
    if args.mark_printed and badges:
        with unit_of_work(args) as session:
            recorded = badge_service.record_prints(
                session, person_ids=[b.person_id for b in badges if b.person_id is not None],
                desk=args.desk, operator=os_operator(), layout=args.layout, reason=args.reason)
    seconds = time.perf_counter() - started
    if args.json:
        print_json({"badges": result.badges, "pages": result.pages, "out": str(args.out),
                    "recorded": recorded, "missing_glyphs": [p.message for p in problems],
                    "seconds": round(seconds, 3)})
    else:
        print(f"wrote {result.badges} badges on {result.pages} pages to {args.out} "
              f"({seconds:.1f} s)")
        if args.mark_printed:
            print(f"recorded {recorded} prints")
    return 0

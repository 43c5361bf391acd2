"""`eventdesk badges --out FILE.pdf [filters] [--mark-printed]`: batch badges to a PDF file;
`eventdesk badges … --print [--printer NAME] [--copies N] [--desk NAME]`: to the system's print
queue (Qt print support, ui.printers.queue), through the desk's printer calibration.

A thin call of actions.printing.print_run. A PDF file alone is a proof: only --mark-printed
records prints. A run sent to a printer is recorded once the queue took the job, like the GUI's
Print (in one short transaction, with the badge codes that were rendered); a printer that is
missing, paused or refuses the job records nothing (exit 2). --reason means what it means at the
desk: lost issues new codes and revokes the old ones; first is refused for a badge printed before;
other needs --note (why, in a few words). printer_fault and other reprint the code in force.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions import printing
from eventdesk.actions.base import ProgressFn
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_INVALID, EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.cli.signing import unlock_from_environment
from eventdesk.domain import Category, PrintReason
from eventdesk.domain.errors import DomainError
from eventdesk.ui.printers import queue

HELP = "cli.help.badges"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser("badges", help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--out", type=Path, metavar="FILE.pdf",
                   help=messages.text("cli.help.badges.out"))
    p.add_argument("--print", action="store_true",
                   help=messages.text("cli.help.badges.print"))
    p.add_argument("--printer", metavar="NAME",
                   help=messages.text("cli.help.badges.printer"))
    p.add_argument("--copies", type=int, default=1, metavar="N",
                   help=messages.text("cli.help.badges.copies"))
    p.add_argument("--layout", default="default", help=messages.text("cli.help.badges.layout"))
    p.add_argument("--preset", default="a6",
                   help=messages.text("cli.help.badges.preset", others=", ".join(
                       key for key, _label in printing.preset_choices() if key != "a6")))
    p.add_argument("--category", choices=[c.value for c in Category],
                   help=messages.text("cli.help.badges.category"))
    p.add_argument("--company", default="", metavar="TEXT",
                   help=messages.text("cli.help.badges.company"))
    p.add_argument("--hall", metavar="H", help=messages.text("cli.help.badges.hall"))
    p.add_argument("--exhibitor", type=int, metavar="ID",
                   help=messages.text("cli.help.badges.exhibitor"))
    p.add_argument("--not-printed", action="store_true",
                   help=messages.text("cli.help.badges.not_printed"))
    p.add_argument("--changed", action="store_true",
                   help=messages.text("cli.help.badges.changed"))
    p.add_argument("--sort", choices=printing.SORTS, default="company",
                   help=messages.text("cli.help.badges.sort"))
    p.add_argument("--mark-printed", action="store_true",
                   help=messages.text("cli.help.badges.mark_printed"))
    p.add_argument("--reason", choices=[r.value for r in PrintReason], default="first",
                   help=messages.text("cli.help.badges.reason"))
    p.add_argument("--note", default="", metavar="TEXT",
                   help=messages.text("cli.help.badges.note"))
    p.add_argument("--desk", default="batch",
                   help=messages.text("cli.help.badges.desk"))
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help=messages.text("cli.help.badges.workers"))
    p.add_argument("--crop-marks", action="store_true",
                   help=messages.text("cli.help.badges.crop_marks"))
    p.add_argument("--bleed", type=float, default=0.0, metavar="MM",
                   help=messages.text("cli.help.badges.bleed"))
    p.add_argument("--separators", action="store_true",
                   help=messages.text("cli.help.badges.separators"))
    p.add_argument("--offset", default="0,0", metavar="X,Y",
                   help=messages.text("cli.help.badges.offset"))
    p.add_argument("--strict", action="store_true",
                   help=messages.text("cli.help.badges.strict"))
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.json.result"))


def _offset(text: str) -> tuple[float, float]:
    x, _, y = text.partition(",")
    return float(x or 0), float(y or 0)


def run(args: argparse.Namespace) -> int:
    # The layout is checked by the run: the event's stored layouts count too (actions.layouts).
    presets = [key for key, _label in printing.preset_choices()]
    if args.preset not in presets:
        print("eventdesk badges: " + messages.text("cli.badges.unknown_preset",
                                                   preset=args.preset, presets=", ".join(presets)),
              file=sys.stderr)
        return EXIT_USAGE
    try:
        offset = _offset(args.offset)
    except ValueError:
        print("eventdesk badges: " + messages.text("cli.badges.bad_offset"), file=sys.stderr)
        return EXIT_USAGE
    if args.workers < 1:
        print("eventdesk badges: " + messages.text("cli.at_least", flag="workers", low=1),
              file=sys.stderr)
        return EXIT_USAGE
    if args.out is None and not args.print:
        print("eventdesk badges: " + messages.text("cli.badges.no_output"), file=sys.stderr)
        return EXIT_USAGE
    if args.copies < 1:
        print("eventdesk badges: " + messages.text("cli.at_least", flag="copies", low=1),
              file=sys.stderr)
        return EXIT_USAGE
    criteria = printing.BadgeFilter(
        category=Category(args.category) if args.category else None, company=args.company,
        hall=args.hall, not_printed=args.not_printed, changed_since_print=args.changed,
        exhibitor_id=args.exhibitor)
    options = printing.RenderOptions(crop_marks=args.crop_marks, bleed_mm=args.bleed,
                                     separator_pages=args.separators, offset_x_mm=offset[0],
                                     offset_y_mm=offset[1], workers=args.workers)
    selection = printing.BadgeSelection(criteria=criteria, sort=args.sort, layout=args.layout,
                                        preset=args.preset, options=options)
    # The printer is settled before anything is rendered: a missing one is exit 2 at once.
    job = _print_job(args, selection) if args.print else None
    started = time.perf_counter()
    db = open_db(args)
    try:
        ctx = signin.context(args, db, desk=args.desk)
        unlock_from_environment(ctx)  # else the run refuses: nothing printed unsigned
        run = printing.print_run(ctx, selection=selection, out=args.out,
                                 printer=None if job is None else _sink(job),
                                 record=args.mark_printed or job is not None,
                                 reason=args.reason, note=args.note,
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
        print_json({"badges": run.badges, "pages": run.pages,
                    "out": None if args.out is None else str(args.out),
                    "printer": None if job is None else job.printer,
                    "copies": None if job is None else job.copies,
                    "recorded": run.recorded,
                    "missing_glyphs": [messages.text(p.code, **p.params) for p in run.problems],
                    "reissued": [{"person_id": r.person_id, "name": r.name,
                                  "printed_code": r.printed_code} for r in run.reissued],
                    "seconds": round(seconds, 3)})
    else:
        if args.out is not None:
            print(messages.text("printing.cli_done", badges=run.badges, pages=run.pages,
                                out=args.out, seconds=seconds))
        if job is not None and run.printed:
            print(messages.text("printer.sent", printer=job.printer, badges=run.badges,
                                pages=run.pages, copies=job.copies))
        if args.mark_printed or (job is not None and run.printed):
            print(messages.text("printing.cli_recorded", count=run.recorded))
    return 0


def _print_job(args: argparse.Namespace, selection: printing.BadgeSelection) -> queue.PrintJob:
    """The printer (given, else the system's default) with the desk's calibration of it.
    Raises PrinterProblem (exit 2, one sentence) when there is none of that name."""
    from eventdesk.ui.printers import calibration as store

    queue.ensure_application()
    printer = queue.resolve(args.printer)
    calibration = store.load(store.app_settings(), desk=args.desk, printer=printer)
    return queue.PrintJob(printer, copies=args.copies, calibration=calibration,
                          title=f"EventDesk badges ({args.desk})",
                          duplex=printing.has_back_sides(selection))


def _sink(job: queue.PrintJob) -> printing.PrinterFn:
    def send(pdf: bytes, progress: ProgressFn) -> None:
        queue.print_pdf(pdf, job, progress)

    return send


def _report_problems(problems: tuple[printing.GlyphProblem, ...]) -> None:
    for problem in problems:
        print(f"eventdesk badges: {messages.text(problem.code, **problem.params)}",
              file=sys.stderr)

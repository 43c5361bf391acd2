"""`eventdesk printer list | calibrate | calibration-page`: the system's printers and a desk
printer's calibration, without a window.

    eventdesk printer list [--json]
    eventdesk printer calibrate --desk NAME [--printer P] [--offset-x MM] [--offset-y MM]
                                [--scale PCT] [--reset] [--json]
    eventdesk printer calibration-page [--preset KEY] (--out FILE.pdf | --print [--printer P])
                                       [--desk NAME --corrected]

The calibration is kept in this machine's settings per desk and printer (ui.printers.calibration);
`calibrate` without values shows it. Exit 2 when there is no such printer, 4 when a value is out
of range (nothing stored).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.cli.common import EXIT_INVALID, EXIT_USAGE, print_json
from eventdesk.domain.calibration import NONE, Calibration, CalibrationOutOfRange
from eventdesk.files import write_whole
from eventdesk.pdf.presets import PRESETS
from eventdesk.ui.printers import queue

# Qt's settings and widgets and the PDF renderer are imported by the actions that need them: every
# `eventdesk` command loads this module to build its parser.

COMMAND = "printer"
HELP = "cli.help.printer"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=messages.text(HELP), description=messages.text(HELP))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=messages.text("cli.help.printer.list"))
    listing.add_argument("--json", action="store_true", help=messages.text("cli.help.json.array"))

    c = actions.add_parser("calibrate", help=messages.text("cli.help.printer.calibrate"))
    c.add_argument("--desk", required=True, metavar="NAME",
                   help=messages.text("cli.help.printer.desk"))
    c.add_argument("--printer", metavar="NAME",
                   help=messages.text("cli.help.printer.printer"))
    c.add_argument("--offset-x", type=float, metavar="MM",
                   help=messages.text("cli.help.printer.offset_x"))
    c.add_argument("--offset-y", type=float, metavar="MM",
                   help=messages.text("cli.help.printer.offset_y"))
    c.add_argument("--scale", type=float, metavar="PCT",
                   help=messages.text("cli.help.printer.scale"))
    c.add_argument("--reset", action="store_true", help=messages.text("cli.help.printer.reset"))
    c.add_argument("--json", action="store_true", help=messages.text("cli.help.printer.json"))

    page = actions.add_parser("calibration-page", help=messages.text(
        "cli.help.printer.calibration_page"))
    page.add_argument("--preset", default="a6", choices=sorted(PRESETS),
                      help=messages.text("cli.help.printer.preset"))
    where = page.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.pdf",
                       help=messages.text("cli.help.printer.out"))
    where.add_argument("--print", action="store_true", help=messages.text("cli.help.printer.print"))
    page.add_argument("--printer", metavar="NAME", help=messages.text(
        "cli.help.printer.page_printer"))
    page.add_argument("--desk", metavar="NAME",
                      help=messages.text("cli.help.printer.page_desk"))
    page.add_argument("--corrected", action="store_true",
                      help=messages.text("cli.help.printer.corrected"))


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        return _list(args)
    if args.action == "calibrate":
        return _calibrate(args)
    return _page(args)


def _list(args: argparse.Namespace) -> int:
    queue.ensure_application()
    names = queue.printer_names()
    default = queue.default_printer()
    if args.json:
        print_json([{"name": n, "default": n == default} for n in names])
        return 0
    if not names:
        print(messages.text("printer.list_empty"))
    for name in names:
        print(name + (messages.text("printer.list_default") if name == default else ""))
    return 0


def _desk_printer(desk: str, given: str | None) -> str:
    """The printer a calibration is for: the one given, the desk's own (when this machine is
    that desk and prints to a printer), else the system's default."""
    from eventdesk.ui.desk import settings as desk_settings
    from eventdesk.ui.printers import calibration as store

    if given:
        return given
    mine = desk_settings.load(store.app_settings())
    if mine.name == desk and mine.printer not in ("", desk_settings.PDF_PRINTER):
        return mine.printer
    queue.ensure_application()
    return queue.resolve(None)


def _calibrate(args: argparse.Namespace) -> int:
    from eventdesk.ui.printers import calibration as store

    printer = _desk_printer(args.desk, args.printer)
    settings = store.app_settings()
    current = store.load(settings, desk=args.desk, printer=printer)
    values = (args.offset_x, args.offset_y, args.scale)
    code = "printer.calibration.current"
    if args.reset or any(v is not None for v in values):
        base = NONE if args.reset else current
        try:
            new = Calibration(base.offset_x_mm if args.offset_x is None else args.offset_x,
                              base.offset_y_mm if args.offset_y is None else args.offset_y,
                              base.scale_pct if args.scale is None else args.scale)
        except CalibrationOutOfRange as exc:
            print(f"eventdesk printer: {messages.describe(exc)}", file=sys.stderr)
            return EXIT_INVALID
        store.save(settings, desk=args.desk, printer=printer, calibration=new)
        current, code = new, "printer.calibration.saved"
    if args.json:
        print_json({"desk": args.desk, "printer": printer, "offset_x_mm": current.offset_x_mm,
                    "offset_y_mm": current.offset_y_mm, "scale_pct": current.scale_pct})
    else:
        print(messages.text(code, desk=args.desk, printer=printer, x=current.offset_x_mm,
                            y=current.offset_y_mm, scale=current.scale_pct))
    return 0


def _page(args: argparse.Namespace) -> int:
    from eventdesk.pdf.calibration import calibration_page
    from eventdesk.ui.printers import calibration as store

    pdf, marks = calibration_page(args.preset)
    w, h = marks.page_mm
    if args.out is not None:
        write_whole(args.out, pdf)  # whole or not at all (eventdesk.files)
        print(messages.text("printer.calibration.page_written", out=args.out, preset=args.preset,
                            w=w, h=h))
        return 0
    if args.corrected and not args.desk:
        print("eventdesk printer: " + messages.text("cli.printer.corrected_needs_desk"),
              file=sys.stderr)
        return EXIT_USAGE
    queue.ensure_application()
    printer = queue.resolve(args.printer)
    calibration = (store.load(store.app_settings(), desk=args.desk, printer=printer)
                   if args.corrected else NONE)
    queue.print_pdf(pdf, queue.PrintJob(printer, calibration=calibration,
                                        title=f"EventDesk calibration {args.preset}"))
    print(messages.text("printer.calibration.page_sent", printer=printer, preset=args.preset))
    return 0

"""`eventdesk layout list [--json]` and `eventdesk layout check FILE [--json]`: badge layouts.

`list` names every layout a print can use: the event's own (saved by the badge designer, used
by every desk), the user's and the built-in files. `check` reads a layout file with its images
as the designer's import does and exits 4 listing every problem, each naming its element.
`import FILE [--name N]` stores a file in the event; `export NAME --out FILE` writes one file
that carries its images. Thin calls into actions.layouts.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from eventdesk import messages
from eventdesk.actions import layouts
from eventdesk.actions.base import ActionContext
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_INVALID, add_db_option, open_db, print_json
from eventdesk.messages.layouts import layout_title
from eventdesk.storage import default_db_path, resolve_url, sqlite_path

HELP = "cli.help.layout"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser("layout", help=messages.text(HELP), description=messages.text(HELP))
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    listing = verbs.add_parser("list", help=messages.text("cli.help.layout.list"))
    add_db_option(listing)
    listing.add_argument("--json", action="store_true", help=messages.text("cli.help.json.array"))
    check = verbs.add_parser("check", help=messages.text("cli.help.layout.check"))
    check.add_argument("file", type=Path, metavar="FILE")
    check.add_argument("--json", action="store_true", help=messages.text("cli.help.json.object"))
    imp = verbs.add_parser("import", help=messages.text("cli.help.layout.import"))
    add_db_option(imp)
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--name", help=messages.text("cli.help.layout.name"))
    exp = verbs.add_parser("export", help=messages.text("cli.help.layout.export"))
    add_db_option(exp)
    exp.add_argument("name", metavar="NAME", help=messages.text("cli.help.layout.export_name"))
    exp.add_argument("--out", type=Path, required=True, metavar="FILE.json",
                     help=messages.text("cli.help.layout.export_out"))


def _problem_json(problem: layouts.LayoutProblem) -> dict[str, object]:
    return {"element": problem.element, "code": problem.code,
            "message": messages.text(str(layouts.problem_phrase(problem)),
                                     **layouts.problem_phrase(problem).params)}


def _has_database(args: argparse.Namespace) -> bool:
    """`layout list` on a PC with no event yet lists the files: only the implicit default
    database may be missing (an explicit --db or EVENTDESK_DB that does not exist is exit 2)."""
    if getattr(args, "db", None) or os.environ.get("EVENTDESK_DB"):
        return True
    path = sqlite_path(resolve_url(None))
    return not (path is not None and path == default_db_path() and not path.exists())


def _context(args: argparse.Namespace) -> ActionContext:
    """The signed-in context on the command's database (closed again when sign-in fails)."""
    db = open_db(args)
    try:
        return signin.context(args, db)
    except BaseException:
        db.dispose()
        raise


def run(args: argparse.Namespace) -> int:
    return int({"list": _list, "check": _check, "import": _import,
                "export": _export}[args.verb](args))


def _list(args: argparse.Namespace) -> int:
    ctx = _context(args) if _has_database(args) else None
    try:
        found = layouts.list_layouts(ctx).value
    finally:
        if ctx is not None:
            ctx.db.dispose()
    if args.json:
        print_json([{"name": i.name, "title": i.title, "origin": i.origin, "sizes": i.sizes,
                     "replaces": i.replaces or None, "updated_by": i.updated_by or None,
                     "updated_at": i.updated_at} for i in found])
        return 0
    for i in found:
        origin = messages.text(f"layout.origin.{i.origin}")
        title = layout_title(i.name, i.title, i.origin)
        print(f"{i.name}\t{title}\t{' '.join(i.sizes)}\t{origin}")
    return 0


def _check(args: argparse.Namespace) -> int:
    problems = layouts.check_layout_file(args.file)  # OSError: exit 2 with one sentence
    if args.json:
        print_json({"file": str(args.file), "ok": not problems,
                    "problems": [_problem_json(p) for p in problems]})
    elif problems:
        print(messages.text("layout.cli_problems", file=args.file, count=len(problems)),
              file=sys.stderr)
        for p in problems:
            print(f"  {_problem_json(p)['message']}", file=sys.stderr)
    else:
        document = layouts.import_layout_file(args.file).document
        print(messages.text("layout.cli_ok", file=args.file,
                            variants=len(document["variants"])))
    return EXIT_INVALID if problems else 0


def _import(args: argparse.Namespace) -> int:
    layout = layouts.import_layout_file(args.file)  # LayoutRejected: exit 4, element named
    if args.name:
        layout.name = layouts.check_name(args.name)
    ctx = _context(args)
    try:
        saved = layouts.save_layout(ctx, layout=layout).value
    finally:
        ctx.db.dispose()
    print(messages.text("layout.saved", name=saved.name))
    return 0


def _export(args: argparse.Namespace) -> int:
    ctx = _context(args)
    try:
        layout = layouts.open_layout(ctx, name=args.name).value
    finally:
        ctx.db.dispose()
    layouts.export_layout_file(layout, args.out)
    print(messages.text("layout.exported", path=args.out))
    return 0

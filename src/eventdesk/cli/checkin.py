"""`eventdesk checkin --desk NAME [--json] PAYLOAD...`: check people in by their badge payload.

One transaction per payload, as at the desk: a rejected payload does not undo the ones before it.
Exit 0 when every payload was checked in or already was, 3 when any was rejected.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eventdesk import messages
from eventdesk.actions import desk as desk_actions
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_OK, EXIT_REJECTED, add_db_option, open_db, print_json
from eventdesk.messages.desk import layout_hint, result_sentence
from eventdesk.services.checkin import CheckInResult
from eventdesk.services.events import get_event

HELP = "cli.help.checkin"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser("checkin", help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--desk", required=True, metavar="NAME",
                   help=messages.text("cli.help.checkin.desk"))
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.checkin.json"))
    p.add_argument("--operator", default=None,
                   help=messages.text("cli.help.checkin.operator"))
    p.add_argument("--accept-external", action="store_true",
                   help=messages.text("cli.help.checkin.accept_external"))
    p.add_argument("payload", nargs="+", metavar="PAYLOAD",
                   help=messages.text("cli.help.checkin.payload"))


def as_json(result: CheckInResult, tz: Any) -> dict[str, Any]:
    """The contract's shape; `result` is never `confirm` here (see run)."""
    person = result.person
    accepted = result.accepted
    return {
        "payload": result.payload,
        "result": result.result,
        "reason": None if accepted else (result.reason or "unknown"),
        "message": sentence(result),
        "person": person.name if person else None,
        "at": result.at.astimezone(tz).isoformat() if result.at else None,
        "desk": result.desk if accepted else None,
        "person_id": person.id if person else None,
        "company": person.company if person else None,
        "category": person.category.value if person else None,
        "operator": result.operator,
        # a payload read only through another keyboard layout: set the scanner (else null)
        "hint": layout_hint(result.layouts) or None,
    }


def sentence(result: CheckInResult) -> str:
    return result_sentence(result=result.result, code=result.code, params=dict(result.params))


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    # Without an operator to confirm, a foreign code admits nobody unless --accept-external.
    foreign: desk_actions.Foreign = "accept" if args.accept_external else "reject"
    rejected = False
    try:
        ctx = signin.context(args, db, desk=args.desk, operator=args.operator)
        with db.unit_of_work(write=False) as session:
            tz = get_event(session).tz
        for payload in args.payload:
            # One action (one transaction) per payload: a rejection does not undo the others.
            result = desk_actions.scan(ctx, payload=payload, foreign=foreign).value.result
            rejected = rejected or not result.accepted
            if args.json:
                print_json(as_json(result, tz))
            else:
                mark = {"checked_in": "✓", "already_checked_in": "=", "rejected": "✗"}
                print(f"{mark.get(result.result, '?')} {sentence(result)}")
                if result.layouts:
                    print(f"  {layout_hint(result.layouts)}")
                sys.stdout.flush()
    finally:
        db.dispose()
    return EXIT_REJECTED if rejected else EXIT_OK

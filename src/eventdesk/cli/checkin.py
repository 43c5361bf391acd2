"""`eventdesk checkin --desk NAME [--json] PAYLOAD...`: check people in by their badge payload.

One transaction per payload, as at the desk: a rejected payload does not undo the ones before it.
Exit 0 when every payload was checked in or already was, 3 when any was rejected.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eventdesk.cli.common import EXIT_OK, EXIT_REJECTED, add_db_option, open_db, print_json
from eventdesk.services.audit import os_operator
from eventdesk.services.checkin import CheckInResult, check_in, check_in_scan
from eventdesk.services.events import get_event

HELP = "check people in by the QR payload on their badge"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("checkin", help=HELP, description=HELP)
    add_db_option(p)
    p.add_argument("--desk", required=True, metavar="NAME", help="the desk checking in (e.g. 3)")
    p.add_argument("--json", action="store_true", help="print one JSON object per payload")
    p.add_argument("--operator", default=None, help="who is checking in (default: the OS user)")
    p.add_argument("--accept-external", action="store_true",
                   help="check in a code that is not ours when it matches a person's external "
                        "registration reference (the desk asks the operator instead)")
    p.add_argument("payload", nargs="+", metavar="PAYLOAD", help="scanned badge payload(s)")


def as_json(result: CheckInResult, tz: Any) -> dict[str, Any]:
    """The contract's shape; `result` is never `confirm` here (see run)."""
    person = result.person
    accepted = result.accepted
    return {
        "payload": result.payload,
        "result": result.result,
        "reason": None if accepted else (result.reason or "unknown"),
        "message": result.message,
        "person": person.name if person else None,
        "at": result.at.astimezone(tz).isoformat() if result.at else None,
        "desk": result.desk if accepted else None,
        "person_id": person.id if person else None,
        "company": person.company if person else None,
        "category": person.category.value if person else None,
        "operator": result.operator,
    }


def _one(db: Any, payload: str, args: argparse.Namespace, operator: str) -> CheckInResult:
    with db.unit_of_work() as session:
        result = check_in_scan(session, payload=payload, desk=args.desk, operator=operator)
        if result.result == "confirm" and result.person is not None:
            if args.accept_external:
                return check_in(session, person_id=result.person.id, desk=args.desk,
                                operator=operator, payload=payload, via="external_ref")
            # Without an operator to confirm, a foreign code admits nobody.
            from eventdesk.services import audit

            audit.record(session, actor=operator, desk=args.desk, action="checkin.rejected",
                         subject_type="person", subject_id=result.person.id,
                         detail={"reason": "unknown", "payload": payload[:256],
                                 "external_ref_match": True})
            return CheckInResult(result="rejected", reason="unknown", person=result.person,
                                 payload=payload,
                                 message=result.message + "（命令行未确认：使用 --accept-external）")
        return result


def run(args: argparse.Namespace) -> int:
    operator = args.operator or os_operator()
    db = open_db(args)
    rejected = False
    try:
        with db.unit_of_work(write=False) as session:
            tz = get_event(session).tz
        for payload in args.payload:
            result = _one(db, payload, args, operator)
            rejected = rejected or not result.accepted
            if args.json:
                print_json(as_json(result, tz))
            else:
                mark = {"checked_in": "✓", "already_checked_in": "=", "rejected": "✗"}
                print(f"{mark.get(result.result, '?')} {result.message}")
                sys.stdout.flush()
    finally:
        db.dispose()
    return EXIT_REJECTED if rejected else EXIT_OK

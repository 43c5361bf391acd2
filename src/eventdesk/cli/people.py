"""`eventdesk people [--json] [--limit N] [QUERY...]`: list or search people."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eventdesk import messages
from eventdesk.actions import people as people_actions
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_USAGE, add_db_option, open_db, print_json
from eventdesk.cli.signing import unlock_from_environment
from eventdesk.services.people import PersonRow

HELP = "cli.help.people"  # a message code: worded when the parser is built


def add_parser(sub: Any) -> None:
    p = sub.add_parser("people", help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.json.array"))
    p.add_argument("--limit", type=int, default=50, help=messages.text("cli.help.people.limit"))
    p.add_argument("query", nargs="*", metavar="QUERY",
                   help=messages.text("cli.help.people.query"))


def as_json(row: PersonRow, tz_name: str) -> dict[str, Any]:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(tz_name)
    return {
        "id": row.id,
        "name": row.name,
        "name_en": row.name_en,
        "company": row.company,
        "category": row.category.value,
        "status": row.status.value,
        "title": row.title,
        "phone": row.phone,
        "email": row.email,
        "hall": row.hall,
        "booth": row.booth,
        "badge_code": row.badge_code,
        "qr_payload": row.qr_payload or None,  # null while signing is locked here
        "external_ref": row.external_ref,
        "consent": row.consent.value,
        "contacts_masked": row.contacts_masked,
        "updated_at": row.updated_at.astimezone(tz).isoformat(),
    }


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        print("eventdesk people: " + messages.text("cli.at_least", flag="limit", low=1),
              file=sys.stderr)
        return EXIT_USAGE
    text = " ".join(args.query)
    db = open_db(args)
    try:
        ctx = signin.context(args, db)
        # qr_payload needs the signing key: given by EVENTDESK_SIGNING_PASSPHRASE, else null.
        unlock_from_environment(ctx, prompt=False)
        rows, tz = people_actions.find_people(ctx, query=text, limit=args.limit).value
    finally:
        db.dispose()
    if args.json:
        print_json([as_json(r, tz) for r in rows])
        return 0
    for r in rows:
        code = f"stats.category.{r.category.value}"
        label = messages.text(code) if code in messages.catalogue() else r.category.value
        cancelled = ("  " + messages.text("cli.people.cancelled")
                     if r.status.value == "cancelled" else "")
        booth = f"  {r.hall}{r.booth}" if r.booth else ""
        print(f"{r.name}\t{r.company}\t{label}{booth}\t{r.phone_masked}\t{r.badge_code}{cancelled}")
    if not rows:
        print(messages.text("cli.people.none_found" if text.strip() else "cli.people.none_yet"))
    return 0

"""`eventdesk audit [--json] [--since T] [--action PREFIX] [--text WORDS] [--limit N]` and
`eventdesk audit verify [--json] [--anchor SEQ:HASH]` (issue 12).

The list is newest first, times in the event's time zone with offset. `--since` takes an ISO
date (from midnight) or date-time, read in the event's zone unless it carries an offset. Verify
exits 0 with the count and the head (seq and hash: note them somewhere safe, README "Audit
trail") or 6 naming the first bad entry.
"""

from __future__ import annotations

import argparse
from typing import Any
from zoneinfo import ZoneInfo

from eventdesk import messages
from eventdesk.actions import audit as audit_actions
from eventdesk.actions.base import ActionContext
from eventdesk.cli import signin
from eventdesk.cli.common import add_db_option, open_db, print_json
from eventdesk.domain.errors import DomainError
from eventdesk.services.audit_read import AuditRow, Filters, Verified, detail_text

HELP = "cli.help.audit"  # a message code: worded when the parser is built
DEFAULT_LIMIT = 100


class UsageError(DomainError):
    """A value on the command line that cannot be read (exit 2)."""

    exit_code = 2


def add_parser(sub: Any) -> None:
    p = sub.add_parser("audit", help=messages.text(HELP), description=messages.text(HELP))
    add_db_option(p)
    p.add_argument("what", nargs="?", choices=["list", "verify"], default="list",
                   metavar="list|verify",  # named so in argparse's errors too (not "what")
                   help=messages.text("cli.help.audit.what"))
    p.add_argument("--json", action="store_true", help=messages.text("cli.help.json.plain"))
    p.add_argument("--since", metavar="T",
                   help=messages.text("cli.help.audit.since"))
    p.add_argument("--action", metavar="PREFIX", default="",
                   help=messages.text("cli.help.audit.action"))
    p.add_argument("--text", metavar="WORDS", default="",
                   help=messages.text("cli.help.audit.text"))
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                   help=messages.text("cli.help.audit.limit", limit=DEFAULT_LIMIT))
    p.add_argument("--anchor", metavar="SEQ:HASH",
                   help=messages.text("cli.help.audit.anchor"))


def parse_anchor(value: str) -> tuple[int, str]:
    seq, _, digest = value.partition(":")
    if not seq.strip().isdigit() or len(digest.strip()) != 64:
        raise UsageError(code="audit.bad_anchor", value=value)
    return int(seq), digest.strip().lower()


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError(code="cli.out_of_range", flag="limit", low=1, high="∞")
    anchor = parse_anchor(args.anchor) if args.anchor else None
    db = open_db(args)
    try:
        ctx = signin.context(args, db)
        if args.what == "verify":
            return _verify(ctx, anchor=anchor, as_json=args.json)
        zone = audit_actions.event_zone(ctx).value
        filters = Filters(since=audit_actions.parse_since(args.since, zone) if args.since else None,
                          action_prefix=args.action, text=args.text)
        rows = audit_actions.list_trail(ctx, filters=filters, limit=args.limit).value
    finally:
        db.dispose()
    if args.json:
        print_json([entry_json(r, zone) for r in rows])
        return 0
    for r in rows:
        print("\t".join([str(r.seq or "-"), r.at.astimezone(zone).isoformat(), r.actor,
                         r.desk or "-", r.action, _subject(r), detail_text(r)]))
    if not rows:
        print(messages.text("audit.none"))
    return 0


def entry_json(row: AuditRow, zone: ZoneInfo) -> dict[str, Any]:
    """One entry of `audit --json`: seq, id, at (event zone, offset), actor, desk, action,
    subject ({type, id} or null), detail (object), hash."""
    return {"seq": row.seq, "id": row.id, "at": row.at.astimezone(zone).isoformat(),
            "actor": row.actor, "desk": row.desk, "action": row.action,
            "subject": ({"type": row.subject_type, "id": row.subject_id}
                        if row.subject_type or row.subject_id is not None else None),
            "detail": row.detail, "hash": row.hash}


def _subject(r: AuditRow) -> str:
    if r.subject_id is None:
        return r.subject_type or "-"
    return f"{r.subject_type}:{r.subject_id}"


def verified_json(result: Verified) -> dict[str, Any]:
    """`audit verify --json`: {ok, count, head: {seq, hash}, broken: null | {kind, seq,
    entry_id, action, at, message}}."""
    broken = result.broken
    return {"ok": result.ok, "count": result.count,
            "head": {"seq": result.head_seq, "hash": result.head_hash},
            "broken": None if broken is None else {
                "kind": broken.kind, "seq": broken.seq, "entry_id": broken.entry_id,
                "action": broken.action or None,
                "at": broken.at.isoformat() if broken.at else None,
                "message": messages.describe(audit_actions.broken_error(broken))}}


def _verify(ctx: ActionContext, *, anchor: tuple[int, str] | None, as_json: bool) -> int:
    result = audit_actions.verify_trail(ctx, anchor=anchor).value
    if as_json:
        print_json(verified_json(result))
    if result.broken is not None:
        raise audit_actions.broken_error(result.broken)  # one sentence on stderr, exit 6
    if not as_json:
        print(messages.text("audit.verify.ok", count=result.count, seq=result.head_seq,
                            hash=result.head_hash))
    return 0

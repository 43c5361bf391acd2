"""`eventdesk signing init|rotate|unlock|status [--db URL] [--json]`: the badge signing key.

`init` (admin) makes the event's Ed25519 key, sealed under a passphrase typed twice at a prompt
or taken from EVENTDESK_SIGNING_PASSPHRASE; `rotate` replaces it (badges signed by the old key
still scan); `unlock` checks a passphrase (a command line process keeps nothing after it ends:
every command that prints unlocks for itself, see `unlock_from_environment`); `status` says
whether the event has a key and shows its fingerprint. Thin calls into actions.signing.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from eventdesk import messages
from eventdesk.actions import signing
from eventdesk.actions.base import ActionContext
from eventdesk.cli.common import add_db_option, open_db, print_json
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import DomainError
from eventdesk.services.audit import os_operator
from eventdesk.services.signing import MIN_PASSPHRASE_LENGTH, SigningStatus
from eventdesk.storage import Database

HELP = "cli.help.signing"  # a message code: worded when the parser is built
PASSPHRASE_VAR = "EVENTDESK_SIGNING_PASSPHRASE"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("signing", help=messages.text(HELP), description=messages.text(HELP))
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    for verb in ("init", "rotate", "unlock", "status"):
        text = messages.text(f"cli.help.signing.{verb}", variable=PASSPHRASE_VAR)
        v = verbs.add_parser(verb, help=text, description=text)
        add_db_option(v)
        v.add_argument("--json", action="store_true", help=messages.text("cli.help.json.object"))


def context(db: Database) -> ActionContext:
    """The command line's context. Until accounts reach the command line (--user), it acts as
    the OS user with the admin role, as every command does today."""
    return ActionContext(db=db, desk="cli", operator=os_operator(),
                         user=Principal(os_operator(), UserRole.ADMIN))


def _typed(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


def passphrase(*, new: bool = False) -> str:
    """The passphrase from EVENTDESK_SIGNING_PASSPHRASE, else typed at a prompt (twice for a
    new one). Raises DomainError signing.passphrase_missing without either, or
    signing.passphrase_mismatch."""
    given = os.environ.get(PASSPHRASE_VAR)
    if given:
        return given
    prompt = (messages.text("signing.prompt_new", minimum=MIN_PASSPHRASE_LENGTH) if new
              else messages.text("signing.prompt"))
    typed = _typed(prompt)
    if typed is None:
        raise DomainError(code="signing.passphrase_missing")
    if new and _typed(messages.text("signing.prompt_again")) != typed:
        raise DomainError(code="signing.passphrase_mismatch")
    return typed


def unlock_from_environment(ctx: ActionContext, *, prompt: bool = True) -> None:
    """Before a command that signs payloads: unlock the key with EVENTDESK_SIGNING_PASSPHRASE,
    or (`prompt`) a prompt on a terminal, when the event has a locked key. Without either
    nothing happens here: a print then refuses with one sentence (signing.locked) rather than
    draw unsigned codes; a list shows no payload."""
    status = signing.signing_status(ctx).value
    if not status.has_key or status.unlocked:
        return
    if not os.environ.get(PASSPHRASE_VAR) and not (prompt and sys.stdin.isatty()):
        return
    signing.unlock_signing(ctx, passphrase=passphrase())


def _shape(status: SigningStatus) -> dict[str, Any]:
    return {"has_key": status.has_key, "unlocked": status.unlocked,
            "fingerprint": status.fingerprint, "created_at": status.created_at,
            "created_by": status.created_by, "keys": status.keys,
            "legacy_badges": status.legacy_badges}


def _say(status: SigningStatus, headline: str | None = None) -> None:
    say = messages.text
    if headline:
        print(say(headline, fingerprint=status.fingerprint))
    if not status.has_key:
        print(say("signing.status.none"))
    else:
        print(say("signing.status.unlocked" if status.unlocked else "signing.status.locked",
                  fingerprint=status.fingerprint))
    if status.has_key:
        created = status.created_at.isoformat(timespec="seconds") if status.created_at else ""
        print(say("signing.status.detail", created_at=created, created_by=status.created_by,
                  keys=status.keys, legacy=status.legacy_badges))


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        ctx = context(db)
        headline = None
        if args.verb in ("init", "rotate"):
            status = signing.create_signing_key(ctx, passphrase=passphrase(new=True),
                                                rotate=args.verb == "rotate").value
            headline = "signing.created"
        elif args.verb == "unlock":
            status = signing.unlock_signing(ctx, passphrase=passphrase()).value
            headline = "signing.unlocked"
        else:
            status = signing.signing_status(ctx).value
    finally:
        db.dispose()
    if args.json:
        print_json(_shape(status))
    else:
        _say(status, headline)
    return 0

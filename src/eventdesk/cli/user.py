"""`eventdesk user add NAME --role R | list [--json] | passwd NAME | disable NAME | role NAME R`:
the accounts of the event's database (issue 12).

On a database without accounts, `user add NAME --role admin` creates the first admin without
signing in; everything else runs as the signed-in account (global --user, cli.signin) and needs
the admin role, except changing one's own password. A new password is typed twice on a terminal,
or read from the first line of standard input with --password-stdin (scripts).
Exit 0; 4 for a refused username or password (nothing written); 5 when the role does not allow
it or sign-in failed.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.cli import signin
from eventdesk.cli.common import EXIT_INVALID, add_db_option, open_db, print_json
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import DomainError, NotSignedIn, ValidationFailed
from eventdesk.storage import Database

COMMAND = "user"
HELP = "cli.help.user"  # a message code: worded when the parser is built
ROLES = [role.value for role in UserRole]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(COMMAND, help=messages.text(HELP), description=messages.text(HELP))
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser("add", help=messages.text("cli.help.user.add"))
    add.add_argument("name", metavar="NAME", help=messages.text("cli.help.user.name"))
    add.add_argument("--role", required=True, choices=ROLES,
                     help=messages.text("cli.help.user.role"))
    _password_option(add)
    listing = verbs.add_parser("list", help=messages.text("cli.help.user.list"))
    listing.add_argument("--json", action="store_true", help=messages.text("cli.help.json.array"))
    passwd = verbs.add_parser("passwd", help=messages.text("cli.help.user.passwd"))
    passwd.add_argument("name", metavar="NAME", help=messages.text("cli.help.user.name"))
    _password_option(passwd)
    disable = verbs.add_parser("disable", help=messages.text("cli.help.user.disable"))
    disable.add_argument("name", metavar="NAME", help=messages.text("cli.help.user.name"))
    role = verbs.add_parser("role", help=messages.text("cli.help.user.change_role"))
    role.add_argument("name", metavar="NAME", help=messages.text("cli.help.user.name"))
    role.add_argument("role", choices=ROLES, help=messages.text("cli.help.user.role"))
    for verb in (add, listing, passwd, disable, role):
        add_db_option(verb)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true",
                        help=messages.text("cli.help.user.password_stdin"))


def new_password(args: argparse.Namespace, name: str) -> str:
    """The new password of `name`: standard input's first line with --password-stdin, else
    typed twice on a terminal. Raises NotSignedIn auth.no_password without either, DomainError
    auth.passwords_differ when the two typings differ."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not signin.on_terminal():
        raise NotSignedIn(code="auth.no_new_password")
    first = getpass.getpass(messages.text("auth.new_password_prompt", username=name))
    if getpass.getpass(messages.text("auth.repeat_prompt")) != first:
        raise DomainError(code="auth.passwords_differ")
    return first


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        return _VERBS[args.verb](args, db)
    except ValidationFailed as exc:
        print(f"eventdesk user: {messages.describe(exc)}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        db.dispose()


def _add(args: argparse.Namespace, db: Database) -> int:
    role = UserRole(args.role)
    if accounts.needs_first_admin(db):
        if role is not UserRole.ADMIN:
            raise NotSignedIn(code="auth.first_admin_role")
        password = new_password(args, args.name.strip())
        admin = accounts.create_first_admin(db, username=args.name, password=password,
                                            desk="cli")
        print(messages.text("accounts.added", username=admin.username, role=admin.role.value))
        return 0
    ctx = signin.context(args, db)
    password = new_password(args, args.name.strip())
    info = accounts.add_user(ctx, username=args.name, role=role, password=password)
    print(messages.text("accounts.added", username=info.username, role=info.role.value))
    return 0


def _list(args: argparse.Namespace, db: Database) -> int:
    users = accounts.list_users(signin.context(args, db))
    if args.json:
        print_json([{"username": u.username, "role": u.role.value, "active": u.active,
                     "created_at": u.created_at, "last_login_at": u.last_login_at}
                    for u in users])
        return 0
    print(messages.text("accounts.list.header"))
    for u in users:
        state = messages.text("accounts.state.active" if u.active else "accounts.state.disabled")
        last = (u.last_login_at.isoformat(timespec="seconds") if u.last_login_at
                else messages.text("accounts.never"))
        print(f"{u.username}\t{u.role.value}\t{state}\t{last}")
    return 0


def _passwd(args: argparse.Namespace, db: Database) -> int:
    ctx = signin.context(args, db)
    password = new_password(args, args.name.strip())
    info = accounts.set_password(ctx, username=args.name, password=password)
    print(messages.text("accounts.password_set", username=info.username))
    return 0


def _disable(args: argparse.Namespace, db: Database) -> int:
    info = accounts.disable_user(signin.context(args, db), username=args.name)
    print(messages.text("accounts.disabled", username=info.username))
    return 0


def _role(args: argparse.Namespace, db: Database) -> int:
    info = accounts.set_role(signin.context(args, db), username=args.name,
                             role=UserRole(args.role))
    print(messages.text("accounts.role_set", username=info.username, role=info.role.value))
    return 0


_VERBS: dict[str, Callable[[argparse.Namespace, Database], int]] = {
    "add": _add, "list": _list, "passwd": _passwd, "disable": _disable, "role": _role}

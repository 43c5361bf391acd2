"""Signing in on the command line (issue 12): every command that reads or changes event data runs
as an account, named by the global `--user NAME` or EVENTDESK_USER. The password comes from a
prompt when standard input is a terminal, else from EVENTDESK_PASSWORD (scripts, the desks'
benchmark). A refusal is a NotSignedIn or Forbidden error: one sentence and exit 5.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Principal
from eventdesk.domain.errors import NotSignedIn
from eventdesk.storage import Database

USER_VAR = "EVENTDESK_USER"
PASSWORD_VAR = "EVENTDESK_PASSWORD"


def username(args: argparse.Namespace) -> str | None:
    """The account to sign in as: --user, else EVENTDESK_USER; None when neither is given."""
    name = getattr(args, "user", None) or os.environ.get(USER_VAR, "")
    return name.strip() or None


def on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def password_for(name: str) -> str:
    """The password of `name`: asked for on a terminal (not echoed), else EVENTDESK_PASSWORD.
    Raises NotSignedIn "auth.no_password" when there is neither."""
    if on_terminal():
        return getpass.getpass(messages.text("auth.password_prompt", username=name))
    password = os.environ.get(PASSWORD_VAR)
    if password is None:
        raise NotSignedIn(code="auth.no_password")
    return password


def sign_in(args: argparse.Namespace, db: Database, *, desk: str) -> Principal:
    """The account the command runs as, its password checked (a refusal is audited
    `user.login_failed`; a success writes nothing, see actions.accounts.authenticate).

    Raises NotSignedIn (exit 5): "auth.no_accounts" on a database without accounts (the first
    admin comes first: `eventdesk user add NAME --role admin`), "auth.no_user" when no account
    is named, "auth.no_password", "auth.bad_credentials", "auth.disabled"."""
    if accounts.needs_first_admin(db):
        raise NotSignedIn(code="auth.no_accounts")
    name = username(args)
    if name is None:
        raise NotSignedIn(code="auth.no_user")
    # A command is not a session: no user.login entry, so a reading command writes nothing.
    return accounts.authenticate(db, username=name, password=password_for(name), desk=desk)


def context(args: argparse.Namespace, db: Database, *, desk: str = "cli",
            operator: str | None = None) -> ActionContext:
    """An ActionContext for the signed-in account (see sign_in); the operator written into
    audit entries and check-ins is the account's name unless `operator` is given."""
    user = sign_in(args, db, desk=desk)
    return ActionContext(db=db, desk=desk, operator=operator or user.username, user=user)

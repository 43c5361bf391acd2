"""What every command shares: --db, opening the database, JSON output, exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from eventdesk.domain.access import Principal
from eventdesk.services.audit import os_principal
from eventdesk.storage import Database, open_database, resolve_url

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_INVALID = 4


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="database file or server URL (default: $EVENTDESK_DB, then the "
                             "per-user eventdesk.sqlite3)")


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_database(resolve_url(getattr(args, "db", None)), create=create)


def acting_user(args: argparse.Namespace) -> Principal:
    """Who a command acts as. Until `--user` sign-in exists (the "auth" work replaces this with
    the signed-in user) the OS user, as services.audit.os_principal says."""
    del args
    return os_principal()


@contextmanager
def unit_of_work(args: argparse.Namespace, *, write: bool = True) -> Iterator[Session]:
    db = open_db(args)
    try:
        with db.unit_of_work(write=write) as session:
            yield session
    finally:
        db.dispose()


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default)


def print_json(value: Any) -> None:
    sys.stdout.write(dumps(value) + "\n")
    sys.stdout.flush()

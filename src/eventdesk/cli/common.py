"""What every command shares: --db, opening the database, JSON output, exit codes.

Commands reach the database only through actions, signed in (cli.signin): there is no helper
here that opens a unit of work for a command."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from eventdesk import messages
from eventdesk.storage import Database, open_database, resolve_url

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REJECTED = 3
EXIT_INVALID = 4
EXIT_FORBIDDEN = 5  # the role does not allow it, or sign-in failed (domain.errors.Forbidden)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH_OR_URL", help=messages.text("cli.help.db"))


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_database(resolve_url(getattr(args, "db", None)), create=create)


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

"""The command line (contract in ARCHITECTURE.md). Every command is a thin call into actions.

Each command lives in its own module with `add_parser(subparsers)` and `run(args) -> int`; this
module only chooses the language (`--lang zh|en`, else the locale), dispatches, and turns domain
errors into one sentence (eventdesk.messages) and an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from eventdesk import messages
from eventdesk.cli.common import EXIT_USAGE, add_db_option
from eventdesk.domain.errors import DomainError
from eventdesk.storage import database_error, resolve_url

# Module names under eventdesk.cli; the command name is the module's COMMAND (default: its name).
COMMAND_MODULES = ["gui", "people", "schedule", "checkin", "badges", "demo", "import_", "export",
                   "printer", "layout"]


def _load_commands() -> dict[str, ModuleType]:
    commands: dict[str, ModuleType] = {}
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        commands[getattr(module, "COMMAND", module_name)] = module
    return commands


def build_parser(commands: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventdesk",
        description="EventDesk — 会议现场签到、胸卡、展商与日程 / on-site conference desk",
    )
    # Taken out of the arguments before parsing (see _take_lang); here for --help and checking.
    parser.add_argument("--lang", choices=messages.LANGUAGES,
                        help="language of messages (default: $EVENTDESK_LANG, then the locale; "
                             "zh unless it is English)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in commands.values():
        module.add_parser(sub)
    return parser


def _take_lang(argv: list[str]) -> tuple[str | None, list[str]]:
    """`--lang X` / `--lang=X` anywhere before `--` (global: before or after the command and its
    sub-command) -> (X or None, the other arguments in their order)."""
    lang: str | None = None
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang, i = argv[i + 1], i + 2
            continue
        if arg.startswith("--lang="):
            lang, i = arg.partition("=")[2], i + 1
            continue
        rest.append(arg)
        i += 1
    return lang, rest


def _with_default_command(argv: list[str], names: set[str]) -> list[str]:
    """`eventdesk`, `eventdesk --db x` and `eventdesk --screenshot …` mean `eventdesk gui …`;
    a leading `--db X` may also stand before any command."""
    if argv[:1] and argv[0] in ("-h", "--help"):
        return argv
    lead: list[str] = []
    rest = list(argv)
    while rest and (rest[0] == "--db" or rest[0].startswith("--db=")):
        take = 1 if "=" in rest[0] else 2
        lead, rest = lead + rest[:take], rest[take:]
    if rest and rest[0] in names:
        return [rest[0], *lead, *rest[1:]]
    return ["gui", *lead, *rest]


def main(argv: Sequence[str] | None = None) -> int:
    lang, args_list = _take_lang(list(sys.argv[1:] if argv is None else argv))
    commands = _load_commands()
    parser = build_parser(commands)
    if lang is not None and lang not in messages.LANGUAGES:
        parser.error(f"--lang: {lang!r} (zh, en)")
    # The language holds for this command only, so a caller in the same process (a test, a
    # script) finds it as it was.
    previous = messages.language()
    messages.set_language(lang or messages.language_from_environment())
    args: argparse.Namespace | None = None
    try:
        args = parser.parse_args(_with_default_command(args_list, set(commands)))
        module = commands[args.command]
        return int(module.run(args) or 0)
    except DomainError as exc:
        return _refuse(exc)
    except OSError as exc:
        # A file the command was told to read or write (--out a directory, a read-only folder,
        # a full disk): one sentence naming the file and the system's reason, exit 2.
        sentence = " ".join(messages.describe(exc).split())
        print(f"eventdesk: {sentence}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        # A database that is locked, unreachable or not a database at all, met anywhere in a
        # command (opening it, or its first write): one sentence and exit 2, never a traceback.
        url = resolve_url(getattr(args, "db", None))
        storage_error = database_error(exc, url=url)
        if storage_error is None:
            raise
        return _refuse(storage_error)
    except KeyboardInterrupt:
        return 130
    finally:
        messages.set_language(previous)


def _refuse(exc: DomainError) -> int:
    """The error as one line on stderr; its exit code (default 2)."""
    sentence = " ".join(messages.describe(exc).split())  # one line, whatever a path holds
    print(f"eventdesk: {sentence}", file=sys.stderr)
    code = getattr(exc, "exit_code", EXIT_USAGE)
    return code if isinstance(code, int) else EXIT_USAGE


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


__all__ = ["add_db_option", "main"]

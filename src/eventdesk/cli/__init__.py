"""The command line (contract in ARCHITECTURE.md). Every command is a thin call into actions.

Each command lives in its own module with `add_parser(subparsers)` and `run(args) -> int`; this
module only chooses the language (`--lang zh|en`, else the locale), dispatches, and turns domain
errors into one sentence (eventdesk.messages) and an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from eventdesk import messages
from eventdesk.cli.common import EXIT_USAGE, add_db_option
from eventdesk.cli.wording import ArgumentParser, argparse_words
from eventdesk.domain.errors import DomainError
from eventdesk.domain.storable import escaped, storable
from eventdesk.storage import failure_of, resolve_url

# Exit status when the reader of our output closed the pipe: 128 + SIGPIPE, as for `yes | head`.
EXIT_PIPE_CLOSED = 141

# Module names under eventdesk.cli; the command name is the module's COMMAND (default: its name).
COMMAND_MODULES = ["gui", "people", "schedule", "checkin", "badges", "demo", "import_", "export",
                   "printer", "layout", "user", "audit", "signing", "backup", "restore",
                   "purge", "stats", "exhibitors"]


def _load_commands() -> dict[str, ModuleType]:
    commands: dict[str, ModuleType] = {}
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        commands[getattr(module, "COMMAND", module_name)] = module
    return commands


def build_parser(commands: dict[str, ModuleType]) -> argparse.ArgumentParser:
    """The parser of every command, its help in the current language (messages.set_language
    first; inside cli.wording.argparse_words for argparse's own words)."""
    parser = ArgumentParser(prog="eventdesk", description=messages.text("cli.help.program"))
    # Taken out of the arguments before parsing (see _take_global); here for --help and checking.
    parser.add_argument("--lang", choices=messages.LANGUAGES, help=messages.text("cli.help.lang"))
    parser.add_argument("--user", metavar="NAME", help=messages.text("cli.help.global_user"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in commands.values():
        module.add_parser(sub)
    return parser


def _take_global(argv: list[str], option: str) -> tuple[str | None, list[str]]:
    """`OPTION X` / `OPTION=X` anywhere before `--` (global: before or after the command and its
    sub-command) -> (X or None, the other arguments in their order)."""
    value: str | None = None
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == option and i + 1 < len(argv):
            value, i = argv[i + 1], i + 2
            continue
        if arg.startswith(option + "="):
            value, i = arg.partition("=")[2], i + 1
            continue
        rest.append(arg)
        i += 1
    return value, rest


def _take_lang(argv: list[str]) -> tuple[str | None, list[str]]:
    """`--lang X` anywhere (see _take_global)."""
    return _take_global(argv, "--lang")


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
    # The account every command runs as (cli.signin), global like --lang.
    user, args_list = _take_global(args_list, "--user")
    _print_any_name()
    # The language holds for this command only, so a caller in the same process (a test, a
    # script) finds it as it was. It is chosen before the parsers are built: their help texts
    # are worded when they are made. An unknown --lang is refused in the locale's language.
    previous = messages.language()
    messages.set_language(lang if lang in messages.LANGUAGES
                          else messages.language_from_environment())
    args: argparse.Namespace | None = None
    try:
        commands = _load_commands()
        with argparse_words():  # argparse's own words ("usage:", its errors) in the language
            parser = build_parser(commands)
            if lang is not None and lang not in messages.LANGUAGES:
                parser.error(messages.text("cli.bad_language", lang=lang))
            args = parser.parse_args(_with_default_command(args_list, set(commands)))
        args.user = user
        args.lang = lang  # the GUI's language: --lang before its own setting (ui.i18n)
        refused = _not_text(args)
        if refused is not None:
            return _refuse(refused)
        module = commands[args.command]
        code = int(module.run(args) or 0)
        # What is still buffered goes out now, where a closed pipe is handled (below), not in
        # the interpreter's last flush, which would print "Exception ignored … BrokenPipeError".
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except DomainError as exc:
        return _refuse(exc)
    except OSError as exc:
        # A file the command was told to read or write (--out a directory, a read-only folder,
        # a full disk): one sentence naming the file and the system's reason, exit 2.
        sentence = " ".join(messages.describe(exc).split())
        print(f"eventdesk: {sentence}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        # Any database error, met anywhere in a command (opening it, a write, a constraint):
        # one sentence and exit 2, never a traceback (whose SQL parameters are personal data).
        url = resolve_url(getattr(args, "db", None))
        storage_error = failure_of(exc, url=url)
        if storage_error is None:
            raise
        return _refuse(storage_error)
    except KeyboardInterrupt:
        return 130
    finally:
        messages.set_language(previous)


# Arguments that may hold any bytes: file names and URLs (the OS takes a name that is not UTF-8),
# and scanned payloads (a scan with such characters is rejected as malformed, exit 3).
_ANY_BYTES = frozenset({"db", "payload"})


def _not_text(args: argparse.Namespace) -> DomainError | None:
    """A usage error for the first text argument holding NUL or a lone surrogate (a byte that
    is not UTF-8): such a value cannot be stored, searched or printed, so it is refused here,
    before it reaches the database. None when every argument is text."""
    for name, value in vars(args).items():
        if name in _ANY_BYTES:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not storable(item):
                option = name.upper() if name == "query" else "--" + name.replace("_", "-")
                return DomainError(code="cli.argument_not_text", option=option,
                                   value=escaped(item))
    return None


def _print_any_name() -> None:
    """A file name that is not UTF-8 (the OS allows it) is printed with escapes for its odd
    bytes instead of failing the command at its last line."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="backslashreplace")


def _pipe_closed() -> int:
    """The reader of our output went away (`eventdesk people | head -1`): stop quietly, as a
    command killed by SIGPIPE does (exit 141 = 128 + SIGPIPE, what a shell reports for one).
    Standard output now points at the null device, so that the interpreter's last flush of what
    is still buffered has nowhere to fail."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return EXIT_PIPE_CLOSED
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
    return EXIT_PIPE_CLOSED


def _refuse(exc: DomainError) -> int:
    """The error as one line on stderr; its exit code (default 2)."""
    sentence = " ".join(messages.describe(exc).split())  # one line, whatever a path holds
    print(f"eventdesk: {sentence}", file=sys.stderr)
    code = getattr(exc, "exit_code", EXIT_USAGE)
    return code if isinstance(code, int) else EXIT_USAGE


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


__all__ = ["add_db_option", "main"]

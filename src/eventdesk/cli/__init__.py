"""The command line (contract in ARCHITECTURE.md). Every command is a thin call into services/pdf.

Each command lives in its own module with `add_parser(subparsers)` and `run(args) -> int`; this
module only dispatches and turns domain errors into one sentence and an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from eventdesk.cli.common import EXIT_USAGE, add_db_option
from eventdesk.domain.errors import DomainError
from eventdesk.messages import describe

# Module names under eventdesk.cli; the command name is the module's COMMAND (default: its name).
COMMAND_MODULES = ["gui", "people", "schedule", "checkin", "badges", "demo", "import_", "export"]


def _load_commands() -> dict[str, object]:
    commands = {}
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        commands[getattr(module, "COMMAND", module_name)] = module
    return commands


def build_parser(commands: dict[str, object]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventdesk",
        description="EventDesk — 会议现场签到、胸卡、展商与日程 / on-site conference desk",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in commands.values():
        module.add_parser(sub)  # type: ignore[attr-defined]
    return parser


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
    args_list = list(sys.argv[1:] if argv is None else argv)
    commands = _load_commands()
    parser = build_parser(commands)
    args = parser.parse_args(_with_default_command(args_list, set(commands)))
    module = commands[args.command]
    try:
        return int(module.run(args) or 0)  # type: ignore[attr-defined]
    except DomainError as exc:
        print(f"eventdesk: {describe(exc)}", file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_USAGE)
    except KeyboardInterrupt:
        return 130


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


__all__ = ["add_db_option", "main"]

"""`eventdesk … | head -c0`: the reader closed the pipe before the command wrote. Every command
that writes to standard output stops quietly (exit 141, as a command killed by SIGPIPE), never
with a BrokenPipeError traceback or an "unexpected error" sentence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventdesk.storage import Database
from tests.cli.real_entry import run
from tests.services.checkin_cases import add, payload_of


@pytest.fixture
def event(event_db: Database, db_path: Path) -> tuple[str, str]:
    for i in range(30):
        add(event_db, f"观众{i:02d}", company="阿丘科技", phone=f"139{i:08d}")
    return str(db_path), payload_of(event_db, 1)


COMMANDS = {
    "people": lambda db, _p, _t: ["people", "--db", db, "--limit", "30"],
    "people --json": lambda db, _p, _t: ["people", "--db", db, "--json", "阿丘"],
    "checkin": lambda db, p, _t: ["checkin", "--db", db, "--desk", "1", "--json", p],
    "schedule conflicts": lambda db, _p, _t: ["schedule", "conflicts", "--db", db, "--json"],
    "export": lambda db, _p, t: ["export", "--db", db, "--kind", "people",
                                 "--out", str(t / "p.csv")],
    "badges": lambda db, _p, t: ["badges", "--db", db, "--out", str(t / "b.pdf"), "--json"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_pipe_ends_the_command_quietly(name: str, event: tuple[str, str],
                                                tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # `head -c0` has gone before the command writes a byte
    try:
        done = run(COMMANDS[name](*event, tmp_path), stdout=write_end)
    finally:
        os.close(write_end)
    assert done.stderr == b""
    assert done.returncode == 141

"""A disk that fills up while a command writes its output: the good file already there stays
byte for byte, nothing half-written is left beside it, and the command says which file could
not be written in one sentence (exit 2). The limit is the real one a process meets
(RLIMIT_FSIZE: writes past it fail, as on a full disk), through the real entry point."""

from __future__ import annotations

import resource
import signal
from pathlib import Path

import pytest

from eventdesk.storage import to_url
from tests.accounts import take_over_demo_admin
from tests.cli.real_entry import run

# Above SQLite's 32 KiB shared-memory file (opening the database must work), below each output.
LIMIT = 33_000


@pytest.fixture(scope="module")
def event(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("event") / "event.sqlite3"
    done = run(["demo", "--db", str(db), "--exhibitors", "20", "--people", "300"])
    assert done.returncode == 0, done.stderr
    take_over_demo_admin(to_url(db))  # the commands below sign in as its admin
    return db


def _small_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


COMMANDS = {
    "badges.pdf": ["badges"],
    "people.csv": ["export", "--kind", "people"],
    "people.xlsx": ["export", "--kind", "people"],
    "programme.pdf": ["export", "--kind", "programme"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_full_disk_keeps_the_good_file(name: str, event: Path, tmp_path: Path) -> None:
    target = tmp_path / name
    assert run([*COMMANDS[name], "--db", str(event), "--out", str(target)]).returncode == 0
    good = target.read_bytes()
    assert len(good) > LIMIT  # the new one cannot be written whole
    target.write_bytes(good[:100] + b"yesterday" + good[109:])  # yesterday's good file

    before = target.read_bytes()
    done = run([*COMMANDS[name], "--db", str(event), "--out", str(target)], preexec=_small_disk)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.splitlines() == [
        f"eventdesk: Cannot read or write the file {target}: The file is too large"]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no .part left behind

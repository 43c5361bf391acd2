"""A people import and the desks on one SQLite file: the import writes in short transactions, so a
desk checks in while it writes; a killed import is completed by running it again; a desk's change
between two steps is planned in, not written over."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk import storage
from eventdesk.actions import desk as desk_actions
from eventdesk.actions import imports as import_actions
from eventdesk.actions.base import ActionContext
from eventdesk.domain import AuditEntry, CheckIn, Person
from eventdesk.services.people import PersonInput, create_person, list_people
from eventdesk.storage import Database, open_database, to_url
from tests.accounts import ADMIN

ROWS = 600


def people_list(path: Path, rows: int = ROWS) -> Path:
    path.write_text("姓名,单位,手机\n" + "".join(f"导入{i},光合,136{i:08d}\n" for i in range(rows)),
                    encoding="utf-8")
    return path


def committed_people(path: Path) -> int:
    """People another process sees committed (a plain connection, no busy wait needed: WAL)."""
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])


def desk_database(path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Another desk on the same file that gives up on a lock after 1 s instead of 15 s."""
    with monkeypatch.context() as patch:
        patch.setattr(storage, "BUSY_TIMEOUT_MS", 1000)
        return open_database(to_url(path))


def test_a_desk_checks_in_while_the_import_writes(event_db: Database, db_path: Path,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with event_db.unit_of_work() as s:
        for i in range(8):
            create_person(s, data=PersonInput(name=f"来宾{i}", phone=f"139{i:08d}"),
                          operator="desk")
    with event_db.unit_of_work(write=False) as s:
        payloads = [p.qr_payload for p in list_people(s, with_payload=True)]
    before = committed_people(db_path)
    monkeypatch.setattr(import_actions, "WRITE_STEP", 200, raising=False)
    desk = desk_database(db_path, monkeypatch)
    seen: list[tuple[int, str]] = []  # (people committed, what the desk's check-in gave)

    def progress(done: int, total: int) -> None:
        # The desk scans the next visitor whenever the import reports, also mid-write.
        try:
            result = desk_actions.scan(ActionContext(desk, desk="2", user=ADMIN),
                                       payload=payloads[len(seen)]).value.result.result
        except Exception as exc:  # noqa: BLE001 - what the desk met is the finding
            result = type(exc).__name__
        seen.append((committed_people(db_path), result))

    done = import_actions.import_list(ActionContext(event_db, operator="organiser",
                                                    user=ADMIN),
                                      request=import_actions.ImportRequest(
                                          path=people_list(tmp_path / "p.csv"), kind="people"),
                                      progress=progress)
    desk.dispose()
    assert done.value.created == ROWS and committed_people(db_path) == before + ROWS
    assert [r for _n, r in seen] == ["checked_in"] * len(seen)
    # Some of those check-ins went in while part of the list was written and part was not.
    assert any(before < n < before + ROWS for n, _r in seen)
    with event_db.unit_of_work(write=False) as s:
        assert s.scalar(select(func.count(CheckIn.id))) == len(seen)


KILLED_RUN = """
import os, signal, sqlite3, sys
from contextlib import closing
from pathlib import Path
from eventdesk.actions import imports as import_actions
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.storage import open_database, to_url

path, source, before = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
import_actions.WRITE_STEP = 100

def progress(done, total):
    with closing(sqlite3.connect(path)) as conn:
        if conn.execute("SELECT count(*) FROM person").fetchone()[0] >= before + 200:
            os.kill(os.getpid(), signal.SIGKILL)  # the power cable, mid-import

import_actions.import_list(ActionContext(open_database(to_url(path)), operator="organiser",
                                         user=Principal("organiser", UserRole.ORGANISER)),
                           request=import_actions.ImportRequest(path=source, kind="people"),
                           progress=progress)
"""


def test_a_killed_import_is_completed_by_importing_again(event_db: Database, db_path: Path,
                                                        tmp_path: Path) -> None:
    source = people_list(tmp_path / "p.csv")
    before = committed_people(db_path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    killed = subprocess.run([sys.executable, "-c", KILLED_RUN, str(db_path), str(source),
                             str(before)], env=env, capture_output=True, text=True, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    written = committed_people(db_path) - before
    assert 0 < written < ROWS  # whole steps only: the file is as the last commit left it
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    ctx = ActionContext(event_db, operator="organiser", user=ADMIN)
    request = import_actions.ImportRequest(path=source, kind="people")
    again = import_actions.import_list(ctx, request=request).value
    assert (again.created, again.skipped) == (ROWS - written, written)
    with event_db.unit_of_work(write=False) as s:
        names = list(s.scalars(select(Person.name).where(Person.name.like("导入%"))))
        audits = list(s.scalars(select(AuditEntry.detail)
                                .where(AuditEntry.action == "import.people")))
    assert sorted(names) == sorted(f"导入{i}" for i in range(ROWS))  # each once
    assert len(audits) == 1  # the completing run's; the killed run never finished
    third = import_actions.import_list(ctx, request=request)
    assert (third.value.skipped, third.value.written, third.changes) == (ROWS, False, frozenset())


def test_a_walk_in_between_two_steps_is_planned_in(event_db: Database, db_path: Path,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk registers 导入550 (same phone) after the first step: the rest is planned again
    and 导入550 is recognised, not created a second time."""
    monkeypatch.setattr(import_actions, "WRITE_STEP", 100, raising=False)
    before = committed_people(db_path)

    def progress(done: int, total: int) -> None:
        if committed_people(db_path) == before + 100:
            with event_db.unit_of_work() as s:
                if not s.scalar(select(Person.id).where(Person.name == "导入550")):
                    create_person(s, data=PersonInput(name="导入550", company="光合",
                                                      phone="13600000550"), operator="desk")

    done = import_actions.import_list(ActionContext(event_db, operator="organiser",
                                                    user=ADMIN),
                                      request=import_actions.ImportRequest(
                                          path=people_list(tmp_path / "p.csv"), kind="people"),
                                      progress=progress).value
    assert (done.created, done.skipped) == (ROWS - 1, 1)
    assert committed_people(db_path) == before + ROWS

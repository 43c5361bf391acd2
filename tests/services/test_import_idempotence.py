"""Importing the same list twice changes nothing the second time (issue 11, kind 4): rows with
only a name, and two imports of one file at the same moment (two organisers, two machines) —
on PostgreSQL as on SQLite."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.actions import imports as import_actions
from eventdesk.actions.base import ActionContext
from eventdesk.domain import Person
from eventdesk.services.imports import import_file
from eventdesk.services.imports.people import PeopleAdapter
from eventdesk.storage import Database
from tests.accounts import ADMIN


def counts(db: Database) -> dict[str, int]:
    with db.unit_of_work(write=False) as s:
        rows = s.execute(select(Person.name, func.count()).group_by(Person.name))
        return {name: int(n) for name, n in rows}


def run(db: Database, path: Path) -> tuple[int, int, int]:
    with db.unit_of_work() as s:
        report = import_file(s, path=path, kind="people")
    return report.created, report.updated, report.skipped


def test_rows_with_only_a_name_are_imported_once(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("姓名,类别,备注\n张伟,嘉宾,\n李娜,,需要翻译\n王芳,,\n", encoding="utf-8")
    assert run(event_db, path) == (3, 0, 0)
    assert run(event_db, path) == (0, 0, 3)
    assert run(event_db, path) == (0, 0, 3)
    assert counts(event_db) == {"张伟": 1, "李娜": 1, "王芳": 1}


def test_a_name_alone_does_not_merge_into_a_person_with_a_phone(event_db: Database,
                                                                tmp_path: Path) -> None:
    """张伟 with a phone and 张伟 with nothing may be two people: the bare row is its own
    person, once, and stays so on the next import."""
    with_phone = tmp_path / "a.csv"
    with_phone.write_text("姓名,手机\n张伟,13812345678\n", encoding="utf-8")
    bare = tmp_path / "b.csv"
    bare.write_text("姓名\n张伟\n", encoding="utf-8")
    run(event_db, with_phone)
    assert run(event_db, bare) == (1, 0, 0)
    assert run(event_db, bare) == (0, 0, 1)
    assert run(event_db, with_phone) == (0, 0, 1)
    assert counts(event_db) == {"张伟": 2}


def test_two_imports_of_one_file_at_once_create_everyone_once(
        event_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both organisers' imports plan (nobody there yet), then both reach their write at the
    same moment: each write transaction, having read the people's stamp, waits at a barrier
    for the other's. Without a lock both see the table as planned and insert everyone; with
    the import lock the second waits (the barrier times out), sees the first's rows, plans
    again and writes nothing."""
    path = tmp_path / "list.csv"
    path.write_text("姓名,单位,手机\n" + "".join(f"人员{i},公司{i % 9},137{i:08d}\n"
                                             for i in range(300)) + "张伟,,\n李娜,,\n",
                    encoding="utf-8")
    barrier = threading.Barrier(2, timeout=3)
    calls: dict[int, int] = {}
    real_stamp = PeopleAdapter.stamp

    def stamp(self: PeopleAdapter, session: object) -> object:
        seen = real_stamp(self, session)  # type: ignore[arg-type]
        me = threading.get_ident()
        calls[me] = calls.get(me, 0) + 1
        if calls[me] == 2:  # the first check inside a write transaction
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()
        return seen

    monkeypatch.setattr(PeopleAdapter, "stamp", stamp)
    reports: list[tuple[int, int, int]] = []
    failures: list[BaseException] = []

    def organiser(desk: str) -> None:
        try:
            ctx = ActionContext(db=event_db, desk=desk, operator=desk, user=ADMIN)
            request = import_actions.ImportRequest(path=path, kind="people")
            done = import_actions.import_list(ctx, request=request).value
            reports.append((done.created, done.updated, done.skipped))
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            failures.append(exc)

    threads = [threading.Thread(target=organiser, args=(f"machine{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures and len(reports) == 2
    found = counts(event_db)
    assert len(found) == 302 and set(found.values()) == {1}
    assert sum(created for created, _u, _s in reports) == 302
    assert all(updated == 0 for _c, updated, _s in reports)


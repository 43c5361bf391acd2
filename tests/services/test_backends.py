"""What must hold alike on SQLite and PostgreSQL beyond the single-service tests: several desks
racing for the same badges (threads and separate processes), and a schedule edit, restore and
import dry-run in one go. Each test runs once per backend (see tests/conftest.py)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from eventdesk.services.imports import import_file
from eventdesk.services.schedule import items as schedule
from eventdesk.storage import Database, open_database
from tests.schedule_data import at, build_small
from tests.services import checkin_cases as cases


def test_eight_desks_threads_one_badge(event_db: Database) -> None:
    cases.case_concurrent_threads(event_db, threads=8)


def test_eight_desks_threads_one_badge_through_the_desk_action(event_db: Database) -> None:
    cases.case_concurrent_threads(event_db, threads=8, as_desk=True)


def _desk_process(url: str, payloads: list[str], desk: str, start: object, out: object) -> None:
    from eventdesk.services.checkin import check_in_scan

    db = open_database(url)
    start.wait()  # type: ignore[attr-defined]
    results = []
    for payload in payloads:
        with db.unit_of_work() as s:
            results.append(check_in_scan(s, payload=payload, desk=desk, operator="proc").result)
    db.dispose()
    out.put(results)  # type: ignore[attr-defined]


def test_four_desk_processes_same_badges(event_db: Database) -> None:
    """Every desk scans the same 20 badges in the same moment: each person checked in once."""
    payloads = [cases.payload_of(event_db, cases.add(event_db, f"进程{i}").id)
                for i in range(20)]
    mp = multiprocessing.get_context("spawn")
    start, out = mp.Event(), mp.Queue()
    procs = [mp.Process(target=_desk_process,
                        args=(event_db.url, payloads, str(i), start, out)) for i in range(4)]
    for proc in procs:
        proc.start()
    start.set()
    gathered = [out.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    flat = [r for rs in gathered for r in rs]
    assert flat.count("checked_in") == 20
    assert flat.count("already_checked_in") == 60
    assert cases.count(event_db) == 20


def test_conflicts_moves_restore_and_import(db: Database, tmp_path: Path) -> None:
    small = build_small(db)
    d0 = small.days[0]
    with db.unit_of_work() as s:
        schedule.place_item(s, item_id=small.items["芯片"], start=at(d0, "09:30"),
                            end=at(d0, "10:30"), room_id=small.rooms["主会场"])
    with db.unit_of_work(write=False) as s:
        assert [c.kind for c in schedule.find_conflicts(s)] == ["room_double_booked"]
        assert len(schedule.conflicts_for_item(s, item_id=small.items["芯片"])) == 1
        before = schedule.get_item(s, item_id=small.items["开幕"])
    assert before.start == at(d0, "09:00")
    with db.unit_of_work() as s:
        schedule.delete_item(s, item_id=before.id)
        schedule.create_item(s, data=before.as_input(), item_id=before.id)
        # An explicit id must not leave PostgreSQL's sequence behind: the next insert still works.
        schedule.create_item(s, data=schedule.ItemInput(title_zh="新的"))
    with db.unit_of_work(write=False) as s:
        assert schedule.get_item(s, item_id=before.id) == before
    path = tmp_path / "s.csv"
    path.write_text("日期,开始,结束,会场,议题,演讲嘉宾\n2025/5/21,9:30,10:00,分会场一,数据,王芳\n",
                    encoding="utf-8")
    with db.unit_of_work() as s:
        result = import_file(s, path=path, kind="schedule", dry_run=True)
    assert result.created == 1 and {c.kind for c in result.extra["conflicts"]} == {
        "room_double_booked", "speaker_double_booked"}
    with db.unit_of_work(write=False) as s:
        assert "数据" not in {i.title_zh for i in schedule.list_items(s)}

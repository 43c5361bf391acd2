"""Check-in on a real PostgreSQL: the same cases as on SQLite, and desks racing for one badge."""

from __future__ import annotations

import multiprocessing

import pytest

from eventdesk.storage import Database, open_database
from tests.services import checkin_cases as cases

pytestmark = [pytest.mark.pg, pytest.mark.xdist_group("pg")]


def test_scan_then_repeat_then_forged(pg_event_db: Database) -> None:
    cases.case_scan_then_repeat_then_forged(pg_event_db)


def test_rejection_reasons(pg_event_db: Database) -> None:
    cases.case_reasons(pg_event_db)


def test_lost_badge_reprint_revokes_old_code(pg_event_db: Database) -> None:
    cases.case_lost_badge_is_revoked(pg_event_db)


def test_event_days_and_undo(pg_event_db: Database) -> None:
    cases.case_per_event_day_and_undo(pg_event_db)


def test_eight_desks_threads_one_badge(pg_event_db: Database) -> None:
    cases.case_concurrent_threads(pg_event_db, threads=8)


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


def test_four_desk_processes_same_badges(pg_event_db: Database) -> None:
    """Every desk scans the same 20 badges in the same moment: each person checked in once."""
    payloads = [cases.payload_of(pg_event_db, cases.add(pg_event_db, f"进程{i}").id)
                for i in range(20)]
    mp = multiprocessing.get_context("spawn")
    start, out = mp.Event(), mp.Queue()
    procs = [mp.Process(target=_desk_process,
                        args=(pg_event_db.url, payloads, str(i), start, out)) for i in range(4)]
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
    assert cases.count(pg_event_db) == 20


def test_lost_race_reads_winner(pg_event_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    cases.case_lost_race_reads_winner(pg_event_db, monkeypatch)

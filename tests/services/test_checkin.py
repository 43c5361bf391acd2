"""Check-in at the desk on SQLite: outcomes, reasons, revocation, event days, undo, races."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.domain.qr import normalise
from eventdesk.storage import Database, open_database, to_url
from tests.services import checkin_cases as cases


def test_scan_then_repeat_then_forged(event_db: Database) -> None:
    cases.case_scan_then_repeat_then_forged(event_db)


def test_rejection_reasons_change_nothing_but_audit(event_db: Database) -> None:
    cases.case_reasons(event_db)


def test_foreign_code_found_by_external_ref(event_db: Database) -> None:
    cases.case_external_ref_needs_confirmation(event_db)


def test_lost_badge_reprint_revokes_old_code(event_db: Database) -> None:
    cases.case_lost_badge_is_revoked(event_db)


def test_event_days_and_undo(event_db: Database) -> None:
    cases.case_per_event_day_and_undo(event_db)


def test_threads_on_sqlite(event_db: Database) -> None:
    cases.case_concurrent_threads(event_db, threads=4)


def _scan_in_process(url: str, payload: str, desk: str, start: object, out: object) -> None:
    from eventdesk.services.checkin import check_in_scan

    db = open_database(url)
    start.wait()  # type: ignore[attr-defined]
    with db.unit_of_work() as s:
        result = check_in_scan(s, payload=payload, desk=desk, operator="proc").result
    db.dispose()
    out.put(result)  # type: ignore[attr-defined]


def test_two_processes_same_payload_one_sqlite_file(event_db: Database, db_path: Path) -> None:
    p = cases.add(event_db, "双进程")
    payload = cases.payload_of(event_db, p.id)
    mp = multiprocessing.get_context("spawn")
    start, out = mp.Event(), mp.Queue()
    procs = [mp.Process(target=_scan_in_process,
                        args=(to_url(db_path), payload, str(i), start, out))
             for i in (1, 2)]
    for proc in procs:
        proc.start()
    start.set()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    assert sorted([out.get(timeout=5), out.get(timeout=5)]) == ["already_checked_in", "checked_in"]
    assert cases.count(event_db) == 1


@pytest.fixture
def one_payload(event_db: Database) -> tuple[Database, str]:
    p = cases.add(event_db, "属性")
    return event_db, cases.payload_of(event_db, p.id)


_ALPHABET = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.abcxyz -_/:")


@st.composite
def _mutations(draw: st.DrawFn, payload: str) -> str:
    kind = draw(st.sampled_from(["replace", "insert", "delete", "truncate", "extend"]))
    i = draw(st.integers(0, len(payload) - 1))
    ch = draw(_ALPHABET)
    if kind == "replace":
        return payload[:i] + ch + payload[i + 1:]
    if kind == "insert":
        return payload[:i] + ch + payload[i:]
    if kind == "delete":
        return payload[:i] + payload[i + 1:]
    if kind == "truncate":
        return payload[:i]
    return payload + draw(st.text(_ALPHABET, min_size=1, max_size=5))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_change_that_survives_normalisation_is_rejected(
        one_payload: tuple[Database, str], data: st.DataObject) -> None:
    db, payload = one_payload
    changed = data.draw(_mutations(payload))
    if normalise(changed) == payload:
        return  # case or padding only: the same payload
    before = cases.count(db)
    result = cases.scan(db, changed)
    assert result.result == "rejected", (changed, result)
    assert cases.count(db) == before == 0


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pad_left=st.text(" \t", max_size=3), pad_right=st.sampled_from(["", "\r", "\n", " \r\n"]),
       lower=st.booleans())
def test_lower_case_or_padded_payload_is_accepted(
        one_payload: tuple[Database, str], pad_left: str, pad_right: str, lower: bool) -> None:
    db, payload = one_payload
    text = pad_left + (payload.lower() if lower else payload) + pad_right
    assert cases.scan(db, text).accepted


def test_lost_race_reads_winner(event_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    cases.case_lost_race_reads_winner(event_db, monkeypatch)


def test_nul_and_lone_surrogates_are_malformed(event_db: Database) -> None:
    cases.case_unstorable_characters_are_malformed(event_db)

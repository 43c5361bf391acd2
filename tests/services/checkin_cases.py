"""Check-in service cases shared by the SQLite layer (tests/services) and PostgreSQL (tests/pg)."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from eventdesk.domain import AuditEntry, CheckIn, PrintReason
from eventdesk.messages import describe
from eventdesk.messages.desk import result_sentence
from eventdesk.services import arrivals, checkin, people
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from tests.accounts import ADMIN


def add(db: Database, name: str, **kw: object) -> people.PersonRow:
    with db.unit_of_work() as s:
        return people.create_person(s, data=PersonInput(name=name, **kw), operator="t")  # type: ignore[arg-type]


def payload_of(db: Database, pid: int) -> str:
    with db.unit_of_work(write=False) as s:
        return people.get_person(s, person_id=pid).qr_payload


def scan(db: Database, payload: str, desk: str = "3", **kw: object) -> checkin.CheckInResult:
    with db.unit_of_work() as s:
        return checkin.check_in_scan(s, payload=payload, desk=desk, operator="op", **kw)  # type: ignore[arg-type]


def sentence(result: checkin.CheckInResult) -> str:
    """The sentence a person reads for a result (the service returns codes only)."""
    return result_sentence(result=result.result, code=result.code, params=dict(result.params))


def count(db: Database, model: type = CheckIn) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def rejected_audits(db: Database) -> list[dict[str, object]]:
    with db.unit_of_work(write=False) as s:
        return [json.loads(e.detail) for e in
                s.scalars(select(AuditEntry).where(AuditEntry.action == "checkin.rejected"))]


def case_scan_then_repeat_then_forged(db: Database) -> None:
    p = add(db, "张伟", company="阿丘科技")
    payload = payload_of(db, p.id)
    first = scan(db, payload)
    assert first.result == "checked_in" and first.person and first.person.name == "张伟"
    again = scan(db, "  " + payload.lower() + "\r\n", desk="5")
    assert again.result == "already_checked_in"
    assert again.desk == "3" and again.at == first.at
    assert "在 3 号台签到" in sentence(again)
    forged = payload[:-1] + ("A" if payload[-1] != "A" else "B")
    bad = scan(db, forged)
    assert (bad.result, bad.reason) == ("rejected", "forged")
    assert sentence(bad).startswith("拒绝：") and "伪造" in sentence(bad)
    assert count(db) == 1
    assert [a["reason"] for a in rejected_audits(db)] == ["forged"]


def case_reasons(db: Database) -> None:
    gone = add(db, "李娜", status="cancelled")
    r = scan(db, payload_of(db, gone.id))
    assert (r.result, r.reason) == ("rejected", "cancelled")
    parts = payload_of(db, add(db, "王芳").id).split(".")
    other = ".".join([parts[0], "OTHER", *parts[2:]])
    assert scan(db, other).reason == "other_event"
    assert scan(db, "ED1.TEST.xx").reason == "malformed"
    assert scan(db, "hello world").reason == "unknown"
    assert count(db) == 0
    assert len(rejected_audits(db)) == 4


def case_external_ref_needs_confirmation(db: Database) -> None:
    p = add(db, "赵敏", external_ref="REG-2025-00042")
    r = scan(db, "reg-2025-00042\n")
    assert r.result == "confirm" and r.person and r.person.id == p.id
    assert count(db) == 0
    with db.unit_of_work() as s:
        done = checkin.check_in(s, person_id=p.id, desk="3", operator="op")
    assert done.result == "checked_in"


def case_lost_badge_is_revoked(db: Database) -> None:
    p = add(db, "陈晨")
    old = payload_of(db, p.id)
    with db.unit_of_work() as s:
        assert desk_badges.record_print(s, person_id=p.id, desk="3", operator="op",
                                        layout="default").print_count == 1
        fresh = desk_badges.revoke_badge(s, person_id=p.id, reason=PrintReason.LOST, desk="3",
                                         operator="op")
        again = desk_badges.record_print(s, person_id=p.id, desk="3", operator="op",
                                         layout="default", reason=PrintReason.LOST)
    assert again.print_count == 2 and fresh.badge_code != p.badge_code
    r = scan(db, old)
    assert (r.result, r.reason) == ("rejected", "revoked")
    assert scan(db, fresh.qr_payload).result == "checked_in"


def case_per_event_day_and_undo(db: Database) -> None:
    p = add(db, "周杰")
    # 23:30 and 00:30 Shanghai time on consecutive days: two event days, two check-ins.
    day1 = datetime(2026, 11, 27, 15, 30, tzinfo=UTC)
    with db.unit_of_work() as s:
        first = checkin.check_in(s, person_id=p.id, desk="1", operator="o", now=day1)
        assert first.result == "checked_in"
        nxt = checkin.check_in(s, person_id=p.id, desk="1", operator="o",
                               now=day1 + timedelta(hours=1))
        assert nxt.result == "checked_in"
    with db.unit_of_work() as s:
        undone = checkin.undo_last_check_in(s, desk="1", operator="o",
                                            now=day1 + timedelta(hours=1, minutes=2))
    assert undone.person_name == "周杰"
    assert count(db) == 1
    try:
        with db.unit_of_work() as s:
            checkin.undo_last_check_in(s, desk="1", operator="o",
                                       now=day1 + timedelta(hours=2))
    except Exception as exc:  # noqa: BLE001
        assert "没有可撤销" in describe(exc)
    else:
        raise AssertionError("an old check-in must not be undone")


def case_concurrent_threads(db: Database, threads: int = 8, *, as_desk: bool = False) -> None:
    """Several desks scan the same badge at the same moment: exactly one check-in. `as_desk`:
    through the desk's action (actions.desk.scan: a single-write unit of work, which on
    PostgreSQL runs without a transaction around its read and its one write)."""
    from eventdesk.actions import desk as desk_actions
    from eventdesk.actions.base import ActionContext

    p = add(db, "并发")
    payload = payload_of(db, p.id)
    barrier = threading.Barrier(threads)
    results: list[str] = []
    errors: list[BaseException] = []

    def desk(n: int) -> None:
        try:
            barrier.wait()
            if as_desk:
                ctx = ActionContext(db=db, desk=str(n), operator="op", user=ADMIN)
                results.append(desk_actions.scan(ctx, payload=payload).value.result.result)
            else:
                results.append(scan(db, payload, desk=str(n)).result)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    workers = [threading.Thread(target=desk, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not errors, errors
    assert sorted(results) == ["already_checked_in"] * (threads - 1) + ["checked_in"]
    assert count(db) == 1
    with db.unit_of_work(write=False) as s:  # and one audit entry of it
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action == "checkin.create")) == 1


def case_lost_race_reads_winner(db: Database, monkeypatch: object) -> None:
    """The loser of a race saw no check-in when it looked, then inserted: the unique
    constraint turns its INSERT … ON CONFLICT DO NOTHING into no row, and it reports the
    winner's desk; its unit of work goes on and commits."""
    p = add(db, "竞态")
    with db.unit_of_work() as s:
        checkin.check_in(s, person_id=p.id, desk="7", operator="a")
    real = arrivals.look_up
    calls = {"n": 0}

    def blind_first(session, **kw):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        seen = real(session, **kw)
        return replace(seen, prior=None) if calls["n"] == 1 else seen

    monkeypatch.setattr(arrivals, "look_up", blind_first)  # type: ignore[attr-defined]
    with db.unit_of_work() as s:
        r = checkin.check_in(s, person_id=p.id, desk="8", operator="b")
        people.create_person(s, data=PersonInput(name="同一事务"), operator="b")
    assert calls["n"] == 1
    assert (r.result, r.desk) == ("already_checked_in", "7")
    assert count(db) == 1
    with db.unit_of_work(write=False) as s:
        assert [x.name for x in people.list_people(s) if x.name == "同一事务"] == ["同一事务"]


def case_unstorable_characters_are_malformed(db: Database) -> None:
    """NUL (PostgreSQL text refuses it) and a lone surrogate (no UTF-8 encoder takes it; what a
    command-line byte that is not UTF-8 becomes) are rejected as malformed, shown escaped, with
    one audit entry and nothing else — on SQLite and PostgreSQL alike."""
    good = payload_of(db, add(db, "赵敏").id)
    samples = {
        good[:8] + "\x00" + good[8:]: good[:8] + "\\x00" + good[8:],  # ours, with a NUL inside
        "REF\x00123": "REF\\x00123",  # looks like another system's code: looked up by ref
        "\udcff\udcfeED1": "\\udcff\\udcfeED1",
        good + "\ud800": good + "\\ud800",
    }
    for raw, shown in samples.items():
        result = scan(db, raw)
        assert (result.result, result.reason, result.payload) == ("rejected", "malformed", shown)
        assert sentence(result) == "拒绝：二维码格式不正确"
    assert count(db) == 0
    assert [a["payload"] for a in rejected_audits(db)] == list(samples.values())
    assert scan(db, good).result == "checked_in"  # the desk goes on

"""`eventdesk audit [--json] [--since T] [--action PREFIX]` and `eventdesk audit verify`: the
JSON shapes, the filters, and exit 6 with one sentence naming the first bad entry."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.services import audit
from eventdesk.storage import Database, to_url
from tests.accounts import take_over_demo_admin

ENTRY_KEYS = {"seq", "id", "at", "actor", "desk", "action", "subject", "detail", "hash"}


def _trail(db: Database) -> None:
    with db.unit_of_work() as s:
        audit.record(s, actor="amy", desk="desk-2", action="checkin.create",
                     subject_type="person", subject_id=7, detail={"via": "scan"})
        audit.record(s, actor="amy", desk="desk-2", action="checkin.rejected",
                     detail={"reason": "forged"})
        audit.record(s, actor="org", action="export.people", subject_type="export",
                     detail={"fields": ["姓名", "手机"], "count": 2})


def _raw(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as conn:  # what someone with the sqlite3 tool would do
        conn.execute(sql)


@pytest.fixture
def trail(event_db: Database) -> Database:
    _trail(event_db)
    return event_db


def test_list_json_newest_first_in_the_event_zone(trail: Database, db_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--db", str(db_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["action"] for r in rows] == ["export.people", "checkin.rejected",
                                           "checkin.create"]
    assert all(set(r) >= ENTRY_KEYS for r in rows)
    first = rows[-1]
    assert first["seq"] == 1 and first["subject"] == {"type": "person", "id": 7}
    assert first["detail"] == {"via": "scan"} and first["desk"] == "desk-2"
    assert first["at"].endswith("+08:00")  # the event's zone (Asia/Shanghai), with offset
    assert rows[0]["detail"]["fields"] == ["姓名", "手机"]


def test_action_prefix_limit_and_since(trail: Database, db_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--db", str(db_path), "--json", "--action", "checkin"]) == 0
    assert {r["action"] for r in json.loads(capsys.readouterr().out)} == {
        "checkin.create", "checkin.rejected"}
    assert main(["audit", "--db", str(db_path), "--json", "--limit", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    tomorrow = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    assert main(["audit", "--db", str(db_path), "--json", "--since", tomorrow]) == 0
    assert json.loads(capsys.readouterr().out) == []
    an_hour_ago = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    assert main(["audit", "--db", str(db_path), "--json", "--since", an_hour_ago]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_a_time_that_cannot_be_read_is_a_usage_error(trail: Database, db_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--db", str(db_path), "--since", "yesterday"]) == 2
    err = capsys.readouterr().err
    assert "yesterday" in err and "Traceback" not in err


def test_verify_json_when_intact(trail: Database, db_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--db", str(db_path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is True and result["count"] == 3 and result["broken"] is None
    assert result["head"]["seq"] == 3 and len(result["head"]["hash"]) == 64
    anchor = f"{result['head']['seq']}:{result['head']['hash']}"
    assert main(["audit", "verify", "--db", str(db_path), "--anchor", anchor]) == 0
    assert result["head"]["hash"] in capsys.readouterr().out


@pytest.mark.parametrize(("tamper", "kind", "seq"), [
    ("UPDATE audit_entry SET detail = '{\"via\": \"search\"}' WHERE seq = 1", "edited", 1),
    ("DELETE FROM audit_entry WHERE seq = 2", "missing", 2),
    ("DELETE FROM audit_entry WHERE seq = 3", "missing", 3),
])
def test_verify_exits_6_naming_the_first_bad_entry(
        trail: Database, db_path: Path, capsys: pytest.CaptureFixture[str], tamper: str,
        kind: str, seq: int) -> None:
    _raw(db_path, tamper)
    assert main(["audit", "verify", "--db", str(db_path)]) == 6
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and f"第 {seq} 条" in lines[0] and "Traceback" not in captured.err
    assert main(["audit", "verify", "--db", str(db_path), "--json"]) == 6
    broken = json.loads(capsys.readouterr().out)["broken"]
    assert (broken["kind"], broken["seq"]) == (kind, seq) and broken["message"]


def test_verify_exits_6_for_a_reordered_trail(trail: Database, db_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    _raw(db_path, "UPDATE audit_entry SET id = id + 100 WHERE seq = 1")  # now after #2 and #3
    assert main(["audit", "verify", "--db", str(db_path), "--json"]) == 6
    broken = json.loads(capsys.readouterr().out)["broken"]
    assert (broken["kind"], broken["seq"]) == ("reordered", 2)


def test_a_recomputed_chain_is_caught_by_the_noted_anchor(
        trail: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--db", str(db_path), "--json"]) == 0
    head = json.loads(capsys.readouterr().out)["head"]
    _raw(db_path, "DELETE FROM audit_entry WHERE seq = 3")
    _raw(db_path, "UPDATE audit_chain_head SET seq = 2, hash = (SELECT hash FROM audit_entry "
                  "WHERE seq = 2)")
    assert main(["audit", "verify", "--db", str(db_path)]) == 0  # the chain alone: whole
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(db_path), "--anchor",
                 f"{head['seq']}:{head['hash']}"]) == 6
    assert "第 3 条" in capsys.readouterr().err


def test_demo_replace_keeps_the_trail_and_its_chain(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "demo.sqlite3")
    small = ["--people", "40", "--exhibitors", "4"]
    assert main(["demo", "--db", path, *small]) == 0
    take_over_demo_admin(to_url(Path(path)))  # the replace needs a signed-in admin
    assert main(["demo", "--db", path, *small, "--seed", "2", "--replace"]) == 0
    take_over_demo_admin(to_url(Path(path)))  # the replace made the demo's accounts anew
    capsys.readouterr()
    assert main(["audit", "verify", "--db", path, "--json"]) == 0
    verified = json.loads(capsys.readouterr().out)
    assert main(["audit", "--db", path, "--json", "--limit", "1000"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert verified["count"] == len(entries)
    newest, first = [e for e in entries if e["action"] == "event.demo_built"]
    assert newest["detail"]["replaced"]["people"] == 40 and "replaced" not in first["detail"]

"""`eventdesk people` per the command-line contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.storage import Database
from tests.services.people_cases import add


def test_people_json_contract(event_db: Database, db_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    add(event_db, "张伟", company="阿丘科技", category="speaker")
    add(event_db, "李娜", company="寒武纪", status="cancelled")
    assert main(["people", "--db", str(db_path), "--json", "zw"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["张伟"]
    assert {"name", "company", "category", "status", "badge_code", "qr_payload"} <= rows[0].keys()
    assert rows[0]["category"] == "speaker"
    assert rows[0]["qr_payload"].startswith("ED2.TEST." + rows[0]["badge_code"] + ".")

    assert main(["--db", str(db_path), "people", "--json", "--limit", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["people", "--db", str(db_path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {r["status"] for r in listed} == {"registered", "cancelled"}


def test_missing_database_is_not_created(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing.sqlite3"
    assert main(["people", "--db", str(missing)]) == 2
    assert not missing.exists()
    assert "不存在" in capsys.readouterr().err


def test_db_flag_beats_environment(event_db: Database, db_path: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    add(event_db, "王芳")
    monkeypatch.setenv("EVENTDESK_DB", str(tmp_path / "elsewhere.sqlite3"))
    assert main(["people", "--json"]) == 2  # the environment's file does not exist
    capsys.readouterr()
    assert main(["people", "--db", str(db_path), "--json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["王芳"]


@pytest.mark.parametrize("role", ["desk", "organiser"])
def test_people_contacts_masked_for_desk_staff(event_db: Database, db_path: Path, role: str,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.cli import signin
    from tests.users import DESK, ORGANISER

    # The command signs in as that role (the password check itself: test_accounts_cli).
    monkeypatch.setattr(signin, "sign_in",
                        lambda _args, _db, *, desk: DESK if role == "desk" else ORGANISER)
    add(event_db, "张伟", phone="13812345678", email="zhangwei@example.com")
    assert main(["people", "--db", str(db_path), "--json", "5678"]) == 0  # found by phone tail
    (row,) = json.loads(capsys.readouterr().out)
    assert main(["people", "--db", str(db_path), "张伟"]) == 0
    text = capsys.readouterr().out
    if role == "desk":
        assert (row["phone"], row["email"], row["qr_payload"]) == (
            "138****5678", "z***@example.com", None)
        assert row["contacts_masked"] and "13812345678" not in text
    else:
        assert (row["phone"], row["email"]) == ("13812345678", "zhangwei@example.com")
        assert row["qr_payload"].startswith("ED2.TEST.")
    assert "138****5678" in text  # the text listing always shows the short form

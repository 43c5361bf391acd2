"""`eventdesk exhibitors` (figures, flags, staff) and `eventdesk badges --exhibitor`, checked
against direct counts of the database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventdesk.cli import main
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.exhibitors import event_today
from eventdesk.storage import Database
from tests.exhibitor_cases import build_fair, direct


@pytest.fixture
def fair(event_db: Database) -> dict[str, int]:
    return build_fair(event_db)


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main(["exhibitors", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_list_json_equals_direct_counts(event_db: Database, db_path: Path, fair: dict[str, int],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "--db", str(db_path))
    with event_db.unit_of_work(write=False) as s:
        expected = direct(s, event_today(s))
    assert {r["id"]: (r["registered"], r["arrived"], r["arrived_today"], r["over_quota"],
                      r["shared_booth"]) for r in rows} == expected
    over = next(r for r in rows if r["id"] == fair["over"])
    assert (over["quota"], over["over_by"], over["pickup"]) == (2, 1, None)
    assert {"id", "name", "hall", "booth", "quota", "registered", "arrived", "arrived_today",
            "over_quota", "shared_booth", "shared_with", "contact_phone", "pickup"} <= over.keys()
    # `list` is the default verb
    assert _json(capsys, "list", "--db", str(db_path)) == rows


def test_flags_hall_and_query(db_path: Path, fair: dict[str, int],
                              capsys: pytest.CaptureFixture[str]) -> None:
    db = str(db_path)
    assert [r["id"] for r in _json(capsys, "--db", db, "--over-quota")] == [fair["over"]]
    shared = _json(capsys, "--db", db, "--shared-booth")
    assert {r["id"] for r in shared} == {fair["shared1"], fair["shared2"]}
    assert {r["name"]: r["shared_with"] for r in shared} == {"摩尔线程": ["壁仞科技"],
                                                            "壁仞科技": ["摩尔线程"]}
    assert {r["id"] for r in _json(capsys, "--db", db, "--flagged")} \
        == {fair["over"], fair["shared1"], fair["shared2"]}
    assert {r["id"] for r in _json(capsys, "--db", db, "--over-quota", "--shared-booth")} \
        == {fair["over"], fair["shared1"], fair["shared2"]}
    assert [r["id"] for r in _json(capsys, "--db", db, "--flagged", "--hall", "A1")] \
        == [fair["over"]]
    assert [r["name"] for r in _json(capsys, "--db", db, "寒武纪")] == ["寒武纪"]
    ordered = _json(capsys, "--db", db, "--sort", "arrived", "--desc", "--limit", "2")
    assert [r["name"] for r in ordered] == ["寒武纪", "摩尔线程"]


def test_text_output_follows_the_language(db_path: Path, fair: dict[str, int],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exhibitors", "--db", str(db_path), "--over-quota"]) == 0
    out = capsys.readouterr().out
    assert "寒武纪" in out and "超出名额 1 人" in out and "今日到场 1" in out
    assert main(["--lang", "en", "exhibitors", "--db", str(db_path), "--shared-booth"]) == 0
    out = capsys.readouterr().out
    assert "booth shared with 壁仞科技" in out and "2 shown of 2" in out


def test_staff_of_one_exhibitor(event_db: Database, db_path: Path, fair: dict[str, int],
                                capsys: pytest.CaptureFixture[str]) -> None:
    with event_db.unit_of_work() as s:
        desk_badges.record_print(s, person_id=fair["a"], desk="1", operator="o",
                                 layout="default")
        desk_badges.mark_pack_collected(s, exhibitor_id=fair["over"], desk="东门",
                                        operator="o", collected_by="王芳",
                                        collector_phone="13912345678")
    doc = _json(capsys, "staff", str(fair["over"]), "--db", str(db_path))
    assert doc["exhibitor"]["pickup"]["collected_by"] == "王芳"
    assert doc["exhibitor"]["pickup"]["phone"] == "13912345678"  # the admin sees contacts
    assert doc["exhibitor"]["pickup"]["at"].endswith("+08:00")
    staff = {m["name"]: m for m in doc["staff"]}
    assert set(staff) == {"甲", "乙", "丙", "丁"}
    assert (staff["甲"]["arrived_today"], staff["甲"]["print_count"]) == (True, 1)
    assert staff["甲"]["collected_at"] is not None and staff["乙"]["collected_at"] is None
    assert staff["乙"]["first_arrival"] is not None and staff["丙"]["first_arrival"] is None
    assert staff["丁"]["status"] == "cancelled"
    assert main(["exhibitors", "staff", "99999", "--db", str(db_path)]) == 2
    assert "99999" in capsys.readouterr().err
    assert main(["exhibitors", "staff", "--db", str(db_path)]) == 2


def test_badges_of_one_exhibitor(db_path: Path, fair: dict[str, int], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "over.pdf"
    assert main(["badges", "--db", str(db_path), "--exhibitor", str(fair["over"]), "--out",
                 str(out), "--mark-printed", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["badges"], result["recorded"]) == (3, 3)  # the cancelled one gets none
    assert out.read_bytes().startswith(b"%PDF")
    doc = _json(capsys, "staff", str(fair["over"]), "--db", str(db_path))
    assert {m["name"]: m["print_count"] for m in doc["staff"]} \
        == {"甲": 1, "乙": 1, "丙": 1, "丁": 0}
    assert main(["badges", "--db", str(db_path), "--exhibitor", "99999", "--out",
                 str(tmp_path / "none.pdf")]) == 2
    assert "99999" in capsys.readouterr().err and not (tmp_path / "none.pdf").exists()


def test_desk_staff_may_not_read_the_figures(event_db: Database, db_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from eventdesk.domain.enums import UserRole
    from eventdesk.services import accounts

    with event_db.unit_of_work() as s:
        accounts.add_user(s, username="desk7", role=UserRole.DESK,
                          password_hash=accounts.hash_password("desk-password-7"))
    monkeypatch.setenv("EVENTDESK_USER", "desk7")
    monkeypatch.setenv("EVENTDESK_PASSWORD", "desk-password-7")
    assert main(["exhibitors", "--db", str(db_path)]) == 5
    assert main(["exhibitors", "staff", "1", "--db", str(db_path)]) == 5
    assert capsys.readouterr().out == ""

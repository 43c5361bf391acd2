"""`eventdesk demo` per the command-line contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.storage import to_url
from tests.accounts import take_over_demo_admin

SIZE = ["--exhibitors", "20", "--people", "300"]


def test_demo_builds_refuses_a_second_time_and_replaces(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sub" / "demo.sqlite3"
    assert main(["demo", "--db", str(path), *SIZE]) == 0
    out = capsys.readouterr().out
    assert path.exists()  # demo is allowed to create the database
    assert "GH25" in out and "300" in out and str(path) in out
    take_over_demo_admin(to_url(path))  # later commands sign in as its admin

    assert main(["demo", "--db", str(path), *SIZE, "--seed", "2"]) == 2
    err = capsys.readouterr().err
    assert "--replace" in err and "GH25" in err

    assert main(["people", "--db", str(path), "--json", "--limit", "1000"]) == 0
    before = {r["badge_code"] for r in json.loads(capsys.readouterr().out)}
    assert len(before) == 300  # the refused run changed nothing

    assert main(["demo", "--db", str(path), *SIZE, "--seed", "2", "--replace", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["event_code"], summary["people"], summary["seed"]) == ("GH25", 300, 2)
    assert summary["by_category"]["exhibitor"] == 105
    take_over_demo_admin(to_url(path))  # --replace made new accounts

    assert main(["people", "--db", str(path), "--json", "--limit", "1000"]) == 0
    after = {r["badge_code"] for r in json.loads(capsys.readouterr().out)}
    assert len(after) == 300 and after.isdisjoint(before)


def test_people_search_on_the_demo_has_the_contract_fields(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo", *SIZE]) == 0
    capsys.readouterr()
    take_over_demo_admin(to_url(path))
    assert main(["people", "--db", str(path), "--json", "张"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    for row in rows:
        assert {"name", "company", "category", "status", "badge_code", "qr_payload"} <= row.keys()
        assert row["qr_payload"].startswith(f"ED2.GH25.{row['badge_code']}.")
        assert row["category"] in {"exhibitor", "visitor", "speaker", "media", "vip", "staff"}
        assert row["status"] in {"registered", "cancelled"}


def test_same_seed_same_badges_from_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    codes = []
    for name in ("a.sqlite3", "b.sqlite3"):
        assert main(["demo", "--db", str(tmp_path / name), *SIZE, "--seed", "5"]) == 0
        capsys.readouterr()
        take_over_demo_admin(to_url(tmp_path / name))
        assert main(["people", "--db", str(tmp_path / name), "--json", "--limit", "1000"]) == 0
        codes.append(sorted(r["badge_code"] for r in json.loads(capsys.readouterr().out)))
    assert codes[0] == codes[1]


def test_negative_sizes_are_a_usage_error(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", str(tmp_path / "x.sqlite3"), "--people", "-5"]) == 2
    assert "--people" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()

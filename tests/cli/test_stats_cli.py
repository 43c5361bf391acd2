"""`eventdesk stats` per the command-line contract: the JSON shape, --day, the text output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.storage import open_database, to_url
from tests.stats_data import D1, D2, build, direct


@pytest.fixture
def built(db_path: Path) -> Path:
    db = open_database(to_url(db_path))
    build(db)
    db.dispose()
    return db_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["stats", *args, "--json"]) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_json_shape_and_figures(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _run(capsys, "--db", str(built))
    assert {"arrivals_per_hour", "by_category", "by_desk", "exhibitors_without_arrivals",
            "prints", "rejected_scans"} <= doc.keys()
    hours = doc["arrivals_per_hour"]
    assert isinstance(hours, list) and len(hours) == 48
    assert hours[0] == {"hour": "2026-03-01T00:00:00+08:00", "count": 0}
    assert {h["hour"]: h["count"] for h in hours}["2026-03-01T23:00:00+08:00"] == 1
    assert {h["hour"]: h["count"] for h in hours}["2026-03-02T00:00:00+08:00"] == 1
    db = open_database(to_url(built))
    try:
        expected = direct(db)
    finally:
        db.dispose()
    assert {h["hour"]: h["count"] for h in hours if h["count"]} == expected["hours"]
    assert {k: v for k, v in doc["by_category"].items()  # type: ignore[union-attr]
            if v["registered"]} == expected["by_category"]
    assert doc["by_category"]["staff"] == {"registered": 0, "checked_in": 0}  # type: ignore[index]
    assert doc["by_desk"] == expected["by_desk"]
    rows = doc["exhibitors_without_arrivals"]
    assert isinstance(rows, list) and {"name", "hall", "booth"} <= rows[0].keys()
    assert sorted((r["hall"], r["booth"], r["name"]) for r in rows) \
        == expected["exhibitors_without_arrivals"]
    assert doc["prints"] == expected["prints"]
    assert doc["rejected_scans"] == expected["rejected_scans"] == {"cancelled": 1, "forged": 1}


def test_day_filters(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for day in (D1, D2):
        doc = _run(capsys, "--db", str(built), "--day", day.isoformat())
        hours = doc["arrivals_per_hour"]
        assert isinstance(hours, list) and len(hours) == 24
        assert all(h["hour"].startswith(day.isoformat()) for h in hours)
        db = open_database(to_url(built))
        try:
            expected = direct(db, day)
        finally:
            db.dispose()
        assert {h["hour"]: h["count"] for h in hours if h["count"]} == expected["hours"]
        # Every desk ever seen is listed; those idle on the day with 0.
        assert {k: v for k, v in doc["by_desk"].items() if v} == expected["by_desk"]  # type: ignore[union-attr]


def test_text_output_and_bad_day(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(built), "--day", "2026-03-02"]) == 0
    out = capsys.readouterr().out
    assert "00:00" in out and "desk-10" in out and "B2" not in out.split("展商")[0]
    assert "补打 2（首次 1；损坏 1；其他 1）" in out  # printer fault and other apart
    assert "其他原因：换成媒体证 ×1" in out  # the words of the reprint for "other"
    assert main(["stats", "--db", str(built), "--day", "tomorrow"]) == 2
    assert "--day 'tomorrow'" in capsys.readouterr().err
    assert main(["stats", "--db", str(built), "--day", "tomorrow", "--lang", "en"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert not (tmp_path / "none.sqlite3").exists()



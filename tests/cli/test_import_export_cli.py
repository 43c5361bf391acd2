"""`eventdesk import` and `eventdesk export` per the command-line contract."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from eventdesk.cli import main
from eventdesk.domain import Person
from eventdesk.storage import Database

GOOD = "姓名,单位,手机,类别\n张伟,光合,13812345678,展商\n李娜,曙光,,观众\n"
BAD = "姓名,单位,手机,类别\n张伟,光合,13812345678,展商\n\n李娜,曙光,12345,外星人\n"


RAW_CODE = re.compile(r"[a-z_]+(\.[a-z_]+)+")


def people_count(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_import_json_contract_and_idempotence(event_db: Database, db_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "good.csv"
    f.write_text(GOOD, encoding="utf-8")
    code, data = run_json(capsys, "import", str(f), "--db", str(db_path), "--kind", "people",
                          "--dry-run", "--json")
    assert code == 0 and people_count(event_db) == 0
    assert {k: data[k] for k in ("created", "updated", "skipped", "errors")} == {
        "created": 2, "updated": 0, "skipped": 0, "errors": []}
    code, data = run_json(capsys, "import", str(f), "--db", str(db_path), "--kind", "people",
                          "--json")
    assert (code, data["created"], people_count(event_db)) == (0, 2, 2)
    code, data = run_json(capsys, "--db", str(db_path), "import", str(f), "--kind", "people",
                          "--json")
    assert (code, data["created"], data["updated"], data["skipped"]) == (0, 0, 0, 2)


@pytest.mark.parametrize("dry", [True, False])
def test_validation_rejects_with_exit_4(event_db: Database, db_path: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str], dry: bool) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(BAD, encoding="utf-8")
    argv = ["import", str(f), "--db", str(db_path), "--kind", "people", "--json"]
    code, data = run_json(capsys, *argv, *(["--dry-run"] if dry else []))
    assert code == 4 and people_count(event_db) == 0
    assert data["errors"] == [
        {"row": 3, "column": "手机", "value": "12345", "message": data["errors"][0]["message"]},
        {"row": 3, "column": "类别", "value": "外星人", "message": data["errors"][1]["message"]}]
    assert (data["created"], data["updated"]) == (0, 0)
    # People read sentences, never message codes such as "common.phone_invalid".
    assert "12345" in data["errors"][0]["message"] and "外星人" in data["errors"][1]["message"]
    assert not any(RAW_CODE.fullmatch(e["message"]) for e in data["errors"])
    code, data = run_json(capsys, *argv, "--skip-invalid")
    assert (code, data["created"], people_count(event_db)) == (0, 1, 1)


def test_hostile_file_exit_4_one_sentence(event_db: Database, db_path: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "junk.xlsx"
    f.write_bytes(b"\x00\x01 not a workbook" * 100)
    assert main(["import", str(f), "--db", str(db_path), "--kind", "people"]) == 4
    err = capsys.readouterr().err
    assert "不是有效的 Excel" in err and err.count("\n") == 1
    code, data = run_json(capsys, "import", str(f), "--db", str(db_path), "--kind", "people",
                          "--json")
    assert code == 4 and data["created"] == 0 and data["errors"][0]["row"] == 0
    assert people_count(event_db) == 0


def test_on_duplicate_and_sheet(event_db: Database, db_path: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    wb = Workbook()
    wb.active.title = "封面"
    ws = wb.create_sheet("名单")
    for row in (["2025光合组织参会名单"], ["姓名", "单位", "手机"], ["张伟", "光合", "13812345678"],
                ["张伟", "光合", "13812345678"]):
        ws.append(row)
    f = tmp_path / "list.xlsx"
    wb.save(f)
    code, data = run_json(capsys, "import", str(f), "--db", str(db_path), "--kind", "people",
                          "--sheet", "名单", "--on-duplicate", "reject", "--json")
    assert code == 4 and data["errors"][0]["row"] == 2 and data["errors"][0]["column"] == "手机"
    code, data = run_json(capsys, "import", str(f), "--db", str(db_path), "--kind", "people",
                          "--sheet", "名单", "--json")
    assert (code, data["created"], data["skipped"]) == (0, 1, 1)


def test_export_then_import_round_trip(event_db: Database, db_path: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "good.csv"
    f.write_text(GOOD, encoding="utf-8")
    assert main(["import", str(f), "--db", str(db_path), "--kind", "people"]) == 0
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"people{suffix}"
        assert main(["export", "--db", str(db_path), "--kind", "people", "--out", str(out)]) == 0
        capsys.readouterr()
        code, data = run_json(capsys, "import", str(out), "--db", str(db_path), "--kind",
                              "people", "--json")
        assert (code, data["created"], data["updated"], data["errors"]) == (0, 0, 0, [])
    for kind in ("exhibitors", "checkins"):
        assert main(["export", "--db", str(db_path), "--kind", kind,
                     "--out", str(tmp_path / f"{kind}.xlsx")]) == 0


def test_export_usage_errors(event_db: Database, db_path: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db_path), "--kind", "people",
                 "--out", str(tmp_path / "p.pdf")]) == 2
    assert "只能写" in capsys.readouterr().err
    missing = tmp_path / "nothing.sqlite3"
    assert main(["export", "--db", str(missing), "--kind", "people",
                 "--out", str(tmp_path / "p.csv")]) == 2
    assert not missing.exists() and not (tmp_path / "p.csv").exists()
    assert main(["import", str(tmp_path / "none.csv"), "--db", str(db_path),
                 "--kind", "people"]) == 2

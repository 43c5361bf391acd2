"""`eventdesk import` names every column it leaves out, and uses a field's second column
(电话 beside 手机, 名字 beside 姓名) instead of ignoring it (issue 11, kind 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from eventdesk.cli import main
from eventdesk.domain import Exhibitor, Person
from eventdesk.storage import Database

LIST = ("姓名,名字,单位,手机,电话,微信,展位号\n"
        "张伟,,光合,13812345678,0512-57001234,zw-wx,A101\n"  # both phones: landline kept
        "李娜,,曙光,,0512-57001235,,\n"                      # landline only: it is the phone
        ",王芳,曙光,13700000000,,,\n"                        # 名字 where 姓名 is blank
        "赵六,,光合,,13900000000,,\n")


def stored(db: Database) -> dict[str, Person]:
    with db.unit_of_work(write=False) as s:
        people = list(s.scalars(select(Person)))
        s.expunge_all()
    return {p.name: p for p in people}


def test_dry_run_names_left_out_and_second_columns(event_db: Database, db_path: Path,
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    argv = ["import", str(path), "--db", str(db_path), "--kind", "people"]
    assert main([*argv, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "未导入的列：微信、展位号" in out
    assert "“电话”是“手机”的第二列" in out and "“名字”是“姓名”的第二列" in out
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unmapped_columns"] == ["微信", "展位号"]
    assert data["secondary_columns"] == {"名字": "name", "电话": "phone"}
    assert {k: data[k] for k in ("created", "updated", "skipped", "errors")} == {
        "created": 4, "updated": 0, "skipped": 0, "errors": []}
    people = stored(event_db)
    assert people["李娜"].phone == "0512-57001235"
    assert people["赵六"].phone == "13900000000"
    assert (people["张伟"].phone, people["张伟"].notes) == ("13812345678", "电话：0512-57001234")
    assert people["王芳"].company == "曙光"
    # the same file again changes nothing: the notes it made are what it makes
    assert main([*argv, "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, 4)


def test_bad_value_in_a_second_column_names_that_column(
        event_db: Database, db_path: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.csv"
    path.write_text("姓名,手机,电话\n李娜,,12345\n", encoding="utf-8")
    assert main(["import", str(path), "--db", str(db_path), "--kind", "people",
                 "--json"]) == 4
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert (error["row"], error["column"], error["value"]) == (1, "电话", "12345")


def test_values_under_no_header_are_named(event_db: Database, db_path: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """An XLSX with values in a column without a header (or right of the last header)."""
    wb = Workbook()
    ws = wb.active
    for row in (["姓名", None, "单位"], ["张伟", "备用手机 139", "光合"],
                ["李娜", None, "曙光", None, "要发票"]):
        ws.append(row)
    path = tmp_path / "list.xlsx"
    wb.save(path)
    assert main(["import", str(path), "--db", str(db_path), "--kind", "people", "--json",
                 "--dry-run"]) == 0
    assert json.loads(capsys.readouterr().out)["unmapped_columns"] == ["B", "E"]


def test_exhibitors_second_column_differing_is_a_note(event_db: Database, db_path: Path,
                                                      tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      ) -> None:
    """A kind without notes: a differing second value is a warning on its row, not lost
    silently; a blank field still takes it."""
    path = tmp_path / "ex.csv"
    path.write_text("展商名称,展位,展位号,联系电话\n光合科技,A101,A102,0512-57001234\n"
                    "曙光信息,,B201,\n", encoding="utf-8")
    assert main(["import", str(path), "--db", str(db_path), "--kind", "exhibitors",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["secondary_columns"] == {"展位号": "booth"}
    assert [(w["row"], w["column"], w["value"]) for w in data["warnings"]] == [
        (1, "展位号", "A102")]
    with event_db.unit_of_work(write=False) as s:
        booths = {name: booth for name, booth in s.execute(
            select(Exhibitor.name_zh, Exhibitor.booth))}
    assert booths == {"光合科技": "A101", "曙光信息": "B201"}

"""The command line lists and exports in pinyin order (拼音排序), like the GUI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.storage import Database
from tests.services.people_cases import add

# 曾 read as the surname zeng; Latin by its letters among the Chinese; 重庆 before 珠海.
PEOPLE = (("珠海人", "珠海格力"), ("曾伟", "重庆长安"), ("Anna", ""), ("阿丽", "北京字节"),
          ("单田芳", "重庆长安"))
ORDER = ["阿丽", "Anna", "单田芳", "曾伟", "珠海人"]


def test_people_list_and_export_in_pinyin_order(event_db: Database, db_path: Path,
                                                tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    for name, company in PEOPLE:
        add(event_db, name, company=company)
    assert main(["people", "--db", str(db_path), "--json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ORDER
    assert main(["people", "--db", str(db_path)]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ORDER
    out = tmp_path / "people.csv"
    assert main(["export", "--db", str(db_path), "--kind", "people", "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert [row[0] for row in csv.reader(fh)][1:] == ORDER

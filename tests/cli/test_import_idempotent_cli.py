"""`eventdesk import` of a list whose rows hold only a name, three times: three people, not
nine (issue 11, kind 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.cli import main
from eventdesk.domain import Person
from eventdesk.storage import Database


def test_names_only_list_imported_three_times(event_db: Database, db_path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "嘉宾.csv"
    path.write_text("姓名,类别\n张伟,嘉宾\n李娜,媒体\n王芳,\n", encoding="utf-8")
    seen = []
    for _run in range(3):
        assert main(["import", str(path), "--db", str(db_path), "--kind", "people",
                     "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        seen.append((data["created"], data["updated"], data["skipped"]))
    assert seen == [(3, 0, 0), (0, 0, 3), (0, 0, 3)]
    with event_db.unit_of_work(write=False) as s:
        assert s.scalar(select(func.count(Person.id))) == 3

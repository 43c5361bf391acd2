"""`eventdesk import` of lists in legacy encodings (issue 11, kind 3): decoded right, or refused
with the candidates and `--encoding` to choose — never imported garbled; traditional-script
headers map like simplified ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from eventdesk.cli import main
from eventdesk.domain import Category, Person
from eventdesk.storage import Database

DATA = Path(__file__).parents[1] / "data"


def import_json(capsys: pytest.CaptureFixture[str], path: Path, db_path: Path,
                *more: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["import", str(path), "--db", str(db_path), "--kind", "people", "--json",
                 *more])
    return code, json.loads(capsys.readouterr().out)


def stored(db: Database) -> dict[str, Person]:
    with db.unit_of_work(write=False) as s:
        people = list(s.scalars(select(Person)))
        s.expunge_all()
    return {p.name: p for p in people}


@pytest.mark.parametrize("name,encoding,person,company", [
    ("enc-shift-jis.csv", "shift_jis", "山田太郎", "東京商事株式会社"),
    ("enc-euc-kr.csv", "euc_kr", "김철수", "삼성전자"),
    ("enc-cp1252.csv", "cp1252", "José Müller", "Société Générale"),
    ("enc-big5.csv", "big5", "張偉", "崑山光合科技有限公司"),
    # a GBK list whose line 石思彤,, happens to be valid UTF-8 too (was: refused as mixed)
    ("enc-gbk-utf8-lookalike.csv", "gb18030", "张伟", "昆山光合科技"),
])
def test_legacy_encodings_are_read_right(event_db: Database, db_path: Path,
                                         capsys: pytest.CaptureFixture[str], name: str,
                                         encoding: str, person: str, company: str) -> None:
    code, data = import_json(capsys, DATA / name, db_path)
    assert (code, data["encoding"], data["errors"]) == (0, encoding, [])
    assert stored(event_db)[person].company == company


def test_big5_traditional_headers_map_every_field(event_db: Database, db_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """單位, 手機, 郵箱, 類別 are 单位, 手机, 邮箱, 类别; 觀眾 and 媒體 are categories."""
    code, _data = import_json(capsys, DATA / "enc-big5.csv", db_path)
    assert code == 0
    people = stored(event_db)
    zhang, li = people["張偉"], people["李娜"]
    assert (zhang.phone, zhang.email, zhang.category) == (
        "13812345678", "zw@example.com", Category.VISITOR)
    assert (li.company, li.category) == ("曙光資訊股份有限公司", Category.MEDIA)


def test_unsure_encoding_is_refused_with_candidates_then_chosen(
        event_db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A Korean list under English headers reads as common hanzi in GB18030 as well: refused,
    exit 4, nothing written, each candidate with the names it gives; --encoding chooses."""
    path = DATA / "enc-euc-kr-english-header.csv"
    code, data = import_json(capsys, path, db_path)
    assert code == 4 and data["rejected"] and not stored(event_db)
    candidates = {c["encoding"]: c["sample"] for c in data["encoding_candidates"]}
    assert set(candidates) == {"gb18030", "euc_kr"}
    assert "김철수" in candidates["euc_kr"] and "김철수" not in candidates["gb18030"]
    assert "--encoding" in data["message"]
    # the human form: one sentence, then one line per candidate with the flag to choose it
    assert main(["import", str(path), "--db", str(db_path), "--kind", "people"]) == 4
    err = capsys.readouterr().err.splitlines()
    assert "无法确定" in err[0] and any("--encoding euc_kr" in ln and "김철수" in ln
                                         for ln in err[1:])
    code, data = import_json(capsys, path, db_path, "--encoding", "EUC-KR")
    assert (code, data["created"], data["encoding"]) == (0, 2, "euc_kr")
    assert stored(event_db)["이영희"].company == "현대자동차"


def test_chosen_encoding_that_does_not_fit_is_refused(event_db: Database, db_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, data = import_json(capsys, DATA / "enc-big5.csv", db_path, "--encoding", "utf-8")
    assert code == 4 and not stored(event_db) and "不是 UTF-8 编码" in data["message"]
    with pytest.raises(SystemExit) as usage:
        main(["import", str(DATA / "enc-big5.csv"), "--db", str(db_path), "--kind", "people",
              "--encoding", "klingon"])
    assert usage.value.code == 2 and "未知的编码" in capsys.readouterr().err

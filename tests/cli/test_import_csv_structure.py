"""`eventdesk import` of CSV files whose structure is damaged (issue 11, kind 1): the whole file
is refused (exit 4, nothing written) naming row, column and cause, instead of importing one
person whose company is the rest of the file, or dropping the fields beyond the header."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.cli import main
from eventdesk.domain import Person
from eventdesk.storage import Database

DATA = Path(__file__).parents[1] / "data"


def people_count(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def import_json(capsys: pytest.CaptureFixture[str], path: Path, db_path: Path,
                *more: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["import", str(path), "--db", str(db_path), "--kind", "people", "--json",
                 *more])
    return code, json.loads(capsys.readouterr().out)


# file → (row, column, words of the cause) of the first damaged record
DAMAGED = {
    # the sample: 单位 opens a quote that never closes
    "csv-unclosed-quote.csv": (1, "单位", "引号没有闭合"),
    # the same in the last column: the field count agrees with the header
    "csv-unclosed-quote-last-column.csv": (1, "邮箱", "引号没有闭合"),
    # a one-column list: no delimiter anywhere to give it away
    "csv-unclosed-quote-one-column.csv": (2, "姓名", "引号没有闭合"),
    # two stray quotes: the quote closes, two lines later, around a whole row
    "csv-stray-quotes.csv": (1, "单位", "从文件第 2 行跨到第 3 行"),
    # an unquoted comma in a company name: one field more than the header
    "csv-extra-fields.csv": (2, "E", "5 个字段，多于表头的 4 列"),
    # a company left out without its comma: the phone would land under 单位
    "csv-missing-fields.csv": (2, "邮箱", "只有 3 个字段"),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
@pytest.mark.parametrize("dry", [True, False])
def test_damaged_csv_is_refused_with_row_column_and_cause(
        event_db: Database, db_path: Path, capsys: pytest.CaptureFixture[str], name: str,
        dry: bool) -> None:
    row, column, cause = DAMAGED[name]
    code, data = import_json(capsys, DATA / name, db_path, *(["--dry-run"] if dry else []))
    assert code == 4 and people_count(event_db) == 0
    assert (data["created"], data["updated"], data["rejected"]) == (0, 0, True)
    first = data["errors"][0]
    assert (first["row"], first["column"]) == (row, column)
    assert cause in first["message"] and "未导入任何数据" in data["message"]
    # --skip-invalid does not take a damaged file either: no row of it can be trusted
    code, _data = import_json(capsys, DATA / name, db_path, "--skip-invalid")
    assert code == 4 and people_count(event_db) == 0


def test_human_output_names_the_rows(event_db: Database, db_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(DATA / "csv-unclosed-quote.csv"), "--db", str(db_path),
                 "--kind", "people"]) == 4
    err = capsys.readouterr().err
    assert err.startswith("第 1 行 [单位]") and "csv-unclosed-quote.csv 的结构已损坏" in err
    assert "Traceback" not in err


def test_unclosed_quote_in_a_large_file(event_db: Database, db_path: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The open quote takes in lines until the cell limit: still named by its line."""
    rows = "".join(f"人员{i},公司{i},139{i:08d},p{i}@example.cn\n" for i in range(40_000))
    path = tmp_path / "big.csv"
    path.write_text("姓名,单位,手机,邮箱\n张伟,\"光合,13812345678,zw@example.cn\n" + rows,
                    encoding="utf-8")
    code, data = import_json(capsys, path, db_path)
    assert code == 4 and people_count(event_db) == 0
    assert "第 2 行的引号没有闭合" in data["message"]


def test_multiline_note_and_trailing_empty_fields_are_kept(
        event_db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A quoted address over two lines is an ordinary cell; empty fields after the header's
    last column (Excel writes them for a wider used range) are harmless."""
    code, data = import_json(capsys, DATA / "csv-multiline-note.csv", db_path)
    assert (code, data["created"], data["errors"]) == (0, 3, [])
    with event_db.unit_of_work(write=False) as s:
        notes = s.scalar(select(Person.notes).where(Person.name == "蒋文博"))
    assert notes == "地址：苏州工业园区\n星湖街 328 号"

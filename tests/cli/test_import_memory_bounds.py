"""`eventdesk import` keeps memory bounded for any file (issue 11, kind 5): workbooks whose zip
parts would exhaust memory, CSV files without line ends, too large or with too many rows are
refused with exit 4 and one sentence before they are held in memory."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.cli import main
from eventdesk.domain import Person
from eventdesk.storage import Database
from tests.xlsx_bombs import lie_about_size, shared_strings_bomb

# The CLI run in a child process that reports its own peak memory: VmHWM (KiB), the peak of
# this program's own memory (ru_maxrss would also count the forking parent's, kept over exec).
_MEASURED = (
    "import sys\n"
    "from eventdesk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = next(line.split()[1] for line in open('/proc/self/status')\n"
    "            if line.startswith('VmHWM:'))\n"
    "print('MAXRSS', peak, file=sys.stderr)\n"
    "sys.exit(code)\n")
# An `eventdesk import` of a small list peaks near 100 MB here; the bomb inflates to 400 MB.
MEMORY_BOUND_KB = 250 * 1024


def people_count(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def run_measured(*argv: str) -> tuple[int, str, int]:
    done = subprocess.run([sys.executable, "-c", _MEASURED, *argv], capture_output=True,
                          text=True, timeout=300, check=False)
    lines = done.stderr.splitlines()
    peak = next(int(line.split()[1]) for line in lines if line.startswith("MAXRSS"))
    said = "\n".join(line for line in lines if not line.startswith("MAXRSS"))
    return done.returncode, said, peak


@pytest.mark.parametrize("inflated_mb,cause", [(400, "超过上限 64 MB"), (40, "压缩比")])
def test_shared_strings_bomb_is_refused_in_bounded_memory(event_db: Database, db_path: Path,
                                                          tmp_path: Path, inflated_mb: int,
                                                          cause: str) -> None:
    bomb = shared_strings_bomb(tmp_path / "名单.xlsx", inflated_mb=inflated_mb)
    assert bomb.stat().st_size < 4 << 20  # 400 MB inflated from a file of ~1.5 MB
    code, said, peak = run_measured("import", str(bomb), "--db", str(db_path), "--kind",
                                    "people", "--dry-run")
    assert code == 4, said
    assert "xl/sharedStrings.xml" in said and cause in said and said.count("\n") == 0
    assert peak < MEMORY_BOUND_KB, f"peak {peak / 1024:.0f} MB"
    assert people_count(event_db) == 0


def test_part_that_lies_about_its_size_is_refused(event_db: Database, db_path: Path,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.xlsx"
    filler = ("<si><t>" + "A" * 1000 + "</t></si>").encode() * 1000
    shared_strings_bomb(path, inflated_mb=0)
    # The same list with a 30 MB shared-strings part that claims 2,000 bytes: no size or ratio
    # check of the directory sees it.
    rewritten = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w",
                                                        zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace(b"</sst>", filler * 30 + b"</sst>")
            out.writestr(info.filename, data)
    lie_about_size(rewritten, "xl/sharedStrings.xml", declared=2000)
    assert main(["import", str(rewritten), "--db", str(db_path), "--kind", "people",
                 "--json"]) == 4
    data = json.loads(capsys.readouterr().out)
    assert data["created"] == 0 and data["rejected"] is True
    assert "声明的大小" in data["errors"][0]["message"]
    assert people_count(event_db) == 0


def test_ordinary_workbook_still_imports(event_db: Database, db_path: Path,
                                         tmp_path: Path) -> None:
    path = shared_strings_bomb(tmp_path / "small.xlsx", inflated_mb=0)
    assert main(["import", str(path), "--db", str(db_path), "--kind", "people"]) == 0
    assert people_count(event_db) == 1


def test_csv_without_line_ends_is_refused_in_bounded_memory(event_db: Database, db_path: Path,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "one-line.csv"
    with open(path, "wb") as fh:
        fh.write("姓名,单位\n张伟,".encode())
        for _ in range(200):
            fh.write(b"x" * (1 << 20))  # one 200 MB cell, no line end
    code, said, peak = run_measured("import", str(path), "--db", str(db_path), "--kind",
                                    "people")
    assert code == 4, said
    assert "第 2 行超过 8 MB 仍未换行" in said and said.count("\n") == 0
    assert peak < MEMORY_BOUND_KB, f"peak {peak / 1024:.0f} MB"
    assert people_count(event_db) == 0


def test_csv_too_large_or_with_too_many_rows_is_refused(event_db: Database, db_path: Path,
                                                        tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as fh:
        fh.write("姓名\n张伟\n".encode())
        fh.truncate(300 << 20)  # sparse: 300 MB on paper, nothing on disk
    assert main(["import", str(huge), "--db", str(db_path), "--kind", "people"]) == 4
    assert "超过 CSV 的上限 256 MB" in capsys.readouterr().err
    from eventdesk.services.imports import engine

    monkeypatch.setattr(engine, "MAX_ROWS", 50)
    rows = tmp_path / "rows.csv"
    rows.write_text("姓名\n" + "".join(f"人员{i}\n" for i in range(51)), encoding="utf-8")
    assert main(["import", str(rows), "--db", str(db_path), "--kind", "people"]) == 4
    assert "超过 50 行" in capsys.readouterr().err
    assert people_count(event_db) == 0

"""`--lang en` and `--lang zh` reach every line a command prints (issue 13): headings, table
headers and sentences come from the messages catalogue; the data (names, companies, desks) are
printed as they are. Checked on stats, user list, audit and backup list."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.storage import open_database, to_url
from tests.stats_data import build
from tests.ui.i18n_walk import CJK, data_texts

COMMANDS = (["stats"], ["user", "list"], ["audit"], ["audit", "verify"], ["backup", "list"])


@pytest.fixture
def built(db_path: Path) -> tuple[Path, list[str]]:
    """The stats test event (check-ins, prints, rejections, exhibitors) and its data texts."""
    db = open_database(to_url(db_path))
    try:
        build(db)
        return db_path, data_texts(db)
    finally:
        db.dispose()


def without_data(text: str, data: list[str]) -> str:
    for value in data:
        text = text.replace(value, " ")
    return text


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_english_output_has_no_chinese_but_the_data(
        built: tuple[Path, list[str]], command: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    path, data = built
    assert main([*command, "--db", str(path), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    out = without_data(captured.out + captured.err, data)
    assert captured.out.strip()
    assert [line for line in out.splitlines() if CJK.search(line)] == []


def test_stats_in_both_languages(built: tuple[Path, list[str]],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path, _data = built
    assert main(["stats", "--db", str(path), "--lang", "zh"]) == 0
    zh = capsys.readouterr().out
    for heading in ("每小时到场", "按类别", "按签到台", "尚无人员到场的展商", "被拒扫码", "补打"):
        assert heading in zh
    for english in ("By desk", "Rejected scans", "reprinted", "Arrivals per hour"):
        assert english not in zh
    assert main(["stats", "--db", str(path), "--lang", "en"]) == 0
    en = capsys.readouterr().out
    for heading in ("Arrivals per hour", "By category", "By desk", "Rejected scans", "reprinted",
                    "visitor"):
        assert heading in en


def test_user_list_and_audit_in_both_languages(built: tuple[Path, list[str]],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path, _data = built
    said: dict[str, str] = {}
    for lang in ("zh", "en"):
        assert main(["user", "list", "--db", str(path), "--lang", lang]) == 0
        assert main(["audit", "verify", "--db", str(path), "--lang", lang]) == 0
        said[lang] = capsys.readouterr().out
    assert "审计记录完整" in said["zh"] and "The audit trail is intact" in said["en"]
    assert CJK.search(said["zh"].splitlines()[0])  # the user list's header


def test_argument_errors_follow_the_language(built: tuple[Path, list[str]],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path, _data = built
    assert main(["people", "--db", str(path), "--limit", "0", "--lang", "en"]) == 2
    assert "must be at least 1" in capsys.readouterr().err
    assert main(["people", "--db", str(path), "--limit", "0", "--lang", "zh"]) == 2
    assert "至少为 1" in capsys.readouterr().err

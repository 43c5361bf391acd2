"""`--lang en` and `--lang zh` reach every line a command prints (issue 13): headings, table
headers and sentences come from the messages catalogue; the data (names, companies, desks) are
printed as they are. Checked on stats, user list, audit and backup list."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import eventdesk.cli as cli_package
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


@pytest.mark.parametrize(("words", "zh", "en"), [
    (["--limit", "0"], "至少为 1", "must be at least 1"),
    (["staff", "abc"], "展商编号", "exhibitor id"),
    (["staff"], "展商编号", "exhibitor id"),
], ids=["limit", "staff-not-a-number", "staff-without-id"])
def test_exhibitors_usage_errors_follow_the_language(
        built: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str],
        words: list[str], zh: str, en: str) -> None:
    path, _data = built
    assert main(["exhibitors", *words, "--db", str(path), "--lang", "zh"]) == 2
    said = capsys.readouterr().err
    assert zh in said and en not in said
    assert main(["exhibitors", *words, "--db", str(path), "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert en in said and not CJK.search(said)


def _prose_literals(node: ast.AST) -> list[str]:
    """String constants in `node` that read as a sentence (two words or more), not a code or
    the command's name that starts a line ("eventdesk exhibitors staff: ")."""
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant)
            and isinstance(n.value, str)
            and re.search(r"[A-Za-z]+ [A-Za-z]+", re.sub(r"^eventdesk[a-z ]*: ?$", "", n.value))]


def test_no_command_prints_an_english_sentence_to_stderr_past_the_catalogue() -> None:
    """What a command says on stderr comes from the messages catalogue (per --lang): a literal
    sentence in a print(..., file=sys.stderr) is English in a Chinese terminal too."""
    found = []
    for path in sorted(Path(cli_package.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "print"
                    and any(k.arg == "file" for k in node.keywords)):
                found += [f"{path.name}:{node.lineno}: {text}" for arg in node.args
                          for text in _prose_literals(arg)]
    assert found == []

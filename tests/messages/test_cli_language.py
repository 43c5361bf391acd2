"""The command line speaks the chosen language: `--lang zh|en` anywhere, else the locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk import messages
from eventdesk.cli import main


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("eventdesk: ")
    assert "Traceback" not in captured.err
    return lines[0]


def test_a_database_without_an_event_is_said_in_either_language(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `people --json` signs badge payloads, which needs the event: NoEvent, exit 2.
    assert main(["people", "--db", str(db_path), "--json", "--lang", "en"]) == 2
    en = one_error_line(capsys)
    assert "holds no event" in en and not has_cjk(en)
    assert main(["--lang", "zh", "people", "--db", str(db_path), "--json"]) == 2
    assert "还没有活动" in one_error_line(capsys)
    assert main(["people", "--lang=en", "--db", str(db_path), "--json"]) == 2
    assert "holds no event" in one_error_line(capsys)


def test_the_locale_chooses_when_lang_is_not_given(
        db_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTDESK_LANG", "en_GB.UTF-8")
    assert main(["people", "--db", str(db_path), "--json"]) == 2
    assert "holds no event" in one_error_line(capsys)
    monkeypatch.setenv("EVENTDESK_LANG", "zh_CN.UTF-8")
    assert main(["people", "--db", str(db_path), "--json", "--lang", "en"]) == 2  # flag wins
    assert "holds no event" in one_error_line(capsys)
    assert messages.language() == "zh"  # the command's language ended with the command


def test_demo_refusing_an_existing_event_in_both_languages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    size = ["--exhibitors", "5", "--people", "20"]
    assert main(["demo", "--db", str(path), *size, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Demo event GH25" in out and "5 exhibitors, 20 people" in out and "seed 1" in out
    assert main(["demo", "--db", str(path), *size, "--lang", "en"]) == 2
    en = one_error_line(capsys)
    assert "already holds the event" in en and "GH25" in en and "--replace" in en
    assert main(["demo", "--db", str(path), *size]) == 2
    zh = one_error_line(capsys)
    assert "已经有活动" in zh and "GH25" in zh and "--replace" in zh


def test_a_missing_database_fails_with_one_sentence_in_both_languages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    for lang in messages.LANGUAGES:
        assert main(["people", "--db", str(missing), "--lang", lang]) == 2
        assert str(missing) in one_error_line(capsys)
    assert not missing.exists()


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["people", "--lang", "fr"])
    assert exited.value.code == 2
    assert "--lang" in capsys.readouterr().err

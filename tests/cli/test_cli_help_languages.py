"""`--help`, argparse's own errors and the system's file errors follow `--lang` (issue 13).

Every command's and sub-command's help is walked in both languages. In Chinese no English word
is left but what a person types: option names, commands, metavars, choices, paper presets, and
what the catalogue rule calls code (tests/messages/test_catalogue_languages.py: `--reason lost`,
`eventdesk layout list`, EVENTDESK_DB, gb18030…); in English no Chinese character at all.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventdesk import messages
from eventdesk.actions import printing
from eventdesk.cli import _load_commands, build_parser, main
from eventdesk.cli.wording import columns, wrap
from tests.messages.test_catalogue_languages import english_words
from tests.ui.i18n_walk import CJK, LATIN_WORD


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


def command_lines() -> list[list[str]]:
    """Every command and sub-command, as typed after `eventdesk` (the program itself: [])."""
    found: list[list[str]] = [[]]
    pending = [([], build_parser(_load_commands()))]
    while pending:
        words, parser = pending.pop()
        for name, sub in _subcommands(parser):
            found.append([*words, name])
            pending.append(([*words, name], sub))
    return found


COMMAND_LINES = command_lines()


def every_typed_word() -> set[str]:
    """What a person types, in every parser of the command line."""
    return set().union(*(typed_words(parser_of(words)) for words in COMMAND_LINES))


def typed_words(parser: argparse.ArgumentParser) -> set[str]:
    """The words of a parser's help a person types as they are, in any language."""
    tokens = ["eventdesk", *(key for key, _label in printing.preset_choices())]
    for action in parser._actions:
        tokens += action.option_strings
        tokens.append(action.dest.upper())
        metavar = action.metavar
        tokens += list(metavar) if isinstance(metavar, tuple) else [str(metavar or "")]
        tokens += [str(choice) for choice in action.choices or ()]
    return {word for token in tokens for word in LATIN_WORD.findall(token)}


def parser_of(words: list[str]) -> argparse.ArgumentParser:
    parser = build_parser(_load_commands())
    for word in words:
        parser = dict(_subcommands(parser))[word]
    return parser


def help_text(words: list[str], lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        main([*words, "--help", "--lang", lang])
    assert exited.value.code == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


@pytest.mark.parametrize("words", COMMAND_LINES, ids=lambda w: " ".join(w) or "eventdesk")
def test_help_in_chinese_has_no_english_words(words: list[str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(words, "zh", capsys)
    assert text.startswith("用法：") and "显示本帮助并退出" in text
    messages.set_language("zh")  # the parser's help words, as `--lang zh` builds them
    try:
        typed = typed_words(parser_of(words))
    finally:
        messages.set_language("zh")
    left = set(english_words(" ".join(text.split()))) - typed  # one line: `--kind schedule`
    assert left == set(), f"eventdesk {' '.join(words)} --help --lang zh"


@pytest.mark.parametrize("words", COMMAND_LINES, ids=lambda w: " ".join(w) or "eventdesk")
def test_help_in_english_has_no_chinese(words: list[str],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(words, "en", capsys)
    assert text.startswith("usage: ") and "show this help message and exit" in text
    assert [line for line in text.splitlines() if CJK.search(line)] == []


def test_the_locale_chooses_the_help_language(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTDESK_LANG", "en_US.UTF-8")
    with pytest.raises(SystemExit):
        main(["people", "--help"])
    assert "words that must all match" in capsys.readouterr().out
    monkeypatch.setenv("EVENTDESK_LANG", "zh_CN.UTF-8")
    with pytest.raises(SystemExit):
        main(["people", "--help"])
    assert "每个词都须匹配" in capsys.readouterr().out


# argparse's own refusals: (arguments, what zh says, what en says)
REFUSALS = {
    "missing": (["user", "add", "anna"], "缺少必需的参数：--role",
                "the following arguments are required: --role"),
    "missing verb": (["user"], "缺少必需的参数：VERB",
                     "the following arguments are required: VERB"),
    "bad choice": (["audit", "bogus"], "无效的选择：'bogus'", "invalid choice: 'bogus'"),
    "unknown option": (["people", "--bogus"], "无法识别的参数：--bogus",
                       "unrecognized arguments: --bogus"),
    "no value": (["people", "--limit"], "参数 --limit：需要一个值",
                 "argument --limit: expected one argument"),
    "bad number": (["people", "--limit", "many"], "参数 --limit：无效的值：'many'",
                   "argument --limit: invalid int value: 'many'"),
    "bad date": (["schedule", "export", "--out", "p.pdf", "--day", "22.5."],
                 "参数 --day：'22.5.' 不是日期（应为 2026-05-22 这样的日期）",
                 "argument --day: '22.5.' is not a date (YYYY-MM-DD)"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_argparse_errors_follow_the_language(case: str, lang: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    args, zh, en = REFUSALS[case]
    with pytest.raises(SystemExit) as exited:
        main([*args, "--lang", lang])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    usage, said = captured.err.strip().splitlines()[0], captured.err.strip().splitlines()[-1]
    if lang == "zh":
        assert usage.startswith("用法：eventdesk") and "：错误：" in said and zh in said
        typed = every_typed_word() | {"bogus", "many"}  # what was typed
        assert set(english_words(said)) - typed == set()
    else:
        assert usage.startswith("usage: eventdesk") and ": error: " in said and en in said
        assert not CJK.search(captured.err)


def test_argparse_speaks_english_again_after_the_command(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["people", "--bogus", "--lang", "zh"])
    capsys.readouterr()
    other = argparse.ArgumentParser(prog="other")
    other.add_argument("--x", required=True)
    with pytest.raises(SystemExit):
        other.parse_args([])
    assert "the following arguments are required: --x" in capsys.readouterr().err


def test_an_unknown_language_is_refused_in_the_locales_language(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTDESK_LANG", "zh_CN.UTF-8")
    with pytest.raises(SystemExit) as exited:
        main(["people", "--lang", "fr"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--lang：'fr'" in err and "错误" in err


# --- the system's reasons a file cannot be written, in the chosen language -------------------

def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("eventdesk: "), captured.err
    return lines[0]


@pytest.mark.usefixtures("event_db")
@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_a_folder_where_the_file_should_be(lang: str, db_path: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "exhibitors.csv"
    folder.mkdir()
    assert main(["export", "--db", str(db_path), "--kind", "exhibitors", "--out", str(folder),
                 "--lang", lang]) == 2
    said = one_error_line(capsys)
    assert str(folder) in said
    if lang == "zh":
        assert "无法读写文件" in said and "文件夹" in said
        assert english_words(said.replace(str(folder), " ")) == []
    else:
        assert "Cannot read or write the file" in said and not CJK.search(said)
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.usefixtures("event_db")
def test_a_file_where_a_folder_should_be(db_path: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    target = tmp_path / "notes.txt" / "exhibitors.csv"
    assert main(["export", "--db", str(db_path), "--kind", "exhibitors", "--out", str(target),
                 "--lang", "zh"]) == 2
    said = one_error_line(capsys)
    assert "无法读写文件" in said and "路径中的某一部分不是文件夹" in said
    assert "Not a directory" not in said and "File exists" not in said
    assert english_words(said.replace(str(target), " ").replace(str(tmp_path), " ")) == []


@pytest.mark.usefixtures("event_db")
def test_a_read_only_disk(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    # A read-only file system cannot be mounted here; the last step of every write (moving the
    # finished file over the target) fails as it does on one.
    def read_only(source: object, target: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(source), str(target))

    monkeypatch.setattr("eventdesk.files.os.replace", read_only)
    target = tmp_path / "exhibitors.csv"
    assert main(["export", "--db", str(db_path), "--kind", "exhibitors", "--out", str(target),
                 "--lang", "zh"]) == 2
    assert one_error_line(capsys) == f"eventdesk: 无法读写文件 {target}：文件系统是只读的"
    assert main(["export", "--db", str(db_path), "--kind", "exhibitors", "--out", str(target),
                 "--lang", "en"]) == 2
    assert one_error_line(capsys) == (
        f"eventdesk: Cannot read or write the file {target}: The file system is read-only")
    assert list(tmp_path.iterdir()) == [db_path] or not target.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
@pytest.mark.usefixtures("event_db")
def test_a_read_only_folder(db_path: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert main(["export", "--db", str(db_path), "--kind", "exhibitors",
                     "--out", str(folder / "x.csv"), "--lang", "zh"]) == 2
        assert "没有权限" in one_error_line(capsys)
    finally:
        folder.chmod(0o755)


# An option's or argument's own line (`--preset {a6,cr80,…}`), its help on the next: argparse's.
INVOCATION_ALONE = re.compile(r" +[-{]\S*(?: \S+)?")


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_help_lines_fit_the_terminal(lang: str, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Chinese has no spaces to break at and takes two columns a character (cli.wording.wrap).
    monkeypatch.setenv("COLUMNS", "80")
    for words in COMMAND_LINES:
        text = help_text(words, lang, capsys)
        usage, body = text.split("\n\n", 1)  # the usage is wrapped by argparse itself
        wide = [line for line in body.splitlines() if columns(line) > 80
                and not INVOCATION_ALONE.fullmatch(line)]
        assert wide == [], f"eventdesk {' '.join(words)} --help --lang {lang}"
        usage = usage.splitlines()
        assert all(columns(line) - len(line.lstrip()) == columns(usage[0].split("[")[0])
                   for line in usage[1:]), usage  # later lines stand under the first


def test_wrap_breaks_chinese_but_not_before_its_punctuation() -> None:
    assert wrap("会议现场签到，胸卡", 12) == ["会议现场签到，", "胸卡"]
    assert wrap("打印 --mark-printed 会记录", 10) == ["打印", "--mark-printed", "会记录"]
    assert wrap("plain English words here", 12) == ["plain", "English", "words here"]

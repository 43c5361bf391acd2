from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.services.schedule import items as schedule
from eventdesk.storage import Database
from tests.schedule_data import Small, at, build_small


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


def test_conflicts_json_contract(db: Database, db_path: Path, small: Small, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["schedule", "conflicts", "--db", str(db_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    d0 = small.days[0]
    with db.unit_of_work() as s:
        schedule.place_item(s, item_id=small.items["芯片"], start=at(d0, "09:30"),
                            end=at(d0, "10:30"), room_id=small.rooms["主会场"])
    assert main(["--db", str(db_path), "schedule", "conflicts", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [c["kind"] for c in found] == ["room_double_booked"]
    assert set(found[0]) >= {"kind", "message", "items"}
    first = found[0]["items"][0]
    assert set(first) >= {"id", "title", "room", "start", "end"}
    assert first["title"] == "开幕主旨演讲" and first["room"] == "主会场"
    assert first["start"] == f"{d0.isoformat()}T09:00:00+08:00"
    assert found[0]["message"] == "会议室“主会场”同时安排了《开幕主旨演讲》和《国产芯片论坛》"
    assert main(["schedule", "conflicts", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "[会议室冲突] 会议室“主会场”同时安排了《开幕主旨演讲》和《国产芯片论坛》" in out
    assert "（共 1 处冲突）" in out


def test_conflicts_worded_in_the_chosen_language(db: Database, db_path: Path, small: Small,
                                                  capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from eventdesk import messages

    d0 = small.days[0]
    with db.unit_of_work() as s:
        schedule.place_item(s, item_id=small.items["圆桌"], start=at(d0, "17:30"),
                            end=at(d0, "18:30"), room_id=small.rooms["小会议室"])
    monkeypatch.setenv("EVENTDESK_LANG", "en")  # whichever way the CLI picks its language
    try:
        messages.set_language("en")
        assert main(["schedule", "conflicts", "--db", str(db_path), "--json"]) == 0
        found = json.loads(capsys.readouterr().out)
        assert [c["kind"] for c in found] == ["outside_room_availability"]
        assert found[0]["message"] == (f"Room “小会议室” is not available {d0:%m-%d} 17:30–18:30"
                                       " (“圆桌对话”)")
        assert main(["schedule", "conflicts", "--db", str(db_path)]) == 0
        assert "[Room not available]" in capsys.readouterr().out
    finally:
        messages.set_language("zh")


def test_missing_database_exit_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["schedule", "conflicts", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert not (tmp_path / "none.sqlite3").exists()


def test_import_and_export_commands(db: Database, db_path: Path, small: Small, tmp_path: Path,
                                    capsys) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    src = tmp_path / "s.csv"
    src.write_text("日期,开始,结束,会议室,议题,演讲嘉宾\n2025/5/22,9:00,10:00,新厅,闭幕,李娜\n",
                   encoding="utf-8")
    assert main(["schedule", "import", str(src), "--db", str(db_path), "--json"]) == 4
    report = json.loads(capsys.readouterr().out)
    assert report["errors"][0]["row"] == 1 and report["errors"][0]["column"] == "会议室"
    assert main(["schedule", "import", str(src), "--db", str(db_path), "--json",
                 "--create-rooms", "--dry-run"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 1
    assert main(["schedule", "import", str(src), "--db", str(db_path), "--json",
                 "--create-rooms"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 1
    ics = tmp_path / "x.ics"
    assert main(["schedule", "export", "--db", str(db_path), "--out", str(ics)]) == 0
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 5
    pdf = tmp_path / "p.pdf"
    assert main(["schedule", "export", "--db", str(db_path), "--out", str(pdf),
                 "--day", small.days[2].isoformat()]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_contract_import_and_export_kinds(db: Database, db_path: Path, small: Small,
                                          tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    src = tmp_path / "s.csv"
    src.write_text("日期,开始,结束,会议室,议题\n2025/5/22,9:00,10:00,新厅,闭幕\n", encoding="utf-8")
    assert main(["import", str(src), "--db", str(db_path), "--kind", "schedule", "--json"]) == 4
    assert json.loads(capsys.readouterr().out)["errors"][0]["column"] == "会议室"
    assert main(["import", str(src), "--db", str(db_path), "--kind", "schedule", "--json",
                 "--create-rooms"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 1
    ics = tmp_path / "x.ics"
    assert main(["export", "--db", str(db_path), "--kind", "schedule", "--out", str(ics)]) == 0
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 5
    pdf = tmp_path / "x.pdf"
    assert main(["export", "--db", str(db_path), "--kind", "programme", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_schedule_import_conflicts_are_sentences(db: Database, db_path: Path, small: Small,
                                                 tmp_path: Path, capsys, lang: str) -> None:  # type: ignore[no-untyped-def]
    day = small.days[0].isoformat()
    src = tmp_path / "clash.csv"
    src.write_text(f"日期,开始,结束,会场,议题\n{day},9:30,10:30,主会场,撞车的会议\n",
                   encoding="utf-8")
    argv = ["--lang", lang, "import", str(src), "--db", str(db_path), "--kind", "schedule",
            "--dry-run"]
    assert main([*argv, "--json"]) == 0
    conflicts = json.loads(capsys.readouterr().out)["conflicts"]
    assert [c["kind"] for c in conflicts] == ["room_double_booked"]
    assert "主会场" in conflicts[0]["message"]  # worded, not "schedule.conflict.room_double_booked"
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "schedule.conflict" not in out and "主会场" in out


def _not_in(lang: str, output: str, data: list[str]) -> list[str]:
    """Lines of `output` with words of the other language once data (titles, rooms, names),
    paths and the command's own name (“eventdesk schedule export:”) are taken out."""
    from tests.ui.i18n_walk import ALLOWED, CJK, LATIN_WORD, PATHISH

    wrong = []
    for line in output.splitlines():
        rest = re.sub(r"^eventdesk[a-z ]*:", " ", line.strip())
        for value in data:
            rest = rest.replace(value, " ")
        rest = PATHISH.sub(" ", rest)
        if lang == "en" and CJK.search(rest):
            wrong.append(line)
        if lang == "zh" and [w for w in LATIN_WORD.findall(rest) if w not in ALLOWED]:
            wrong.append(line)
    return wrong


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_schedule_commands_speak_only_the_chosen_language(  # type: ignore[no-untyped-def]
        db: Database, db_path: Path, small: Small, tmp_path: Path, capsys, lang: str) -> None:
    """`--lang en eventdesk schedule …` prints English only, `--lang zh` Chinese only: the
    conflicts (text and JSON), what an export wrote, and each refusal."""
    from tests.ui.i18n_walk import data_texts

    d0 = small.days[0]
    with db.unit_of_work() as s:  # a double booking and a room too small
        schedule.place_item(s, item_id=small.items["芯片"], start=at(d0, "09:30"),
                            end=at(d0, "10:30"), room_id=small.rooms["主会场"])
        schedule.place_item(s, item_id=small.items["应用"], start=at(d0, "16:00"),
                            end=at(d0, "17:00"), room_id=small.rooms["小会议室"])
    data = data_texts(db)
    db_arg = ["--lang", lang, "--db", str(db_path), "schedule"]
    runs = [
        (["conflicts"], 0),
        (["conflicts", "--json"], 0),
        (["export", "--out", str(tmp_path / "s.ics")], 0),
        (["export", "--out", str(tmp_path / "s.csv"), "--room", "主会场"], 0),
        (["export", "--out", str(tmp_path / "p.pdf"), "--day", d0.isoformat()], 0),
        (["export", "--out", str(tmp_path / "s.txt")], 2),
        (["export", "--out", str(tmp_path / "r.pdf"), "--room", "没有的厅"], None),
        (["export", "--out", str(tmp_path / "d.pdf"), "--day", "2020-01-01"], None),
    ]
    said: list[str] = []
    for argv, code in runs:
        rc = main([*db_arg, *argv])
        assert rc == code if code is not None else rc != 0, argv
        out = capsys.readouterr()
        assert out.out or out.err, argv
        text = out.out
        if "--json" in argv:
            text = "\n".join(c["message"] for c in json.loads(out.out))
        said.append(text + out.err)
    everything = "\n".join(said)
    assert _not_in(lang, everything, [*data, "没有的厅", "s.txt"]) == []  # typed: data
    if lang == "en":
        assert "(2 conflicts)" in said[0]
        assert "There is no room named “没有的厅”" in said[6]
        assert "2020-01-01 is not a day of the event" in said[7]
        assert "writes .pdf (the programme), .ics, .csv or .xlsx files (got s.txt)" in said[5]
    else:
        assert "（共 2 处冲突）" in said[0]
        assert "没有名为“没有的厅”的会议室" in said[6]
        assert "2020-01-01 不在会期内" in said[7]

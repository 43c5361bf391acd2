"""`eventdesk checkin` per the command-line contract: one JSON object per payload, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.storage import Database
from tests.services.checkin_cases import add, payload_of

KEYS = {"payload", "result", "reason", "message", "person", "at", "desk"}


def _lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_checkin_json_shape_and_exit_codes(event_db: Database, db_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    zw = add(event_db, "张伟", company="阿丘科技")
    ln = add(event_db, "李娜")
    p1, p2 = payload_of(event_db, zw.id), payload_of(event_db, ln.id)

    assert main(["checkin", "--db", str(db_path), "--desk", "3", "--json", p1, p2.lower()]) == 0
    first = _lines(capsys)
    assert [r["result"] for r in first] == ["checked_in", "checked_in"]
    assert all(r.keys() >= KEYS for r in first)
    assert first[0]["person"] == "张伟" and first[0]["reason"] is None
    assert first[0]["desk"] == "3" and str(first[0]["at"]).endswith("+08:00")
    assert first[1]["payload"] == p2.lower()

    forged = p1[:-2] + ("AA" if not p1.endswith("AA") else "BB")
    assert main(["--db", str(db_path), "checkin", "--desk", "5", "--json", p1, forged]) == 3
    again, bad = _lines(capsys)
    assert again["result"] == "already_checked_in"
    assert (again["desk"], again["at"]) == ("3", first[0]["at"])
    assert again["reason"] is None and "3 号台" in str(again["message"])
    assert (bad["result"], bad["reason"], bad["person"]) == ("rejected", "forged", None)
    assert bad["at"] is None and bad["message"]


def test_checkin_reasons_and_plain_output(event_db: Database, db_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    gone = add(event_db, "王芳", status="cancelled")
    add(event_db, "赵敏", external_ref="REG-7")
    args = ["checkin", "--db", str(db_path), "--desk", "A", "--json",
            payload_of(event_db, gone.id), "ED1.TEST.NOPE", "garbage", "REG-7"]
    assert main(args) == 3
    reasons = [r["reason"] for r in _lines(capsys)]
    assert reasons == ["cancelled", "malformed", "unknown", "unknown"]
    assert main(["checkin", "--db", str(db_path), "--desk", "A", "--accept-external", "REG-7"]) == 0
    assert "赵敏" in capsys.readouterr().out


def test_checkin_requires_desk_and_existing_database(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["checkin", "--db", str(tmp_path / "x.sqlite3"), "ED1.X"])
    assert info.value.code == 2
    assert main(["checkin", "--db", str(tmp_path / "x.sqlite3"), "--desk", "1", "ED1.X"]) == 2
    assert not (tmp_path / "x.sqlite3").exists()


def test_a_payload_that_is_not_utf8_is_malformed(event_db: Database, db_path: Path) -> None:
    """A scan given on the command line with bytes that are not UTF-8 (Python turns each into a
    lone surrogate): rejected as malformed, exit 3, shown escaped; the other payloads go on."""
    from tests.cli.real_entry import run

    good = payload_of(event_db, add(event_db, "张伟").id)
    done = run(["checkin", "--db", str(db_path), "--desk", "3", "--json",
                good.encode()[:8] + b"\xff\xfe" + good.encode()[8:], b"REG\xc3", good])
    assert done.returncode == 3, done.stderr
    assert done.stderr == b""
    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [(r["result"], r["reason"]) for r in lines] == [
        ("rejected", "malformed"), ("rejected", "malformed"), ("checked_in", None)]
    assert lines[0]["payload"] == good[:8] + "\\udcff\\udcfe" + good[8:]
    assert lines[1]["payload"] == "REG\\udcc3"


@pytest.mark.parametrize("argv", [
    [b"checkin", b"--desk", b"\xe5\x8f\xb0\xff", b"ED1.X"],       # 台 then a stray byte
    [b"people", b"\xd5\xc5\xce\xb0"],                            # 张伟 in GBK, not UTF-8
    [b"badges", b"--out", b"x.pdf", b"--company", b"\xb0\xa2"],  # 阿 in GBK
])
def test_a_text_argument_that_is_not_utf8_is_one_sentence(event_db: Database, db_path: Path,
                                                          tmp_path: Path,
                                                          argv: list[bytes]) -> None:
    from tests.cli.real_entry import run

    argv = [tmp_path.joinpath("x.pdf").as_posix().encode() if a == b"x.pdf" else a
            for a in argv]
    done = run([argv[0], b"--db", str(db_path).encode(), *argv[1:]])
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("eventdesk: The argument ") and "(not UTF-8?)" in err
    assert not tmp_path.joinpath("x.pdf").exists()


def test_checkin_through_another_keyboard_layout_says_so(
        event_db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.services.test_scan_layouts import GERMAN_SWAP, holder, typed

    _, payload = holder(event_db)
    swapped = typed(payload, GERMAN_SWAP)
    assert main(["checkin", "--db", str(db_path), "--desk", "3", "--json", swapped, payload]) == 0
    first, second = _lines(capsys)
    assert (first["result"], first["person"]) == ("checked_in", "Jürgen Zeyer")
    assert "德文 QWERTZ" in str(first["hint"])
    assert second["result"] == "already_checked_in" and second["hint"] is None
    assert main(["checkin", "--db", str(db_path), "--desk", "3", swapped]) == 0
    out = capsys.readouterr().out
    assert "键盘布局" in out

"""`eventdesk layout check FILE [--json]` and `layout list [--json]` through the real entry point:
a broken or hostile layout file is refused with exit 4 and one sentence naming its element, never
a traceback; the built-in layouts check clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.paths import resource

DATA = Path(__file__).parents[1] / "data" / "layouts"

# file -> (element named in the sentence, problem code)
HOSTILE = {
    "unknown_type.json": ("90×54 front #2 hologram", "layout.unknown_type"),
    "box_outside.json": ("90×54 front #2 qr", "layout.box_outside"),
    "missing_image.json": ("90×54 front #1 image(sponsor-strip.png)", "layout.image_missing"),
    "huge_image.json": ("90×54 front #1 image(huge.png)", "layout.image_too_big"),
    "path_escape.json": ("90×54 front #1 image(../../../etc/passwd)", "layout.bad_image_name"),
    "unknown_field.json": ("90×54 front #1 text(salary)", "layout.unknown_field"),
    "bad_colour.json": ("90×54 front #1 rect", "layout.bad_colour"),
    "deeply_nested.json": ("file", "layout.too_deep"),
    "not_json.json": ("file", "layout.not_json"),
}


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", "layout", "check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_naming_the_element(name: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    element, code = HOSTILE[name]
    status, out, _err = _check(capsys, str(DATA / name), "--json")
    assert status == 4
    report = json.loads(out)
    assert report["ok"] is False
    first = report["problems"][0]
    assert (first["element"], first["code"]) == (element, code)
    assert "Traceback" not in first["message"] and "{" not in first["message"]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_plain_output_is_sentences(name: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _check(capsys, str(DATA / name))
    assert status == 4 and out == ""
    lines = err.strip().splitlines()
    assert "cannot be used" in lines[0]
    assert "Traceback" not in err and len(lines) >= 2


def test_enormous_and_bracket_bomb_files(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "enormous.json"
    big.write_text('{"title": "' + "x" * (25 * 2**20) + '"}', encoding="utf-8")
    bomb = tmp_path / "bomb.json"
    bomb.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"variants": [{"size_mm": [90, 54], "front": [
        {"type": "qr", "box": [1, 1, 5, 5]}] * 5000}]}), encoding="utf-8")
    for path, code in ((big, "layout.too_big"), (bomb, "layout.too_deep"),
                       (many, "layout.too_many_elements")):
        status, out, _err = _check(capsys, str(path), "--json")
        assert status == 4, path
        assert json.loads(out)["problems"][0]["code"] == code


def test_a_huge_image_file_is_not_read(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "layout.json").write_text((DATA / "huge_image.json").read_text("utf-8"),
                                          encoding="utf-8")
    (tmp_path / "huge.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (5 * 2**20))
    status, out, _err = _check(capsys, str(tmp_path / "layout.json"), "--json")
    assert status == 4
    assert json.loads(out)["problems"][0]["code"] == "layout.image_too_big"


@pytest.mark.parametrize("name", ["default", "bold", "duplex"])
def test_builtin_layouts_check_clean(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _err = _check(capsys, str(resource("layouts") / f"{name}.json"), "--json")
    assert status == 0
    assert json.loads(out) == {"file": str(resource("layouts") / f"{name}.json"), "ok": True,
                               "problems": []}


def test_missing_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _check(capsys, str(tmp_path / "nope.json"))
    assert status == 2 and "nope.json" in err and "Traceback" not in err


def test_list_json_names_the_builtin_layouts(capsys: pytest.CaptureFixture[str],
                                             db_path: Path) -> None:
    assert main(["layout", "list", "--db", str(db_path), "--json"]) == 0
    listed = {i["name"]: i for i in json.loads(capsys.readouterr().out)}
    assert {"default", "bold", "duplex"} <= set(listed)
    assert listed["default"]["origin"] == "builtin"
    assert "105×148" in listed["default"]["sizes"]


def test_import_then_list_and_export_round_trip(tmp_path: Path, db_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = resource("layouts") / "default.json"
    assert main(["layout", "import", str(source), "--name", "kunshan", "--db", str(db_path)]) == 0
    assert main(["layout", "list", "--db", str(db_path), "--json"]) == 0
    capsys.readouterr()
    assert main(["layout", "list", "--db", str(db_path), "--json"]) == 0
    listed = {i["name"]: i for i in json.loads(capsys.readouterr().out)}
    assert listed["kunshan"]["origin"] == "event"
    out = tmp_path / "kunshan.json"
    assert main(["layout", "export", "kunshan", "--out", str(out), "--db", str(db_path)]) == 0
    exported = json.loads(out.read_text("utf-8"))
    assert set(exported["images"]) == {"logo-light.png"}  # the image travels inside the file
    assert _check(capsys, str(out))[0] == 0
    original = json.loads(source.read_text("utf-8"))
    assert {k: v for k, v in exported.items() if k != "images"} == original


def test_import_of_a_hostile_file_writes_nothing(db_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--lang", "en", "layout", "import", str(DATA / "box_outside.json"),
                   "--db", str(db_path)])
    err = capsys.readouterr().err
    assert status == 4
    assert err.count("\n") == 1 and "element 2 (QR code)" in err
    assert main(["layout", "list", "--db", str(db_path), "--json"]) == 0
    assert all(i["origin"] != "event" for i in json.loads(capsys.readouterr().out))

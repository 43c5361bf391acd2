"""`eventdesk badges` per the command-line contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from sqlalchemy import func, select

from eventdesk.cli import main
from eventdesk.domain import BadgePrint, Person
from eventdesk.services import exhibitors
from eventdesk.storage import Database
from tests.services.people_cases import add


def _prints(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(BadgePrint.id))) or 0)


@pytest.fixture
def people(event_db: Database) -> Database:
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="昆山阿丘智能科技有限公司", short_name="阿丘科技", hall="A1",
            booth="A1-101"), operator="t")
    for name in ("张伟", "李娜", "王芳"):
        add(event_db, name, category="exhibitor", exhibitor_id=ex.id, company=ex.name_zh)
    add(event_db, "Alice Wong", category="speaker", company="Foxconn")
    add(event_db, "赵敏", category="visitor", company="苏州大学")
    return event_db


def test_writes_pdf_and_reports_counts_without_logging(people: Database, db_path: Path,
                                                       tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.pdf"
    assert main(["badges", "--db", str(db_path), "--out", str(out)]) == 0
    assert "已生成 5 张胸卡，共 5 页" in capsys.readouterr().out
    assert len(pdfium.PdfDocument(out.read_bytes())) == 5
    assert _prints(people) == 0  # a proof: only --mark-printed records prints


def test_filters_presets_and_mark_printed(people: Database, db_path: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ex.pdf"
    args = ["badges", "--db", str(db_path), "--out", str(out), "--category", "exhibitor",
            "--hall", "A1", "--sort", "booth", "--preset", "a4-4xa6", "--json"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["badges"], result["pages"], result["recorded"]) == (3, 1, 0)

    assert main([*args[:-1], "--mark-printed", "--desk", "print-room"]) == 0
    assert "已记录 3 张为已打印" in capsys.readouterr().out
    assert _prints(people) == 3
    assert main(["badges", "--db", str(db_path), "--out", str(out), "--not-printed",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["badges"] == 2
    assert main(["badges", "--db", str(db_path), "--out", str(out), "--company", "阿丘",
                 "--separators", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 4  # separator + 3 badges


def test_missing_glyphs_reported_and_strict(people: Database, db_path: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    add(people, "王\ue000", category="media")
    out = tmp_path / "x.pdf"
    assert main(["badges", "--db", str(db_path), "--out", str(out)]) == 0
    assert "王\ue000" in capsys.readouterr().err and out.exists()
    strict = tmp_path / "strict.pdf"
    assert main(["badges", "--db", str(db_path), "--out", str(strict), "--strict"]) == 4
    assert not strict.exists()


def test_usage_errors(people: Database, db_path: Path, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.pdf")
    assert main(["badges", "--db", str(db_path), "--out", out, "--layout", "nope"]) == 2
    assert main(["badges", "--db", str(db_path), "--out", out, "--preset", "a0"]) == 2
    assert main(["badges", "--db", str(tmp_path / "missing.sqlite3"), "--out", out]) == 2
    assert main(["badges", "--db", str(db_path)]) == 2  # --out or --print is required
    assert "--out FILE.pdf、--print" in capsys.readouterr().err


def test_mark_printed_logs_the_codes_that_were_rendered(people: Database, db_path: Path,
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A desk reissues a lost badge while `eventdesk badges --mark-printed` renders: the print
    log holds the code on the paper (now revoked), and the command says so."""
    from eventdesk.actions import printing
    from eventdesk.services.badges.desk import revoke_badge

    with people.unit_of_work(write=False) as s:
        wang, before = s.execute(select(Person.id, Person.badge_code)
                                 .where(Person.name == "王芳")).one()
    real = printing.render_batch

    def render_while_a_desk_reissues(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        with people.unit_of_work() as s:
            revoke_badge(s, person_id=wang, reason="lost", desk="desk-3", operator="desk")
        return result

    monkeypatch.setattr(printing, "render_batch", render_while_a_desk_reissues)
    out = tmp_path / "run.pdf"
    assert main(["badges", "--db", str(db_path), "--out", str(out), "--mark-printed",
                 "--json"]) == 0
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["recorded"] == 5
    assert result["reissued"] == [{"person_id": wang, "name": "王芳", "printed_code": before}]
    assert "王芳" in captured.err
    with people.unit_of_work(write=False) as s:
        logged = s.scalars(select(BadgePrint.badge_code)
                           .where(BadgePrint.person_id == wang)).one()
        now = s.scalar(select(Person.badge_code).where(Person.id == wang))
    assert logged == before != now


@pytest.mark.parametrize("argv", [["badges"],
                                  ["export", "--kind", "people"],
                                  ["export", "--kind", "programme"]])
def test_out_that_is_a_directory_is_one_sentence(people: Database, db_path: Path,
                                                 tmp_path: Path, capsys,
                                                 argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / ("taken.pdf" if "pdf" in argv[-1] or argv[0] == "badges" else "t.csv")
    target.mkdir()
    code = main([*argv, "--db", str(db_path), "--out", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "taken" in err or "t.csv" in err


def _checkin(db_path: Path, payload: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["checkin", "--db", str(db_path), "--desk", "gate", "--json", payload])
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def test_reason_lost_revokes_the_old_codes_as_at_the_desk(people: Database, db_path: Path,
                                                          tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    """`--reason lost` means what the desk's lost reprint means: every badge on the paper has a
    new code, and once the file is written the old codes are revoked (rejected as revoked at
    every desk) and the new ones admit their holders."""
    assert main(["people", "--db", str(db_path), "--json"]) == 0
    old = {p["name"]: p["qr_payload"] for p in json.loads(capsys.readouterr().out)}
    out = tmp_path / "lost.pdf"
    assert main(["badges", "--db", str(db_path), "--out", str(out), "--category", "exhibitor",
                 "--mark-printed", "--reason", "lost", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["recorded"] == 3
    assert main(["people", "--db", str(db_path), "--json"]) == 0
    new = {p["name"]: p["qr_payload"] for p in json.loads(capsys.readouterr().out)}
    for name in ("张伟", "李娜", "王芳"):  # the exhibitors: reissued
        assert new[name] != old[name]
        refused = _checkin(db_path, old[name], capsys)
        assert (refused["result"], refused["reason"], refused["person"]) == (
            "rejected", "revoked", name)
        assert _checkin(db_path, new[name], capsys)["result"] == "checked_in"
    assert new["赵敏"] == old["赵敏"]  # not in the run: untouched
    from tests.pdf.badge_samples import decoded, pages

    on_paper = {text for page in pages(out.read_bytes()) for text in decoded(page)}
    assert on_paper == {new[name] for name in ("张伟", "李娜", "王芳")}
    with people.unit_of_work(write=False) as s:
        reasons = set(s.scalars(select(BadgePrint.reason)))
    assert reasons == {"lost"}


def test_reason_lost_needs_mark_printed(people: Database, db_path: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """New codes that are never stored would admit nobody: refused, nothing written."""
    out = tmp_path / "lost.pdf"
    assert main(["--lang", "en", "badges", "--db", str(db_path), "--out", str(out),
                 "--reason", "lost"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "eventdesk: A reprint for lost badges issues new badge codes and revokes the old ones, "
        "so it must be recorded (mark as printed, --mark-printed, or print it); nothing was "
        "written"]
    assert not out.exists() and _prints(people) == 0


def test_mark_printed_twice_is_not_a_second_first_print(people: Database, db_path: Path,
                                                        tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    out = tmp_path / "run.pdf"
    args = ["--lang", "en", "badges", "--db", str(db_path), "--out", str(out),
            "--category", "exhibitor", "--mark-printed"]
    assert main(args) == 0
    first = out.read_bytes()
    capsys.readouterr()
    assert main(args) == 4
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("eventdesk: 3 of these badges were printed before (")
    assert out.read_bytes() == first  # nothing rendered, the file of the first run stays
    with people.unit_of_work(write=False) as s:
        logged = s.execute(select(BadgePrint.reason, func.count())
                           .group_by(BadgePrint.reason)).all()
    assert logged == [("first", 3)]
    # A reprint says why: the same run with a reprint reason is logged as one.
    assert main([*args, "--reason", "damaged"]) == 0
    with people.unit_of_work(write=False) as s:
        reasons = sorted(s.scalars(select(BadgePrint.reason)))
    assert reasons == ["damaged"] * 3 + ["first"] * 3


def test_reasons_printer_fault_and_other_with_its_note(people: Database, db_path: Path,
                                                       tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    """Issue 13: printer_fault and other are logged as themselves and keep the codes; other
    needs --note (refused, nothing written, without one), kept with every print."""
    assert main(["people", "--db", str(db_path), "--json"]) == 0
    old = {p["name"]: p["qr_payload"] for p in json.loads(capsys.readouterr().out)}
    out = tmp_path / "again.pdf"
    args = ["--lang", "en", "badges", "--db", str(db_path), "--out", str(out),
            "--category", "exhibitor", "--mark-printed"]
    assert main([*args, "--reason", "other"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "200" in err
    assert not out.exists() and _prints(people) == 0
    assert main([*args, "--reason", "printer_fault"]) == 0
    assert main([*args, "--reason", "other", "--note", " 展位 更换 "]) == 0
    with people.unit_of_work(write=False) as s:
        logged = sorted((str(r.value), n) for r, n in s.execute(
            select(BadgePrint.reason, BadgePrint.note)).all())
    assert logged == [("other", "展位 更换")] * 3 + [("printer_fault", None)] * 3
    capsys.readouterr()
    assert main(["people", "--db", str(db_path), "--json"]) == 0
    assert {p["name"]: p["qr_payload"] for p in json.loads(capsys.readouterr().out)} == old
    with pytest.raises(SystemExit):
        main(["badges", "--help"])
    assert "printer_fault" in capsys.readouterr().out

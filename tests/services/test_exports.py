"""Exports: CSV with BOM and XLSX with Chinese intact, QR payloads, formula neutralisation, ISO
date-times in the event's zone, atomic files, and the exact export → import round trip."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from eventdesk.domain import Person
from eventdesk.services import exports
from eventdesk.services.checkin import check_in
from eventdesk.services.exhibitors import ExhibitorInput, create_exhibitor
from eventdesk.services.imports import import_file
from eventdesk.services.people import PersonInput, create_person
from eventdesk.storage import Database
from tests.badge_payloads import payload_for


@pytest.fixture
def filled_db(event_db: Database) -> Database:
    with event_db.unit_of_work() as s:
        ex = create_exhibitor(s, data=ExhibitorInput(
            name_zh="昆山光合科技有限公司", short_name="光合", hall="A", booth="A101",
            contact_phone="0512-57001234", staff_quota=8, external_ref="EX-1"), operator="t")
        create_exhibitor(s, data=ExhibitorInput(name_zh="=HYPERLINK(\"http://x\")",
                                                sector="-芯片"), operator="t")
        create_person(s, data=PersonInput(name="张伟", company="昆山光合科技有限公司",
                                          exhibitor_id=ex.id, category="exhibitor",
                                          phone="13812345678", title="总经理"), operator="t")
        create_person(s, data=PersonInput(name="䶮昇𠮷", category="speaker",
                                          phone="+442071234567", email="yan@example.com",
                                          notes="多行\n备注  两个空格"), operator="t")
        create_person(s, data=PersonInput(name="=1+1", company="@evil", title="+x",
                                          external_ref="-7", status="cancelled"), operator="t")
        create_person(s, data=PersonInput(name="李娜", company="曙光", title="'=already"),
                      operator="t")
        p = create_person(s, data=PersonInput(name="王芳", category="media"), operator="t")
        check_in(s, person_id=p.id, desk="一号台", operator="t")
    return event_db


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def read_xlsx(path: Path) -> list[list[object]]:
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    # Text is typed text: no formula, no error value, whatever it starts with.
    assert all(c.data_type in ("s", "n") for row in ws.iter_rows() for c in row
               if c.value is not None)
    return [list(r) for r in ws.iter_rows(values_only=True)]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_people_export(filled_db: Database, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"people{suffix}"
    with filled_db.unit_of_work(write=False) as s:
        assert exports.export(s, kind="people", path=out, with_payloads=True) == 5
        zhang_payload = payload_for(s, s.scalars(select(Person.badge_code)
                                                 .where(Person.name == "张伟")).one())
    rows = read_csv(out) if suffix == ".csv" else read_xlsx(out)
    header, body = rows[0], {r[0]: r for r in rows[1:]}
    assert header[:3] == ["姓名", "英文名", "单位"]
    zhang = dict(zip(header, body["张伟"], strict=True))
    assert zhang["展位"] == "A101" and zhang["类别"] == "exhibitor"
    assert zhang["二维码"] == zhang_payload
    assert datetime.fromisoformat(str(zhang["登记时间"])).utcoffset().total_seconds() == 8 * 3600
    assert "䶮昇𠮷" in body
    if suffix == ".csv":  # no types in CSV: the one formula guard
        evil = dict(zip(header, body["'=1+1"], strict=True))
        assert (evil["单位"], evil["职务"], evil["编号"]) == ("'@evil", "'+x", "'-7")
        assert dict(zip(header, body["䶮昇𠮷"], strict=True))["手机"] == "'+442071234567"
    else:  # typed text cells: written as they are, never run
        evil = dict(zip(header, body["=1+1"], strict=True))
        assert (evil["单位"], evil["职务"], evil["编号"]) == ("@evil", "+x", "-7")
        assert dict(zip(header, body["䶮昇𠮷"], strict=True))["手机"] == "+442071234567"
    # Text that itself starts with an apostrophe before a formula keeps it through the import.
    assert dict(zip(header, body["李娜"], strict=True))["职务"] == "''=already"


def test_exhibitor_and_checkin_exports(filled_db: Database, tmp_path: Path) -> None:
    with filled_db.unit_of_work(write=False) as s:
        exports.export(s, kind="exhibitors", path=tmp_path / "ex.xlsx")
        exports.export(s, kind="checkins", path=tmp_path / "ci.csv")
    ex = {str(r[0]): r for r in read_xlsx(tmp_path / "ex.xlsx")[1:]}
    guang = ex["昆山光合科技有限公司"]
    assert list(guang[:6]) == ["昆山光合科技有限公司", None, "光合", None, "A", "A101"]
    assert guang[9] == 8 and guang[11] == 1  # quota stays a number; one registered staff
    assert ex["=HYPERLINK(\"http://x\")"][3] == "-芯片"
    ci = read_csv(tmp_path / "ci.csv")
    assert ci[1][0] == "王芳" and ci[1][6] == "一号台" and ci[1][5].endswith("+08:00")


def test_unknown_format_and_atomic_failure(filled_db: Database, tmp_path: Path) -> None:
    with filled_db.unit_of_work(write=False) as s:
        with pytest.raises(exports.ExportFailed):
            exports.export(s, kind="people", path=tmp_path / "x.pdf")

        def boom(done: int, total: int) -> None:
            raise RuntimeError("cancelled")

        exports._BATCH, old = 1, exports._BATCH
        try:
            with pytest.raises(RuntimeError):
                exports.export(s, kind="people", path=tmp_path / "p.csv", progress=boom)
        finally:
            exports._BATCH = old
    left = [p.name for p in tmp_path.iterdir() if not p.name.startswith("event.sqlite3")]
    assert left == []  # no half-written file, no temporary left behind


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_changes_nothing(filled_db: Database, tmp_path: Path, suffix: str) -> None:
    with filled_db.unit_of_work(write=False) as s:
        exports.export(s, kind="people", path=tmp_path / f"p{suffix}")
        exports.export(s, kind="exhibitors", path=tmp_path / f"e{suffix}")
    for kind, name in (("exhibitors", "e"), ("people", "p")):
        with filled_db.unit_of_work() as s:
            report = import_file(s, path=tmp_path / f"{name}{suffix}", kind=kind)
        assert (report.created, report.updated, report.errors) == (0, 0, []), kind
        assert report.skipped == report.rows


def test_round_trip_of_a_demo_event(db: Database, tmp_path: Path) -> None:
    from eventdesk.demo.build import build_demo

    with db.unit_of_work() as s:
        build_demo(s, exhibitors=60, people=800, seed=5)
    with db.unit_of_work(write=False) as s:
        exports.export(s, kind="exhibitors", path=tmp_path / "e.xlsx")
        exports.export(s, kind="people", path=tmp_path / "p.csv")
    for kind, path in (("exhibitors", "e.xlsx"), ("people", "p.csv")):
        with db.unit_of_work() as s:
            report = import_file(s, path=tmp_path / path, kind=kind)
        assert (report.created, report.updated, report.errors) == (0, 0, []), kind


def test_formula_after_leading_whitespace_is_guarded(event_db: Database, tmp_path: Path) -> None:
    """Spreadsheets skip TAB, CR, LF and spaces before deciding a cell is a formula."""
    with event_db.unit_of_work() as s:
        create_person(s, data=PersonInput(name="赵敏", notes="\t=cmd|' /C calc'!A0"),
                      operator="t")
    out = tmp_path / "p.csv"
    with event_db.unit_of_work(write=False) as s:
        exports.export(s, kind="people", path=out)
    header, row = read_csv(out)[:2]
    assert dict(zip(header, row, strict=True))["备注"] == "'\t=cmd|' /C calc'!A0"


@pytest.mark.parametrize("lead", ["\t", "\n", "\r", " ", "\u3000", "\xa0", "\u200b"])
def test_every_leading_space_before_a_formula_is_guarded_in_csv(event_db: Database,
                                                                tmp_path: Path,
                                                                lead: str) -> None:
    with event_db.unit_of_work() as s:
        create_person(s, data=PersonInput(name="赵敏", notes=lead + "=HYPERLINK(\"http://x\")",
                                          title=lead + "@SUM(1)"), operator="t")
    out = tmp_path / "p.csv"
    with event_db.unit_of_work(write=False) as s:
        exports.export(s, kind="people", path=out)
    header, row = read_csv(out)[:2]
    got = dict(zip(header, row, strict=True))
    assert got["备注"] == "'" + lead + "=HYPERLINK(\"http://x\")"
    assert got["职务"].startswith("'")


def test_xlsx_phones_reach_the_sms_system_as_they_are(event_db: Database,
                                                      tmp_path: Path) -> None:
    """The reported case: +6591318200 in the XLSX export is the text +6591318200, a typed
    string cell without an apostrophe (Excel shows it as text; nothing runs)."""
    with event_db.unit_of_work() as s:
        create_person(s, data=PersonInput(name="Tan Wei Ming", phone="+6591318200",
                                          company="=Singapore Pte", title="#N/A"),
                      operator="t")
    out = tmp_path / "p.xlsx"
    with event_db.unit_of_work(write=False) as s:
        exports.export(s, kind="people", path=out)
    ws = load_workbook(out).worksheets[0]
    header = [c.value for c in ws[1]]
    cells = dict(zip(header, ws[2], strict=True))
    for column, text in (("手机", "+6591318200"), ("单位", "=Singapore Pte"), ("职务", "#N/A")):
        assert (cells[column].value, cells[column].data_type) == (text, "s")

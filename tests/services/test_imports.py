"""Imports: encodings, header detection, mapping, normalisation, duplicates, dry run, atomicity,
idempotence, and hostile files that must be refused with one sentence and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from eventdesk import messages
from eventdesk.domain import Category, Person
from eventdesk.domain.cells import guard_formula
from eventdesk.domain.errors import ImportRejected
from eventdesk.domain.names import person_search_text
from eventdesk.services.exhibitors import ExhibitorInput, create_exhibitor
from eventdesk.services.imports import import_file, inspect_file
from eventdesk.services.imports.mapping import auto_map, header_key
from eventdesk.services.imports.normalise import category_of, clean
from eventdesk.services.imports.people import FIELDS, badge_codes
from eventdesk.services.people import PersonInput, create_person, list_people
from eventdesk.storage import Database

HEADER = "姓名,单位,手机号码,邮箱,参会身份\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def xlsx(path: Path, rows: list[list[object]], sheet: str = "名单") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.create_sheet("说明").append(["这一页不是名单"])
    wb.save(path)
    return path


def count(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def run(db: Database, path: Path, **kw: object):  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=not kw.get("dry_run", False)) as s:
        return import_file(s, path=path, kind=str(kw.pop("kind", "people")), **kw)  # type: ignore[arg-type]


def people(db: Database) -> dict[str, object]:
    with db.unit_of_work(write=False) as s:
        return {p.name: p for p in list_people(s, limit=None)}


# -- reading ------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_are_detected(event_db: Database, tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path / "list.csv", HEADER + "张伟,昆山光合科技,13812345678,,观众\n"
                 "䶮昇,曙光,13912345678,,嘉宾\n" if encoding != "gbk" else
                 HEADER + "张伟,昆山光合科技,13812345678,,观众\n", encoding)
    with event_db.unit_of_work(write=False) as s:
        preview = inspect_file(s, path=path, kind="people")
    assert "张伟,昆山光合科技" in preview.preview_text  # the decoded text is visible
    assert preview.encoding == {"gbk": "gb18030"}.get(encoding, encoding)
    report = run(event_db, path)
    assert report.created >= 1 and not report.errors
    assert people(event_db)["张伟"].company == "昆山光合科技"  # type: ignore[attr-defined]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_sniffed(event_db: Database, tmp_path: Path, delimiter: str) -> None:
    text = HEADER + "张伟,光合,13812345678,zw@example.com,观众\n李娜,曙光,,,媒体\n"
    path = write(tmp_path / "list.csv", text.replace(",", delimiter))
    assert run(event_db, path).created == 2
    assert people(event_db)["李娜"].category == Category.MEDIA  # type: ignore[attr-defined]


def test_xlsx_title_row_blank_rows_and_sheet(event_db: Database, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "list.xlsx", [
        ["2025光合组织参会名单"], [], ["姓名", "单位", "手机", "类别"],
        ["张伟", "光合", 13812345678, "展商"], [None, None, None, None],
        ["李娜", "曙光", "bad", "观众"]])
    report = run(event_db, path, sheet="名单", dry_run=True)
    assert [(e.row, e.column, e.value) for e in report.errors] == [(3, "手机", "bad")]
    assert count(event_db) == 0
    with pytest.raises(ImportRejected) as no_sheet:
        run(event_db, path, sheet="Sheet9")
    assert "没有名为“Sheet9”" in messages.describe(no_sheet.value)
    with pytest.raises(ImportRejected) as header_only:
        run(event_db, path, sheet="说明")
    assert header_only.value.code == "imports.header_only"
    assert "只有表头" in messages.describe(header_only.value)
    wb = Workbook()
    wb.active.append(["封面：请看下一页"])
    wb.create_sheet("list").append(["姓名"])
    wb["list"].append(["张伟"])
    wb.save(tmp_path / "cover.xlsx")
    report = run(event_db, tmp_path / "cover.xlsx")  # no --sheet: the first sheet that is a list
    assert (report.sheet, report.created) == ("list", 1)


def test_formulas_are_text_never_evaluated(event_db: Database, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "f.xlsx", [["姓名", "单位", "备注"],
                                      ["=1+1", "=HYPERLINK(\"x\")", "@SUM(A1)"]])
    run(event_db, path)
    person = people(event_db)["=1+1"]
    assert person.company == '=HYPERLINK("x")' and person.notes == "@SUM(A1)"  # type: ignore[attr-defined]
    csv_path = write(tmp_path / "f.csv", "姓名,单位\n'=2+2,'-x\n")
    run(event_db, csv_path)
    assert people(event_db)["=2+2"].company == "-x"  # type: ignore[attr-defined]


def test_clean_takes_the_export_guard_off_exactly_once() -> None:
    for text in ["=1+1", "+8613812345678", "-5", "@x", "'=x", "''@y", "'plain", "普通", ""]:
        assert clean(guard_formula(text)) == text
    assert clean("'=1+1") == "=1+1" and clean("''=1+1") == "'=1+1"


def test_one_half_width_rule() -> None:
    # digits and Latin letters become half-width, Chinese punctuation stays as written
    assert clean("ＡＩ１２３（昆山）、，") == "AI123（昆山）、，"


# -- mapping and normalisation ------------------------------------------------------------------

def test_auto_mapping_of_chinese_and_english_variants() -> None:
    headers = ["名字", "企业名称", "手机号码（必填）*", "E-mail", "参会身份", "展位号", "职位",
               "报名编号"]
    mapping = auto_map(headers, FIELDS)
    assert mapping == {"name": "名字", "company": "企业名称", "phone": "手机号码（必填）*",
                       "email": "E-mail", "category": "参会身份", "title": "职位",
                       "external_ref": "报名编号"}
    assert header_key(" Mobile ") == "mobile"


@pytest.mark.parametrize("word,key", [("展商", "exhibitor"), ("参展商", "exhibitor"),
                                      ("观众", "visitor"), ("演讲嘉宾", "speaker"),
                                      ("记者", "media"), ("VIP", "vip"), ("贵宾", "vip"),
                                      ("会务", "staff"), ("工作人员", "staff"), ("Media", "media")])
def test_category_words(word: str, key: str) -> None:
    assert category_of(word) == Category(key)


def test_normalisation_of_cells(event_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "n.csv", HEADER + "  张伟　,ＡＢＣ科技（昆山）有限公司,"
                 "＋86 138-1234-5678,ZW@Example.COM,ＶＩＰ\n")
    run(event_db, path)
    p = people(event_db)["张伟"]
    assert (p.company, p.phone, p.email, p.category) == (  # type: ignore[attr-defined]
        "ABC科技（昆山）有限公司", "13812345678", "zw@example.com", Category.VIP)


def test_saved_mapping_is_reused(event_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "m.csv", "参会人员,Org\n张伟,光合\n")
    with pytest.raises(ImportRejected) as missing:
        run(event_db, path)
    assert missing.value.code == "imports.mapping.missing_required"
    assert "姓名" in messages.describe(missing.value)
    report = run(event_db, path, mapping={"name": "参会人员", "company": "Org"}, save_mapping=True)
    assert report.created == 1
    with event_db.unit_of_work(write=False) as s:
        assert inspect_file(s, path=path, kind="people").mapping == {"name": "参会人员",
                                                                       "company": "Org"}


# -- validation, duplicates, atomicity ----------------------------------------------------------

def test_report_by_row_and_column_and_nothing_written(event_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.csv", HEADER + "张伟,光合,13812345678,,观众\n\n"
                 ",光合,,,\n李娜,曙光,12345,not-mail,外星人\n王芳," + "长" * 300 + ",,,\n")
    report = run(event_db, path)
    got = [(e.row, e.column, e.value, bool(e.message or e.code)) for e in report.errors]
    assert got == [(3, "姓名", "", True), (4, "手机号码", "12345", True),
                   (4, "邮箱", "not-mail", True), (4, "参会身份", "外星人", True),
                   (5, "单位", "长" * 200 + "…（共 300 字）", True)]
    assert report.rejected and report.created == 0 and report.would_create == 1
    assert count(event_db) == 0
    report = run(event_db, path, skip_invalid=True)
    assert (report.created, report.skipped, count(event_db)) == (1, 3, 1)


def test_duplicates_policies(event_db: Database, tmp_path: Path) -> None:
    with event_db.unit_of_work() as s:
        create_person(s, data=PersonInput(name="张伟", company="光合", phone="13812345678"),
                      operator="t")
        create_person(s, data=PersonInput(name="李娜", email="ln@example.com"), operator="t")
    path = write(tmp_path / "d.csv", HEADER + "张伟,光合,13812345678,zw@example.com,嘉宾\n"
                 "李娜,曙光,,LN@example.com,\n王芳,光合,13700000000,,\n王芳,光合,,wf@example.com,\n"
                 "赵六,光合,13812345678,,\n")
    dry = run(event_db, path, dry_run=True)
    assert (dry.created, dry.updated, dry.skipped, dry.errors) == (2, 2, 1, [])
    report = run(event_db, path)
    assert (report.created, report.updated, report.skipped) == (2, 2, 1)
    found = people(event_db)
    assert found["张伟"].category == Category.SPEAKER  # type: ignore[attr-defined]
    assert found["王芳"].email == "wf@example.com"  # type: ignore[attr-defined]
    assert found["王芳"].phone == "13700000000"  # merged, blank cells erase nothing
    again = run(event_db, path)
    assert (again.created, again.updated, again.skipped) == (0, 0, 5)
    skip = run(event_db, path, on_duplicate="skip")
    assert (skip.created, skip.updated, skip.skipped) == (0, 0, 5)
    reject = run(event_db, path, on_duplicate="reject")
    assert reject.rejected and len(reject.errors) == 5 and "重复" in messages.text(
        reject.errors[0].code, **reject.errors[0].params)


def test_people_link_to_exhibitors_by_company(event_db: Database, tmp_path: Path) -> None:
    with event_db.unit_of_work() as s:
        ex = create_exhibitor(s, data=ExhibitorInput(name_zh="昆山光合科技有限公司",
                                                     short_name="光合科技", booth="A101"),
                              operator="t")
    path = write(tmp_path / "staff.csv", "姓名,公司\n张伟,光合科技\n李娜,昆山光合科技有限公司\n")
    run(event_db, path)
    found = people(event_db)
    for name in ("张伟", "李娜"):
        assert found[name].exhibitor_id == ex.id  # type: ignore[attr-defined]
        assert found[name].category == Category.EXHIBITOR  # type: ignore[attr-defined]


def test_exhibitor_import(event_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "ex.csv", "展商名称,简称,展馆,展位号,行业,联系人,联系电话,名额,"
                 "展商编号\n"
                 "昆山光合科技有限公司,光合,A,a101,芯片,张伟,0512-57001234,8,EX1\n"
                 "曙光信息,曙光,B,B2,,,,abc,EX2\n")
    report = run(event_db, path, kind="exhibitors")
    assert [(e.row, e.column) for e in report.errors] == [(2, "名额")]
    report = run(event_db, path, kind="exhibitors", skip_invalid=True)
    assert report.created == 1
    again = run(event_db, path, kind="exhibitors", skip_invalid=True)
    assert (again.created, again.updated) == (0, 0)


def test_file_changed_after_dry_run_is_refused(event_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", HEADER + "张伟,光合,13812345678,,\n")
    dry = run(event_db, path, dry_run=True)
    write(path, HEADER + "张伟,光合,13812345678,,\n李娜,,,,\n")
    with pytest.raises(ImportRejected) as changed:
        run(event_db, path, expected_hash=dry.content_hash)
    assert "预演之后被修改" in messages.describe(changed.value)
    assert count(event_db) == 0


# -- hostile files ------------------------------------------------------------------------------

HOSTILE = {
    "empty.csv": (b"", "空的"),
    "header-only.csv": ("姓名,单位\n".encode(), "只有表头"),
    "no-name.csv": ("单位,手机\n光合,13812345678\n".encode(), "姓名"),
    "dup-header.csv": ("姓名,单位,姓名\n张伟,光合,李娜\n".encode(), "出现了两次"),
    "mixed.csv": ("姓名,单位\n张伟,光合\n".encode() + "李娜,曙光\n".encode("gbk"), "混用"),
    "undecodable.csv": (b"\xe5\xa7\x93\xe5\x90\x8d,x\n\xff\xfe\xff\xfe\x81\x20,y\n", "编码"),
    "junk.csv": (bytes(range(256)) * 20, "不是文本文件"),
    "junk.xlsx": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "不是有效的 Excel"),
    "zip.xlsx": (b"PK\x03\x04" + b"\x00" * 200, "不是有效的 Excel"),
    "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, ".xls"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_one_sentence_nothing_written(event_db: Database, tmp_path: Path,
                                                    name: str) -> None:
    data, expected = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportRejected) as caught:
        run(event_db, path)
    said = messages.describe(caught.value)
    assert caught.value.code.startswith("imports.")
    assert expected in said and "\n" not in said
    assert count(event_db) == 0


def test_huge_cell_is_reported_not_echoed(event_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "huge.csv", "姓名,单位\n张伟," + "x" * 100_000 + "\n李娜,曙光\n")
    report = run(event_db, path)
    assert report.rejected and count(event_db) == 0
    (error,) = report.errors
    assert (error.row, error.column) == (1, "单位") and len(error.value) < 300


def test_search_and_badge_codes_of_imported_people(event_db: Database, tmp_path: Path) -> None:
    run(event_db, write(tmp_path / "s.csv", HEADER + "曾伟,光合,13812345678,,\n"))
    with event_db.unit_of_work(write=False) as s:
        person = s.scalars(select(Person)).one()
        assert person.search_text == person_search_text(
            name="曾伟", company="光合")
        assert person.name_pinyin.startswith("zeng wei\x1f")  # the surname reading (domain.sorting)
    assert len(set(badge_codes(1000))) == 1000


def test_cancelled_import_writes_nothing(event_db: Database, tmp_path: Path) -> None:
    rows = "".join(f"人员{i},公司{i % 7},139{i:08d},,\n" for i in range(1200))
    path = write(tmp_path / "big.csv", HEADER + rows)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 3:  # the person pressed Cancel while rows were being written
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(event_db, path, progress=progress)
    assert count(event_db) == 0 and seen[0][1] >= 1000
    assert run(event_db, path).created == 1200


def test_xlsx_reader_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.services.imports import xlsx as xlsx_mod

    plain = xlsx(tmp_path / "plain.xlsx", [["姓名"], ["张伟"]])
    formula = xlsx(tmp_path / "formula.xlsx", [["姓名"], ["=A1"]])
    assert not xlsx_mod.has_formulas(plain) and xlsx_mod.has_formulas(formula)
    assert type(xlsx_mod.open_book(plain)).__name__ == "_CalamineBook"
    assert type(xlsx_mod.open_book(formula)).__name__ == "_OpenpyxlBook"
    monkeypatch.setattr(xlsx_mod, "FAST_LIMIT", 10)  # a huge workbook streams through openpyxl
    assert type(xlsx_mod.open_book(plain)).__name__ == "_OpenpyxlBook"


@pytest.mark.parametrize("fast", [True, False])
def test_both_xlsx_readers_agree(event_db: Database, tmp_path: Path, fast: bool,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.services.imports import xlsx as xlsx_mod

    if not fast:
        monkeypatch.setattr(xlsx_mod, "FAST_LIMIT", 0)
    path = xlsx(tmp_path / "l.xlsx", [["名单"], [], ["姓名", "手机", "名额"],
                                      ["张伟", 13812345678, 3], [],
                                      ["李娜", "+86 139 0000 1111", None]])
    with event_db.unit_of_work(write=False) as s:
        preview = inspect_file(s, path=path, kind="people")
    assert preview.header_line == 3
    assert preview.rows == [(1, {"姓名": "张伟", "手机": "13812345678", "名额": "3"}),
                            (3, {"姓名": "李娜", "手机": "+86 139 0000 1111", "名额": ""})]


@pytest.mark.parametrize("encoding,expected", [("big5", "big5"), ("cp1252", "cp125")])
def test_other_legacy_encodings(event_db: Database, tmp_path: Path, encoding: str,
                                expected: str) -> None:
    text = ("姓名,單位,手機\n張偉,崑山光合科技有限公司,13812345678\n李娜,曙光資訊股份有限公司,\n"
            if encoding == "big5" else
            "Name,Company\nJosé Müller,Société Générale\nFrançois Dupré,Crédit Agricole\n")
    path = write(tmp_path / "legacy.csv", text, encoding)
    with event_db.unit_of_work(write=False) as s:
        preview = inspect_file(s, path=path, kind="people")
    assert preview.encoding.startswith(expected)
    assert text.splitlines()[1] in preview.preview_text


@pytest.mark.parametrize("name", ["张伟", "曾伟", "吕布", "𠮷田", "尉迟恭", "Tom 张", "单于"])
def test_shared_pinyin_conversion_keeps_sort_keys(name: str) -> None:
    """Bulk imports share one pinyin conversion between sort key and search forms; the sort key
    must stay what pypinyin gives directly."""
    from pypinyin import Style, lazy_pinyin

    from eventdesk.domain.names import SURNAME_READINGS, simplify, sort_pinyin

    text = simplify(name)
    if text[0] in SURNAME_READINGS:
        expected = [SURNAME_READINGS[text[0]][0], *lazy_pinyin(text[1:], style=Style.NORMAL)]
    else:
        expected = lazy_pinyin(text, style=Style.NORMAL)
    assert sort_pinyin(name) == " ".join(expected).lower()


def test_namesakes_with_different_ids_stay_two_people(event_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "twins.csv", "姓名,单位,胸卡编号,编号\n张伟,光合,AAAAAAAAAA,\n"
                 "张伟,光合,BBBBBBBBBB,\n"
                 "李娜,曙光,,R1\n李娜,曙光,,R2\n王芳,曙光,,\n王芳,曙光,,\n")
    report = run(event_db, path)
    assert (report.created, report.skipped) == (5, 1)  # only the two bare 王芳 rows merge
    again = run(event_db, path)  # foreign badge codes prove nothing against the database
    assert (again.created, again.updated) == (0, 0)


try:
    from hypothesis import given
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    given = None

if given is not None:
    @given(st.text(alphabet=st.sampled_from("=+-@'a张1"), max_size=8))
    def test_export_guard_round_trips_through_clean(text: str) -> None:
        assert clean(guard_formula(text)) == text

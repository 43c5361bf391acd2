from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest

from eventdesk.domain.errors import ImportRejected
from eventdesk.services.imports import ImportOptions, ImportReport, import_file
from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule.export import export_schedule
from eventdesk.storage import Database
from tests.schedule_data import Small, at, build_small


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


CSV = """日期,开始时间,结束时间,会场,议题,类型,论坛,演讲嘉宾
2025/5/20,9:00,9:45,主会场,开幕致辞,主旨演讲,算力,李娜
2025-05-20,13:00,14:00,分会场一,算力基础设施,演讲,算力,"王芳、赵昇"
,,,,,,,
5月21日,09:00,10:00,新会议室,数据要素,论坛,数据,张伟；无名氏
2025/5/21,14:00,15:00,分会场一,同名嘉宾,圆桌,应用,张伟（华为）/王芳
"""


def run(db: Database, path: Path, *, create_rooms: bool = False, **kw: object) -> ImportReport:
    with db.unit_of_work() as s:
        return import_file(s, path=path, kind="schedule",
                           options=ImportOptions(create_rooms=create_rooms), **kw)  # type: ignore[arg-type]


def kinds_of(report: ImportReport) -> set[str]:
    return {c.kind for c in report.extra["conflicts"]}


def rooms(db: Database) -> set[str]:
    from eventdesk.services.schedule.rooms import list_rooms

    with db.unit_of_work(write=False) as s:
        return {r.name for r in list_rooms(s)}


def titles(db: Database) -> dict[str, schedule.ItemRow]:
    with db.unit_of_work(write=False) as s:
        return {i.title_zh: i for i in schedule.list_items(s)}


def test_csv_with_chinese_headers(db: Database, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(CSV, encoding="gb18030")
    rejected = run(db, path)
    assert rejected.rejected and not rejected.written
    assert [(e.row, e.column, e.code) for e in rejected.errors] == [
        (4, "会场", "imports.schedule.unknown_room")]
    assert "开幕致辞" not in titles(db)
    dry = run(db, path, create_rooms=True, dry_run=True)
    assert (dry.created, dry.errors) == (4, [])
    assert dry.extra["rooms_created"] == ["新会议室"]
    assert kinds_of(dry) == {"room_double_booked"}  # the dry run sees the conflict too
    assert "开幕致辞" not in titles(db) and "新会议室" not in rooms(db)
    result = run(db, path, create_rooms=True)
    assert (result.created, result.updated, result.errors) == (4, 0, [])
    assert result.extra["rooms_created"] == ["新会议室"] and "新会议室" in rooms(db)
    # 张伟 alone is ambiguous (two people), 无名氏 unknown: reported, not dropped silently.
    assert [(w.row, w.value, w.code) for w in result.warnings] == [
        (4, "张伟", "imports.schedule.speaker_ambiguous"),
        (4, "无名氏", "imports.schedule.speaker_unknown")]
    items = titles(db)
    d0, d1 = small.days[0], small.days[1]
    assert (items["开幕致辞"].start, items["开幕致辞"].end) == (at(d0, "09:00"), at(d0, "09:45"))
    assert items["开幕致辞"].kind.value == "keynote"
    assert [p.person_id for p in items["算力基础设施"].speakers] == [
        small.people["王芳"], small.people["赵昇"]]
    assert items["数据要素"].start == at(d1, "09:00")
    assert [p.person_id for p in items["同名嘉宾"].speakers] == [
        small.people["张伟2"], small.people["王芳"]]
    # 开幕致辞 sits on 开幕主旨演讲 (09:00–10:00, 主会场): reported, still imported.
    assert kinds_of(result) == {"room_double_booked"}
    ids = {i.id for c in result.extra["conflicts"] for i in c.items}
    assert items["开幕致辞"].id in ids  # real ids once written
    again = run(db, path, create_rooms=True)
    assert (again.created, again.updated, again.skipped) == (0, 0, 4)


def test_reimport_updates_by_title_day_room(db: Database, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(CSV, encoding="utf-8")
    run(db, path, create_rooms=True)
    path.write_text(CSV.replace("9:00,9:45,主会场", "8:30,8:55,主会场"), encoding="utf-8")
    result = run(db, path, create_rooms=True)
    assert (result.created, result.updated) == (0, 1)
    assert titles(db)["开幕致辞"].start == at(small.days[0], "08:30")


def test_xlsx_with_excel_cells(db: Database, small: Small, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "日程"
    ws.append(["Date", "Start", "End", "Room", "Title", "Kind", "Track", "Speakers", "ID"])
    ws.append([datetime(2025, 5, 22), time(10, 0), time(11, 30), "主会场", "Closing keynote",
               "keynote", "应用", "李娜, 王芳", "EXT-1"])
    ws.append(["2025/5/22", 0.5, "13:00", "小会议室", "午间分享", "休息", "", "", "EXT-2"])
    path = tmp_path / "s.xlsx"
    book.save(path)
    result = run(db, path, sheet="日程")
    assert (result.created, result.errors) == (2, [])
    items = titles(db)
    d2 = small.days[2]
    assert items["Closing keynote"].start == at(d2, "10:00")
    assert items["Closing keynote"].external_ref == "EXT-1"
    assert items["午间分享"].start == at(d2, "12:00")
    # 小会议室 has no window on day 3.
    assert kinds_of(result) == {"outside_room_availability"}
    ws.cell(row=2, column=5, value="Closing keynote (renamed)")
    book.save(path)
    assert run(db, path).updated == 1  # matched by external id, not by title
    assert "Closing keynote (renamed)" in titles(db)


def test_missing_columns_and_bad_cells(db: Database, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("议题,会议室\n甲,主会场\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as missing:
        run(db, path)
    assert missing.value.code == "imports.mapping.missing_required"
    assert missing.value.params["field"] == "开始"
    path.write_text("日期,开始,结束,会议室,议题\n2025/5/20,25:00,9:00,主会场,甲\n"
                    "2025/5/20,10:00,9:00,主会场,乙\n", encoding="utf-8")
    result = run(db, path, skip_invalid=True)
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (1, "开始", "imports.schedule.bad_time"), (2, "结束", "imports.schedule.end_before_start")]
    assert result.created == 0 and result.skipped == 2


def test_round_trip_of_own_csv_export(db: Database, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    with db.unit_of_work(write=False) as s:
        export_schedule(s, out=path)
    before = titles(db)
    renamed = path.read_text(encoding="utf-8-sig").replace("开幕主旨演讲", "开幕主旨演讲（新）")
    path.write_text(renamed, encoding="utf-8")
    result = run(db, path)
    # Every row matches its item by the exported id (the unscheduled one too); one changed.
    assert (result.created, result.updated, result.skipped, result.errors) == (0, 1, 4, [])
    after = titles(db)
    assert after["开幕主旨演讲（新）"].id == before["开幕主旨演讲"].id
    # 张伟 has a namesake: exported as 张伟（海光信息）, so he comes back as the same person.
    assert "张伟（海光信息）" in path.read_text(encoding="utf-8")
    assert after["开幕主旨演讲（新）"].speakers == before["开幕主旨演讲"].speakers


def test_title_line_above_header(db: Database, small: Small, tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"
    path.write_text("2025 光合组织大会 日程表\n\n" + CSV, encoding="utf-8")
    result = run(db, path, create_rooms=True)
    assert (result.created, result.errors) == (4, [])


def test_formula_text_stays_text_and_is_neutralised_on_export(db: Database, small: Small,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("日期,开始,结束,会议室,议题\n2025/5/22,9:00,9:30,主会场,"
                    "\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"\n", encoding="utf-8")
    assert run(db, path).created == 1
    title = '=HYPERLINK("http://x","点我")'
    assert title in titles(db)
    out = tmp_path / "out.csv"
    with db.unit_of_work(write=False) as s:
        export_schedule(s, out=out)
    assert "'" + title in out.read_text(encoding="utf-8-sig").replace('""', '"')
    before = titles(db)
    assert run(db, out).updated == 0  # the neutralised title reads back as it was typed
    assert titles(db) == before

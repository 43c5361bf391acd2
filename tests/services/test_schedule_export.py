from __future__ import annotations

import csv
from pathlib import Path

import pytest
from icalendar import Calendar

from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule.export import HEADERS, export_schedule
from eventdesk.storage import Database
from tests.schedule_data import Small, build_small


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


def test_ics_parses_and_matches_database(db: Database, small: Small, tmp_path: Path) -> None:
    out = tmp_path / "schedule.ics"
    with db.unit_of_work(write=False) as s:
        n = export_schedule(s, out=out)
        items = {i.id: i for i in schedule.list_items(s) if i.scheduled}
    assert n == len(items) == 4
    raw = out.read_bytes()
    assert b"BEGIN:VTIMEZONE" in raw and b"TZID:Asia/Shanghai" in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # RFC 5545 folding
    cal = Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    assert len(events) == 4
    by_uid = {str(e["uid"]): e for e in events}
    assert len(by_uid) == 4
    for item in items.values():
        ev = by_uid[f"SCHED-{item.id}@sched.eventdesk"]
        assert ev.decoded("dtstart") == item.start
        assert ev.decoded("dtend") == item.end
        assert str(ev["dtstart"].params["TZID"]) == "Asia/Shanghai"
        assert str(ev["summary"]).startswith(item.title_zh)
        if item.speakers:
            assert item.speakers[0].name in str(ev["description"])
    assert str(by_uid[f"SCHED-{small.items['开幕']}@sched.eventdesk"]["location"]) == "主会场"


def test_ics_per_room(db: Database, small: Small, tmp_path: Path) -> None:
    out = tmp_path / "room.ics"
    with db.unit_of_work(write=False) as s:
        assert export_schedule(s, out=out, room="分会场一") == 2
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert {str(e["location"]) for e in events} == {"分会场一"}


def test_csv_and_xlsx(db: Database, small: Small, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    with db.unit_of_work(write=False) as s:
        assert export_schedule(s, out=tmp_path / "s.csv") == 5
        assert export_schedule(s, out=tmp_path / "s.xlsx") == 5
    rows = list(csv.reader((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert tuple(rows[0]) == HEADERS
    opening = next(r for r in rows if r[5] == "开幕主旨演讲")
    assert opening[2] == f"{small.days[0].isoformat()}T09:00:00+08:00"
    assert opening[4] == "主会场" and opening[9] == "张伟（海光信息）"  # a namesake exists
    sheet = load_workbook(tmp_path / "s.xlsx").active
    assert [c.value for c in sheet[1]] == list(HEADERS)
    assert sheet.max_row == 6


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_text_cell_gets_the_one_formula_guard(db: Database, small: Small, tmp_path: Path,
                                                    suffix: str) -> None:
    """The same rule as every other export (domain.cells), on every cell: in CSV the guard,
    also for a formula after leading whitespace, in columns the old private copy did not cover;
    in XLSX typed text cells, as they are."""
    from openpyxl import load_workbook
    from sqlalchemy import update

    from eventdesk.domain import AgendaItem, Room

    with db.unit_of_work() as s:
        s.execute(update(AgendaItem).where(AgendaItem.id == small.items["开幕"])
                  .values(title_zh=" =HYPERLINK(\"http://x\")", title_en="@SUM(1)"))
        s.execute(update(Room).where(Room.id == small.rooms["主会场"]).values(name="-1F 主会场"))
    out = tmp_path / f"s{suffix}"
    with db.unit_of_work(write=False) as s:
        export_schedule(s, out=out)
    if suffix == ".csv":
        rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    else:
        sheet = load_workbook(out).active
        assert all(c.data_type in ("s", "n") for row in sheet.iter_rows() for c in row
                   if c.value is not None)
        rows = [[str(v) if v is not None else "" for v in r]
                for r in sheet.iter_rows(values_only=True)]
    opening = next(r for r in rows if "HYPERLINK" in r[5])
    guard = "'" if suffix == ".csv" else ""
    assert opening[5] == guard + " =HYPERLINK(\"http://x\")"
    assert opening[6] == guard + "@SUM(1)" and opening[4] == guard + "-1F 主会场"

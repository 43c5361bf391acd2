from __future__ import annotations

import math
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from eventdesk.actions.base import ActionContext
from eventdesk.actions.exports import export_programme
from eventdesk.domain.programme import Programme, ProgrammeItem, ProgrammePage, ProgrammeRoom
from eventdesk.pdf.programme import render_programme
from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule import rooms as schedule_rooms
from eventdesk.services.schedule.export import ROOMS_PER_PAGE, programme_data
from eventdesk.storage import Database
from tests.accounts import ADMIN
from tests.schedule_data import Small, at, build_small


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


def texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_per_day_pages_and_chinese_text(db: Database, small: Small, tmp_path: Path) -> None:
    out = tmp_path / "programme.pdf"
    pages = export_programme(ActionContext(db, user=ADMIN), out=out).value.count
    # Day 1: A馆 (主会场, 分会场一) and B馆 (小会议室) are small enough to share a page;
    # day 2: A馆 only; day 3: nothing scheduled, no page.
    assert pages == 2
    found = texts(out)
    assert len(found) == 2
    assert "5月20日 周二 · A馆、B馆" in found[0] and "开幕主旨演讲" in found[0]
    assert "张伟" in found[0] and "国产芯片论坛" in found[0] and "算力" in found[0]
    assert "圆桌对话" in found[0] and "赵昇" in found[0]
    assert "AI应用实践" in found[1] and "5月21日" in found[1]


def test_many_rooms_split_into_readable_pages(db: Database, small: Small, tmp_path: Path) -> None:
    d0 = small.days[0]
    with db.unit_of_work() as s:
        for n in range(14):
            room = schedule_rooms.create_room(s, name=f"C{n + 1:02d}会议室", capacity=100,
                                              room_group="C馆")
            schedule.create_item(s, data=schedule.ItemInput(
                title_zh=f"分论坛第{n + 1}场：智能制造与算力基础设施", start=at(d0, "13:00"),
                end=at(d0, "14:30"), room_id=room.id))
        prog = programme_data(s, day=d0)
    c_pages = [p for p in prog.pages if "C馆" in p.heading]
    assert len(c_pages) == math.ceil(14 / ROOMS_PER_PAGE)
    assert all(len(p.rooms) <= ROOMS_PER_PAGE for p in prog.pages)
    assert all(p.heading.endswith(f"（{n}/3）") for n, p in enumerate(c_pages, 1))
    assert all({r.name[0] for r in p.rooms} == {"C"} for p in c_pages)  # C馆 pages hold only C馆
    out = tmp_path / "day1.pdf"
    assert render_programme(prog, out) == 1 + len(c_pages)
    assert "C14会议室" in "".join(texts(out))


def test_per_room_list(db: Database, small: Small, tmp_path: Path) -> None:
    out = tmp_path / "room.pdf"
    done = export_programme(ActionContext(db, user=ADMIN), out=out, room="分会场一")
    assert done.value.count == 1
    text = texts(out)[0]
    assert "分会场一" in text and "国产芯片论坛" in text and "AI应用实践" in text
    assert "5月20日" in text and "5月21日" in text


def test_long_room_list_runs_over_pages(tmp_path: Path) -> None:
    items = tuple(ProgrammeItem(f"第{i}场 报告", "", "演讲", 480 + i, 500 + i, "08:00–08:20",
                                "张伟、李娜", "算力", "#4a6fa5", "5月20日") for i in range(60))
    prog = Programme("测试", "", (ProgrammePage("A厅", "list",
                                                (ProgrammeRoom("A厅", "", items),)),))
    out = tmp_path / "long.pdf"
    pages = render_programme(prog, out)
    assert pages > 1 and len(texts(out)) == pages
    assert "第59场" in texts(out)[-1]

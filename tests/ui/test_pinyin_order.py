"""The people and exhibitors tables in pinyin order (拼音排序), as an organiser sees them: the
header click asks the database, which orders by the pinyin keys (domain.sorting)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from eventdesk.services import people
from eventdesk.services.events import get_event
from eventdesk.services.exhibitors import ExhibitorInput, create_exhibitor
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.exhibitors.model import COLUMNS as EXHIBITOR_COLUMNS
from eventdesk.ui.exhibitors.view import ExhibitorsView
from eventdesk.ui.people.model import COLUMNS
from eventdesk.ui.people.view import PeopleView
from tests.ui.users import as_user

PEOPLE = (("珠海人", "珠海格力"), ("曾伟", "重庆长安"), ("张伟", ""), ("Zoe Li", "Apple"),
          ("阿丽", "北京字节"), ("陈明", "重庆长安"))


@pytest.fixture
def ctx(event_db: Database, qapp: object) -> Iterator[AppContext]:
    with event_db.unit_of_work() as s:
        for name, company in PEOPLE:
            people.create_person(s, data=PersonInput(name=name, company=company), operator="t")
        for name in ("珠海展商", "重庆展商", "Acme"):
            create_exhibitor(s, data=ExhibitorInput(name_zh=name), operator="t")
        event = get_event(s)
    yield AppContext(event_db, event, as_user("tester"))
    ops.wait_idle()


def column(model: object, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]  # type: ignore[attr-defined]


def click_header(view: PeopleView | ExhibitorsView, qtbot, col: int) -> None:  # type: ignore[no-untyped-def]
    header = view.pane.table.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    view.settle()


def test_people_list_in_pinyin_order(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = PeopleView(ctx, page_size=50)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    view.activated()
    view.settle()
    # 曾 is read as the surname zeng, 张 zhang; Latin among the Chinese by its letters.
    assert column(view.model, 0) == ["阿丽", "陈明", "曾伟", "张伟", "珠海人", "Zoe Li"]
    company = next(i for i, c in enumerate(COLUMNS) if c.sort == "company")
    click_header(view, qtbot, company)
    # 重庆 (chong qing) before 珠海 (zhu hai); people without a company last.
    assert column(view.model, company) == ["Apple", "北京字节", "重庆长安", "重庆长安",
                                           "珠海格力", ""]
    assert column(view.model, 0)[2:4] == ["陈明", "曾伟"]  # one company: by name
    click_header(view, qtbot, company)  # again: descending
    assert column(view.model, company)[1:] == ["珠海格力", "重庆长安", "重庆长安", "北京字节",
                                               "Apple"]


def test_exhibitors_list_in_pinyin_order(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ExhibitorsView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    view.activated()
    view.settle()
    name = next(i for i, c in enumerate(EXHIBITOR_COLUMNS) if c.sort == "name")
    click_header(view, qtbot, name)
    assert column(view.model, name) == ["Acme", "重庆展商", "珠海展商"]

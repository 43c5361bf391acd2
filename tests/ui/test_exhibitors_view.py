"""The exhibitors view: quotas at a glance, editing with validation, the staff of a company."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import get_args

import pytest
from PySide6.QtCore import Qt

from eventdesk import messages
from eventdesk.actions import records
from eventdesk.services import exhibitors, people
from eventdesk.services.events import get_event
from eventdesk.services.exhibitors import ExhibitorInput, ExhibitorSort
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.exhibitors.model import COLUMNS, OVER_QUOTA_BG, STAFF_COL
from eventdesk.ui.exhibitors.view import ExhibitorsView
from tests.ui.forms import HeldWrite, saved
from tests.ui.users import as_user


def make_exhibitors(db: Database) -> dict[str, int]:
    ids: dict[str, int] = {}
    with db.unit_of_work() as s:
        for name, short, hall, booth, quota, staff in (
            ("昆山阿丘智能科技有限公司", "阿丘科技", "A1", "A1-101", 1, ["李齐", "王丽"]),
            ("苏州脉塔智能科技有限公司", "脉塔", "A1", "A1-102", 5, ["赵敏"]),
            ("中科可控信息产业有限公司", "中科可控", "B2", "B2-001", 3, []),
        ):
            ex = exhibitors.create_exhibitor(s, data=ExhibitorInput(
                name_zh=name, short_name=short, hall=hall, booth=booth, staff_quota=quota),
                operator="t")
            ids[short] = ex.id
            for person in staff:
                people.create_person(s, data=PersonInput(name=person, category="exhibitor",
                                                         exhibitor_id=ex.id, company=name),
                                     operator="t")
        for i in range(30):
            exhibitors.create_exhibitor(s, data=ExhibitorInput(
                name_zh=f"上海第{i}电子有限公司", hall="C3", booth=f"C3-{i:03d}"), operator="t")
    return ids


@pytest.fixture
def ctx(event_db: Database, qapp: object) -> Iterator[AppContext]:
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    yield AppContext(event_db, event, as_user("tester"))
    ops.wait_idle()


@pytest.fixture
def view(ctx: AppContext, qtbot) -> ExhibitorsView:  # type: ignore[no-untyped-def]
    ids = make_exhibitors(ctx.db)
    v = ExhibitorsView(ctx, page_size=10)
    v.ids = ids  # type: ignore[attr-defined]
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    v.activated()
    v.settle()
    return v


def row_of(view: ExhibitorsView, exhibitor_id: int) -> int:
    return view.model.row_of(exhibitor_id)


def test_every_sortable_column_is_a_service_sort_key() -> None:
    # The model hands a clicked column's key to list_exhibitors as an ExhibitorSort.
    keys = {c.sort for c in COLUMNS if c.sort is not None}
    assert keys and keys <= set(get_args(ExhibitorSort))


def test_model_passes_qt_model_tester(view: ExhibitorsView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model)
    ops.wait_idle()


def test_pages_and_count(view: ExhibitorsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert view.model.total == 33
    # Pages of 10; the shown table asks for as many pages as fill its height.
    loaded = view.model.rowCount()
    assert loaded % 10 == 0 and 10 <= loaded < 33
    assert view.pane.count_label.text().startswith("共 33 家展商")
    view.model.fetchMore()
    qtbot.waitUntil(lambda: (ops.wait_idle(), view.model.rowCount() == min(loaded + 10, 33))[1])


def test_over_quota_is_highlighted(view: ExhibitorsView) -> None:
    over = view.model.index(row_of(view, view.ids["阿丘科技"]), STAFF_COL)  # type: ignore[attr-defined]
    ok = view.model.index(row_of(view, view.ids["脉塔"]), STAFF_COL)  # type: ignore[attr-defined]
    assert over.data() == "2 / 1"
    assert over.data(Qt.ItemDataRole.BackgroundRole) == OVER_QUOTA_BG
    assert ok.data() == "1 / 5"
    assert ok.data(Qt.ItemDataRole.BackgroundRole) is None


def test_selecting_shows_staff_and_quota(view: ExhibitorsView) -> None:
    assert view.pane.select_id(view.ids["阿丘科技"])  # type: ignore[attr-defined]
    view.settle()
    panel = view.panel
    assert panel.name_zh.text() == "昆山阿丘智能科技有限公司"
    staff = [panel.staff.topLevelItem(i).text(0) for i in range(panel.staff.topLevelItemCount())]
    assert sorted(staff) == ["李齐", "王丽"]
    assert "超出名额 1 人" in panel.flags_label.text()
    assert "在册人员 2 / 名额 1" in panel.quota_label.text()


def test_filter_hall_and_sort(view: ExhibitorsView) -> None:
    view.hall.setCurrentIndex(view.hall.findData("A1"))
    view.settle()
    assert view.model.total == 2
    view.hall.setCurrentIndex(0)
    view.pane.filter_edit.setText("maita")
    view.pane.flush_filter()
    view.settle()
    assert [view.model.index(r, 0).data() for r in range(view.model.rowCount())] == [
        "苏州脉塔智能科技有限公司"]
    view.pane.filter_edit.clear()
    view.pane.flush_filter()
    view.pane.table.sortByColumn(STAFF_COL, Qt.SortOrder.DescendingOrder)
    view.settle()
    assert view.model.index(0, STAFF_COL).data() == "2 / 1"


def test_edit_with_validation_and_quota(view: ExhibitorsView, ctx: AppContext,  # type: ignore[no-untyped-def]
                                        qtbot) -> None:
    eid = view.ids["阿丘科技"]  # type: ignore[attr-defined]
    assert view.pane.select_id(eid)
    view.settle()
    panel = view.panel
    panel.contact_phone.setText("123")
    panel.name_zh.setText("")
    assert saved(qtbot, panel) is False
    assert "不是有效的电话号码" in panel.form.error_text("contact_phone")
    assert panel.form.error_text("name_zh") == "公司名称不能为空"
    panel.name_zh.setText("昆山阿丘智能科技有限公司")
    panel.contact_phone.setText("0512-57001234")
    panel.staff_quota.setValue(4)
    assert saved(qtbot, panel) is True
    with ctx.db.unit_of_work(write=False) as s:
        row = exhibitors.get_exhibitor(s, exhibitor_id=eid)
    assert (row.contact_phone, row.staff_quota) == ("0512-57001234", 4)
    view.settle()
    index = view.model.index(row_of(view, eid), STAFF_COL)
    assert index.data() == "2 / 4"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert panel.flags_label.isHidden()


def test_the_save_runs_on_a_worker_and_saves_once(  # type: ignore[no-untyped-def]
        view: ExhibitorsView, ctx: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The exhibitor form writes on a worker thread, not the GUI thread; while the write runs
    Save waits, so a second click does not save twice."""
    held = HeldWrite(exhibitors.update_exhibitor)
    monkeypatch.setattr(records, "update_exhibitor", held)
    eid = view.ids["脉塔"]  # type: ignore[attr-defined]
    assert view.pane.select_id(eid)
    view.settle()
    panel = view.panel
    panel.booth.setText("A1-109")
    with qtbot.waitSignal(panel.save_finished, timeout=10_000) as outcome:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(held.threads) == 1)
        assert not panel.save_button.isEnabled()
        assert panel.message.text() == messages.text("form.saving")
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        assert panel.save() is False
        held.release()
    assert outcome.args == [True]
    assert len(held.threads) == 1 and held.threads[0] is not threading.main_thread()
    assert panel.message.text() == "已保存"
    with ctx.db.unit_of_work(write=False) as s:
        assert exhibitors.get_exhibitor(s, exhibitor_id=eid).booth == "A1-109"

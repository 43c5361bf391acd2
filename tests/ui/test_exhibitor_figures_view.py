"""The exhibitors view's figures (issue 13), used as an organiser would: the columns against
direct counts of the database, the flag filter, the staff of one exhibitor in one click, printing
all badges of one exhibitor, and the desk's pick-up record showing up in the view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from eventdesk.domain import BadgePrint
from eventdesk.domain.enums import UserRole
from eventdesk.domain.pickup import BadgeCollection
from eventdesk.services.events import get_event
from eventdesk.services.exhibitors import event_today
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import CHECKINS, AppContext
from eventdesk.ui.exhibitors.model import ARRIVED_COL, FLAGS_COL, PICKUP_COL, TODAY_COL
from eventdesk.ui.exhibitors.view import ExhibitorsView
from eventdesk.ui.printers.queue import PrintJob
from tests.audit_trail import audit_entries
from tests.exhibitor_cases import build_fair, direct
from tests.ui.desk_fixtures import open_desk
from tests.ui.keys import operator_types
from tests.ui.users import as_user


@pytest.fixture
def fair(event_db: Database) -> dict[str, int]:
    return build_fair(event_db)


@pytest.fixture
def view(event_db: Database, fair: dict[str, int], qtbot) -> Iterator[ExhibitorsView]:  # type: ignore[no-untyped-def]
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    v = ExhibitorsView(AppContext(event_db, event, as_user("organiser", UserRole.ORGANISER)))
    qtbot.addWidget(v)
    v.resize(1400, 800)
    v.show()
    v.settle()
    yield v
    ops.wait_idle()


def _rows(view: ExhibitorsView) -> dict[str, list[str]]:
    model = view.model
    return {model.index(r, 0).data(): [model.index(r, c).data()
                                       for c in range(model.columnCount())]
            for r in range(model.rowCount())}


def test_columns_equal_direct_counts(view: ExhibitorsView, event_db: Database,
                                     fair: dict[str, int]) -> None:
    with event_db.unit_of_work(write=False) as s:
        expected = direct(s, event_today(s))
    model = view.model
    assert model.rowCount() == len(expected) == 6
    for r in range(model.rowCount()):
        row = model.row_at(r)
        assert row is not None
        registered, arrived, today, over, shared = expected[row.id]
        assert model.index(r, 3).data() == f"{registered} / {row.staff_quota}"
        assert model.index(r, TODAY_COL).data() == str(today)
        assert model.index(r, ARRIVED_COL).data() == str(arrived)
        flags = model.index(r, FLAGS_COL).data()
        assert ("超额" in flags) == over and ("展位共用" in flags) == shared
    shared = model.index(model.row_of(fair["shared1"]), FLAGS_COL)
    assert "壁仞科技" in shared.data(Qt.ItemDataRole.ToolTipRole)


def test_flag_filter_and_sort_by_a_figure(view: ExhibitorsView, fair: dict[str, int]) -> None:
    view.flag.setCurrentIndex(view.flag.findData("over_quota"))
    view.settle()
    assert list(_rows(view)) == ["寒武纪"]
    assert view.pane.count_label.text().startswith("找到 1 家")
    view.flag.setCurrentIndex(view.flag.findData("shared_booth"))
    view.settle()
    assert sorted(_rows(view)) == ["壁仞科技", "摩尔线程"]
    view.flag.setCurrentIndex(view.flag.findData("any"))
    view.hall.setCurrentIndex(view.hall.findData("A1"))
    view.settle()
    assert list(_rows(view)) == ["寒武纪"]
    view.flag.setCurrentIndex(0)
    view.hall.setCurrentIndex(0)
    view.pane.table.sortByColumn(ARRIVED_COL, Qt.SortOrder.DescendingOrder)
    view.settle()
    assert [view.model.index(r, ARRIVED_COL).data() for r in range(3)] == ["2", "1", "0"]


def test_one_click_shows_the_staff_with_their_state(view: ExhibitorsView, qtbot,  # type: ignore[no-untyped-def]
                                                    fair: dict[str, int]) -> None:
    row = view.model.row_of(fair["over"])
    rect = view.pane.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view.settle()
    panel = view.panel
    staff = {panel.staff.topLevelItem(i).text(0): panel.staff.topLevelItem(i).text(2)
             for i in range(panel.staff.topLevelItemCount())}
    assert staff == {"甲": "今日已到", "乙": "曾到场", "丙": "未到", "丁": "已取消"}
    assert panel.staff_title.text() == "展商人员（4）"
    assert "今日到场 1" in panel.quota_label.text() and "累计到场 2" in panel.quota_label.text()
    assert "超出名额 1 人" in panel.flags_label.text()
    assert panel.pickup_label.text() == "证件尚未整包领取"


def test_print_all_badges_of_one_exhibitor(view: ExhibitorsView, event_db: Database, qtbot,  # type: ignore[no-untyped-def]
                                           fair: dict[str, int], tmp_path: Path) -> None:
    assert view.pane.select_id(fair["over"])
    view.settle()
    assert view.panel.print_button.isEnabled()
    qtbot.mouseClick(view.panel.print_button, Qt.MouseButton.LeftButton)
    dialog = view.print_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.every.isChecked() and not dialog.reason.isEnabled()  # none printed yet
    target = tmp_path / "printer.pdf"
    op = dialog.start_run(job=PrintJob("", output_file=target))
    qtbot.waitUntil(lambda: dialog.last_run is not None, timeout=30_000)
    assert op is not None and dialog.last_run is not None
    assert (dialog.last_run.badges, dialog.last_run.recorded) == (3, 3)
    assert target.read_bytes().startswith(b"%PDF")
    with event_db.unit_of_work(write=False) as s:
        printed = s.scalar(select(func.count(BadgePrint.id))) or 0
        [entry] = audit_entries(s, action_prefix="badge.batch_printed")
    assert printed == 3 and entry.detail["count"] == 3  # logged like every print
    # Now all are printed: "all" again is a reprint with a reason.
    view.settle()
    qtbot.mouseClick(view.panel.print_button, Qt.MouseButton.LeftButton)
    again = view.print_dialog
    assert again is not None and again is not dialog
    assert not again.only_new.isEnabled() and again.reason.isEnabled()
    assert again.selection()[1].value == "damaged"


def test_pickup_at_the_desk_is_recorded_and_shown_masked_to_desk_staff(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, fair: dict[str, int], tmp_path: Path) -> None:
    from eventdesk.ui.desk.pickup import PickupDialog
    from tests.ui.desk_fixtures import DeskView

    desk: DeskView = open_desk(qtbot, event_db, tmp_path)
    desk.ctx.switch_user(as_user("desk1", UserRole.DESK))  # desk staff: contacts masked
    dialog = PickupDialog(desk.ctx, desk.badges, parent=desk)
    qtbot.addWidget(dialog)
    dialog.show()
    operator_types(dialog.query, "A1-101")
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.staff.rowCount() == 3)
    assert dialog.last_pickup.text() == "尚无整包领取记录"
    dialog.print_missing.click()
    qtbot.waitUntil(lambda: dialog.state is not None and not dialog.state.missing_prints)
    dialog.collect.click()  # no name yet: asked for, nothing recorded
    assert dialog.summary.text() == "请填写领取人姓名"
    operator_types(dialog.collector_name, "王芳")
    operator_types(dialog.collector_phone, "12ab")
    dialog.collect.click()  # a phone that is none: said in the dialog, nothing recorded
    qtbot.waitUntil(lambda: "不是有效的电话号码" in dialog.summary.text())
    assert dialog.collect.isEnabled() and dialog.collector_name.text() == "王芳"
    dialog.collector_phone.clear()
    operator_types(dialog.collector_phone, "139 1234 5678")
    dialog.collect.click()
    qtbot.waitUntil(lambda: "王芳" in dialog.last_pickup.text())
    assert "139****5678" in dialog.last_pickup.text() and "3 张" in dialog.last_pickup.text()
    assert dialog.collector_name.text() == ""
    with event_db.unit_of_work(write=False) as s:
        stored = set(s.execute(select(BadgeCollection.collected_by,
                                      BadgeCollection.collector_phone)).all())
    assert stored == {("王芳", "13912345678")}


def test_view_shows_the_pickup_and_follows_check_ins(view: ExhibitorsView, event_db: Database,
                                                     fair: dict[str, int]) -> None:
    from eventdesk.services.badges import desk as desk_badges
    from eventdesk.services.checkin import check_in

    with event_db.unit_of_work() as s:
        desk_badges.record_print(s, person_id=fair["e"], desk="1", operator="o",
                                 layout="default")
        desk_badges.mark_pack_collected(s, exhibitor_id=fair["shared1"], desk="东门",
                                        operator="o", collected_by="李雷",
                                        collector_phone="13912345678")
        check_in(s, person_id=fair["f"], desk="1", operator="o")
    view.ctx.notify(CHECKINS)
    view._figures_changed()  # what the coalescing timer does a moment later
    view.settle()
    r = view.model.row_of(fair["shared1"])
    assert view.model.index(r, TODAY_COL).data() == "2"
    pickup = view.model.index(r, PICKUP_COL)
    assert pickup.data().startswith("李雷 ")
    assert "13912345678" in pickup.data(Qt.ItemDataRole.ToolTipRole)  # organisers see it
    assert view.pane.select_id(fair["shared1"])
    view.settle()
    assert "李雷（13912345678）" in view.panel.pickup_label.text()

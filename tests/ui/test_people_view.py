"""The people view as an organiser uses it: scroll, search, sort, edit, register."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import get_args

import pytest
import shiboken6
from PySide6.QtCore import Qt

from eventdesk import messages
from eventdesk.actions import records
from eventdesk.domain import Category, UserRole
from eventdesk.domain.access import ROLE_PERMISSIONS, Permission
from eventdesk.services import people
from eventdesk.services.events import get_event
from eventdesk.services.exhibitors import ExhibitorInput, create_exhibitor
from eventdesk.services.people import PersonInput, SortKey
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.people.model import CANCELLED_FG, COLUMNS
from eventdesk.ui.people.view import PeopleView
from tests.accounts import DESK
from tests.ui.forms import HeldWrite, saved
from tests.ui.users import as_user

COL = {c.sort: i for i, c in enumerate(COLUMNS)}  # column index by its sort key

FILLER = "王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高郑"


def make_people(db: Database, filler: int = 120) -> dict[str, int]:
    """A small event: named people the tests look for, and filler to page through."""
    ids: dict[str, int] = {}
    with db.unit_of_work() as s:
        ex = create_exhibitor(s, data=ExhibitorInput(name_zh="昆山阿丘智能科技有限公司",
                                                     short_name="阿丘科技", hall="A1",
                                                     booth="A1-101"), operator="t")
        for name, kw in (
            ("张伟", {"company": "中科可控信息产业有限公司", "phone": "13800005678"}),
            ("张伟明", {"company": "阿丘科技", "exhibitor_id": ex.id, "category": "exhibitor"}),
            ("安娜", {"company": "中国算力公司"}),
            ("赵六", {"company": "Alpha Ltd", "category": "media"}),
            ("钱取消", {"company": "昆山光电", "status": "cancelled"}),
        ):
            ids[name] = people.create_person(s, data=PersonInput(name=name, **kw),  # type: ignore[arg-type]
                                             operator="t").id
        for i in range(filler):
            name = FILLER[i % len(FILLER)] + FILLER[(i * 7) % len(FILLER)] + "某"
            people.create_person(s, data=PersonInput(name=name, company=f"苏州第{i}科技有限公司"),
                                 operator="t")
    return ids


@pytest.fixture
def ctx(event_db: Database, qapp: object) -> Iterator[AppContext]:
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    context = AppContext(event_db, event, as_user("tester"))
    yield context
    ops.wait_idle()


def settled(view: PeopleView) -> PeopleView:
    view.activated()
    view.settle()
    return view


def names(view: PeopleView) -> list[str]:
    m = view.model
    return [m.index(r, 0).data() for r in range(m.rowCount())]


@pytest.fixture
def view(ctx: AppContext, qtbot) -> PeopleView:  # type: ignore[no-untyped-def]
    ids = make_people(ctx.db)
    v = PeopleView(ctx, page_size=50)
    v.ids = ids  # type: ignore[attr-defined]
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    return settled(v)


def test_every_sortable_column_is_a_service_sort_key() -> None:
    # The model hands a clicked column's key to person_ids as a SortKey.
    keys = {c.sort for c in COLUMNS if c.sort is not None}
    assert keys and keys <= set(get_args(SortKey))


def test_model_passes_qt_model_tester(view: PeopleView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model)
    ops.wait_idle()


def test_loads_a_page_at_a_time(view: PeopleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = view.model
    assert model.total == 125
    assert model.rowCount() == 50 < model.total
    assert view.pane.count_label.text().startswith("共 125 人")
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: (ops.wait_idle(), model.rowCount() == 100)[1])
    model.fetchMore()
    qtbot.waitUntil(lambda: (ops.wait_idle(), model.rowCount() == 125)[1])
    assert not model.canFetchMore()


def test_typing_zw_finds_zhang_wei(view: PeopleView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(view.pane.filter_edit, "zw")
    qtbot.waitUntil(lambda: view.model.query == "zw", timeout=10_000)
    view.settle()
    assert names(view)[:2] == ["张伟", "张伟明"]
    assert view.panel.name.text() == "张伟"  # the best match is shown in the form
    assert view.pane.count_label.text().startswith(f"找到 {view.model.total} 人")
    view.category.setCurrentIndex(view.category.findData(Category.EXHIBITOR))
    view.settle()
    assert names(view) == ["张伟明"]


def test_sorting_by_company_changes_the_first_row(view: PeopleView) -> None:
    first_by_name = names(view)[0]
    assert first_by_name == "安娜"
    view.pane.table.sortByColumn(COL["company"], Qt.SortOrder.AscendingOrder)
    view.settle()
    # By pinyin, Latin among it by its letters: 阿丘科技 (a qiu) before Alpha Ltd.
    assert names(view)[:2] == ["张伟明", "赵六"]
    view.pane.table.sortByColumn(COL["company"], Qt.SortOrder.DescendingOrder)
    view.settle()
    assert names(view)[0] not in ("张伟明", "赵六")


def test_phone_is_masked_for_desk_staff_and_cancelled_people_are_grey(
        view: PeopleView, ctx: AppContext) -> None:
    view.pane.filter_edit.setText("zhangwei")
    view.pane.flush_filter()
    view.settle()
    row = names(view).index("张伟")
    assert view.model.index(row, COL["phone"]).data() == "13800005678"  # an admin sees it
    ctx.switch_user(DESK)
    view.model.reload()
    view.settle()
    row = names(view).index("张伟")
    assert view.model.index(row, COL["phone"]).data() == "138****5678"
    assert view.model.row_at(row).contacts_masked  # type: ignore[union-attr]
    view.pane.filter_edit.setText("钱取消")
    view.pane.flush_filter()
    view.settle()
    index = view.model.index(0, 0)
    assert index.data() == "钱取消"
    assert index.data(Qt.ItemDataRole.ForegroundRole) == CANCELLED_FG


def test_bad_phone_shows_message_and_good_one_is_saved(view: PeopleView, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                       qtbot) -> None:
    pid = view.ids["张伟"]  # type: ignore[attr-defined]
    view.pane.filter_edit.setText("张伟")
    view.pane.flush_filter()
    view.settle()
    assert view.pane.select_id(pid)
    panel = view.panel
    assert panel.person_id == pid and panel.name.text() == "张伟"
    panel.phone.setText("123")
    assert saved(qtbot, panel) is False
    assert "不是有效的电话号码" in panel.form.error_text("phone")
    assert panel.form.errors["phone"].isVisibleTo(panel)
    with ctx.db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=pid).phone == "13800005678"
    panel.phone.setText("139 1234 5678")
    assert saved(qtbot, panel) is True
    assert panel.form.error_text("phone") == ""
    with ctx.db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=pid).phone == "13912345678"
    view.settle()
    assert view.pane.selected_id() == pid  # the reload kept the person selected


def test_masked_form_is_read_only_and_saving_it_keeps_the_phone(  # type: ignore[no-untyped-def]
        view: PeopleView, ctx: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    # A role that may edit people but not see contacts (none has today; the table may change).
    monkeypatch.setitem(ROLE_PERMISSIONS, UserRole.DESK,
                        ROLE_PERMISSIONS[UserRole.DESK] | {Permission.EDIT_PEOPLE})
    ctx.switch_user(DESK)
    pid = view.ids["张伟"]  # type: ignore[attr-defined]
    view.pane.filter_edit.setText("张伟")
    view.pane.flush_filter()
    view.settle()
    assert view.pane.select_id(pid)
    panel = view.panel
    assert panel.phone.text() == "138****5678" and panel.phone.isReadOnly()
    panel.title.setText("首席科学家")
    assert saved(qtbot, panel) is True
    with ctx.db.unit_of_work(write=False) as s:
        stored = people.get_person(s, person_id=pid)
    assert (stored.title, stored.phone) == ("首席科学家", "13800005678")
    assert panel.phone.text() == "138****5678"


def test_new_person_is_registered(view: PeopleView, ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.pane.new_button.click()
    panel = view.panel
    assert panel.row is None
    assert saved(qtbot, panel) is False
    assert panel.form.error_text("name") == "姓名不能为空"
    panel.name.setText("李新")
    panel.category.setCurrentIndex(panel.category.findData(Category.SPEAKER))
    panel.email.setText("li.xin@example.com")
    assert saved(qtbot, panel) is True
    view.settle()
    with ctx.db.unit_of_work(write=False) as s:
        everyone = people.list_people(s, limit=None)
    assert len(everyone) == 126
    found = [r for r in everyone if r.name == "李新"]
    assert found and found[0].category == Category.SPEAKER
    assert view.pane.selected_id() == found[0].id


def _open(view: PeopleView, pid: int, name: str) -> None:
    view.pane.filter_edit.setText(name)
    view.pane.flush_filter()
    view.settle()
    assert view.pane.select_id(pid)
    assert view.panel.person_id == pid


def test_two_desks_edit_one_person(view: PeopleView, ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Desk B's form was opened before desk A saved a new phone: B's new e-mail is saved and
    A's phone kept. When B then types a phone of its own, B is told in the form what the phone
    is now and who changed it; B's entry stays, and Save again writes it."""
    pid = view.ids["张伟"]  # type: ignore[attr-defined]
    desk_b = PeopleView(AppContext(ctx.db, ctx.event_info, as_user("li")), page_size=50)
    qtbot.addWidget(desk_b)
    desk_b.show()
    settled(desk_b)
    _open(view, pid, "张伟")
    _open(desk_b, pid, "张伟")

    view.panel.phone.setText("139 0000 1111")  # desk A
    assert saved(qtbot, view.panel) is True
    desk_b.panel.email.setText("zw@example.cn")  # desk B, still showing the old phone
    assert saved(qtbot, desk_b.panel) is True
    with ctx.db.unit_of_work(write=False) as s:
        row = people.get_person(s, person_id=pid)
    assert (row.phone, row.email) == ("13900001111", "zw@example.cn")

    _open(view, pid, "张伟")  # desk A changes the title; desk B's form is older again
    view.panel.title.setText("总经理")
    assert saved(qtbot, view.panel) is True
    desk_b.panel.phone.setText("13700002222")
    desk_b.panel.title.setText("经理")
    assert saved(qtbot, desk_b.panel) is False
    panel = desk_b.panel
    assert panel.message.text().startswith("张伟：职务在你打开之后已被“desk-1”的 tester（")
    assert "再按“保存”即以你的为准" in panel.message.text()
    assert panel.form.error_text("title").startswith("已被“desk-1”的 tester（")
    assert panel.form.error_text("title").endswith("改为“总经理”")
    assert (panel.phone.text(), panel.title.text()) == ("13700002222", "经理")  # B's entries
    assert panel.email.text() == "zw@example.cn"
    with ctx.db.unit_of_work(write=False) as s:
        row = people.get_person(s, person_id=pid)
    assert (row.phone, row.title) == ("13900001111", "总经理")  # nothing of B's was written
    assert saved(qtbot, panel) is True  # told, B keeps its entries
    with ctx.db.unit_of_work(write=False) as s:
        row = people.get_person(s, person_id=pid)
    assert (row.phone, row.title, row.email) == ("13700002222", "经理", "zw@example.cn")


def test_a_refused_save_is_one_sentence_in_the_form(view: PeopleView, ctx: AppContext,  # type: ignore[no-untyped-def]
                                                    capfd: pytest.CaptureFixture[str],
                                                    qtbot) -> None:
    """The database refuses the save (a DBA's trigger here; a full disk the same way): the form
    says so in one sentence and keeps what was typed; neither the form nor the console shows
    the statement or its values."""
    from sqlalchemy import text

    pid = view.ids["张伟"]  # type: ignore[attr-defined]
    with ctx.db.engine.begin() as conn:
        conn.execute(text("CREATE TRIGGER frozen BEFORE UPDATE ON person "
                          "BEGIN SELECT RAISE(ABORT, 'list frozen'); END"))
    _open(view, pid, "张伟")
    view.panel.phone.setText("13911112222")
    assert saved(qtbot, view.panel) is False
    said = view.panel.message.text()
    assert said == (f"数据库 {ctx.db.engine.url.database} 未能完成这项操作（IntegrityError），"
                    "没有保存任何改动。")
    assert view.panel.phone.text() == "13911112222"
    console = "".join(capfd.readouterr())
    for personal in ("13911112222", "张伟", "UPDATE person", "[SQL:", "[parameters:"):
        assert personal not in said and personal not in console


def test_a_database_without_an_event_registers_nobody(db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    """An EventDesk database whose event was never created opens with empty views; a new
    registration there is refused in one sentence (a person belongs to the event)."""
    view = PeopleView(AppContext(db, None, as_user("tester")), page_size=50)
    qtbot.addWidget(view)
    view.show()
    settled(view)
    view.pane.new_button.click()
    view.panel.name.setText("李新")
    assert saved(qtbot, view.panel) is False
    assert view.panel.message.text() == "这个数据库里还没有活动（请运行 eventdesk demo 或新建活动）"
    with db.unit_of_work(write=False) as s:
        assert people.list_people(s, limit=None) == []
    ops.wait_idle()


# -- saving off the GUI thread (issue 10) ----------------------------------------------------
@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> HeldWrite:
    """The people form's save, held on its way to the database until the test releases it."""
    hold = HeldWrite(people.update_person)
    monkeypatch.setattr(records, "update_person", hold)
    return hold


def _start_held_save(qtbot, view: PeopleView, held: HeldWrite, name: str,  # type: ignore[no-untyped-def]
                     phone: str) -> int:
    """Open `name`, type `phone` and press Save; returns once the write is waiting in a worker."""
    pid = int(view.ids[name])  # type: ignore[attr-defined]
    _open(view, pid, name)
    view.panel.phone.setText(phone)
    qtbot.mouseClick(view.panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(held.threads) == 1)
    return pid


def test_the_save_runs_on_a_worker_and_a_second_click_saves_once(  # type: ignore[no-untyped-def]
        view: PeopleView, ctx: AppContext, qtbot, held: HeldWrite) -> None:
    """The write runs on a worker thread, not the GUI thread. While it runs the form says it
    is saving, Save (and the fields) wait, and another click or Ctrl+S does not save twice."""
    panel = view.panel
    with qtbot.waitSignal(panel.save_finished, timeout=10_000) as outcome:
        pid = _start_held_save(qtbot, view, held, "张伟", "139 0000 3333")
        assert panel.message.text() == messages.text("form.saving")
        assert not panel.save_button.isEnabled() and not panel.form.isEnabled()
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)  # the impatient click
        assert panel.save() is False  # what Ctrl+S calls
        held.release()
    assert outcome.args == [True]
    assert len(held.threads) == 1 and held.threads[0] is not threading.main_thread()
    assert panel.save_button.isEnabled() and panel.form.isEnabled()
    assert panel.message.text() == "已保存"
    with ctx.db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=pid).phone == "13900003333"


def test_a_save_lands_on_its_record_after_the_person_moved_on(  # type: ignore[no-untyped-def]
        view: PeopleView, ctx: AppContext, qtbot, held: HeldWrite) -> None:
    """While 张伟's save runs the person picks 张伟明 and types there: the saved 张伟 is not put
    into 张伟明's form, the typing stays, and the reload keeps 张伟明 selected."""
    pid = _start_held_save(qtbot, view, held, "张伟", "139 0000 4444")
    other = view.ids["张伟明"]  # type: ignore[attr-defined]
    panel = view.panel
    assert view.pane.select_id(other)
    assert panel.row_id == other and panel.save_button.isEnabled() and panel.form.isEnabled()
    panel.title.setText("经理")
    with qtbot.waitSignal(panel.save_finished, timeout=10_000) as outcome:
        held.release()
    assert outcome.args == [True]
    assert (panel.row_id, panel.name.text(), panel.phone.text()) == (other, "张伟明", "")
    view.settle()
    assert view.pane.selected_id() == other and panel.row_id == other
    assert panel.title.text() == "经理"  # still typed, not saved
    with ctx.db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=pid).phone == "13900004444"
        assert people.get_person(s, person_id=other).title == ""


def test_a_refusal_after_the_person_moved_on_is_said_not_lost(  # type: ignore[no-untyped-def]
        view: PeopleView, qtbot, held: HeldWrite) -> None:
    """张伟's save is refused after the form moved on to 张伟明: the form says whose save failed
    and why, and marks none of 张伟明's fields."""
    _start_held_save(qtbot, view, held, "张伟", "123")
    panel = view.panel
    assert view.pane.select_id(view.ids["张伟明"])  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.save_finished, timeout=10_000) as outcome:
        held.release()
    assert outcome.args == [False]
    assert panel.message.text().startswith("“张伟”没有保存：")
    assert "电话" in panel.message.text()
    assert panel.name.text() == "张伟明" and panel.form.error_text("phone") == ""


def test_leaving_the_view_while_it_saves(  # type: ignore[no-untyped-def]
        view: PeopleView, ctx: AppContext, qtbot, held: HeldWrite) -> None:
    """Another view is shown while the save runs (the view is hidden): the result is in the
    form when the person comes back."""
    pid = _start_held_save(qtbot, view, held, "张伟", "139 0000 5555")
    view.hide()
    with qtbot.waitSignal(view.panel.save_finished, timeout=10_000):
        held.release()
    view.show()
    view.settle()
    assert view.panel.row_id == pid and view.panel.phone.text() == "13900005555"
    assert view.panel.message.text() == "已保存" and view.panel.save_button.isEnabled()


def test_a_view_closed_while_it_saves_is_left_alone(  # type: ignore[no-untyped-def]
        ctx: AppContext, qtbot, held: HeldWrite) -> None:
    """The File menu replaces every view while a save runs: the save still completes, and
    nothing is called on the deleted form."""
    ids = make_people(ctx.db, filler=0)
    v = settled(PeopleView(ctx, page_size=50))  # not the qtbot's: deleted below
    v.ids = ids  # type: ignore[attr-defined]
    finished: list[bool] = []
    v.panel.save_finished.connect(finished.append)
    pid = _start_held_save(qtbot, v, held, "张伟", "139 0000 6666")
    shiboken6.delete(v)
    held.release()
    ops.wait_idle()
    assert finished == []
    with ctx.db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=pid).phone == "13900006666"

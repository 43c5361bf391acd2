"""Every desk action acts on the person the operator sees, and the desk tells every failure.

Driven as staff meet it: keys in the search field, Ctrl+P, the scanner, a background refresh
after another desk wrote, the walk-in form, the pick-up dialog, a locked database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from eventdesk.domain import PrintReason
from eventdesk.services import desk as desk_service
from eventdesk.services import exhibitors, people
from eventdesk.storage import Database, open_database, sqlite_path
from eventdesk.ui import ops
from eventdesk.ui.desk.view import DeskView
from tests.services.checkin_cases import add, count, payload_of
from tests.ui.desk_fixtures import open_desk
from tests.ui.keys import scanner

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def other_desk(event_db: Database) -> Iterator[Database]:
    """Another desk's program on the same database (its own engine and connections)."""
    other = open_database(event_db.url)
    yield other
    other.dispose()


def _settled(qtbot, desk: DeskView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: desk.idle and ops.pending() == 0)


def _pdf_payloads(folder: Path) -> list[list[str]]:
    """The QR codes decoded from each badge PDF the desk saved, oldest first."""
    found = []
    for path in sorted(folder.glob("*.pdf"), key=lambda p: p.stat().st_mtime_ns):
        page = pdfium.PdfDocument(path.read_bytes())[0]
        image = page.render(scale=300 / 72).to_pil()
        found.append([r.text for r in zxingcpp.read_barcodes(image)])
    return found


def _type(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as a person does: keys more than 60 ms apart (faster is a scanner)."""
    for ch in text:
        QTest.keyClicks(widget, ch, Qt.KeyboardModifier.NoModifier, 70)


def _commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Chinese typed through the input method: one commit of the composed text."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _select(qtbot, desk: DeskView, person_id: int) -> None:  # type: ignore[no-untyped-def]
    """Press Down until the person is the selected row."""
    for _ in range(len(desk.model.rows)):
        row = desk.selected()
        if row is not None and row.person.id == person_id:
            return
        QTest.keyClick(desk.search, Qt.Key.Key_Down)
    row = desk.selected()
    assert row is not None and row.person.id == person_id


def _wait_for_background_refresh(qtbot, desk: DeskView) -> None:  # type: ignore[no-untyped-def]
    """Let the desk's periodic refresh (other desks' changes) run and be shown."""
    with qtbot.waitSignal(desk._refresher.timeout, timeout=10_000):
        pass
    _settled(qtbot, desk)


def test_ctrl_p_twice_prints_the_same_zhang_wei(qtbot, event_db: Database,  # type: ignore[no-untyped-def]
                                               other_desk: Database, tmp_path: Path) -> None:
    add(event_db, "张威", company="海光信息技术股份有限公司")
    second = add(event_db, "张威", company="寒武纪")
    desk = open_desk(qtbot, event_db, tmp_path)
    desk.search.setText("张威")  # committed by the input method
    qtbot.waitUntil(lambda: len(desk.model.rows) == 2)
    _select(qtbot, desk, second.id)
    QTest.keyClick(desk.search, "p", CTRL)
    _settled(qtbot, desk)
    assert "张威" in desk.status.hint.text()
    add(other_desk, "王芳")  # meanwhile another desk registers a walk-in
    _wait_for_background_refresh(qtbot, desk)
    desk.badges.ask_reason = lambda _name: PrintReason.DAMAGED
    QTest.keyClick(desk.search, "p", CTRL)
    _settled(qtbot, desk)
    payload = payload_of(event_db, second.id)
    assert _pdf_payloads(tmp_path / "badges") == [[payload], [payload]]


def test_lost_reprint_then_ctrl_p_prints_the_same_person(qtbot, event_db: Database,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    add(event_db, "张威", company="海光信息技术股份有限公司")
    second = add(event_db, "张威", company="寒武纪")
    desk = open_desk(qtbot, event_db, tmp_path)
    desk.search.setText("张威")
    qtbot.waitUntil(lambda: len(desk.model.rows) == 2)
    _select(qtbot, desk, second.id)
    desk.badges.ask_reason = lambda _name: PrintReason.LOST
    QTest.keyClick(desk.search, "r", CTRL)  # a lost badge: a new code
    _settled(qtbot, desk)
    _wait_for_background_refresh(qtbot, desk)
    desk.badges.ask_reason = lambda _name: PrintReason.DAMAGED
    QTest.keyClick(desk.search, "p", CTRL)
    _settled(qtbot, desk)
    payload = payload_of(event_db, second.id)
    assert _pdf_payloads(tmp_path / "badges") == [[payload], [payload]]


def test_refresh_after_another_desks_write_keeps_the_selected_person(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, other_desk: Database, tmp_path: Path) -> None:
    add(event_db, "张威", company="海光信息技术股份有限公司")
    second = add(event_db, "张威", company="寒武纪")
    desk = open_desk(qtbot, event_db, tmp_path)
    desk.search.setText("张威")
    qtbot.waitUntil(lambda: len(desk.model.rows) == 2)
    _select(qtbot, desk, second.id)
    add(other_desk, "张威", company="阿丘科技")  # another desk's walk-in, also a 张威
    qtbot.waitUntil(lambda: len(desk.model.rows) == 3, timeout=10_000)
    _settled(qtbot, desk)
    row = desk.selected()
    assert row is not None and row.person.id == second.id
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.status.state == "green")
    _settled(qtbot, desk)
    assert "寒武纪" in desk.status.detail.text()
    with event_db.unit_of_work(write=False) as s:
        assert desk_service.desk_row(s, person_id=second.id).checked_in is not None
    assert count(event_db) == 1


# -- walk-in: the exhibitor chosen is the one linked ---------------------------------------------

@pytest.fixture
def exhibitor_ids(event_db: Database) -> dict[str, int]:
    made = {}
    with event_db.unit_of_work() as s:
        for name, short, booth in (("上海微电子装备有限公司", "上海微电", "A1-101"),
                                   ("上海华为技术有限公司", "上海华为", "A1-102"),
                                   ("中科寒武纪科技股份有限公司", "寒武纪", "B2-201")):
            made[short] = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
                name_zh=name, short_name=short, hall=booth[:2], booth=booth, staff_quota=50),
                operator="t").id
    return made


def _walk_in(qtbot, desk: DeskView):  # type: ignore[no-untyped-def]
    from eventdesk.ui.desk.walkin import WalkInDialog

    dialog = WalkInDialog(desk.ctx, desk="3", parent=desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _choose_category(dialog, key: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a category in the combo box with the keyboard (focus, then type its label)."""
    dialog.category.setFocus()
    target = dialog.category.findData(key)
    while dialog.category.currentIndex() != target:
        QTest.keyClick(dialog.category, Qt.Key.Key_Down if dialog.category.currentIndex() < target
                       else Qt.Key.Key_Up)


def _saved(event_db: Database, name: str) -> people.PersonRow:
    """The one person of that name the walk-in saved."""
    with event_db.unit_of_work(write=False) as s:
        [saved] = [p for p in people.list_people(s, limit=None) if p.name == name]
    return saved


def test_walk_in_links_the_exhibitor_picked_from_the_completer(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, exhibitor_ids: dict[str, int], tmp_path: Path) -> None:
    desk = open_desk(qtbot, event_db, tmp_path)
    dialog = _walk_in(qtbot, desk)
    _commit(dialog.edits["name"], "王小明")
    _choose_category(dialog, "exhibitor")
    dialog.edits["company"].setFocus()
    _type(dialog.edits["company"], "sh")  # a fragment: the pinyin initials of 上海
    popup = dialog.completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() >= 2)
    names = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert "上海华为技术有限公司" in names and "上海微电子装备有限公司" in names
    while popup.currentIndex().data() != "上海华为技术有限公司":  # not the best match: the 2nd
        QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.edits["company"].text() == "上海华为技术有限公司"
    assert dialog.result_checkin is None and not dialog.busy  # Return picked; it did not save
    dialog.print_box.setChecked(False)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_checkin is not None)
    saved = _saved(event_db, "王小明")
    assert saved.exhibitor_id == exhibitor_ids["上海华为"]
    assert saved.company == "上海华为技术有限公司"


def test_walk_in_company_first_category_second_is_linked(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, exhibitor_ids: dict[str, int], tmp_path: Path) -> None:
    desk = open_desk(qtbot, event_db, tmp_path)
    dialog = _walk_in(qtbot, desk)
    _commit(dialog.edits["name"], "李四")
    dialog.edits["company"].setFocus()
    _commit(dialog.edits["company"], "寒武纪")
    qtbot.waitUntil(lambda: dialog.exhibitor.count() > 1)  # the exhibitor is offered
    QTest.keyClick(dialog.edits["company"], Qt.Key.Key_Escape)  # no pick from the suggestions
    _choose_category(dialog, "exhibitor")  # the category after the company
    dialog.print_box.setChecked(False)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_checkin is not None)
    saved = _saved(event_db, "李四")
    assert saved.exhibitor_id == exhibitor_ids["寒武纪"]
    assert saved.company == "中科寒武纪科技股份有限公司"


# -- pick-up: the buttons act on the exhibitor shown ----------------------------------------------

def test_pickup_non_matching_booth_clears_the_detail_and_prints_nothing(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, exhibitor_ids: dict[str, int], tmp_path: Path) -> None:
    from eventdesk.ui.desk.pickup import PickupDialog

    for i in range(3):
        add(event_db, f"员工{i}", category="exhibitor", exhibitor_id=exhibitor_ids["寒武纪"])
    desk = open_desk(qtbot, event_db, tmp_path)
    dialog = PickupDialog(desk.ctx, desk.badges, parent=desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.query.setFocus()
    _type(dialog.query, "b2-201")
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.staff.rowCount() == 3)
    _type(dialog.query, "9")  # b2-2019: no such booth
    qtbot.waitUntil(lambda: dialog.companies.count() == 0)
    _settled(qtbot, desk)
    assert dialog.staff.rowCount() == 0 and "寒武纪" not in dialog.summary.text()
    QTest.keyClick(dialog.query, Qt.Key.Key_Down)
    QTest.keyClick(dialog.query, Qt.Key.Key_Return)
    _settled(qtbot, desk)
    assert not list((tmp_path / "badges").glob("*.pdf"))


# -- a database error during a scan: one sentence, and the desk recovers by itself ---------------

@pytest.fixture
def impatient_db(event_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """The test database opened with a short busy timeout (the desk's 15 s, shortened so the
    test does not wait that long for the lock to count as held)."""
    from eventdesk import storage

    assert sqlite_path(event_db.url) is not None
    monkeypatch.setattr(storage, "BUSY_TIMEOUT_MS", 300)
    db = open_database(event_db.url)
    yield db
    db.dispose()


def test_scan_while_the_database_is_locked_is_told_and_the_next_scan_works(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, impatient_db: Database, tmp_path: Path) -> None:
    person = add(event_db, "李娜", company="寒武纪")
    payload = payload_of(event_db, person.id)
    desk = open_desk(qtbot, impatient_db, tmp_path)
    path = sqlite_path(event_db.url)
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)  # another program writing (an import)
    other.execute("BEGIN EXCLUSIVE")
    try:
        scanner(desk.search, payload)  # the scanner
        qtbot.waitUntil(lambda: desk.status.state == "red", timeout=20_000)
        told = desk.status.title.text() + desk.status.detail.text()
        assert "数据库" in told and "占用" in told
        assert "Error" not in told and "locked" not in told
    finally:
        other.execute("ROLLBACK")
        other.close()
    scanner(desk.search, payload)  # the lock is gone: the same desk, no restart
    qtbot.waitUntil(lambda: desk.status.state == "green")
    assert "李娜" in desk.status.title.text() and count(event_db) == 1


def test_keys_pressed_before_the_answer_act_on_the_rows_of_what_was_typed(
        qtbot, event_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A slow machine: the operator types, presses ↓ and Ctrl+P, ↓ and Ctrl+P while the list
    # still shows the rows of the text before. Each key applies to the answer to what was
    # typed, in order, as if it had come at once (the soak at load 17 printed row 0 instead).
    add(event_db, "海光接待", company="海光信息技术股份有限公司")
    add(event_db, "海光展台", company="海光信息技术股份有限公司")
    for company in ("海光信息技术股份有限公司", "寒武纪", "昆仑芯"):
        add(event_db, "张威", company=company)
    desk = open_desk(qtbot, event_db, tmp_path)
    desk.search.setText("海光")
    qtbot.waitUntil(lambda: len(desk.model.rows) >= 2)
    shown_before = [r.person.id for r in desk.model.rows]
    desk.search.setText("张威")  # the answer is on its way; the keys below come first
    QTest.keyClick(desk.search, Qt.Key.Key_Down)
    QTest.keyClick(desk.search, "p", CTRL)
    QTest.keyClick(desk.search, Qt.Key.Key_Down)
    QTest.keyClick(desk.search, "p", CTRL)
    assert [r.person.id for r in desk.model.rows] == shown_before  # nothing answered yet
    _settled(qtbot, desk)
    rows = [r.person.id for r in desk.model.rows]
    assert len(rows) == 3 and desk.selected_id() == rows[2]
    assert _pdf_payloads(tmp_path / "badges") == [[payload_of(event_db, rows[1])],
                                                   [payload_of(event_db, rows[2])]]

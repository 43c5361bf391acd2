"""The desk driven as an operator would: type, arrows, Enter, scanner bursts, walk-ins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from eventdesk.domain import PrintReason
from eventdesk.services import exhibitors, people
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from eventdesk.ui.desk.view import DeskView
from eventdesk.ui.desk.walkin import WalkInDialog
from tests.services.checkin_cases import count, payload_of
from tests.ui.desk_fixtures import open_desk
from tests.ui.keys import operator_types, scanner


@pytest.fixture
def desk(qtbot, event_db: Database, tmp_path: Path) -> Iterator[DeskView]:  # type: ignore[no-untyped-def]
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="中科可控信息产业有限公司", short_name="中科可控", hall="A1", booth="A1-101",
            staff_quota=1), operator="t")
        for name, company, phone in (("张伟", "中科可控信息产业有限公司", "13812345678"),
                                     ("张伟明", "阿丘科技", ""), ("李娜", "寒武纪", "13900001111")):
            people.create_person(s, operator="t", data=PersonInput(
                name=name, company=company, phone=phone,
                exhibitor_id=ex.id if name == "张伟" else None,
                category="exhibitor" if name == "张伟" else "visitor"))
    view = open_desk(qtbot, event_db, tmp_path)
    yield view
    view.scanner.remove()


def _settled(qtbot, desk: DeskView) -> None:  # type: ignore[no-untyped-def]
    """Wait until the desk's background actions have run and been shown."""
    qtbot.waitUntil(lambda: desk.idle)


def _answered(qtbot, desk: DeskView) -> None:  # type: ignore[no-untyped-def]
    """Wait until the desk shows the answer to what was typed (searches run in the background)."""
    qtbot.waitUntil(lambda: not desk.searching)


def test_type_initials_see_rows_enter_checks_in(desk: DeskView, qtbot,  # type: ignore[no-untyped-def]
                                                event_db: Database) -> None:
    assert QApplication.focusWidget() is desk.search
    QTest.keyClicks(desk.search, "zw")
    _answered(qtbot, desk)
    names = [r.person.name for r in desk.model.rows]
    assert names[:2] == ["张伟", "张伟明"]
    assert desk.model.data(desk.model.index(0, 6)) == "138****5678"
    assert desk.model.data(desk.model.index(0, 4)) == "未签到"
    QTest.keyClick(desk.search, Qt.Key.Key_Down)
    QTest.keyClick(desk.search, Qt.Key.Key_Up)
    QTest.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.status.state == "green")
    assert "张伟" in desk.status.title.text() and "A1-101" in desk.status.detail.text()
    assert desk.model.data(desk.model.index(0, 4)).startswith("✓")
    assert desk.model.data(desk.model.index(0, 4)).endswith(" 3 号台")
    assert "今日已签到 1 人" in desk.header.text()
    assert count(event_db) == 1


def test_scanner_burst_green_amber_red(desk: DeskView, qtbot,  # type: ignore[no-untyped-def]
                                       event_db: Database) -> None:
    pid = next(r.id for r in _all(event_db) if r.name == "李娜")
    payload = payload_of(event_db, pid)
    scanner(desk.search, payload)
    assert desk.search.text() == ""  # the burst did not stay in the search field
    qtbot.waitUntil(lambda: desk.status.state == "green")
    assert "李娜" in desk.status.title.text()
    scanner(desk.search, payload.lower())  # Caps Lock on the scanner
    qtbot.waitUntil(lambda: desk.status.state == "amber")
    assert "3 号台" in desk.status.title.text()
    forged = payload[:-3] + ("AAA" if not payload.endswith("AAA") else "BBB")
    scanner(desk.search, forged)
    qtbot.waitUntil(lambda: desk.status.state == "red")
    assert "伪造" in desk.status.title.text()
    assert count(event_db) == 1


def test_scan_while_typing_elsewhere_and_through_input_method(desk: DeskView, qtbot,  # type: ignore[no-untyped-def]
                                                              event_db: Database) -> None:
    pid = next(r.id for r in _all(event_db) if r.name == "张伟明")
    payload = payload_of(event_db, pid)
    other = QLineEdit(desk)  # any widget of the window may have the focus
    other.show()
    other.setFocus()
    other.setText("备注")
    scanner(other, payload, enter=Qt.Key.Key_Enter)
    assert other.text() == "备注"
    qtbot.waitUntil(lambda: desk.status.state == "green")
    event = QInputMethodEvent("", [])
    event.setCommitString(payload)
    QApplication.sendEvent(desk.search, event)
    assert desk.search.text() == ""
    qtbot.waitUntil(lambda: desk.status.state == "amber")


def test_undo_and_reprint_lost(desk: DeskView, qtbot, event_db: Database,  # type: ignore[no-untyped-def]
                               tmp_path: Path) -> None:
    desk.search.setText("李娜")  # typed through the input method
    QTest.keyClick(desk.search, Qt.Key.Key_Return)  # at once: acts on the answer when it is shown
    _answered(qtbot, desk)
    old_payload = desk.selected().person.qr_payload  # type: ignore[union-attr]
    _settled(qtbot, desk)
    assert desk.status.state == "green"
    QTest.keyClick(desk.search, "p", Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, desk)
    assert len(list((tmp_path / "badges").glob("*.pdf"))) == 1
    assert desk.selected().print_count == 1  # type: ignore[union-attr]
    desk.badges.ask_reason = lambda _name: PrintReason.LOST
    QTest.keyClick(desk.search, "p", Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, desk)
    assert len(list((tmp_path / "badges").glob("*.pdf"))) == 2
    assert desk.selected().print_count == 2  # type: ignore[union-attr]
    assert desk.selected().person.qr_payload != old_payload  # type: ignore[union-attr]
    QTest.keyClick(desk.search, "z", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.status.state == "amber")
    assert "撤销" in desk.status.title.text()
    assert count(event_db) == 0
    desk.on_scan(old_payload)
    qtbot.waitUntil(lambda: desk.status.state == "red")
    assert "作废" in desk.status.title.text()


def test_lost_reprint_that_fails_to_print_keeps_the_old_badge(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database, tmp_path: Path) -> None:
    desk.search.setText("李娜")
    _answered(qtbot, desk)
    old_payload = desk.selected().person.qr_payload  # type: ignore[union-attr]
    QTest.keyClick(desk.search, "p", Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, desk)
    assert desk.selected().print_count == 1  # type: ignore[union-attr]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    desk.desk.pdf_dir = str(blocker)  # the "printer" (a PDF folder) cannot take the badge
    desk.badges.ask_reason = lambda _name: PrintReason.LOST
    QTest.keyClick(desk.search, "p", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.status.state == "red")
    assert "打印失败" in desk.status.title.text() and "not-a-folder" in desk.status.detail.text()
    _settled(qtbot, desk)
    assert desk.selected().print_count == 1  # type: ignore[union-attr]
    desk.on_scan(old_payload)  # the badge the person holds still admits them
    qtbot.waitUntil(lambda: desk.status.state == "green")
    assert "李娜" in desk.status.title.text() and count(event_db) == 1


def fill(dialog: WalkInDialog, **values: str) -> None:
    """Fill the walk-in form's fields as the operator would (the category by its key)."""
    for key, value in values.items():
        if key == "category":
            dialog.category.setCurrentIndex(dialog.category.findData(value))
        else:
            dialog.edits[key].setText(value)


def test_walk_in_duplicate_is_offered(desk: DeskView, qtbot, event_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = WalkInDialog(desk.ctx, desk="3", parent=desk)
    qtbot.addWidget(dialog)
    fill(dialog, name="李娜", company="另一家公司", phone="139 0000 1111")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.dup_list.count() == 1)
    offered = dialog.dup_list.item(0).text()
    assert "李娜" in offered and "同一手机号" in offered
    dialog.use_existing()
    qtbot.waitUntil(lambda: dialog.result_checkin is not None)
    assert dialog.result_checkin is not None
    assert dialog.result_checkin.result == "checked_in"
    assert dialog.result_checkin.person.name == "李娜"  # type: ignore[union-attr]
    assert len(_all(event_db)) == 3  # nobody new


def test_walk_in_validation_and_quota_override(desk: DeskView, qtbot, event_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = WalkInDialog(desk.ctx, desk="3", parent=desk)
    qtbot.addWidget(dialog)
    fill(dialog, name="", phone="123")
    dialog.submit()
    assert dialog.errors["name"].text() and dialog.errors["phone"].text()
    assert dialog.errors["name"].text() == "姓名不能为空"  # the sentence, not its code
    assert "123" in dialog.errors["phone"].text()
    fill(dialog, name="王五", company="中科可控", phone="", category="exhibitor")
    dialog.edits["company"].textEdited.emit("中科可控")  # as typed: finds the exhibitor
    qtbot.waitUntil(lambda: dialog.exhibitor.currentData() is not None)
    asked: list[str] = []
    dialog.confirm_override = lambda msg: asked.append(msg) or True
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_checkin is not None)
    assert asked and "名额" in asked[0]
    assert dialog.result_checkin is not None and dialog.result_checkin.result == "checked_in"
    assert len(_all(event_db)) == 4


def _all(db: Database) -> list[people.PersonRow]:
    with db.unit_of_work(write=False) as s:
        return people.list_people(s, limit=None)


def test_results_model_passes_qtmodeltester(desk: DeskView, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClicks(desk.search, "zhang")
    _answered(qtbot, desk)
    assert desk.model.rowCount() >= 2
    qtmodeltester.check(desk.model)


def test_exhibitor_pickup_prints_missing_and_marks_collected(desk: DeskView, qtbot,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    from eventdesk.ui.desk.pickup import PickupDialog

    dialog = PickupDialog(desk.ctx, desk.badges, parent=desk)
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.query, "a1-101")
    qtbot.waitUntil(lambda: dialog.companies.count() == 1)
    qtbot.waitUntil(lambda: dialog.state is not None)
    assert dialog.state is not None and [s.person.name for s in dialog.state.staff] == ["张伟"]
    assert dialog.staff.item(0, 2).text() == "未打印" and dialog.print_missing.isEnabled()
    dialog.print_missing.click()
    qtbot.waitUntil(lambda: dialog.staff.item(0, 2).text() == "1 张")
    assert len(list((tmp_path / "badges").glob("*.pdf"))) == 1
    assert dialog.collect.isEnabled()
    operator_types(dialog.collector_name, "王芳")  # who takes the pack is recorded
    dialog.collect.click()
    qtbot.waitUntil(lambda: dialog.staff.item(0, 3).text() != "未领取")
    assert not dialog.collect.isEnabled() and "本次交付 1 张" in dialog.summary.text()


def test_foreign_code_is_shown_for_confirmation(desk: DeskView, qtbot,  # type: ignore[no-untyped-def]
                                                event_db: Database) -> None:
    with event_db.unit_of_work() as s:
        people.create_person(s, operator="t",
                             data=PersonInput(name="赵敏", external_ref="REG-2025-00042"))
    scanner(desk.search, "reg-2025-00042")  # the other system's QR, at scanner speed
    qtbot.waitUntil(lambda: desk.status.state == "blue")
    assert "赵敏" in desk.status.title.text()
    assert count(event_db) == 0
    QTest.keyClick(desk.search, Qt.Key.Key_Return)  # the operator confirms
    qtbot.waitUntil(lambda: desk.status.state == "green")
    assert count(event_db) == 1
    scanner(desk.search, "XYZ-NOT-KNOWN-1")
    qtbot.waitUntil(lambda: desk.status.state == "red")
    assert "无法识别" in desk.status.title.text()


def test_printer_path_paints_the_rendered_badge(desk: DeskView, event_db: Database,
                                                tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    from eventdesk.actions.desk_print import BadgeFormat, render
    from eventdesk.services.badges.desk import desk_badges
    from eventdesk.ui.printers import queue

    row = next(r for r in _all(event_db) if r.name == "张伟")
    with event_db.unit_of_work(write=False) as s:
        badges = desk_badges(s, person_ids=[row.id])
    assert badges[0].data.event_name == "测试大会" and badges[0].data.qr_payload
    pdf = render(badges, BadgeFormat(layout=desk.desk.layout, preset=desk.desk.preset))
    out = tmp_path / "printed.pdf"
    queue.print_pdf(pdf, queue.PrintJob("", output_file=out))
    doc = pdfium.PdfDocument(out.read_bytes())
    assert len(doc) == 1
    image = doc[0].render(scale=0.5).to_pil().convert("L")
    assert image.getextrema()[0] < 100  # something dark (text, QR) was painted


def test_a_scan_is_checked_in_while_searches_and_the_index_keep_the_pool_busy(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    """A desk opening on 100,000 people builds its search index for seconds on one worker of
    the pool while searches wait for it on the other: a scan in that time is still checked in
    at once — scans run on the desk's own worker."""
    import threading

    from eventdesk.ui import ops

    free = threading.Event()
    busy = [ops.run_call_in_background(lambda: free.wait(30), on_done=lambda _v: None)
            for _ in range(2)]  # every worker of the shared pool
    try:
        pid = next(r.id for r in _all(event_db) if r.name == "李娜")
        scanner(desk.search, payload_of(event_db, pid))
        qtbot.waitUntil(lambda: desk.status.state == "green", timeout=20_000)
        assert "李娜" in desk.status.title.text() and count(event_db) == 1
        assert not any(op.done for op in busy)
    finally:
        free.set()
    qtbot.waitUntil(lambda: all(op.done for op in busy))


def test_walk_in_asks_for_consent_and_desk_staff_see_masked_duplicates(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    from eventdesk.domain.enums import Consent
    from tests.users import DESK

    desk.ctx.switch_user(DESK)
    dialog = WalkInDialog(desk.ctx, desk="3", parent=desk)
    qtbot.addWidget(dialog)
    assert not dialog.consent_box.isChecked()  # asked, never assumed
    fill(dialog, name="李娜", company="另一家公司", phone="139 0000 1111")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.dup_list.count() == 1)
    offered = dialog.dup_list.item(0).text()
    assert "139****1111" in offered and "13900001111" not in offered
    second = WalkInDialog(desk.ctx, desk="3", parent=desk)
    qtbot.addWidget(second)
    fill(second, name="周新", company="新公司", phone="137 0000 2222")
    second.consent_box.setChecked(True)
    second.submit()
    qtbot.waitUntil(lambda: second.result_checkin is not None)
    (new,) = [p for p in _all(event_db) if p.name == "周新"]
    assert new.consent == Consent.GIVEN and new.phone == "13700002222"

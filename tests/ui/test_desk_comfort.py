"""Desk comfort (issue 13), driven as an operator would: the last 20 scans, why a row matched,
the search cleared after Enter, reprint reasons, the big status text and the font size."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMessageBox, QWidget
from sqlalchemy import select

from eventdesk.domain import AuditEntry, BadgePrint, PrintReason
from eventdesk.services import exhibitors, people
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from eventdesk.ui.desk.model import MATCH_COLUMN
from eventdesk.ui.desk.reprint import ReprintDialog
from eventdesk.ui.desk.status import COLOURS
from eventdesk.ui.desk.view import DeskView
from tests.services.checkin_cases import payload_of
from tests.ui.desk_fixtures import open_desk
from tests.ui.keys import operator_types, scanner


@pytest.fixture
def desk(qtbot, event_db: Database, tmp_path: Path) -> Iterator[DeskView]:  # type: ignore[no-untyped-def]
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="中科可控信息产业有限公司", short_name="中科可控", hall="A1", booth="A1-101",
            staff_quota=3), operator="t")
        for name, company, phone, ref in (
                ("张伟", "中科可控信息产业有限公司", "13812345678", "REG-0042"),
                ("张伟明", "阿丘科技", "", ""), ("李娜", "寒武纪", "13900001111", ""),
                ("王芳", "寒武纪", "13700002222", "")):
            people.create_person(s, operator="t", data=PersonInput(
                name=name, company=company, phone=phone, external_ref=ref,
                exhibitor_id=ex.id if name == "张伟" else None,
                category="exhibitor" if name == "张伟" else "visitor"))
    view = open_desk(qtbot, event_db, tmp_path)
    yield view
    view.scanner.remove()


def _pid(db: Database, name: str) -> int:
    with db.unit_of_work(write=False) as s:
        return next(p.id for p in people.list_people(s, limit=None) if p.name == name)


def _typed(qtbot, desk: DeskView, text: str, *, enter: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Select all, type `text` as a person does, wait for the answer (and Enter's action)."""
    desk.search.selectAll()
    operator_types(desk.search, text, enter=enter)
    qtbot.waitUntil(lambda: not desk.searching)
    qtbot.waitUntil(lambda: desk.idle)


FAILED_IN_MODAL: list[BaseException] = []


def _when_modal(act: Callable[[QWidget], None]) -> None:
    """Run `act` on the modal dialog about to open (the operator's hands on it). A failure in
    `act` closes the dialog (no test hangs on an open modal) and is raised by `_no_failure`."""
    def attempt() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, attempt)
            return
        try:
            act(modal)
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test (_no_failure)
            FAILED_IN_MODAL.append(exc)
            if isinstance(modal, QDialog):
                modal.reject()
    QTimer.singleShot(0, attempt)


@pytest.fixture(autouse=True)
def _no_failure() -> Iterator[None]:
    FAILED_IN_MODAL.clear()
    yield
    if FAILED_IN_MODAL:
        raise FAILED_IN_MODAL[0]


# -- 1. the last 20 scans -------------------------------------------------------------------------

def _lines(desk: DeskView) -> list[tuple[str, str]]:
    model = desk.recent.model
    return [(str(model.data(model.index(r, 1))), str(model.data(model.index(r, 2))))
            for r in range(model.rowCount())]


def test_recent_scans_newest_first_with_their_result(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    li_na = payload_of(event_db, _pid(event_db, "李娜"))
    scanner(desk.search, li_na)
    qtbot.waitUntil(lambda: desk.status.state == "green")
    scanner(desk.search, li_na)
    qtbot.waitUntil(lambda: desk.status.state == "amber")
    scanner(desk.search, li_na[:-3] + ("AAA" if not li_na.endswith("AAA") else "BBB"))
    qtbot.waitUntil(lambda: desk.status.state == "red")
    _typed(qtbot, desk, "wangfang", enter=True)
    qtbot.waitUntil(lambda: len(_lines(desk)) == 4)
    assert _lines(desk) == [
        ("王芳", "✓ 已签到"),
        ("二维码签名不符（疑似伪造）", "✗ 拒绝"),  # no person: the reason stands for them
        ("李娜", "! 已签过"),
        ("李娜", "✓ 已签到"),
    ]
    time_cell = str(desk.recent.model.data(desk.recent.model.index(0, 0)))
    assert len(time_cell) == 8 and time_cell[2] == ":"  # HH:MM:SS
    assert desk.recent.isVisible() and desk.table.isVisible()


def test_recent_scans_keep_twenty(desk: DeskView, qtbot, event_db: Database) -> None:  # type: ignore[no-untyped-def]
    for i in range(21):
        scanner(desk.search, f"ED2.XX.{i:04d}BROKEN")
    qtbot.waitUntil(lambda: desk.idle and desk.recent.model.rowCount() == 20, timeout=20_000)
    assert all(result.startswith("✗") for _who, result in _lines(desk))


def test_clicking_a_recent_scan_selects_that_person(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    scanner(desk.search, payload_of(event_db, _pid(event_db, "李娜")))
    qtbot.waitUntil(lambda: desk.status.state == "green")
    _typed(qtbot, desk, "zw")  # other people on show now
    assert "李娜" not in [r.person.name for r in desk.model.rows]
    table = desk.recent.table
    rect = table.visualRect(desk.recent.model.index(0, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: desk.selected() is not None and desk.selected().person.name == "李娜")  # type: ignore[union-attr]
    assert QApplication.focusWidget() is desk.search  # the scanner still types into the field
    _typed(qtbot, desk, "li")  # shown among others: the click selects their row
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk.selected().person.name == "李娜"  # type: ignore[union-attr]


def test_recent_scans_survive_a_view_switch(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, tmp_path: Path) -> None:
    from eventdesk.services.events import get_event
    from eventdesk.ui.context import AppContext
    from eventdesk.ui.main_window import MainWindow
    from tests.ui.users import as_user

    open_desk(qtbot, event_db, tmp_path).scanner.remove()  # the test settings of a desk
    with event_db.unit_of_work() as s:
        people.create_person(s, operator="t", data=PersonInput(name="赵敏", company="明教"))
        event = get_event(s)
    window = MainWindow(AppContext(event_db, event, as_user("admin")))
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("desk")
    assert isinstance(view, DeskView)
    scanner(view.search, payload_of(event_db, _pid(event_db, "赵敏")))
    qtbot.waitUntil(lambda: view.recent.model.rowCount() == 1)
    window.show_view("people")
    back = window.show_view("desk")
    assert back is view and _lines(view) == [("赵敏", "✓ 已签到")]
    window.close()


# -- 2. why a row matched -------------------------------------------------------------------------

def _match(desk: DeskView, name: str) -> tuple[str, set[int]]:
    row = next(i for i, r in enumerate(desk.model.rows) if r.person.name == name)
    marked = {c for c in range(desk.model.columnCount())
              if isinstance(f := desk.model.data(desk.model.index(row, c),
                                                 Qt.ItemDataRole.FontRole), QFont) and f.bold()}
    return str(desk.model.data(desk.model.index(row, MATCH_COLUMN))), marked


def test_a_row_says_which_field_matched(desk: DeskView, qtbot) -> None:  # type: ignore[no-untyped-def]
    _typed(qtbot, desk, "5678")
    assert _match(desk, "张伟") == ("手机尾号 5678", {6, MATCH_COLUMN})  # the phone cell marked
    _typed(qtbot, desk, "zw")
    assert _match(desk, "张伟") == ("拼音首字母", {0, MATCH_COLUMN})
    _typed(qtbot, desk, "zkkk")
    assert _match(desk, "张伟") == ("展商简称", {1, MATCH_COLUMN})
    _typed(qtbot, desk, "reg-0042")
    assert _match(desk, "张伟") == ("报名编号 REG-0042", {MATCH_COLUMN})
    _typed(qtbot, desk, "寒武纪")
    assert _match(desk, "李娜") == ("单位", {1, MATCH_COLUMN})


def test_the_match_is_worded_in_english(desk: DeskView, qtbot, in_language) -> None:  # type: ignore[no-untyped-def]
    in_language("en")
    _typed(qtbot, desk, "1111")
    assert _match(desk, "李娜")[0] == "Phone ending 1111"


# -- 3. clear the search after Enter ------------------------------------------------------------

def test_enter_clears_the_search_and_keeps_the_person(desk: DeskView, qtbot) -> None:  # type: ignore[no-untyped-def]
    _typed(qtbot, desk, "lina", enter=True)
    qtbot.waitUntil(lambda: desk.status.state == "green")
    assert desk.search.text() == ""
    assert desk.selected().person.name == "李娜"  # type: ignore[union-attr]
    operator_types(desk.search, "wangf")  # the next name starts a new search
    qtbot.waitUntil(lambda: not desk.searching)
    assert desk.selected().person.name == "王芳"  # type: ignore[union-attr]


def _set_in_settings(desk: DeskView, qtbot, change: Callable[[QDialog], None]) -> None:  # type: ignore[no-untyped-def]
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        change(dialog)
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # OK
    _when_modal(act)
    QTest.keyClick(desk.search, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_clearing_after_enter_can_be_turned_off(desk: DeskView, qtbot) -> None:  # type: ignore[no-untyped-def]
    def untick(dialog: QDialog) -> None:
        box = dialog.findChild(QWidget, "clearAfterEnter")
        box.setFocus()
        QTest.keyClick(box, Qt.Key.Key_Space)
    _set_in_settings(desk, qtbot, untick)
    assert desk.desk.clear_after_enter is False
    _typed(qtbot, desk, "lina", enter=True)
    qtbot.waitUntil(lambda: desk.status.state == "green")
    assert desk.search.text() == "lina"
    assert desk.ctx.settings.value("desk/clear_after_enter") in (False, "false")


# -- 4. reprint reasons ---------------------------------------------------------------------------

def _printed(qtbot, desk: DeskView, name: str) -> None:  # type: ignore[no-untyped-def]
    _typed(qtbot, desk, name)
    QTest.keyClick(desk.search, "p", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.idle and desk.selected().print_count == 1)  # type: ignore[union-attr]


def _pick(dialog: ReprintDialog, reason: str) -> None:
    """The operator tabs to a reason and presses Space."""
    dialog.buttons[reason].setFocus()
    QTest.keyClick(dialog.buttons[reason], Qt.Key.Key_Space)


def _reprints(db: Database) -> list[tuple[tuple[str, str | None], dict[str, str]]]:
    """(stored reason, stored note) and the audit entry's detail of each reprint."""
    with db.unit_of_work(write=False) as s:
        stored = [(b.reason.value, b.note)
                  for b in s.scalars(select(BadgePrint).order_by(BadgePrint.id))]
        audited = [json.loads(a.detail) for a in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "badge.reprint").order_by(AuditEntry.id))]
    return list(zip(stored[-len(audited):] if audited else [], audited, strict=True))


def test_ctrl_r_for_someone_without_a_badge_prints_their_first_without_asking(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    _typed(qtbot, desk, "lina")
    asked: list[str] = []
    desk.badges.ask_reason = lambda name: asked.append(name) or None  # type: ignore[func-returns-value]
    QTest.keyClick(desk.search, "r", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.idle and desk.selected().print_count == 1)  # type: ignore[union-attr]
    assert asked == []  # nothing to reprint: no reason asked
    with event_db.unit_of_work(write=False) as s:
        assert [b.reason for b in s.scalars(select(BadgePrint))] == [PrintReason.FIRST]


def test_printer_fault_reprints_and_says_so_in_the_audit(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    _printed(qtbot, desk, "lina")

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ReprintDialog)
        _pick(dialog, "printer_fault")
        assert dialog.reason == "printer_fault"
        QTest.keyClick(dialog, Qt.Key.Key_Return)
    _when_modal(choose)
    QTest.keyClick(desk.search, "r", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.idle and desk.selected().print_count == 2)  # type: ignore[union-attr]
    [(stored, detail)] = _reprints(event_db)
    assert stored == (PrintReason.PRINTER_FAULT.value, None)  # as itself, not as damaged
    assert detail["reason"] == "printer_fault" and "note" not in detail
    assert "打印机故障" in desk.status.hint.text()


def test_other_needs_a_short_text_which_the_audit_keeps(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    _printed(qtbot, desk, "lina")
    seen: dict[str, bool] = {}

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ReprintDialog)
        _pick(dialog, "other")
        QTest.keyClick(dialog, Qt.Key.Key_Return)  # no text yet: not accepted
        seen["still open"] = dialog.isVisible()
        operator_types(dialog.note, "换成嘉宾证")
        QTest.keyClick(dialog.note, Qt.Key.Key_Return)
    _when_modal(choose)
    QTest.keyClick(desk.search, "r", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.idle and desk.selected().print_count == 2)  # type: ignore[union-attr]
    assert seen == {"still open": True}
    [(stored, detail)] = _reprints(event_db)
    assert stored == (PrintReason.OTHER.value, "换成嘉宾证")  # organisers see the words too
    assert detail["reason"] == "other" and detail["note"] == "换成嘉宾证"
    assert "换成嘉宾证" in desk.status.hint.text()


def test_lost_asks_once_before_revoking(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    _printed(qtbot, desk, "lina")
    old = desk.selected().person.badge_code  # type: ignore[union-attr]
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            box.button(button).click()
        return act

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ReprintDialog)
        _pick(dialog, "lost")
        _when_modal(answer(QMessageBox.StandardButton.Yes))
        QTest.keyClick(dialog, Qt.Key.Key_Return)
    _when_modal(choose)
    QTest.keyClick(desk.search, "r", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.idle and desk.selected().print_count == 2)  # type: ignore[union-attr]
    assert len(asked) == 1 and "李娜" in asked[0]
    assert desk.selected().person.badge_code != old  # type: ignore[union-attr]
    with event_db.unit_of_work(write=False) as s:
        revoked = s.scalars(select(AuditEntry).where(AuditEntry.action == "badge.revoked")).all()
    assert len(revoked) == 1


def test_lost_answered_no_revokes_nothing(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    _printed(qtbot, desk, "lina")
    old = desk.selected().person.badge_code  # type: ignore[union-attr]

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ReprintDialog)
        _pick(dialog, "lost")

        def no(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            box.button(QMessageBox.StandardButton.No).click()
            QTimer.singleShot(0, lambda: QTest.keyClick(dialog, Qt.Key.Key_Escape))
        _when_modal(no)
        QTest.keyClick(dialog, Qt.Key.Key_Return)
    _when_modal(choose)
    QTest.keyClick(desk.search, "r", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: desk.idle)
    assert desk.selected().print_count == 1  # type: ignore[union-attr]
    assert desk.selected().person.badge_code == old  # type: ignore[union-attr]


# -- 5. large, high-contrast status text; font size ---------------------------------------------

def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    q = QColor(colour)
    r, g, b = (channel(v) for v in (q.redF(), q.greenF(), q.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("state", ["green", "amber", "red", "blue", "idle"])
def test_status_colours_have_strong_contrast(state: str) -> None:
    background, text = COLOURS[state]
    assert _contrast(background, text) >= 7.0  # WCAG AAA


def _title_px(desk: DeskView) -> int:
    style = desk.status.title.styleSheet()
    return int(style.split("font-size:")[1].split("px")[0])


def test_status_says_the_outcome_big_and_in_words(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    li_na = payload_of(event_db, _pid(event_db, "李娜"))
    for state, mark, words in (("green", "✓", "签到成功"), ("amber", "!", "已签到"),
                               ("red", "✗", "拒绝")):
        scanner(desk.search, li_na if state != "red" else li_na + "X")
        qtbot.waitUntil(lambda s=state: desk.status.state == s)
        assert desk.status.mark.text() == mark and words in desk.status.title.text()
        assert _title_px(desk) >= 32


def test_font_size_setting_applies_at_once(desk: DeskView, qtbot) -> None:  # type: ignore[no-untyped-def]
    normal_title, normal_search = _title_px(desk), desk.search.font().pointSize()
    normal_rows = desk.table.font().pointSize()

    def extra_large(dialog: QDialog) -> None:
        box = dialog.findChild(QComboBox, "deskFontSize")
        box.setFocus()
        QTest.keyClick(box, Qt.Key.Key_End)  # 特大, the last size
    _set_in_settings(desk, qtbot, extra_large)
    assert desk.desk.font_size == "xlarge"
    assert _title_px(desk) >= normal_title * 1.5
    assert desk.search.font().pointSize() > normal_search
    assert desk.table.font().pointSize() > normal_rows
    assert desk.ctx.settings.value("desk/font_size") == "xlarge"


def test_a_print_after_a_refusal_does_not_stand_under_the_refusal(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot, event_db: Database) -> None:
    """A red panel (a refused scan, a failed print) followed by a print that worked says the
    print worked: before, "✗ 打印失败" stayed as the title with "已打印 …" under it."""
    scanner(desk.search, payload_of(event_db, _pid(event_db, "李娜")) + "X")
    qtbot.waitUntil(lambda: desk.status.state == "red")
    _printed(qtbot, desk, "lina")
    assert desk.status.state == "green"
    assert "拒绝" not in desk.status.title.text()
    assert "已打印" in desk.status.hint.text()


def test_a_print_after_a_check_in_keeps_the_check_in(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot) -> None:
    _typed(qtbot, desk, "lina", enter=True)
    qtbot.waitUntil(lambda: desk.status.state == "green")
    QTest.keyClick(desk.search, "p", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.idle and "已打印" in desk.status.hint.text())
    assert "签到成功" in desk.status.title.text()


def test_a_long_unbroken_note_does_not_widen_the_window(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot) -> None:
    """A 200-character reprint note without a space (the most the note holds), or a name as
    long, shown in the status panel wraps or is cut there: the desk keeps its width (it grew
    past the screen's edge, the recent scans and the buttons out of sight)."""
    window = desk.window()
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.width() == 1000)
    desk.status.show_state("green", "签到成功　" + "名" * 200, "x" * 200, hint="y" * 200)
    QApplication.processEvents()
    assert window.width() == 1000
    assert window.minimumSizeHint().width() < 1000

"""The desk prints through the system's print queue: the first Ctrl+P of a desk without a printer
opens the print dialog (the real QPrintDialog, answered as an operator would), the badge comes out
of a real CUPS queue (tests/cups.py) with its QR, and the choice is remembered; no printer on the
system or a cancelled dialog is one sentence, and nothing is printed, saved or recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from eventdesk.domain.calibration import Calibration
from eventdesk.pdf.presets import PRESETS
from eventdesk.services import people
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.desk.view import DeskView
from eventdesk.ui.printers import calibration, queue
from tests.cups import PdfQueue, page_image, printed_pages, qr_centre_mm, same_size
from tests.services.checkin_cases import payload_of
from tests.ui.desk_fixtures import open_desk


@pytest.fixture
def desk(qtbot, event_db: Database, tmp_path: Path) -> Iterator[DeskView]:  # type: ignore[no-untyped-def]
    """Desk 3, as on a new desk PC: no printer chosen yet."""
    with event_db.unit_of_work() as s:
        for name in ("张伟", "李娜"):
            people.create_person(s, operator="t", data=PersonInput(
                name=name, company="昆山阿丘智能科技有限公司", category="visitor"))
    view = open_desk(qtbot, event_db, tmp_path)
    view.desk = replace(view.desk, printer="", preset="cr80")
    desk_settings.save(view.ctx.settings, view.desk)
    yield view
    view.scanner.remove()


def _print_selected(qtbot, desk: DeskView, name: str) -> None:  # type: ignore[no-untyped-def]
    desk.search.setText(name)  # typed through the input method
    # At once: Ctrl+P acts on the answer to what was typed, when it is shown.
    QTest.keyClick(desk.search, "p", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not desk.searching and desk.idle)
    assert desk.selected() is not None and desk.selected().person.name == name  # type: ignore[union-attr]


def _answer_print_dialog(answer: Callable[[QPrintDialog], None]) -> list[QPrintDialog]:
    """Answer the next print dialog when it is open (it runs its own event loop)."""
    seen: list[QPrintDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            seen.append(dialog)
            answer(dialog)
        else:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)
    return seen


def _choose(printer: str) -> Callable[[QPrintDialog], None]:
    def answer(dialog: QPrintDialog) -> None:
        combo = next(c for c in dialog.findChildren(QComboBox) if c.findText(printer) >= 0)
        combo.setCurrentIndex(combo.findText(printer))
        dialog.accept()

    return answer


def _prints(desk: DeskView, name: str) -> int:
    row = next(r for r in desk.model.rows if r.person.name == name)
    return row.print_count


@pytest.mark.cups
def test_first_print_asks_for_the_printer_once_and_prints_through_cups(
        desk: DeskView, qtbot, event_db: Database, cups_queue: PdfQueue,  # type: ignore[no-untyped-def]
        tmp_path: Path) -> None:
    before = cups_queue.files()
    asked = _answer_print_dialog(_choose(cups_queue.name))
    _print_selected(qtbot, desk, "张伟")
    assert len(asked) == 1
    assert desk.status.state != "red", desk.status.detail.text()
    [printed] = cups_queue.wait_for_jobs(before)
    [page] = printed_pages(printed)
    assert same_size(page.size_pt, PRESETS["cr80"].page_mm)
    person = next(r.person for r in desk.model.rows if r.person.name == "张伟")
    assert page.payloads == (payload_of(event_db, person.id),)
    assert _prints(desk, "张伟") == 1
    # Remembered for this desk: the next print goes straight to the same printer.
    assert desk_settings.load(desk.ctx.settings).printer == cups_queue.name
    assert not list((tmp_path / "badges").glob("*.pdf"))  # no PDF was saved instead
    before = cups_queue.files()
    _print_selected(qtbot, desk, "李娜")
    assert len(asked) == 1
    cups_queue.wait_for_jobs(before)
    assert _prints(desk, "李娜") == 1


@pytest.mark.cups
def test_desk_prints_through_its_calibration(desk: DeskView, qtbot,  # type: ignore[no-untyped-def]
                                             event_db: Database, cups_queue: PdfQueue) -> None:
    desk.desk = replace(desk.desk, printer=cups_queue.name)
    before = cups_queue.files()
    _print_selected(qtbot, desk, "张伟")
    [plain] = cups_queue.wait_for_jobs(before)
    measured = Calibration(1.0, 2.0, 100.0)
    calibration.save(desk.ctx.settings, desk="3", printer=cups_queue.name, calibration=measured)
    before = cups_queue.files()
    _print_selected(qtbot, desk, "李娜")
    [corrected] = cups_queue.wait_for_jobs(before)
    a, b = qr_centre_mm(page_image(plain)), qr_centre_mm(page_image(corrected))
    assert (b[0] - a[0], b[1] - a[1]) == pytest.approx((-1.0, -2.0), abs=0.5)


def test_no_printer_on_the_system_is_one_sentence(desk: DeskView, qtbot,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    monkeypatch.setattr(queue, "printer_names", lambda: [])
    _print_selected(qtbot, desk, "张伟")
    assert desk.status.state == "red"
    assert "没有安装任何打印机" in desk.status.detail.text()
    assert _prints(desk, "张伟") == 0
    assert not list((tmp_path / "badges").glob("*.pdf"))
    assert desk_settings.load(desk.ctx.settings).printer == ""


def test_a_cancelled_print_dialog_prints_and_saves_nothing(desk: DeskView, qtbot,  # type: ignore[no-untyped-def]
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    # One printer on the system, whether or not this machine has CUPS running.
    monkeypatch.setattr(queue, "printer_names", lambda: ["Office"])
    asked = _answer_print_dialog(lambda dialog: dialog.reject())
    _print_selected(qtbot, desk, "张伟")
    assert len(asked) == 1
    assert desk.status.state == "red"
    assert "没有选择打印机" in desk.status.detail.text()
    assert _prints(desk, "张伟") == 0
    assert not list((tmp_path / "badges").glob("*.pdf"))  # today's silent PDF is gone
    assert desk_settings.load(desk.ctx.settings).printer == ""

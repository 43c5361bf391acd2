"""The calibration dialog, reached from the badges view and from the desk settings (F9): print the
calibration page through CUPS, enter what was measured, save — kept per desk and printer. And a
batch run from the badges view comes out of the queue as sheets of the chosen preset."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from eventdesk.domain.calibration import Calibration
from eventdesk.pdf.calibration import marks_for
from eventdesk.pdf.presets import PRESETS
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.printers import calibration
from eventdesk.ui.printers.dialog import CalibrationDialog
from eventdesk.ui.printers.queue import PrintJob
from tests.cups import PdfQueue, crosshair_mm, page_image, printed_pages, same_size
from tests.services.people_cases import add
from tests.users import ADMIN

pytestmark = pytest.mark.usefixtures("local_settings")


@pytest.fixture
def badges_view(qtbot, event_db: Database):  # type: ignore[no-untyped-def]
    from eventdesk.ui.badges.view import BadgeView
    from eventdesk.ui.context import AppContext

    for name in ("张伟", "李娜", "王芳", "赵敏", "刘𠮷"):
        add(event_db, name, category="visitor", company="阿丘科技")
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    ctx = AppContext(event_db, event, "tester", user=ADMIN)
    desk_settings.save(ctx.settings, desk_settings.DeskSettings(name="5"))
    view = BadgeView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    yield view
    ops.wait_idle()


@pytest.mark.cups
def test_print_the_page_enter_the_measurement_and_save(qtbot, badges_view,  # type: ignore[no-untyped-def]
                                                       cups_queue: PdfQueue) -> None:
    button = badges_view.findChild(QPushButton, "calibratePrinter")
    button.click()
    dialog = badges_view.findChild(CalibrationDialog, "calibrationDialog")
    assert dialog is not None and dialog.isVisible() and dialog.desk == "5"
    dialog.printer.setCurrentIndex(dialog.printer.findData(cups_queue.name))
    dialog.preset.setCurrentIndex(dialog.preset.findData("cr80"))
    before = cups_queue.files()
    dialog.print_page.click()
    qtbot.waitUntil(lambda: dialog.last_op is not None and dialog.last_op.done,
                    timeout=30_000)
    assert cups_queue.name in dialog.status.text()
    [printed] = cups_queue.wait_for_jobs(before)
    marks = marks_for(PRESETS["cr80"])
    [page] = printed_pages(printed)
    assert same_size(page.size_pt, marks.page_mm)
    # Printed as the printer prints it, uncorrected: the crosshair where the page says.
    assert crosshair_mm(page_image(printed)) == pytest.approx(marks.centre_mm, abs=0.5)

    dialog.offset_x.setValue(1.5)
    dialog.offset_y.setValue(-0.5)
    dialog.scale.setValue(99.0)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    stored = calibration.load(badges_view.ctx.settings, desk="5", printer=cups_queue.name)
    assert stored == Calibration(1.5, -0.5, 99.0)
    # Only for this printer at this desk.
    assert calibration.load(badges_view.ctx.settings, desk="6", printer=cups_queue.name) \
        == calibration.NONE


def test_reached_from_the_desk_settings_for_the_desks_printer(qtbot, event_db: Database,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    current = desk_settings.DeskSettings(name="9", printer="Card printer", preset="cr80")
    settings = QSettings("EventDesk", "EventDesk")
    calibration.save(settings, desk="9", printer="Card printer",
                     calibration=Calibration(0.5, 1.0, 100.0))
    dialog = desk_settings.DeskSettingsDialog(current, None, settings)
    qtbot.addWidget(dialog)
    opened = dialog.open_calibration()
    assert isinstance(opened, CalibrationDialog)
    assert (opened.desk, opened.printer_name(), opened.preset_key()) == ("9", "Card printer",
                                                                         "cr80")
    assert opened.entered() == Calibration(0.5, 1.0, 100.0)  # what is stored is shown
    out = tmp_path / "page.pdf"
    opened.save_page_to(out)
    qtbot.waitUntil(lambda: opened.last_op.done, timeout=30_000)
    assert "page.pdf" in opened.status.text()
    assert len(printed_pages(out)) == 1


@pytest.mark.cups
def test_a_batch_run_prints_sheets_through_cups(qtbot, badges_view,  # type: ignore[no-untyped-def]
                                                event_db: Database,
                                                cups_queue: PdfQueue) -> None:
    badges_view.preset.setCurrentIndex(badges_view.preset.findData("a4-4xa6"))
    qtbot.waitUntil(lambda: badges_view.summary.pages == 2, timeout=10_000)
    before = cups_queue.files()
    badges_view.start_run(job=PrintJob(cups_queue.name, title="EventDesk test sheets"))
    qtbot.waitUntil(lambda: badges_view.last_outcome is not None, timeout=60_000)
    assert badges_view.last_outcome.printed and badges_view.last_outcome.recorded == 5
    [printed] = cups_queue.wait_for_jobs(before)
    pages = printed_pages(printed)
    assert len(pages) == 2 and all(same_size(p.size_pt, (210.0, 297.0)) for p in pages)
    assert sum(len(p.payloads) for p in pages) == 5

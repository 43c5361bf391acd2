"""ui.badges.jobs.ask_print_job: Qt's print dialog, answered as an operator would, becomes the
job the badges view and an exhibitor's print-all send to the queue (one place for both)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QWidget

from eventdesk.domain.calibration import NONE
from eventdesk.ui.badges.jobs import ask_print_job
from tests.ui.users import when_shown


def test_cancel_or_a_refused_confirmation_is_no_job(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = QSettings("EventDesk", "EventDesk")
    when_shown(QPrintDialog, lambda d: d.reject())
    assert ask_print_job(parent, settings, title="t") is None
    asked: list[bool] = []
    when_shown(QPrintDialog, lambda d: d.accept())
    assert ask_print_job(parent, settings, title="t",
                         confirm=lambda: asked.append(True) or False) is None
    assert asked == [True]  # asked after the dialog, and its no is respected


def test_an_accepted_dialog_gives_the_job_with_title_copies_and_duplex(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    when_shown(QPrintDialog, lambda d: d.accept())
    job = ask_print_job(parent, QSettings("EventDesk", "EventDesk"),
                        title="EventDesk badges (desk-1)", duplex=True)
    assert job is not None
    assert job.title == "EventDesk badges (desk-1)" and job.duplex and job.copies >= 1
    if job.output_file is not None:  # printing to a file: no printer's calibration applies
        assert job.calibration == NONE

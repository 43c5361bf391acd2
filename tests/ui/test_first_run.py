"""The first run builds the demo event off the GUI thread, and the progress window shows it live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from eventdesk.services.events import get_event, has_event
from eventdesk.storage import open_database, to_url


def test_first_run_build_shows_live_progress(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.app import build_demo_with_progress

    db = open_database(to_url(tmp_path / "first.sqlite3"), create=True)
    seen: list[tuple[int, int]] = []  # (value, maximum) of the visible progress dialog

    def look() -> None:
        # A timer on the GUI thread: it fires only while the GUI thread keeps turning its event
        # loop, i.e. while the window can repaint.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append((widget.value(), widget.maximum()))

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(look)
    timer.start()
    try:
        build_demo_with_progress(db, exhibitors=40, people=6000)
    finally:
        timer.stop()
    try:
        with db.unit_of_work(write=False) as session:
            assert has_event(session) and get_event(session).code == "GH25"
    finally:
        db.dispose()
    values = [value for value, _maximum in seen if value >= 0]
    assert values == sorted(values)  # the bar never goes back
    assert len(set(values)) >= 3, seen  # it moved while the build ran, step by step
    assert values[-1] > values[0]
    assert not any(isinstance(w, QProgressDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())

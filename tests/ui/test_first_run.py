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


def test_first_run_signs_in_with_the_demo_accounts_shown_once(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch) -> None:
    """The first run (no database yet) builds the demo with one account per role and lists
    them, passwords included, on its sign-in screen; the next start lists nothing."""
    from functools import partial

    from eventdesk import messages
    from eventdesk.domain.enums import UserRole
    from eventdesk.ui import app
    from eventdesk.ui.accounts.sign_in import SignInDialog
    from tests.ui.keys import operator_types
    from tests.ui.users import when_shown

    path = tmp_path / "data" / "eventdesk.sqlite3"
    path.parent.mkdir()
    monkeypatch.setattr(app, "default_db_path", lambda: path)
    monkeypatch.setattr(app, "build_demo_with_progress",
                        partial(app.build_demo_with_progress, exhibitors=40, people=6000))
    url = to_url(path)
    assert app.is_first_run(url)
    db, shown = app.open_for_sign_in(url)
    try:
        assert sorted((a.username, a.role) for a in shown) == sorted(
            [("admin", UserRole.ADMIN), ("organiser", UserRole.ORGANISER),
             ("desk1", UserRole.DESK), ("print1", UserRole.PRINT)])
        listed: list[list[str]] = []

        def answer(dialog: SignInDialog) -> None:
            table = dialog.accounts_table
            assert table is not None
            listed.extend([table.item(r, c).text() for c in range(3)]
                          for r in range(table.rowCount()))
            desk = next(r for r, row in enumerate(listed) if row[0] == "desk1")
            table.cellClicked.emit(desk, 0)  # a click on the row puts the name in the field
            operator_types(dialog.password, listed[desk][2], enter=True)

        when_shown(SignInDialog, answer)
        event = app.wait_for(lambda: app._read_event(db))
        user = app.sign_in_at_start(db, event, shown=shown)
        assert user is not None and (user.username, user.role) == ("desk1", UserRole.DESK)
        assert [row[:2] for row in listed] == [[a.username, messages.text(f"role.{a.role}")]
                                               for a in shown]
        assert all(len(row[2]) >= 12 for row in listed)  # the generated passwords
    finally:
        db.dispose()
    again, shown_again = app.open_for_sign_in(url)  # a later start: no demo accounts shown
    again.dispose()
    assert shown_again == []

"""The desk answers while the rest of the window is busy (soak, 2026-11-30: after another process
imported 30,000 rows, a desk search waited 30 s and Ctrl+P printed nothing — the badges view,
hidden, recounted every signed badge after each piece of the import while the search index caught
up, and the desk's search queued behind both on the shared workers)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from eventdesk.actions import printing
from eventdesk.services import people
from eventdesk.services.events import get_event
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk.view import DeskView
from eventdesk.ui.main_window import MainWindow
from tests.ui.desk_fixtures import open_desk
from tests.ui.users import as_user


def _add_people(db: Database) -> None:
    with db.unit_of_work() as s:
        for name, company in (("张伟", "中科可控"), ("张伟明", "阿丘科技"), ("李娜", "寒武纪")):
            people.create_person(s, operator="t", data=PersonInput(name=name, company=company))


@pytest.fixture
def desk(qtbot, event_db: Database, tmp_path: Path) -> Iterator[DeskView]:  # type: ignore[no-untyped-def]
    _add_people(event_db)
    view = open_desk(qtbot, event_db, tmp_path)
    yield view
    view.scanner.remove()


def test_a_search_is_answered_while_other_views_keep_every_worker_busy(  # type: ignore[no-untyped-def]
        desk: DeskView, qtbot) -> None:
    release = threading.Event()
    started = threading.Semaphore(0)

    def long_view_work() -> None:  # a view counting 30,000 badges, the index catching up
        started.release()
        release.wait(60)

    for _ in range(ops._WORKERS):
        ops.run_call_in_background(long_view_work, on_done=lambda _r: None)
    try:
        for _ in range(ops._WORKERS):
            assert started.acquire(timeout=10)  # every worker of the pool is taken
        QTest.keyClicks(desk.search, "zw")
        qtbot.waitUntil(lambda: not desk.searching, timeout=10_000)
        assert [r.person.name for r in desk.model.rows][:2] == ["张伟", "张伟明"]
        QTest.keyClick(desk.search, Qt.Key.Key_Down)
        QTest.keyClick(desk.search, Qt.Key.Key_Return)  # the check-in is the desk's own lane
        qtbot.waitUntil(lambda: desk.status.state == "green", timeout=10_000)
        assert "张伟明" in desk.status.title.text()
    finally:
        release.set()
        ops.wait_idle()


def test_the_hidden_badges_view_counts_again_only_when_shown(  # type: ignore[no-untyped-def]
        qtbot, event_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _add_people(event_db)
    counted: list[int] = []
    count = printing.summarise

    def counting(*args: Any, **kwargs: Any) -> Any:
        counted.append(1)
        return count(*args, **kwargs)

    monkeypatch.setattr(printing, "summarise", counting)
    desk = open_desk(qtbot, event_db, tmp_path)  # the desk's settings (a PDF printer)
    desk.scanner.remove()
    desk.close()
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    window = MainWindow(AppContext(event_db, event, as_user("tester")))
    qtbot.addWidget(window)
    window.show()
    badges = window.show_view("badges")  # the organiser looked at the badge run once
    qtbot.waitUntil(lambda: getattr(badges, "summary", None) is not None, timeout=10_000)
    assert badges.summary.count == 3  # type: ignore[attr-defined]
    view = window.show_view("desk")
    assert isinstance(view, DeskView)
    ops.wait_idle()
    before = len(counted)
    view.search.setFocus()
    QTest.keyClicks(view.search, "lina")
    qtbot.waitUntil(lambda: not view.searching, timeout=10_000)
    QTest.keyClick(view.search, "p", Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(list((tmp_path / "badges").glob("*.pdf"))) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: view.idle, timeout=10_000)
    QTest.keyClick(view.search, Qt.Key.Key_Escape)
    qtbot.wait(400)  # longer than the view's 250 ms gathering of changes
    ops.wait_idle()
    assert len(counted) == before  # the print changed prints; nobody looks at the count
    window.show_view("badges")
    qtbot.waitUntil(lambda: len(counted) > before, timeout=10_000)  # shown: counted again
    ops.wait_idle()
    view.scanner.remove()

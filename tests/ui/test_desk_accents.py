"""The desk search typed without accents (issue 11, kind 10), as an operator at a Chinese
keyboard types a foreign guest's name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QTest

from eventdesk.storage import Database
from tests.services.people_cases import add
from tests.ui.desk_fixtures import open_desk


def test_typing_diaz_shows_maria_diaz(qtbot, event_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("María Díaz", "Jérôme Dupont", "Łukasz Wałęsa", "张伟"):
        add(event_db, name, company="Guests")
    desk = open_desk(qtbot, event_db, tmp_path)
    try:
        for typed, name in (("diaz", "María Díaz"), ("jerome", "Jérôme Dupont"),
                            ("walesa", "Łukasz Wałęsa")):
            desk.search.clear()
            QTest.keyClicks(desk.search, typed)
            qtbot.waitUntil(lambda: not desk.searching)
            assert [r.person.name for r in desk.model.rows] == [name], typed
    finally:
        desk.scanner.remove()

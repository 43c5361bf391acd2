"""The desk with a scanner set to another keyboard layout (issue 11, kind 12): the burst is
taken as a scan, the genuine badge checks in, and the panel tells the operator to set the
scanner's layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from eventdesk.storage import Database
from tests.services.checkin_cases import count
from tests.services.test_scan_layouts import GERMAN_SWAP, US_ON_AZERTY, holder, typed
from tests.ui.desk_fixtures import open_desk


def burst(target: QWidget, text: str, stamp: int) -> int:
    """`text` and Enter as a scanner types them, 4 ms apart by the key events' own timestamps
    (QTest.keyClicks cannot type é or è); returns the next free timestamp."""
    keys = [(ord(ch.upper()) if len(ch.upper()) == 1 else 0, ch) for ch in text]
    for key, ch in [*keys, (Qt.Key.Key_Return, "\r")]:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(stamp)
            QApplication.sendEvent(target, event)
        stamp += 4
    return stamp + 1000


def test_bursts_through_german_and_azerty_layouts_check_in_with_a_hint(
        qtbot, event_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, payload = holder(event_db)
    _, other = holder(event_db, name="Zoë Walz", code="QWAZYM7654")
    desk = open_desk(qtbot, event_db, tmp_path)
    try:
        stamp = burst(desk.search, typed(payload, GERMAN_SWAP), 5_000_000)
        assert desk.search.text() == ""  # taken as a scan, not left in the search field
        qtbot.waitUntil(lambda: desk.status.state == "green")
        assert "Jürgen Zeyer" in desk.status.title.text()
        assert desk.status.hint.isVisibleTo(desk)
        assert "德文 QWERTZ" in desk.status.hint.text()
        assert "键盘布局" in desk.status.hint.text()

        stamp = burst(desk.search, typed("]Q1" + other, US_ON_AZERTY), stamp)  # AIM prefix too
        assert desk.search.text() == ""
        qtbot.waitUntil(lambda: "Zoë Walz" in desk.status.title.text())
        assert desk.status.state == "green"
        assert "法文 AZERTY" in desk.status.hint.text()

        burst(desk.search, other, stamp)  # the scanner set right: no hint any more
        qtbot.waitUntil(lambda: desk.status.state == "amber")
        assert not desk.status.hint.isVisibleTo(desk)
        assert count(event_db) == 2
    finally:
        desk.scanner.remove()

"""File → Unlock badge signing: an organiser types the passphrase once; the key is unsealed off
the GUI thread; a wrong passphrase says so and unlocks nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from eventdesk import messages
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.services import signing
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.main_window import MainWindow
from tests.conftest import TEST_SIGNING_PASSPHRASE
from tests.ui.threads import no_database_on_the_gui_thread


@pytest.fixture
def window(event_db: Database, qtbot, monkeypatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
        signing.lock(s)
    # Signed in as an organiser (the sign-in itself: tests/ui/test_sign_in.py).
    w = MainWindow(AppContext(event_db, event, Principal("organiser", UserRole.ORGANISER)))
    qtbot.addWidget(w)
    yield w
    ops.wait_idle()


def _status(db: Database) -> signing.SigningStatus:
    with db.unit_of_work(write=False) as s:
        return signing.signing_status(s)


def test_organiser_unlocks_signing_once_from_the_file_menu(window: MainWindow, event_db: Database,
                                                           qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not _status(event_db).unlocked
    labels = [a.text() for a in window.file_menu.actions()]
    assert messages.text("signing.menu.unlock") in labels
    with no_database_on_the_gui_thread(event_db):
        dialog = window.file_menu.unlock_signing_dialog()
        qtbot.keyClicks(dialog.passphrase, "not the passphrase")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        wrong = messages.text("signing.wrong_passphrase")
        qtbot.waitUntil(lambda: dialog.state.text() == wrong, timeout=20000)
        assert dialog.passphrase.text() == "" and dialog.isVisible()
    assert not _status(event_db).unlocked
    with no_database_on_the_gui_thread(event_db):
        qtbot.keyClicks(dialog.passphrase, TEST_SIGNING_PASSPHRASE)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert dialog.unlocked is not None and dialog.unlocked.unlocked
    assert _status(event_db).unlocked
    # Every later print in this process signs without asking: the keyring holds the key.
    with event_db.unit_of_work(write=False) as s:
        assert signing.PayloadSigner(s, required=True)("ABCDEFGHIJ").startswith("ED2.TEST.")


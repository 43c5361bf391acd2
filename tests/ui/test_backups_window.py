"""The window's rotating backup and the Backups dialog (issue 12): automatic backups appear
(made off the GUI thread) and one restores, the window reopening the restored database; the
recent-databases list and every message keep server passwords out."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from eventdesk.backups import archive
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.services.events import get_event
from eventdesk.storage import open_database, to_url
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.database_menu import recent_urls, remember
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.main_window import MainWindow
from tests.accounts import CLI_PASSWORD, CLI_USER
from tests.backups.helpers import build_event, sqlite_count
from tests.cli.conftest import signed_in  # noqa: F401 - the fixture, used below
from tests.ui.threads import no_database_on_the_gui_thread
from tests.ui.users import PASSWORD, answer_first_admin, answer_sign_in

# build_event runs commands, which sign in like every command (tests/cli/conftest.py).
pytestmark = pytest.mark.usefixtures("signed_in")

SECRET = "Sekr3t-Pw-77"


@pytest.fixture
def event_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "desk" / "event.sqlite3"
    path.parent.mkdir()
    build_event(path, capsys)
    return path


@pytest.fixture
def window(event_file: Path, qtbot, monkeypatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    db = open_database(to_url(event_file))
    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    ctx = AppContext(db, event, Principal("admin", UserRole.ADMIN))
    w = MainWindow(ctx)
    w.warnings = warnings  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    yield w
    w.auto_backup.timer.stop()
    ops.wait_idle()
    w.ctx.db.dispose()


def _wait(qtbot, condition, timeout_s: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        qtbot.wait(20)
    assert condition()


def test_automatic_backups_appear_and_one_restores(window: MainWindow, event_file: Path,
                                                   qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = event_file.parent / "backups"
    with no_database_on_the_gui_thread(window.ctx.db):
        window.auto_backup.start(tick_ms=50, every_s=0.2)
        _wait(qtbot, lambda: window.auto_backup.made >= 2)
        window.auto_backup.timer.stop()
        ops.wait_idle()
    autos = sorted(folder.glob("event-*-auto.edbackup"))
    assert len(autos) == window.auto_backup.made >= 2
    assert archive.verify(autos[-1]).manifest.tables["check_in"] == 5

    # Something happens after the backup: the check-ins are lost.
    conn = sqlite3.connect(event_file)
    with conn:
        conn.execute("DELETE FROM check_in")
    conn.close()
    assert sqlite_count(event_file, "check_in") == 0

    dialog = window.file_menu.backups_dialog()
    ops.wait_idle()
    listed = [str(e.path) for e in dialog.entries]
    assert set(map(str, autos)) <= set(listed)
    assert dialog.table.rowCount() == len(listed)
    row = listed.index(str(autos[-1]))
    dialog.table.selectRow(row)
    assert dialog.selected_file() == autos[-1]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = window.ctx.db
    dialog.restore_selected()
    # The window reopens the restored database, whose accounts may not be the ones signed in
    # before: the person signs in on it again.
    qtbot.waitUntil(lambda: window.file_menu.sign_in_dialog is not None, timeout=60_000)
    answer_sign_in(qtbot, window.file_menu.sign_in_dialog, name=CLI_USER, password=CLI_PASSWORD)
    _wait(qtbot, lambda: window.ctx.db is not before)
    ops.wait_idle()
    assert sqlite_count(event_file, "check_in") == 5  # as the backup had it
    assert "已还原" in dialog.last_message
    # What the restore replaced is kept as a restore point.
    kept = sorted(folder.glob("event-*-before-restore.edbackup"))
    assert len(kept) == 1 and archive.verify(kept[0]).manifest.tables["check_in"] == 0
    assert window.warnings == []  # type: ignore[attr-defined]


def test_a_role_without_the_backup_permission_is_refused(window: MainWindow) -> None:
    window.ctx.switch_user(Principal("desk1", UserRole.DESK))
    dialog = window.file_menu.backups_dialog()
    ops.wait_idle()
    assert dialog.entries == [] and dialog.last_message  # one sentence naming the role
    dialog.back_up_now()
    ops.wait_idle()
    assert "admin" in dialog.last_message.lower() or "管理员" in dialog.last_message


def test_the_interval_is_a_desk_setting(window: MainWindow) -> None:
    assert window.auto_backup.interval_s() == 600  # the default: every 10 minutes
    dialog = desk_settings.DeskSettingsDialog(desk_settings.load(window.ctx.settings), window,
                                              window.ctx.settings)
    dialog.backup_minutes.setValue(3)
    desk_settings.save(window.ctx.settings, dialog.result_settings())
    assert window.auto_backup.interval_s() == 180
    dialog.backup_minutes.setValue(0)
    desk_settings.save(window.ctx.settings, dialog.result_settings())
    assert window.auto_backup.interval_s() == 0
    window.auto_backup.start(tick_ms=10)
    window.auto_backup.tick()
    assert not window.auto_backup.running  # off: no backup


def test_recent_databases_keep_no_password_in_either_form(window: MainWindow) -> None:
    for url in (f"postgresql+psycopg://desk:{SECRET}@db.example/eventdesk",
                f"postgresql+psycopg://desk@db.example/other?sslmode=require&password={SECRET}"):
        remember(window.ctx, url)
    assert recent_urls(window.ctx) == [
        "postgresql+psycopg://desk@db.example/other?sslmode=require",
        "postgresql+psycopg://desk@db.example/eventdesk"]
    window.ctx.settings.sync()
    stored = "".join(p.read_text(errors="replace") for p in Path(
        QSettings("EventDesk", "EventDesk").fileName()).parent.rglob("*") if p.is_file())
    assert "db.example" in stored and SECRET not in stored


def test_a_server_password_is_masked_in_the_error_and_not_kept(window: MainWindow) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:1/eventdesk?password={SECRET}"
    window.file_menu.open_url(url)
    ops.wait_idle(timeout_ms=60_000)
    message = window.file_menu.last_error
    assert "127.0.0.1:1/eventdesk" in message and SECRET not in message and "***" in message
    assert SECRET not in window.windowTitle() and recent_urls(window.ctx) == []


@pytest.mark.pg
def test_a_real_server_opened_with_a_password_shows_and_stores_it_nowhere(
        window: MainWindow, pg_run, qtbot) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    from eventdesk.ui import database_menu

    database_menu._told_no_keyring = False
    base = make_url(pg_run.url)
    for i, url in enumerate((base.set(password=SECRET).render_as_string(hide_password=False),
                base.render_as_string(hide_password=False) + f"?password={SECRET}")):
        window.file_menu.open_url(url)
        qtbot.waitUntil(lambda: window.file_menu.sign_in_dialog is not None, timeout=60_000)
        if i == 0:  # a new server database: its first admin, then signing in on it
            answer_first_admin(qtbot, window.file_menu.sign_in_dialog)
        else:
            answer_sign_in(qtbot, window.file_menu.sign_in_dialog, name="admin",
                           password=PASSWORD)
        ops.wait_idle(timeout_ms=60_000)
        assert window.ctx.db.url == url  # the connection has it…
        shown = [window.windowTitle(), window._status.text(),  # type: ignore[attr-defined]
                 window.statusBar().currentMessage(), window.file_menu.last_error,
                 *(a.text() for a in window.file_menu.recent_menu.actions())]
        window.file_menu._fill_recent()
        shown += [a.text() for a in window.file_menu.recent_menu.actions()]
        assert all(SECRET not in text for text in shown), shown  # …nothing shows it
        assert base.database in window._status.text()  # type: ignore[attr-defined]
    assert all(SECRET not in u for u in recent_urls(window.ctx))
    # This machine (like CI) has no system keyring: said once, the password kept nowhere.
    assert "keyring" in window.file_menu.last_notice or "密钥环" in window.file_menu.last_notice
    stored = "".join(p.read_text(errors="replace") for p in Path(
        QSettings("EventDesk", "EventDesk").fileName()).parent.rglob("*") if p.is_file())
    assert SECRET not in stored

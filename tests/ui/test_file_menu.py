"""File menu: a new empty event, opening files (good, missing, not a database), recent list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from eventdesk.actions.accounts import create_first_admin
from eventdesk.services.events import get_event
from eventdesk.storage import Database, open_database, to_url
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.database_menu import (
    MAX_RECENT,
    NewEventDialog,
    NewEventSpec,
    recent_urls,
    remember,
    strip_password,
    with_password,
)
from eventdesk.ui.main_window import MainWindow
from tests.ui.users import PASSWORD, answer_first_admin, answer_sign_in, as_user


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings of this test only: never the person's real recent list."""
    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield
    QSettings("EventDesk", "EventDesk").clear()


@pytest.fixture
def window(event_db: Database, qtbot, monkeypatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    w = MainWindow(AppContext(event_db, event, as_user("tester")))
    w.warnings = warnings  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    yield w
    ops.wait_idle()
    if w.ctx.db is not event_db:
        w.ctx.db.dispose()


def spec(path: Path, **kw: object) -> NewEventSpec:
    values: dict[str, object] = {"path": path, "code": "NEW25", "name_zh": "新建测试大会",
                                 "name_en": "New Test Conference", "start": date(2026, 5, 1),
                                 "end": date(2026, 5, 3)}
    values.update(kw)
    return NewEventSpec(**values)  # type: ignore[arg-type]


def test_new_empty_event_creates_a_working_database(window: MainWindow, tmp_path: Path,
                                                    qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new" / "conference.sqlite3"
    replaced: list[bool] = []
    window.ctx.database_replaced.connect(lambda: replaced.append(True))
    window.file_menu.create_new_event(spec(path))
    ops.wait_idle()
    # A new database has no accounts: its first admin comes before anything else.
    qtbot.waitUntil(lambda: window.file_menu.sign_in_dialog is not None)
    answer_first_admin(qtbot, window.file_menu.sign_in_dialog, name="organiser1")
    assert replaced
    assert window.ctx.user.username == "organiser1"
    assert "organiser1" in window.windowTitle()
    assert window.ctx.db.url == to_url(path)
    assert window.ctx.event_info is not None and window.ctx.event_info.code == "NEW25"
    assert "新建测试大会" in window.windowTitle()
    db = open_database(to_url(path))
    try:
        with db.unit_of_work(write=False) as s:
            event = get_event(s)
        assert (event.start_date, event.end_date) == (date(2026, 5, 1), date(2026, 5, 3))
    finally:
        db.dispose()
    assert recent_urls(window.ctx)[0] == to_url(path)
    window.show_view("people")  # the views work on the new, empty event
    window.view("people").settle()  # type: ignore[union-attr]
    assert window.view("people").model.total == 0  # type: ignore[union-attr]


def test_dialog_hands_over_its_fields_and_closes_on_success(window: MainWindow,
                                                            tmp_path: Path,
                                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "dialog"
    dialog = NewEventDialog(window, folder)
    assert dialog.path.text() == str(folder / "event.sqlite3")
    dialog.code.setText("x")
    dialog.name_zh.setText("展会")
    dialog.submitted.connect(lambda s: window.file_menu.create_new_event(s, dialog=dialog))
    dialog.submit()
    assert "活动代码" in dialog.error.text()
    assert not (folder / "event.sqlite3").exists()
    dialog.code.setText("EXPO26")
    dialog.submit()
    ops.wait_idle()
    assert dialog.result() == NewEventDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: window.file_menu.sign_in_dialog is not None)
    answer_first_admin(qtbot, window.file_menu.sign_in_dialog)
    assert window.ctx.event_info is not None and window.ctx.event_info.name_zh == "展会"


def test_new_event_refuses_an_existing_file(window: MainWindow, db_path: Path) -> None:
    window.file_menu.create_new_event(spec(db_path))
    ops.wait_idle()
    assert "已存在" in window.file_menu.last_error
    assert window.ctx.db.url == to_url(db_path)


def test_missing_and_invalid_files_show_one_sentence(window: MainWindow, tmp_path: Path) -> None:
    before = window.ctx.db
    window.file_menu.open_url(to_url(tmp_path / "missing.sqlite3"))
    ops.wait_idle()
    assert "数据库文件不存在" in window.file_menu.last_error
    assert not (tmp_path / "missing.sqlite3").exists()
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("这不是数据库 " * 500, encoding="utf-8")
    window.file_menu.open_url(to_url(junk))
    ops.wait_idle()
    assert window.file_menu.last_error == f"{junk} 不是 EventDesk 数据库，未作任何改动。"
    assert window.warnings[-1] == window.file_menu.last_error  # type: ignore[attr-defined]
    assert window.ctx.db is before


def test_open_file_switches_database(window: MainWindow, tmp_path: Path,
                                     template_db: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite3"
    other.write_bytes(template_db.read_bytes())
    before = window.ctx.db
    window.file_menu.open_url(to_url(other))
    ops.wait_idle()
    # Its first admin is asked for; closing that dialog leaves the window where it was.
    qtbot.waitUntil(lambda: window.file_menu.sign_in_dialog is not None)
    window.file_menu.sign_in_dialog.reject()
    assert window.file_menu.sign_in_dialog is None and window.ctx.db is before
    window.file_menu.open_url(to_url(other))
    ops.wait_idle()
    qtbot.waitUntil(lambda: window.file_menu.sign_in_dialog is not None)
    answer_first_admin(qtbot, window.file_menu.sign_in_dialog)
    assert window.ctx.db.url == to_url(other)
    assert window.ctx.event_info is None  # a database without an event opens; views show it empty


def test_recent_list_keeps_urls_without_passwords(window: MainWindow) -> None:
    ctx = window.ctx
    remember(ctx, "postgresql+psycopg://desk:s3cr%40t@db.example.com:5432/expo")
    assert recent_urls(ctx) == ["postgresql+psycopg://desk@db.example.com:5432/expo"]
    for i in range(MAX_RECENT + 3):
        remember(ctx, f"sqlite:////tmp/event{i}.sqlite3")
    urls = recent_urls(ctx)
    assert len(urls) == MAX_RECENT and urls[0] == f"sqlite:////tmp/event{MAX_RECENT + 2}.sqlite3"
    remember(ctx, "sqlite:////tmp/event5.sqlite3")
    assert recent_urls(ctx)[0] == "sqlite:////tmp/event5.sqlite3"
    assert len(set(recent_urls(ctx))) == MAX_RECENT
    settings_text = "".join(p.read_text() for p in Path(QSettings(
        "EventDesk", "EventDesk").fileName()).parent.glob("*"))
    assert "s3cr" not in settings_text
    window.file_menu._fill_recent()
    assert len(window.file_menu.recent_menu.actions()) == MAX_RECENT + 2


def test_password_handling() -> None:
    assert strip_password("postgresql+psycopg://u:p@w:d@h/db") == "postgresql+psycopg://u@h/db"
    assert strip_password("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert strip_password("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"
    assert with_password("postgresql+psycopg://u@h/db", "p@ss") == \
        "postgresql+psycopg://u:p%40ss@h/db"


def test_views_follow_the_switch(window: MainWindow, tmp_path: Path, template_db: Path,
                                 qtbot) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.services.events import create_event
    from eventdesk.services.exhibitors import ExhibitorInput, create_exhibitor

    other = tmp_path / "other.sqlite3"
    other.write_bytes(template_db.read_bytes())
    db = open_database(to_url(other))
    with db.unit_of_work() as s:
        create_event(s, code="OTHER", name_zh="另一个大会", start_date=date(2026, 1, 1),
                     end_date=date(2026, 1, 1))
        create_exhibitor(s, data=ExhibitorInput(name_zh="唯一展商有限公司"), operator="t")
    create_first_admin(db, username="boss", password=PASSWORD, desk="setup")
    db.dispose()
    window.show_view("people").settle()  # type: ignore[attr-defined]
    window.show_view("exhibitors")  # its loads are still in flight when the switch comes
    window.file_menu.open_url(to_url(other))
    ops.wait_idle()
    # The other database has its own accounts: sign in there.
    qtbot.waitUntil(lambda: window.file_menu.sign_in_dialog is not None)
    dialog = window.file_menu.sign_in_dialog
    answer_sign_in(qtbot, dialog, name="boss", password="not-the-password")
    assert dialog.isVisible() and window.ctx.user.username == "tester"
    answer_sign_in(qtbot, dialog, name=None, password=PASSWORD)
    qtbot.waitUntil(lambda: window.ctx.user.username == "boss")
    view = window.view("exhibitors")
    view.settle()  # type: ignore[union-attr]
    assert view.model.total == 1  # type: ignore[union-attr]
    assert view.panel.name_zh.text() == "唯一展商有限公司"  # type: ignore[union-attr]
    assert "另一个大会" in window.windowTitle()


def test_unreachable_server_is_one_sentence_without_the_password(window: MainWindow) -> None:
    before = window.ctx.db
    window.file_menu.open_url("postgresql+psycopg://desk:secret@127.0.0.1:1/eventdesk")
    ops.wait_idle(timeout_ms=60_000)
    message = window.file_menu.last_error
    assert message == ("无法连接数据库服务器 postgresql+psycopg://desk:***@127.0.0.1:1/eventdesk，"
                       "请检查服务器是否运行、地址是否正确。")
    assert "secret" not in message
    assert window.ctx.db is before
    assert recent_urls(window.ctx) == []  # only databases that opened are remembered


def _foreign_sqlite(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('另一个程序的数据')")
    conn.commit()
    conn.close()


def _alembic_of_another_program(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    conn.execute("INSERT INTO alembic_version VALUES ('4f2e1a9c0b7d')")
    conn.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, customer TEXT)")
    conn.commit()
    conn.close()


NOT_DATABASES = {
    "text.txt": lambda p: p.write_text("姓名,单位\n张伟,光合\n", encoding="utf-8"),
    "alembic-app.db": _alembic_of_another_program,
    "picture.png": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "empty.sqlite3": lambda p: p.write_bytes(b""),
    "other-program.db": _foreign_sqlite,
}


@pytest.mark.parametrize("name", sorted(NOT_DATABASES))
def test_file_open_on_a_non_database_says_one_sentence_and_leaves_the_file(
        window: MainWindow, tmp_path: Path, qtbot, monkeypatch, name: str) -> None:  # type: ignore[no-untyped-def]
    """File → Open database file… on a file that is not an EventDesk database: one plain
    sentence (no driver text, no link), the window stays on its database, the file unchanged."""
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "chosen"
    folder.mkdir()
    chosen = folder / name
    NOT_DATABASES[name](chosen)
    before = chosen.read_bytes()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(chosen), ""))  # the person picks the file
    database_before = window.ctx.db
    action = next(a for a in window.file_menu.actions() if "打开数据库文件" in a.text())
    action.trigger()
    qtbot.waitUntil(lambda: bool(window.warnings), timeout=10_000)  # type: ignore[attr-defined]
    shown = window.warnings  # type: ignore[attr-defined]
    assert shown == [f"{chosen} 不是 EventDesk 数据库，未作任何改动。"]
    assert "\n" not in shown[0]
    assert window.ctx.db is database_before
    assert chosen.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [name]  # no -wal or -shm beside it

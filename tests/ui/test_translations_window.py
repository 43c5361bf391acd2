"""The window's own dialogs, the accounts dialogs, the audit view's answers and the dashboard's
charts in Chinese and in English (issue 13), opened as an operator opens them and walked text
by text (tests/ui/i18n_walk.py). pyqtgraph draws its chart titles, axis labels, legends and tick
labels itself (not QWidget texts the walk sees): they are read from the charts explicitly.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from eventdesk.actions import accounts
from eventdesk.domain.enums import UserRole
from eventdesk.services.events import get_event
from eventdesk.storage import open_database, sqlite_path, to_url
from eventdesk.ui import ops
from eventdesk.ui.accounts.sign_in import FirstAdminDialog, ShownAccount, SignInDialog
from eventdesk.ui.app import build_demo_with_progress, desk_settings
from eventdesk.ui.audit.view import AuditView
from eventdesk.ui.backups import BackupsDialog, backup_filter
from eventdesk.ui.context import AppContext
from eventdesk.ui.dashboard.charts import BarChart, HeatMap
from eventdesk.ui.dashboard.view import DashboardView
from eventdesk.ui.database_menu import ConnectDialog, NewEventDialog, sqlite_filter
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.placeholder import PlaceholderView
from tests.ui.i18n_walk import CJK, PATHISH, data_texts, problems
from tests.ui.users import PASSWORD

LANGS = ("zh", "en")
ACCOUNTS = ("admin", "desk1", "setup")  # user and desk names: data
Walk = Callable[[QWidget], list[str]]


@pytest.fixture(params=LANGS)
def lang(request: pytest.FixtureRequest, in_language: Callable[[str], None]) -> str:
    in_language(request.param)
    return str(request.param)


@pytest.fixture
def window(qtbot: Any, i18n_event_file: tuple[str, list[str]], lang: str,
           tmp_path: Path) -> Iterator[MainWindow]:
    """The main window on a copy of the translation walks' event (backups and sign-ins here
    write audit entries the other walks must not see), with an admin account."""
    copy = tmp_path / "event.sqlite3"
    shutil.copy(sqlite_path(i18n_event_file[0]) or "", copy)
    db = open_database(to_url(copy))
    admin = accounts.create_first_admin(db, username="admin", password=PASSWORD, desk="setup")
    with db.unit_of_work(write=False) as session:
        event = get_event(session)
    shown = MainWindow(AppContext(db, event, admin))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    ops.wait_idle()
    shown.close()
    db.dispose()


@pytest.fixture
def walk(window: MainWindow, lang: str) -> Walk:
    """`walk(widget)`: the texts of `widget` not in the language shown (data removed: the
    copy's own, with the admin's account and its audit entry)."""
    data = sorted({*data_texts(window.ctx.db), *ACCOUNTS}, key=len, reverse=True)
    return lambda widget: problems(widget, lang, data=data)


def in_language(text: str, lang: str) -> bool:
    """A text of a chart or a message box is in `lang` (the walk's rule, for plain strings)."""
    from tests.ui.i18n_walk import ALLOWED, LATIN_WORD

    text = PATHISH.sub(" ", text)
    if lang == "en":
        return not CJK.search(text)
    return not [w for w in LATIN_WORD.findall(text) if w not in ALLOWED]


def test_the_file_menu_dialogs(qtbot: Any, window: MainWindow, walk: Walk, lang: str,
                               tmp_path: Path) -> None:
    window.file_menu._fill_recent()  # as the menu does when it opens
    assert walk(window.file_menu) == []
    new = NewEventDialog(window, tmp_path)
    qtbot.addWidget(new)
    new.submit()  # a code missing: the error shows in the dialog
    assert walk(new) == []
    connect = ConnectDialog(window, "")
    qtbot.addWidget(connect)
    assert walk(connect) == []
    # Qt's own file dialog (qtbase catalogue) with our filter and title.
    files = QFileDialog(window, "", str(tmp_path), sqlite_filter())
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    files.show()
    qtbot.wait(50)
    # Its buttons and title. Not its other labels: qtbase_zh_CN lacks a few of Qt 6's
    # (“Look &in:”, “Files of &type:”), and the folder's entries are the file system's data.
    assert [p for p in walk(files) if p.startswith(("QPushButton", "QFileDialog"))] == []
    files.close()
    assert in_language(backup_filter(), lang)
    placeholder = PlaceholderView(window.nav.item(0).text())
    qtbot.addWidget(placeholder)
    assert walk(placeholder) == []


def test_the_sign_in_the_first_admin_and_the_lock_screen(
        qtbot: Any, window: MainWindow, walk: Walk) -> None:
    db = window.ctx.db
    first = FirstAdminDialog(db, desk="desk-1", settings=desk_settings())
    qtbot.addWidget(first)
    first.submit()  # nothing typed: "fill in" is said
    assert walk(first) == []
    shown = [ShownAccount("admin", UserRole.ADMIN, "pw-1"), ShownAccount("desk1", UserRole.DESK,
                                                                          "pw-2")]
    sign_in = SignInDialog(db, desk="desk-1", settings=desk_settings(), event_name="",
                           demo_accounts=shown)
    qtbot.addWidget(sign_in)
    sign_in.submit()
    assert walk(sign_in) == [] and sign_in.accounts_table is not None
    lock = window.lock.lock()
    qtbot.waitUntil(lock.isVisible)
    assert walk(lock) == []
    lock.switch_user()  # the lock screen becomes a sign-in of another user
    assert walk(lock) == []


def test_the_users_and_password_dialogs(qtbot: Any, window: MainWindow, walk: Walk) -> None:
    users = window.account_menu.open_users()
    qtbot.waitUntil(lambda: not users.busy and users.table.rowCount() > 0, timeout=20_000)  # type: ignore[attr-defined]
    assert walk(users) == []
    assert walk(window.account_menu) == []
    password = window.account_menu.change_password()
    qtbot.addWidget(password)
    assert walk(password) == []


def test_the_backups_and_signing_dialogs(qtbot: Any, window: MainWindow, walk: Walk, lang: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    backups = window.file_menu.backups_dialog()
    assert isinstance(backups, BackupsDialog)
    backups.back_up_now()
    qtbot.waitUntil(lambda: backups.table.rowCount() > 0 and backups.backup_button.isEnabled(),
                    timeout=20_000)
    assert walk(backups) == []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *_a: (
        asked.extend([title, text]), QMessageBox.StandardButton.No)[1])
    backups.restore_selected()  # the confirmation, answered No
    assert asked and all(in_language(t, lang) for t in asked), asked
    backups.close()
    signing = window.file_menu.unlock_signing_dialog()
    qtbot.addWidget(signing)
    signing.passphrase.setText("not the passphrase")
    signing.unlock()
    qtbot.waitUntil(lambda: signing.buttons.isEnabled(), timeout=20_000)
    assert signing.state.text()  # the refusal, worded
    assert walk(signing) == []


def test_the_audit_views_answers(qtbot: Any, window: MainWindow, walk: Walk) -> None:
    audit = window.show_view("audit")
    assert isinstance(audit, AuditView)
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=20_000)
    audit.since_edit.setText("2026-13-45")  # no such day
    audit.apply_filters()
    assert audit.verdict.text() and walk(audit) == []
    audit.since_edit.clear()
    audit.verify()
    qtbot.waitUntil(lambda: "…" not in audit.verdict.text(), timeout=20_000)
    assert walk(audit) == []


def chart_texts(chart: BarChart | HeatMap) -> list[str]:
    """What pyqtgraph paints: axis labels, tick labels, legend entries."""
    item = chart.getPlotItem()
    found: list[str] = []
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        if axis.isVisible():
            found.append(axis.labelText)
            for level in axis._tickLevels or []:
                found += [str(label) for _x, label in level]
    found += [label.text for _sample, label in chart.legend.items]
    return [t for t in found if t]


def test_the_dashboard_panels_and_charts(qtbot: Any, window: MainWindow, walk: Walk,
                                         lang: str) -> None:
    view = window.show_view("dashboard")
    assert isinstance(view, DashboardView)
    qtbot.waitUntil(lambda: view.loads > 0, timeout=20_000)
    view.settle()
    assert walk(view) == []
    charts = [view.arrivals_chart, view.category_chart, view.desk_chart, view.prints_chart,
              view.rejected_chart]
    texts = [t for chart in charts for t in chart_texts(chart)]
    assert texts, "the charts show labels"
    data = set(view.figures.days and [d.desk for d in view.figures.desks] or [])  # type: ignore[union-attr]
    assert [t for t in texts if t not in data and not in_language(t, lang)] == []
    # The day chooser names each day in the language's form.
    assert all(in_language(view.day.itemText(i), lang) for i in range(view.day.count()))


def test_the_demo_builds_progress_dialog(qtbot: Any, tmp_path: Path, lang: str) -> None:
    db = open_database(to_url(tmp_path / "demo.sqlite3"), create=True)
    seen: list[list[str]] = []

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:
            seen.append(problems(dialogs[0], lang) + [f"label: {dialogs[0].labelText()}"])
        else:
            QTimer.singleShot(5, look)

    QTimer.singleShot(0, look)
    try:
        build_demo_with_progress(db, exhibitors=3, people=30)
    finally:
        db.dispose()
    assert seen, "the progress dialog showed"
    found, label = seen[0][:-1], seen[0][-1]
    assert found == [] and label.strip() != "label:"


def test_a_count_in_a_text_is_worded_in_either_language(
        qtbot: Any, in_language: Callable[[str], None]) -> None:
    """pyside6-lupdate writes no numerus entries: the plain translation of a `%n` text is the
    one used, its `%n` filled (ui.i18n.translate)."""
    from eventdesk.ui.i18n import translate

    in_language("en")
    assert translate("DashboardView", "（%n 分钟前）", None, 3) == " (3 min ago)"
    in_language("zh")
    assert translate("DashboardView", "（%n 分钟前）", None, 3) == "（3 分钟前）"


def test_the_dashboards_days_and_numbers_follow_the_language(
        qtbot: Any, in_language: Callable[[str], None]) -> None:
    from datetime import date

    from eventdesk.ui.i18n import format_day, format_number

    in_language("en")
    assert (format_day(date(2026, 7, 26)), format_number(12345)) == ("Jul 26", "12,345")
    in_language("zh")
    assert (format_day(date(2026, 7, 26)), format_number(12345)) == ("7月26日", "12,345")


def test_the_language_menu_saves_the_choice_and_offers_a_restart(
        window: MainWindow, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """语言 / Language → English: kept in this machine's settings; shown in Chinese, the program
    asks to restart (answered Yes: the window closes, then the program starts again); already
    in English, nothing is asked."""
    from eventdesk.ui import i18n

    asked: list[str] = []
    restarted: list[bool] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: (
        asked.append(text), QMessageBox.StandardButton.Yes)[1])
    monkeypatch.setattr(i18n, "restart", lambda: restarted.append(True) or True)
    english = next(a for a in window.language_menu.actions() if a.text() == "English")
    try:
        english.trigger()
        assert i18n.setting(window.ctx.settings) == "en"
        if lang == "zh":
            assert asked == ["界面语言将在重新启动后更改。现在重新启动吗？"] and restarted
            assert not window.isVisible()
        else:
            assert asked == [] and not restarted and window.isVisible()
    finally:
        i18n.save_choice(window.ctx.settings, None)


@pytest.mark.parametrize("argv", [
    ["eventdesk", "--db", "x.sqlite3", "--lang", "en"],
    ["eventdesk", "--lang=en", "--db", "x.sqlite3"],
    ["eventdesk", "--db", "x.sqlite3"],
], ids=["lang-space", "lang-equals", "no-lang"])
def test_the_restart_drops_lang_so_the_menu_choice_applies(
        argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Started with `--lang en`, the menu chose 中文 and the restart came back in English: the
    command line's --lang outranks the menu, so the new process is started without it (same
    database and other arguments)."""
    from PySide6.QtCore import QCoreApplication, QProcess

    from eventdesk.ui import i18n

    started: list[list[str]] = []
    monkeypatch.setattr(i18n.sys, "argv", argv)
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda _exe, args: (started.append(list(args)), (True, 1))[1])
    monkeypatch.setattr(QCoreApplication, "quit", lambda: None)
    assert i18n.restart()
    assert started == [["eventdesk", "--db", "x.sqlite3"]]

"""One language at a time (issue 13): every view and the window's own chrome in Chinese and in
English, walked text by text (tests/ui/i18n_walk.py); the catalogue complete and current; Qt's
own dialogs translated; the language chosen as the README says.

Dialogs are walked by their areas' tests (tests/ui/test_translations_*.py) with the same walk.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from eventdesk import messages
from eventdesk.services.events import get_event
from eventdesk.storage import open_database
from eventdesk.ui import i18n, ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.main_window import VIEW_KEYS, MainWindow
from tests.ui.i18n_walk import data_texts, problems
from tests.ui.users import as_user

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("zh", "en")


def open_window(qtbot, url: str) -> MainWindow:  # type: ignore[no-untyped-def]
    db = open_database(url)
    with db.unit_of_work(write=False) as session:
        event = get_event(session)
    window = MainWindow(AppContext(db, event, as_user("admin")))
    qtbot.addWidget(window)
    window.show()
    return window


def settle(qtbot, view: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=20_000)
    done = getattr(view, "settle", None)
    if callable(done):
        done()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=20_000)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", VIEW_KEYS)
def test_every_view_is_in_the_chosen_language(  # type: ignore[no-untyped-def]
        qtbot, i18n_event_file, in_language: Callable[[str], None], view: str, lang: str) -> None:
    url, data = i18n_event_file
    in_language(lang)
    window = open_window(qtbot, url)
    shown = window.show_view(view)
    settle(qtbot, shown)
    # Read again: other tests of this process may have written to the event (the audit view
    # shows who did what).
    data = data_texts(window.ctx.db)
    assert problems(shown, lang, data=data) == []
    window.close()
    window.ctx.db.dispose()


@pytest.mark.parametrize("lang", LANGS)
def test_the_window_menus_navigation_and_status_are_in_the_chosen_language(
        qtbot, i18n_event_file, in_language: Callable[[str], None], lang: str) -> None:  # type: ignore[no-untyped-def]
    url, data = i18n_event_file
    in_language(lang)
    window = open_window(qtbot, url)
    settle(qtbot, window.show_view("desk"))
    data = [*data, window.ctx.user.username]  # the signed-in account's name is data too
    chrome = [window.menuBar(), window.nav, window.statusBar()]
    found = [p for part in chrome for p in problems(part, lang, data=data)]
    found += [p for p in problems(window, lang, data=data) if p.startswith("menu bar")]
    assert found == []
    window.close()
    window.ctx.db.dispose()


def test_qt_own_buttons_follow_the_language(qtbot, in_language: Callable[[str], None]) -> None:  # type: ignore[no-untyped-def]
    buttons = QDialogButtonBox.StandardButton
    for lang, ok, cancel in (("zh", "确定", "取消"), ("en", "OK", "Cancel")):
        in_language(lang)
        box = QDialogButtonBox(buttons.Ok | buttons.Cancel)
        qtbot.addWidget(box)
        assert box.button(buttons.Ok).text().replace("&", "") == ok
        assert box.button(buttons.Cancel).text().replace("&", "") == cancel
        assert messages.language() == lang


def test_the_command_line_comes_before_the_setting_and_the_setting_before_the_locale(
        monkeypatch: pytest.MonkeyPatch) -> None:
    settings = QSettings("EventDesk", "EventDesk")
    monkeypatch.setenv("EVENTDESK_LANG", "en")
    assert i18n.choose(settings, command_line=None) == "en"
    i18n.save_choice(settings, "zh")
    assert i18n.choose(settings, command_line=None) == "zh"
    assert i18n.choose(settings, command_line="en") == "en"
    i18n.save_choice(settings, None)
    monkeypatch.setenv("EVENTDESK_LANG", "zh_CN.UTF-8")
    assert i18n.choose(settings, command_line=None) == "zh"


def test_dates_and_numbers_are_formatted_for_the_language(
        in_language: Callable[[str], None]) -> None:
    from datetime import date

    in_language("en")
    assert i18n.format_number(12345) == "12,345"
    assert "2026" in i18n.format_date(date(2026, 7, 26), long=True)
    assert "July" in i18n.format_date(date(2026, 7, 26), long=True)
    in_language("zh")
    assert "7月" in i18n.format_date(date(2026, 7, 26), long=True)


def test_the_english_catalogue_is_complete_and_compiled_from_the_current_code() -> None:
    """lupdate finds no unfinished entry, the .ts files hold what the code says, and the .qm
    shipped is compiled from them (scripts/translations.py check)."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_data_kept_in_both_languages_shows_in_the_interfaces(
        in_language: Callable[[str], None]) -> None:
    """A session's or an event's English name in English when it has one (schedule blocks,
    the unscheduled list, undo texts, the window title), else the Chinese."""
    in_language("en")
    assert i18n.either("开幕致辞", "Opening address") == "Opening address"
    assert i18n.either("开幕致辞", "  ") == "开幕致辞"
    in_language("zh")
    assert i18n.either("开幕致辞", "Opening address") == "开幕致辞"

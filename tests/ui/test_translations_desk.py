"""Every dialog of the desk in Chinese and in English (issue 13), opened as an operator opens it,
walked text by text (tests/ui/i18n_walk.py). The calibration dialog the desk settings open is the
printers' (their walk); exhibitor pick-up is walked by its own test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from eventdesk.messages.desk import desk_text
from eventdesk.services.events import get_event
from eventdesk.storage import Database, open_database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk import reprint
from eventdesk.ui.desk.settings import DeskSettings, DeskSettingsDialog
from eventdesk.ui.desk.view import DeskView
from eventdesk.ui.desk.walkin import WalkInDialog
from tests.ui.i18n_walk import problems
from tests.ui.keys import operator_types
from tests.ui.users import as_user

LANGS = ("zh", "en")
# Makers' product names in the paper presets: written the same in every language (removed before
# the data, whose one-letter halls would otherwise cut "Avery" to "very").
BRANDS = ["Avery", "Dymo", "Zweckform"]


@pytest.fixture
def ctx(i18n_event_file: tuple[str, list[str]]) -> Iterator[AppContext]:
    db: Database = open_database(i18n_event_file[0])
    with db.unit_of_work(write=False) as session:
        event = get_event(session)
    yield AppContext(db, event, as_user("admin"))
    ops.wait_idle()
    db.dispose()


def _walk(widget: QWidget, lang: str, data: list[str]) -> list[str]:
    # The badges' default folder is a path on this machine (its name is the folder's, on disk);
    # the system's printers are named by whoever set them up (a test's CUPS queue, too).
    from PySide6.QtPrintSupport import QPrinterInfo

    machine = [str(DeskSettings().pdf_folder), *QPrinterInfo.availablePrinterNames()]
    return problems(widget, lang, data=[*BRANDS, *sorted(machine, key=len, reverse=True), *data])


@pytest.mark.parametrize("lang", LANGS)
def test_walk_in_form(qtbot, ctx: AppContext, i18n_event_file, in_language: Callable[[str], None],  # type: ignore[no-untyped-def]
                      lang: str) -> None:
    in_language(lang)
    dialog = WalkInDialog(ctx, desk="3")
    qtbot.addWidget(dialog)
    dialog.show()
    assert _walk(dialog, lang, i18n_event_file[1]) == []
    # A name without a company: the field's own problem, worded in the language shown.
    dialog.submit()
    assert _walk(dialog, lang, i18n_event_file[1]) == []
    # The organiser's question when the quota is full, with the service's sentence in it.
    full = desk_text("desk.walkin.quota_exceeded", exhibitor="中科可控", quota=2, staff=2)
    assert _walk(dialog.override_box(full), lang, ["中科可控"]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_walk_in_offers_duplicates(qtbot, ctx: AppContext, i18n_event_file,  # type: ignore[no-untyped-def]
                                   in_language: Callable[[str], None], lang: str) -> None:
    in_language(lang)
    with ctx.db.unit_of_work(write=False) as session:
        from eventdesk.services.people import list_people

        someone = next(p for p in list_people(session, limit=None) if p.phone)
    dialog = WalkInDialog(ctx, desk="3")
    qtbot.addWidget(dialog)
    dialog.show()
    operator_types(dialog.edits["name"], "新来宾")
    dialog.edits["phone"].setText(someone.phone)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.dup_list.count() > 0, timeout=10_000)
    assert _walk(dialog, lang, i18n_event_file[1]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_desk_settings(qtbot, tmp_path, i18n_event_file, in_language: Callable[[str], None],  # type: ignore[no-untyped-def]
                       lang: str) -> None:
    in_language(lang)
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    for allowed in (True, False):  # an admin, and desk staff (the lock's tool tip says why)
        dialog = DeskSettingsDialog(DeskSettings(), None, settings, may_change_lock=allowed)
        qtbot.addWidget(dialog)
        dialog.show()
        # The default PDF folder (in the Documents folder: "EventDesk badges") is a path.
        folder = str(DeskSettings().pdf_folder)
        assert _walk(dialog, lang, [*i18n_event_file[1], folder]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_reprint_reason_and_revoke_confirmation(qtbot, i18n_event_file,  # type: ignore[no-untyped-def]
                                                in_language: Callable[[str], None],
                                                lang: str) -> None:
    in_language(lang)
    name = "张伟"  # data: a person's name stays as registered
    dialog = reprint.ReprintDialog(name)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _walk(dialog, lang, [*i18n_event_file[1], name]) == []
    box = reprint.revoke_box(dialog, name)
    assert _walk(box, lang, [*i18n_event_file[1], name]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_desk_after_scans(qtbot, ctx: AppContext, i18n_event_file,  # type: ignore[no-untyped-def]
                          in_language: Callable[[str], None], lang: str) -> None:
    """The recent scans, the status panel and the match column with something in them."""
    in_language(lang)
    view = DeskView(ctx)
    qtbot.addWidget(view)
    view.show()
    ops.wait_idle()
    view.on_scan("ED2.NOT.A.BADGE")  # refused: the reason stands in the list
    qtbot.waitUntil(lambda: view.idle and view.recent.model.rowCount() == 1)
    view.search.setText("1")  # digits: the phone-ending and registration-number matches
    qtbot.waitUntil(lambda: not view.searching, timeout=10_000)
    operator_types(view.search, "3")
    qtbot.waitUntil(lambda: not view.searching, timeout=10_000)
    if view.model.rows:
        QTest.keyClick(view.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.idle and view.recent.model.rowCount() == 2)
    assert _walk(view, lang, i18n_event_file[1]) == []
    view.scanner.remove()


@pytest.mark.parametrize("lang", LANGS)
def test_desk_header_names_the_event_in_the_language_shown(
        qtbot, ctx: AppContext, in_language: Callable[[str], None],  # type: ignore[no-untyped-def]
        lang: str) -> None:
    """The event's English name in English, as the sign-in and the window's title show it (the
    desk's header had the Chinese name in an English window)."""
    in_language(lang)
    event = ctx.event_info
    assert event is not None and event.name_en.strip()
    view = DeskView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.idle)
    shown, other = (event.name_zh, event.name_en) if lang == "zh" else (event.name_en,
                                                                          event.name_zh)
    assert shown in view.header.text() and other not in view.header.text()
    view.scanner.remove()

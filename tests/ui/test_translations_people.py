"""The people, import and export areas in one language at a time (issue 13): the people view and
its form in each of its states, every page of the import wizard with real files, the export
dialog, the purge's questions and report, and the unsaved-edits question — walked text by text
(tests/ui/i18n_walk.py) in Chinese and in English, opened as an organiser opens them."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget, QWizard

from eventdesk.services.events import get_event
from eventdesk.storage import open_database, to_url
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.people.view import PeopleView
from eventdesk.ui.transfer import menu
from eventdesk.ui.transfer.export_dialog import KINDS, ExportDialog
from eventdesk.ui.transfer.import_wizard import (
    DRY_RUN_PAGE,
    IMPORT_PAGE,
    MAPPING_PAGE,
    SHEET_PAGE,
    ImportWizard,
)
from tests.ui.i18n_walk import problems
from tests.ui.modals import Modals, click
from tests.ui.users import as_user

LANGS = ("zh", "en")
DATA = Path(__file__).resolve().parents[1] / "data"
TIMEOUT = 20_000
# Encodings are named as their standards name them, in both languages.
CODECS = ["GB18030/GBK", "Big5", "Shift-JIS", "EUC-KR", "Windows-1252", "Windows-1251",
          "Windows-1250", "ISO-8859-1", "UTF-8", "UTF-16"]


@pytest.fixture
def event_copy(i18n_event_file: tuple[str, list[str]], tmp_path: Path) -> tuple[str, list[str]]:
    """The walks' demo event copied: these walks register, import and purge."""
    url, data = i18n_event_file
    copy = tmp_path / "event.sqlite3"
    shutil.copy(url.removeprefix("sqlite:///"), copy)
    return to_url(copy), data


@pytest.fixture
def window(event_copy: tuple[str, list[str]], qapp: object) -> Iterator[MainWindow]:
    db = open_database(event_copy[0])
    with db.unit_of_work(write=False) as session:
        event = get_event(session)
    w = MainWindow(AppContext(db, event, as_user("admin")))
    w.resize(1400, 860)
    w.show()
    yield w
    ops.wait_idle()
    view = w.view("people")
    if isinstance(view, PeopleView) and view.panel.is_dirty():
        view.panel.show_row(view.panel.row)  # closing would ask
    w.close()
    w.deleteLater()
    db.dispose()


def cells(*paths: Path, encoding: str = "utf-8-sig") -> list[str]:
    """Every value of the given CSV files: data, in any language."""
    found: list[str] = []
    for path in paths:
        with path.open(encoding=encoding, newline="") as f:
            found += [c for row in csv.reader(f) for c in row if c.strip()]
    return found


class Walker:
    """Collects the problems of every walk of one test; asserted once at the end."""

    def __init__(self, lang: str, data: list[str]) -> None:
        self.lang, self.data, self.found = lang, data, []  # type: ignore[var-annotated]

    def __call__(self, widget: QWidget, where: str) -> None:
        data = sorted(self.data, key=len, reverse=True)  # a name before a shorter one inside
        self.found += [f"{where}: {p}" for p in problems(widget, self.lang, data=data)]


def settled_people(qtbot, window: MainWindow) -> PeopleView:  # type: ignore[no-untyped-def]
    view = window.show_view("people")
    assert isinstance(view, PeopleView)
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=TIMEOUT)
    view.settle()
    return view


@pytest.mark.parametrize("lang", LANGS)
def test_people_view_and_form_in_every_state(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, event_copy, in_language, lang: str) -> None:
    in_language(lang)
    _url, data = event_copy
    walk = Walker(lang, [*data, "Mei"])
    view = settled_people(qtbot, window)  # built now, in the language installed
    panel = view.panel
    walk(view, "a person shown")
    # A cancelled registration.
    model = view.model
    cancelled = next((r for r in range(model.rowCount())
                      if model.row_at(r).status.value == "cancelled"), None)  # type: ignore[union-attr]
    if cancelled is not None:
        view.pane.table.selectRow(cancelled)
        walk(view, "a cancelled person")
    # Searching and a category: the count says "found".
    view.category.setCurrentIndex(2)
    view.settle()
    walk(view, "a category chosen")
    # A new registration: blank form, then a save refused under the field, then registered.
    qtbot.mouseClick(view.pane.new_button, Qt.MouseButton.LeftButton)
    walk(view, "a new person")
    panel.phone.setText("12")
    with qtbot.waitSignal(panel.save_finished, timeout=TIMEOUT):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    walk(view, "a save refused")
    panel.name.setText("Mei")
    panel.phone.setText("")
    with qtbot.waitSignal(panel.save_finished, timeout=TIMEOUT) as outcome:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert outcome.args == [True] and panel.row is not None
    walk.data.append(panel.row.badge_code)  # made on saving: data
    walk(view, "registered")
    # Unsaved typing, then New: the question, with Qt's buttons in the language.
    panel.company.setText("Mei Co")
    questions: list[str] = []

    def look(box: QWidget) -> None:
        walk(box, "the unsaved-edits question")
        assert isinstance(box, QMessageBox)
        questions.append(box.text())
        click(box, QMessageBox.StandardButton.Cancel)

    with Modals(look):
        qtbot.mouseClick(view.pane.new_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    # Contacts masked (a role that may not see them): the fields say why they are read-only.
    assert panel.row is not None
    panel.show_row(replace(panel.row, contacts_masked=True))
    assert panel.phone.isReadOnly() and panel.phone.toolTip()
    walk(view, "contacts masked")
    assert walk.found == []


def run_wizard_to_the_end(qtbot, wizard: ImportWizard, walk: Walker) -> None:  # type: ignore[no-untyped-def]
    """Next, Next, … as the organiser clicks, walking every page on the way."""
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=TIMEOUT)
    walk(wizard, f"page {wizard.currentId()}")
    while wizard.currentId() != IMPORT_PAGE:
        button = QWizard.WizardButton.CommitButton if wizard.currentId() == DRY_RUN_PAGE \
            else QWizard.WizardButton.NextButton
        wizard.button(button).click()
        if wizard.currentId() == DRY_RUN_PAGE:
            dry = wizard.dry_page
            qtbot.waitUntil(lambda d=dry: d.report is not None and not d.running,
                            timeout=TIMEOUT)
            walk(wizard, "the dry run's report")
            if dry.errors.rowCount():
                dry.skip_invalid.click()  # go on with the valid rows
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=TIMEOUT)
        walk(wizard, f"page {wizard.currentId()}")
    assert wizard.import_page.report is not None and not wizard.import_page.report.rejected


@pytest.mark.parametrize("lang", LANGS)
def test_import_wizard_every_page_with_a_csv_and_a_workbook(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, event_copy, in_language, lang: str, tmp_path: Path) -> None:
    in_language(lang)
    _url, data = event_copy
    # A CSV with one bad phone (the dry run lists it), and a workbook of two sheets.
    listed = tmp_path / "list.csv"
    rows = [["姓名", "单位", "类别", "手机", "微信"], ["María Díaz", "Guests SA", "观众", "", "md"],
            ["Chen Jing", "Jing Ltd", "观众", "12345", ""]]
    listed.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表仅供参考"])
    sheet = book.create_sheet("名单")
    for row in csv.reader((DATA / "people_foreign_names.csv").open(encoding="utf-8-sig")):
        sheet.append(row)
    workbook = tmp_path / "people.xlsx"
    book.save(workbook)
    walk = Walker(lang, [*data, *CODECS, *cells(listed, DATA / "people_foreign_names.csv"),
                         "说明", "名单", "本表仅供参考", "list.csv", "people.xlsx"])

    wizard = menu.open_import_wizard(window, window.ctx)
    assert isinstance(wizard, ImportWizard)
    walk(wizard, "opened")
    wizard.file_page.set_path(str(listed))
    run_wizard_to_the_end(qtbot, wizard, walk)
    wizard.reject()

    wizard = menu.open_import_wizard(window, window.ctx)
    assert isinstance(wizard, ImportWizard)
    wizard.file_page.set_path(str(workbook))
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=TIMEOUT)
    walk(wizard, "a workbook whose first sheet is not a list")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == SHEET_PAGE
    box = wizard.sheet_page.sheet_box
    box.setCurrentText("名单")
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: wizard.sheet_page.isComplete(), timeout=TIMEOUT)
    walk(wizard, "the sheet chosen")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == MAPPING_PAGE
    run_wizard_to_the_end(qtbot, wizard, walk)
    wizard.reject()
    assert walk.found == []


@pytest.mark.parametrize("lang", LANGS)
def test_import_wizard_an_unsure_encoding(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, event_copy, in_language, lang: str) -> None:
    in_language(lang)
    _url, data = event_copy
    path = DATA / "enc-euc-kr-english-header.csv"
    walk = Walker(lang, [*data, *CODECS, path.name, *cells(path, encoding="euc_kr")])
    wizard = menu.open_import_wizard(window, window.ctx)
    assert isinstance(wizard, ImportWizard)
    wizard.file_page.set_path(str(path))
    qtbot.waitUntil(lambda: wizard.file_page.info.styleSheet() != "", timeout=TIMEOUT)
    assert not wizard.file_page.isComplete()
    walk(wizard, "the encoding is not certain")
    wizard.reject()
    assert walk.found == []


@pytest.mark.parametrize("lang", LANGS)
def test_export_dialog_each_kind_and_a_file_written(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, event_copy, in_language, lang: str, tmp_path: Path) -> None:
    in_language(lang)
    _url, data = event_copy
    walk = Walker(lang, data)
    dialog = menu.open_export_dialog(window, window.ctx)
    assert isinstance(dialog, ExportDialog)
    for key, _label, _suffixes in KINDS:
        dialog.set_kind(key)
        walk(dialog, key)
    dialog.set_kind("people")
    dialog.path_edit.setText(str(tmp_path / "people.csv"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    walk(dialog, "exporting")
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    assert dialog.written is not None
    walk(dialog, "exported")
    dialog.path_edit.setText(str(tmp_path / "people.txt"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    walk(dialog, "a wrong file name")
    dialog.reject()
    assert walk.found == []


@pytest.mark.parametrize("lang", LANGS)
def test_purge_questions_and_report(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, event_copy, in_language, lang: str) -> None:
    in_language(lang)
    _url, data = event_copy
    walk = Walker(lang, data)
    reported: list[str] = []

    def warned(box: QWidget) -> None:
        walk(box, "the warning")
        click(box, QMessageBox.StandardButton.Yes)

    def typed(dialog: QWidget) -> None:
        walk(dialog, "typing the word")
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("PURGE")
        dialog.accept()

    def report(box: QWidget) -> None:
        walk(box, "the report")
        assert isinstance(box, QMessageBox)
        reported.append(box.text())
        click(box, QMessageBox.StandardButton.Ok)

    purge = next(a for a in window.transfer_menu.actions() if a.objectName() == "purge")
    with Modals(warned, typed, report) as modals:
        purge.trigger()
        qtbot.waitUntil(lambda: bool(reported), timeout=TIMEOUT)
    assert modals.seen == ["QMessageBox", "QInputDialog", "QMessageBox"]
    assert walk.found == []

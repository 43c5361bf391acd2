"""The badges, designer and printers areas in one language at a time (issue 13), opened as an
organiser would and walked text by text (tests/ui/i18n_walk.py) in Chinese and in English: the
badges view with its layout choice after a run, the designer with each kind of element selected
(its panels, property editors, add-element and size menus, undo and redo texts as the Edit menu
shows them), its save dialog and question boxes, the printer calibration dialog.

What a badge prints (a category label, free text) is data, not interface: the walker leaves
what a person edits in place alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from eventdesk.ui import ops
from eventdesk.ui.badges.view import BadgeView
from eventdesk.ui.designer import files
from eventdesk.ui.designer.window import DesignerView
from eventdesk.ui.labels import KNOWN_PRESET_LABELS
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.printers import queue
from tests.ui.i18n_walk import problems
from tests.ui.test_translations import open_window, settle

LANGS = ("zh", "en")
LOGO = Path(__file__).parents[2] / "resources" / "layouts" / "logo-light.png"


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of every question and warning box, answered No / OK at once."""
    texts: list[str] = []

    def question(_parent: QWidget, _title: str, text: str, *_a: object,
                 **_k: object) -> QMessageBox.StandardButton:
        texts.append(text)
        return QMessageBox.StandardButton.No

    def warning(_parent: QWidget, _title: str, text: str, *_a: object,
                **_k: object) -> QMessageBox.StandardButton:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return texts


@pytest.fixture
def window(qtbot, i18n_event_file: tuple[str, list[str]],  # type: ignore[no-untyped-def]
           in_language: Callable[[str], None], lang: str) -> Iterator[MainWindow]:
    """The main window in `lang` (the test's parameter), on the translation walks' event."""
    in_language(lang)
    shown = open_window(qtbot, i18n_event_file[0])
    yield shown
    ops.wait_idle()
    shown.close()
    shown.ctx.db.dispose()


def sentence_problems(texts: list[str], lang: str, data: list[str]) -> list[str]:
    """The walk's verdict on sentences shown in a message box (a label per sentence)."""
    holder = QWidget()
    for text in texts:
        QLabel(text, holder)
    found = problems(holder, lang, data=data)
    holder.deleteLater()
    return found


def designer(qtbot, window: MainWindow) -> DesignerView:  # type: ignore[no-untyped-def]
    view = window.show_view("designer")
    settle(qtbot, view)
    assert isinstance(view, DesignerView)
    return view


@pytest.mark.parametrize("lang", LANGS)
def test_badges_view_with_its_layout_choice_after_a_run(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, i18n_event_file: tuple[str, list[str]],
        tmp_path: Path, lang: str) -> None:
    data = i18n_event_file[1]
    view = window.show_view("badges")
    settle(qtbot, view)
    assert isinstance(view, BadgeView)
    assert problems(view, lang, data=data) == []
    # Only the event's exhibitors, and a PDF written: the count and the run's status line.
    view.category.setCurrentIndex(1)
    view.refresh()
    settle(qtbot, view)
    run = view.start_run(out=tmp_path / "badges.pdf")
    qtbot.waitUntil(lambda: run.done, timeout=60_000)
    settle(qtbot, view)
    assert view.last_outcome is not None and view.last_outcome.badges > 0
    assert problems(view, lang, data=data) == []
    figure = f"{view.last_outcome.badges:,}"
    assert figure in view.count_label.text() and figure in view.status.text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_run_refused_because_signing_is_locked_says_so_in_the_language(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, i18n_event_file: tuple[str, list[str]], tmp_path: Path,
        lang: str) -> None:
    from eventdesk.services import signing
    from tests.conftest import TEST_SIGNING_PASSPHRASE

    view = window.show_view("badges")
    settle(qtbot, view)
    assert isinstance(view, BadgeView)
    with window.ctx.db.unit_of_work(write=False) as session:
        signing.lock(session)
    try:
        run = view.start_run(out=tmp_path / "locked.pdf")
        qtbot.waitUntil(lambda: run.done, timeout=60_000)
        settle(qtbot, view)
        assert view.last_outcome is None and not (tmp_path / "locked.pdf").exists()
        assert ("签名" if lang == "zh" else "signing") in view.status.text()
        assert problems(view, lang, data=i18n_event_file[1]) == []
    finally:
        with window.ctx.db.unit_of_work(write=False) as session:
            signing.unlock(session, passphrase=TEST_SIGNING_PASSPHRASE)


@pytest.mark.parametrize("lang", LANGS)
def test_the_calibration_dialog(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                i18n_event_file: tuple[str, list[str]], lang: str) -> None:
    view = window.show_view("badges")
    settle(qtbot, view)
    assert isinstance(view, BadgeView)
    dialog = view.open_calibration()
    qtbot.addWidget(dialog)
    data = [*i18n_event_file[1], *queue.printer_names()]  # the system's printers: data
    assert problems(dialog, lang, data=data) == []
    dialog.printer.clear()
    dialog.save()  # no printer chosen: said in the dialog's status line
    assert dialog.status.text() and problems(dialog, lang, data=data) == []
    dialog.reject()


@pytest.mark.parametrize("lang", LANGS)
def test_the_designer_with_every_kind_of_element_its_menus_and_undo_texts(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, i18n_event_file: tuple[str, list[str]],
        said: list[str], lang: str) -> None:
    data = i18n_event_file[1]
    view = designer(qtbot, window)
    assert problems(view, lang, data=data) == []
    # Every kind of element selected in turn: the property editors each kind shows.
    view.adder.text("company")
    view.adder.text("")
    view.adder.rect()
    view.adder.qr()
    view.adder.image(LOGO)
    for kind in ("text", "rect", "qr", "image"):
        index = max(i for i, spec in enumerate(view.model.elements(0, "front"))
                    if spec.get("type", "text") == kind)
        view.scene.select([index])
        assert problems(view, lang, data=data) == [], kind
    view.scene.select([0, 1])  # two selected: "(2 selected)"
    assert problems(view, lang, data=data) == []
    # The other things a designer does, each one undo step.
    view.scene.select([0])
    view.scene.nudge(1, 0)
    view.elements.font_size.setValue(view.elements.font_size.value() + 1)
    view.scene.select([0, 1, 2])
    view.scene.align("left")
    view.scene.distribute("v")
    view.toggle_back()
    view._fill_size_menu()
    view.size_menu.actions()[0].trigger()
    view.categories.table.item(0, 1).setText("展商")
    view.scene.delete_selected()
    view.side.setCurrentIndex(0)
    settle(qtbot, view)
    steps = [view.stack.text(i) for i in range(view.stack.count())]
    assert len(steps) >= 12 and all(steps)
    undo = next(a for a in view.findChildren(type(view.save_action))
                if a.text().startswith("撤销" if lang == "zh" else "Undo"))
    assert undo.text().endswith(steps[-1])
    view._fill_size_menu()
    assert sentence_problems(steps, lang, data) == []
    assert problems(view, lang, data=data) == []
    # Opening another layout asks first (answered No: the design stays).
    view.open_layout("bold")
    view.new_from("bold")
    view.adder.image(Path(__file__))  # not an image: refused in a warning box
    assert len(said) == 3
    assert sentence_problems(said, lang, [*data, Path(__file__).name]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_designer_save_dialog_and_a_copy_of_a_builtin_layout(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, i18n_event_file: tuple[str, list[str]],
        monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    data = i18n_event_file[1]
    view = designer(qtbot, window)
    view.new_from("duplex")
    title = view.model.document["title"]
    assert title == ("双面（副本）" if lang == "zh" else "Two-sided (copy)")
    dialog = files.SaveDialog(view, view.model.layout)
    qtbot.addWidget(dialog)
    assert problems(dialog, lang, data=[*data, title]) == []
    monkeypatch.setattr(files.SaveDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    view.save()  # asked, refused: nothing saved
    assert not view.stack.isClean()


def test_every_preset_and_builtin_layout_has_a_translatable_name() -> None:
    """A paper preset added without an entry in ui.badges.labels, or a built-in layout without
    its title in the messages catalogue, would show its Chinese name in an English window."""
    from eventdesk import messages
    from eventdesk.actions import layouts
    from eventdesk.pdf.presets import PRESETS

    assert {p.label for p in PRESETS.values()} <= KNOWN_PRESET_LABELS
    builtin = [info for info in layouts.file_layouts() if info.origin == "builtin"]
    assert builtin and all(messages.catalogue()[f"layout.builtin.{info.name}"][0] == info.title
                           for info in builtin)


def test_a_character_no_font_has_is_named_in_the_language(
        qapp, in_language: Callable[[str], None]) -> None:  # type: ignore[no-untyped-def]
    """The badges view's list of characters that would print as empty boxes (and the command
    line's report): the field in the language, the character with its code point."""
    from eventdesk import messages
    from eventdesk.actions.printing import GlyphProblem

    problem = GlyphProblem(1, "王\ue000", "company_short", ("\ue000",))
    in_language("en")
    assert messages.text(problem.code, **problem.params) == (
        "王\ue000: the company's short name has characters no font can draw: \ue000 U+E000")
    in_language("zh")
    assert messages.text(problem.code, **problem.params) == (
        "王\ue000：单位简称 含有无法显示的字符 \ue000 U+E000")

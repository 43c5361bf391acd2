"""The exhibitors area and the desk's exhibitor pick-up in one language at a time (issue 13):
the view with a flagged exhibitor selected (figures, flags, latest pick-up, staff), the new
exhibitor form, the print-all-badges dialog and the pick-up dialog, each walked text by text
(tests/ui/i18n_walk.py) in Chinese and in English, opened as an operator opens them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from eventdesk.domain import Exhibitor, Person, PersonStatus
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.checkin import check_in
from eventdesk.services.events import get_event
from eventdesk.storage import Database, open_database, sqlite_path, to_url
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.exhibitors.view import ExhibitorsView
from tests.ui.desk_fixtures import open_desk
from tests.ui.i18n_walk import data_texts, problems
from tests.ui.keys import operator_types
from tests.ui.users import as_user

LANGS = ("zh", "en")


@pytest.fixture
def fair(i18n_event_file: tuple[str, list[str]],
         tmp_path: Path) -> Iterator[tuple[Database, list[str], dict[str, object]]]:
    """A copy of the translation walks' demo event where the first exhibitor is over quota, has
    a staff member checked in and a pack collected, and the next two share a booth: every text
    of the area shows. -> (database, its data texts, what the tests need to find)."""
    url, _data = i18n_event_file
    source = sqlite_path(url)
    assert source is not None
    copy = tmp_path / "exhibitors.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    db = open_database(to_url(copy))
    with db.unit_of_work() as s:
        ids = list(s.scalars(select(Exhibitor.id).order_by(Exhibitor.id)))
        first, second, third = ids[:3]
        staff = list(s.scalars(select(Person.id).where(
            Person.exhibitor_id == first, Person.status == PersonStatus.REGISTERED)
            .order_by(Person.id)))
        assert len(staff) >= 2
        booth = s.scalar(select(Exhibitor.booth).where(Exhibitor.id == third))
        hall = s.scalar(select(Exhibitor.hall).where(Exhibitor.id == third))
        s.execute(update(Exhibitor).where(Exhibitor.id == first).values(staff_quota=1))
        s.execute(update(Exhibitor).where(Exhibitor.id == second).values(booth=booth, hall=hall))
        desk_badges.record_print(s, person_id=staff[0], desk="1", operator="o",
                                 layout="default")
        desk_badges.mark_pack_collected(s, exhibitor_id=first, desk="东门", operator="o",
                                        collected_by="王芳", collector_phone="13912345678")
        check_in(s, person_id=staff[1], desk="1", operator="o")
        found = {"first": first, "booth": s.scalar(select(Exhibitor.booth).where(
            Exhibitor.id == first))}
    yield db, data_texts(db), found
    ops.wait_idle()
    db.dispose()


def _view(qtbot, db: Database) -> ExhibitorsView:  # type: ignore[no-untyped-def]
    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    view = ExhibitorsView(AppContext(db, event, as_user("admin")))
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    view.settle()
    return view


@pytest.mark.parametrize("lang", LANGS)
def test_view_with_a_flagged_exhibitor_and_the_new_form(  # type: ignore[no-untyped-def]
        qtbot, fair, in_language: Callable[[str], None], lang: str) -> None:
    db, data, found = fair
    in_language(lang)
    view = _view(qtbot, db)
    assert view.pane.select_id(found["first"])
    view.settle()
    assert view.panel.flags_label.isVisible() and view.panel.staff.topLevelItemCount() >= 2
    assert "王芳" in view.panel.pickup_label.text()
    assert problems(view, lang, data=data) == []
    view.flag.setCurrentIndex(view.flag.findData("any"))
    view.settle()
    assert view.model.rowCount() == 3
    assert problems(view, lang, data=data) == []
    qtbot.mouseClick(view.pane.new_button, Qt.MouseButton.LeftButton)
    assert problems(view.panel, lang, data=data) == []


@pytest.mark.parametrize("lang", LANGS)
def test_print_all_badges_dialog(qtbot, fair, in_language: Callable[[str], None],  # type: ignore[no-untyped-def]
                                 lang: str) -> None:
    db, data, found = fair
    in_language(lang)
    view = _view(qtbot, db)
    assert view.pane.select_id(found["first"])
    view.settle()
    qtbot.mouseClick(view.panel.print_button, Qt.MouseButton.LeftButton)
    dialog = view.print_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.only_new.isEnabled()  # some printed, some not: every choice shows
    assert problems(dialog, lang, data=data) == []
    dialog.every.setChecked(True)
    assert dialog.reason.isEnabled()
    assert problems(dialog, lang, data=data) == []


@pytest.mark.parametrize("lang", LANGS)
def test_pickup_dialog(qtbot, fair, tmp_path: Path, in_language: Callable[[str], None],  # type: ignore[no-untyped-def]
                       lang: str) -> None:
    from eventdesk.ui.desk.pickup import PickupDialog

    db, data, found = fair
    in_language(lang)
    desk = open_desk(qtbot, db, tmp_path)
    dialog = PickupDialog(desk.ctx, desk.badges, parent=desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert problems(dialog, lang, data=data) == []  # nothing chosen yet
    operator_types(dialog.query, str(found["booth"]))
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.staff.rowCount() >= 2)
    assert "王芳" in dialog.last_pickup.text()
    assert problems(dialog, lang, data=data) == []
    dialog.collect.click()  # no collector typed: the dialog asks for one
    assert problems(dialog, lang, data=data) == []
    operator_types(dialog.query, "ZZZZ")
    qtbot.waitUntil(lambda: dialog.companies.count() == 0)
    assert problems(dialog, lang, data=data) == []

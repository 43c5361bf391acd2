"""The agenda item editor round-trips what it shows: opened and confirmed unchanged, the item stays
exactly as it was (day, times, room, track, kind, audience, speakers, moderators …)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from eventdesk.domain import AgendaKind, SpeakerRole
from eventdesk.services.events import get_event
from eventdesk.services.schedule import items as schedule
from eventdesk.storage import Database
from tests.schedule_data import Small, at, build_small
from tests.ui.users import as_user


@pytest.fixture
def small(db: Database) -> Small:
    small = build_small(db)
    with db.unit_of_work() as s:
        # A day-3 panel with a moderator, no track, and a speaker who has a namesake (张伟):
        # every field the editor shows, on the last day.
        small.items["闭幕"] = schedule.create_item(s, data=schedule.ItemInput(
            title_zh="闭幕圆桌", title_en="Closing panel", kind=AgendaKind.PANEL,
            start=at(small.days[2], "16:15"), end=at(small.days[2], "17:40"),
            room_id=small.rooms["主会场"], track_id=None, expected_audience=640,
            description="第一行\n第二行", external_ref="EXT-9",
            speakers=(small.people["张伟"], small.people["李娜"]),
            moderators=(small.people["王芳"],))).id
    return small


@pytest.fixture
def view(qtbot, db: Database, small: Small):  # type: ignore[no-untyped-def]
    from eventdesk.ui.context import AppContext
    from eventdesk.ui.schedule.view import create_view

    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    widget = create_view(AppContext(db, event, as_user("test")))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.is_settled)
    return widget


def stored(db: Database, item_id: int) -> schedule.ItemRow:
    with db.unit_of_work(write=False) as s:
        return schedule.get_item(s, item_id=item_id)


def press_ok_on_the_dialog(refused: list[str]) -> None:
    """What staff do: the editor opens, they press OK. Should OK not close it (the editor refused
    its own contents), note what it said and close it, so the test fails instead of hanging."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        if dialog.isVisible():
            refused.append(dialog.error.text())  # type: ignore[attr-defined]
            dialog.reject()

    QTimer.singleShot(0, press)


@pytest.mark.parametrize("name", ["开幕", "芯片", "应用", "闭幕", "未排"])
def test_open_and_confirm_unchanged_changes_nothing(view, db: Database, small: Small, qtbot,
                                                    name: str) -> None:  # type: ignore[no-untyped-def]
    item_id = small.items[name]
    before = stored(db, item_id)
    refused: list[str] = []
    press_ok_on_the_dialog(refused)
    view.edit_item(item_id)
    qtbot.waitUntil(view.is_settled)
    assert refused == []
    after = stored(db, item_id)
    assert after == before
    if before.start is not None:
        assert view.schedule.event.day_of(after.start) == view.schedule.event.day_of(before.start)


def test_editor_shows_the_items_own_day(qtbot, db: Database, small: Small,  # type: ignore[no-untyped-def]
                                        in_language) -> None:
    from eventdesk.ui.context import AppContext
    from eventdesk.ui.schedule.editor import ItemEditor

    in_language("zh")  # the day is worded for the language (QLocale), here Chinese
    with db.unit_of_work(write=False) as s:
        sched = schedule.load_schedule(s)
        event = get_event(s)
    ctx = AppContext(db, event, as_user("test"))
    for name, day, shown in (("应用", 1, "2025年5月21日 周三"), ("闭幕", 2, "2025年5月22日 周四"),
                             ("开幕", 0, "2025年5月20日 周二")):
        row = next(i for i in sched.items if i.id == small.items[name])
        dialog = ItemEditor(ctx, sched, row)
        qtbot.addWidget(dialog)
        assert dialog.days[dialog.day.currentIndex()] == small.days[day]
        assert dialog.day.currentText() == shown
        assert not dialog.unscheduled.isChecked()
        data = dialog.build_input()
        assert data == row.as_input()
    closing = stored(db, small.items["闭幕"])
    assert [p.role for p in closing.people].count(SpeakerRole.MODERATOR) == 1

"""Two desks on one database (a SQLite file, a PostgreSQL server): what another desk does — a
check-in, a walk-in, an edit, through the actions, on an engine of its own as another process
has — shows at this desk without any refresh, within the 2 s budget (waited for up to 3 s); and
when the server goes away (a proxy cut), the desk says so, never shows a scan as checked in, and
comes back by itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from eventdesk.actions import desk as desk_actions
from eventdesk.actions import records
from eventdesk.actions.base import ActionContext
from eventdesk.domain import UserRole
from eventdesk.domain.access import Principal
from eventdesk.messages.desk import desk_text
from eventdesk.services import people
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database, open_database
from eventdesk.ui.desk.view import DeskView
from eventdesk.ui.live import start_live_updates
from tests.conftest import PgRun
from tests.pg_proxy import CuttableProxy
from tests.services.checkin_cases import add, count, payload_of
from tests.ui.desk_fixtures import open_desk
from tests.ui.keys import scanner
from tests.ui.threads import no_database_on_the_gui_thread

SEEN_WITHIN_MS = 3000  # the budget is 2 s (p95, benchmarks/bench_live.py); a little slack here
ADMIN = Principal("admin", UserRole.ADMIN)


@pytest.fixture
def other(event_db: Database) -> Iterator[ActionContext]:
    """Desk 7: its own engine on the same database."""
    db = open_database(event_db.url)
    yield ActionContext(db=db, desk="7", operator="op7", user=ADMIN)
    db.dispose()


def live_desk(qtbot, db: Database, tmp_path: Path) -> DeskView:  # type: ignore[no-untyped-def]
    view = open_desk(qtbot, db, tmp_path, name="3")
    start_live_updates(view.ctx)
    qtbot.waitUntil(lambda: view.ctx.live._watcher.position is not None)  # type: ignore[union-attr]
    return view


def stop(view: DeskView) -> None:
    view.scanner.remove()
    view.ctx.live.stop(wait=True)  # type: ignore[union-attr]


def typed(view: DeskView, text: str) -> None:
    """Chinese typed through the input method: one commit of the composed text."""
    view.search.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(view.search, event)


def shown(view: DeskView) -> dict[str, str]:
    """The result table as the operator reads it: name -> 今日签到 column (and company)."""
    model = view.model
    return {model.data(model.index(r, 0)): f"{model.data(model.index(r, 4))} "
            f"{model.data(model.index(r, 1))}" for r in range(model.rowCount())}


BOTH = pytest.mark.parametrize("db_backend", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)],
                               indirect=True)


@BOTH
def test_another_desks_check_in_walk_in_and_edit_show_here(
        qtbot, event_db: Database, other: ActionContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    li = add(event_db, "李娜", company="寒武纪")
    add(event_db, "张伟", company="阿丘科技")
    view = live_desk(qtbot, event_db, tmp_path)
    try:
        with no_database_on_the_gui_thread(event_db):
            typed(view, "李娜")
            qtbot.waitUntil(lambda: not view.searching)
            assert shown(view) == {"李娜": "未签到 寒武纪"}
            assert view.selected_id() == li.id

            # (the test's own reads go through desk 7's engine: not this desk's GUI thread)
            desk_actions.scan(other, payload=payload_of(other.db, li.id))
            qtbot.waitUntil(lambda: shown(view)["李娜"].startswith("✓"),
                            timeout=SEEN_WITHIN_MS)
            assert "7 号台" in shown(view)["李娜"]
            # The selected person: the panel says another desk has checked them in.
            assert view.status.state == "amber"
            assert "李娜 已在 7 号台签到" in view.status.title.text()
            qtbot.waitUntil(lambda: desk_text("desk.header", where="3 号台", event="测试大会",
                                              count=1) == view.header.text(),
                            timeout=SEEN_WITHIN_MS)

            with other.db.unit_of_work(write=False) as s:
                base = people.get_person(s, person_id=li.id)
            records.save_person(other, data=PersonInput(name="李娜", company="中科曙光"),
                                base=base)
            qtbot.waitUntil(lambda: shown(view)["李娜"].endswith("中科曙光"),
                            timeout=SEEN_WITHIN_MS)

            # A walk-in at desk 7 whose name is typed here first: it appears by itself.
            view.search.clear()
            typed(view, "欧阳娜娜")
            qtbot.waitUntil(lambda: not view.searching)
            assert shown(view) == {}
            desk_actions.register_walk_in(
                other, data=PersonInput(name="欧阳娜娜", company="新华社"), new_person=True)
            qtbot.waitUntil(lambda: "欧阳娜娜" in shown(view), timeout=SEEN_WITHIN_MS)
            assert shown(view)["欧阳娜娜"].startswith("✓")
            # … and by its pinyin, from the index the watcher brought up to date.
            view.search.clear()
            QTest.keyClicks(view.search, "oynn")
            qtbot.waitUntil(lambda: not view.searching)
            assert list(shown(view)) == ["欧阳娜娜"]
    finally:
        stop(view)


@BOTH
def test_own_check_in_is_not_mistaken_for_another_desks(
        qtbot, event_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    li = add(event_db, "李娜", company="寒武纪")
    view = live_desk(qtbot, event_db, tmp_path)
    try:
        scanner(view.search, payload_of(event_db, li.id))
        qtbot.waitUntil(lambda: view.idle)
        assert view.status.state == "green"
        QTest.qWait(800)  # the feed's report of this desk's own check-in comes and goes
        assert view.status.state == "green"
    finally:
        stop(view)


@pytest.mark.pg
def test_server_goes_away_desk_says_so_never_checks_in_and_comes_back(
        qtbot, pg_run: PgRun, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    direct = open_database(pg_run.url)
    with direct.engine.begin() as conn:
        conn.exec_driver_sql(pg_run.empty_sql)
    from datetime import date

    from eventdesk.services.events import create_event
    from eventdesk.services.signing import KdfCost, create_key
    from tests.conftest import CHEAP_KDF, TEST_SIGNING_PASSPHRASE

    with direct.unit_of_work() as s:
        create_event(s, code="TEST", name_zh="测试大会", start_date=date.today(),
                     end_date=date.today())
        # a badge-signing key, unlocked here: the scan below needs a real payload
        create_key(s, passphrase=TEST_SIGNING_PASSPHRASE, created_by="test",
                   cost=KdfCost(*CHEAP_KDF))
    li = add(direct, "李娜", company="寒武纪")
    wang = add(direct, "王芳", company="新华社")
    proxy = CuttableProxy.to_url(pg_run.url)
    desk_db = open_database(proxy.url)
    view = live_desk(qtbot, desk_db, tmp_path)
    try:
        assert not view.banner.isVisible()
        proxy.cut()
        qtbot.waitUntil(view.banner.isVisible, timeout=SEEN_WITHIN_MS)
        assert view.banner.text() == desk_text("desk.live.offline")
        # A scanner burst during the outage: red, "not checked in", nothing written.
        scanner(view.search, payload_of(direct, li.id))
        qtbot.waitUntil(lambda: view.idle, timeout=15_000)
        assert view.status.state == "red"
        assert view.status.title.text() == desk_text("desk.status.not_checked_in")
        assert desk_text("desk.status.scan_again") in view.status.hint.text()
        assert count(direct) == 0
        assert all(not r.checked_in for r in view.model.rows)
        # The server is back: the banner goes by itself, the same scan now checks in.
        proxy.resume()
        qtbot.waitUntil(lambda: not view.banner.isVisible(), timeout=6000)
        scanner(view.search, payload_of(direct, li.id))
        qtbot.waitUntil(lambda: view.idle, timeout=5000)
        assert view.status.state == "green" and count(direct) == 1
        # The watcher listens again: another desk's check-in shows here.
        typed(view, "王芳")
        qtbot.waitUntil(lambda: not view.searching)
        other = ActionContext(db=direct, desk="7", operator="op7", user=ADMIN)
        desk_actions.scan(other, payload=payload_of(direct, wang.id))
        qtbot.waitUntil(lambda: shown(view).get("王芳", "").startswith("✓"),
                        timeout=SEEN_WITHIN_MS)
    finally:
        stop(view)
        desk_db.dispose()
        direct.dispose()
        proxy.stop()

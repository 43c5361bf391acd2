"""The change feed and its watcher, on SQLite and PostgreSQL: triggers write a row for every
person, check-in, print and exhibitor change; a second Database on the same URL (another desk's
process) acts, and the watcher of the first hears of it, brings its search index up to date and
reports what changed."""

from __future__ import annotations

import queue
import time

import pytest
from sqlalchemy import insert

from eventdesk.actions import desk as desk_actions
from eventdesk.actions import records
from eventdesk.actions.base import ActionContext
from eventdesk.domain import ChangeLogEntry, UserRole
from eventdesk.domain.access import Principal
from eventdesk.services import changes, live
from eventdesk.services.changes import FeedPosition, News, latest_position, read_changes
from eventdesk.services.exhibitors import ExhibitorInput
from eventdesk.services.live import Reachable, Report, Watcher
from eventdesk.services.people import PersonInput, get_person
from eventdesk.services.search.index import desk_index
from eventdesk.storage import Database, open_database
from tests.conftest import PgRun
from tests.pg_proxy import CuttableProxy
from tests.services.checkin_cases import add, payload_of

ADMIN = Principal("admin", UserRole.ADMIN)


def other_desk(db: Database) -> ActionContext:
    """Another desk: its own engine and pool on the same database, as another process has."""
    return ActionContext(db=open_database(db.url), desk="7", operator="op7", user=ADMIN)


def news_of(db: Database, position: FeedPosition) -> News:
    with db.unit_of_work(write=False) as s:
        return read_changes(s, position=position)


def test_every_kind_of_change_is_in_the_feed(event_db: Database) -> None:
    with event_db.unit_of_work(write=False) as s:
        start = latest_position(s)
    p = add(event_db, "张伟", company="阿丘科技")
    assert news_of(event_db, start) == News(people=frozenset({p.id}))
    other = other_desk(event_db)
    try:
        desk_actions.scan(other, payload=payload_of(event_db, p.id))
        found = news_of(event_db, start)
        assert found.checkins == {p.id} and found.topics == {"checkins"}
        row = records.save_exhibitor(other, data=ExhibitorInput(name_zh="寒武纪"), base=None)
        with event_db.unit_of_work(write=False) as s:
            base = get_person(s, person_id=p.id)
        records.save_person(other, data=PersonInput(name="张伟", company="寒武纪"), base=base)
        desk_actions.undo_check_in(other)
        found = news_of(event_db, start)
        assert found.exhibitors == {row.value.id} and found.people == {p.id}
        assert found.checkins == {p.id}  # the undo deleted the check-in
        assert not news_of(event_db, start)  # read once
    finally:
        other.db.dispose()


def test_ids_committed_out_of_order_are_read_once_gaps_expire(event_db: Database) -> None:
    with event_db.unit_of_work(write=False) as s:
        start = latest_position(s)
    base = start.last
    clock = [100.0]

    def write(row_id: int, subject: int) -> None:
        with event_db.unit_of_work() as s:
            s.execute(insert(ChangeLogEntry).values(id=row_id, topic="people",
                                                    subject_id=subject))

    def read() -> News:
        with event_db.unit_of_work(write=False) as s:
            return read_changes(s, position=start, clock=lambda: clock[0])

    write(base + 3, 3)  # ids base+1 and base+2 were drawn by transactions not yet committed
    assert read().people == {3} and start.gaps.keys() == {base + 1, base + 2}
    write(base + 1, 1)
    assert read().people == {1} and start.gaps.keys() == {base + 2}
    clock[0] += changes.GAP_WAIT_S + 1  # base+2 was rolled back: looked for no longer
    assert not read() and not start.gaps and start.last == base + 3


def wait_for(reports: queue.Queue[Report], wanted: type, *, timeout: float = 3.0
             ) -> list[Report]:
    """Reports until one of type `wanted` (AssertionError after `timeout` s)."""
    seen: list[Report] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            report = reports.get(timeout=0.05)
        except queue.Empty:
            continue
        seen.append(report)
        if isinstance(report, wanted):
            return seen
    raise AssertionError(f"no {wanted.__name__} within {timeout} s: {seen}")


def test_watcher_hears_another_desks_walk_in_and_the_index_finds_it(event_db: Database) -> None:
    add(event_db, "李娜", company="寒武纪")
    index = desk_index(event_db)
    index.warm_up()
    index.stale_after = 3600  # no version check: only the feed can tell the index
    reports: queue.Queue[Report] = queue.Queue()
    watcher = Watcher(event_db, report=reports.put)
    watcher.start()
    other = other_desk(event_db)
    try:
        assert wait_for(reports, Reachable) == [Reachable(True)]
        walk_in = desk_actions.register_walk_in(
            other, data=PersonInput(name="欧阳娜娜", company="新华社"), new_person=True).value
        assert walk_in.checked_in is not None and walk_in.checked_in.row is not None
        pid = walk_in.checked_in.row.person.id
        seen = [r for r in wait_for(reports, News) if isinstance(r, News)]
        people = set().union(*(r.people for r in seen))
        checkins = set().union(*(r.checkins for r in seen))
        if pid not in checkins:  # the walk-in's check-in may come in the next read
            more = [r for r in wait_for(reports, News) if isinstance(r, News)]
            checkins |= set().union(*(r.checkins for r in more))
        assert pid in people and pid in checkins
        assert index.search("欧阳娜娜") == [pid]
        assert index.search("ouyang") == [pid]
    finally:
        watcher.stop()
        other.db.dispose()
    assert not watcher.running


@pytest.mark.pg
def test_watcher_on_the_server_says_unreachable_and_comes_back(pg_run: PgRun) -> None:
    proxy = CuttableProxy.to_url(pg_run.url)
    db = open_database(proxy.url)
    reports: queue.Queue[Report] = queue.Queue()
    watcher = Watcher(db, report=reports.put)
    watcher.start()
    try:
        assert wait_for(reports, Reachable)[-1] == Reachable(True)
        proxy.cut()
        assert wait_for(reports, Reachable)[-1] == Reachable(False)
        proxy.resume()
        assert wait_for(reports, Reachable, timeout=6)[-1] == Reachable(True)
    finally:
        watcher.stop()
        db.dispose()
        proxy.stop()


@pytest.mark.pg
def test_watcher_notices_a_link_that_stalls_without_closing(pg_run: PgRun) -> None:
    proxy = CuttableProxy.to_url(pg_run.url)
    db = open_database(proxy.url)
    reports: queue.Queue[Report] = queue.Queue()
    watcher = Watcher(db, report=reports.put)
    watcher.start()
    try:
        assert wait_for(reports, Reachable)[-1] == Reachable(True)
        proxy.stall()  # no connection is closed, no packet fails: only an answer is missing
        limit = live.FALLBACK_S + live.PING_TIMEOUT_S + 3
        assert wait_for(reports, Reachable, timeout=limit)[-1] == Reachable(False)
        proxy.flow()
        assert wait_for(reports, Reachable, timeout=8)[-1] == Reachable(True)
    finally:
        watcher.stop()
        db.dispose()
        proxy.stop()

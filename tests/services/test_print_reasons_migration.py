"""Migration 0014_print_reasons (issue 13): an 0013 database with prints upgrades (its prints as
they were, the new reasons and badge_print.note accepted, SQLite's change feed triggers kept)
and downgrades (printer_fault and other back to damaged, the note gone, the old CHECK again)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from eventdesk.domain import BadgePrint, ChangeLogEntry
from eventdesk.services.badges import desk as desk_badges
from eventdesk.storage import Database, _alembic_config
from tests.services.checkin_cases import add

ROW = ("INSERT INTO badge_print (person_id, badge_code, at, desk, operator, layout, reason) "
       "VALUES (:pid, 'CODE', CURRENT_TIMESTAMP, 'd', 'op', 'default', :reason)")


def _to(db: Database, revision: str) -> None:
    with db.engine.begin() as conn:
        if revision == "head":
            command.upgrade(_alembic_config(conn), revision)
        else:
            command.downgrade(_alembic_config(conn), revision)


@pytest.fixture
def at_0013(event_db: Database) -> Iterator[Database]:
    """event_db taken down to 0013 (and back to head whatever the test did)."""
    _to(event_db, "0013_pinyin_sort")
    try:
        yield event_db
    finally:
        _to(event_db, "head")


def _reasons(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.scalars(text("SELECT reason FROM badge_print ORDER BY id")))


def _triggers(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            return set()
        return set(conn.scalars(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'badge_print'")))


def test_0013_refuses_the_new_reasons(at_0013: Database) -> None:
    pid = add(at_0013, "王芳").id
    with pytest.raises(IntegrityError), at_0013.engine.begin() as conn:
        conn.execute(text(ROW), {"pid": pid, "reason": "printer_fault"})


def test_upgrade_keeps_prints_and_admits_the_new_reasons(at_0013: Database) -> None:
    pid = add(at_0013, "王芳").id
    triggers = _triggers(at_0013)
    with at_0013.engine.begin() as conn:
        for reason in ("first", "lost", "damaged", "wrong_data"):
            conn.execute(text(ROW), {"pid": pid, "reason": reason})
    _to(at_0013, "head")
    assert _reasons(at_0013) == ["first", "lost", "damaged", "wrong_data"]
    assert _triggers(at_0013) == triggers  # SQLite's table copy made them again
    with at_0013.engine.connect() as conn:
        feed = conn.scalar(select(func.count(ChangeLogEntry.id)))
    with at_0013.unit_of_work() as s:
        for reason, note in (("printer_fault", ""), ("other", "换成媒体证")):
            desk_badges.record_print(s, person_id=pid, desk="d", operator="op",
                                     layout="default", reason=reason, note=note)
    with at_0013.unit_of_work(write=False) as s:
        assert s.execute(select(BadgePrint.reason, BadgePrint.note)
                         .order_by(BadgePrint.id.desc()).limit(2)).all() == [
            ("other", "换成媒体证"), ("printer_fault", None)]
    with at_0013.engine.connect() as conn:  # the change feed still hears prints
        assert conn.scalar(select(func.count(ChangeLogEntry.id))) > feed  # type: ignore[operator]
    with pytest.raises(IntegrityError), at_0013.engine.begin() as conn:
        conn.execute(text(ROW), {"pid": pid, "reason": "stolen"})


def test_downgrade_maps_the_new_reasons_to_damaged(at_0013: Database) -> None:
    pid = add(at_0013, "王芳").id
    _to(at_0013, "head")
    with at_0013.unit_of_work() as s:
        for reason, note in (("first", ""), ("printer_fault", ""), ("other", "换成媒体证"),
                             ("wrong_data", "")):
            desk_badges.record_print(s, person_id=pid, desk="d", operator="op",
                                     layout="default", reason=reason, note=note)
    _to(at_0013, "0013_pinyin_sort")
    assert _reasons(at_0013) == ["first", "damaged", "damaged", "wrong_data"]
    with at_0013.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("badge_print")}
    assert "note" not in columns
    with pytest.raises(IntegrityError), at_0013.engine.begin() as conn:
        conn.execute(text(ROW), {"pid": pid, "reason": "other"})

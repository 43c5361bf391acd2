"""The schedule services on PostgreSQL: same code path as SQLite (UTC storage, savepoints)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.services.imports import import_file
from eventdesk.services.schedule import items as schedule
from eventdesk.storage import Database
from tests.schedule_data import at, build_small

pytestmark = pytest.mark.pg


def test_conflicts_moves_and_restore_on_postgresql(pg_db: Database, tmp_path: Path) -> None:
    small = build_small(pg_db)
    d0 = small.days[0]
    with pg_db.unit_of_work() as s:
        schedule.move_item(s, item_id=small.items["芯片"], start=at(d0, "09:30"),
                           end=at(d0, "10:30"), room_id=small.rooms["主会场"])
    with pg_db.unit_of_work(write=False) as s:
        assert [c.kind for c in schedule.find_conflicts(s)] == ["room_double_booked"]
        assert len(schedule.conflicts_for_item(s, item_id=small.items["芯片"])) == 1
        before = schedule.get_item(s, item_id=small.items["开幕"])
    assert before.start == at(d0, "09:00")
    with pg_db.unit_of_work() as s:
        schedule.delete_item(s, item_id=before.id)
        schedule.create_item(s, data=before.as_input(), item_id=before.id)
        schedule.create_item(s, data=schedule.ItemInput(title_zh="新的"))  # sequence still fine
    with pg_db.unit_of_work(write=False) as s:
        assert schedule.get_item(s, item_id=before.id) == before
    path = tmp_path / "s.csv"
    path.write_text("日期,开始,结束,会场,议题,演讲嘉宾\n2025/5/21,9:30,10:00,分会场一,数据,王芳\n",
                    encoding="utf-8")
    with pg_db.unit_of_work() as s:
        result = import_file(s, path=path, kind="schedule", dry_run=True)
    assert result.created == 1 and {c["kind"] for c in result.extra["conflicts"]} == {
        "room_double_booked", "speaker_double_booked"}
    with pg_db.unit_of_work(write=False) as s:
        assert "数据" not in {i.title_zh for i in schedule.list_items(s)}

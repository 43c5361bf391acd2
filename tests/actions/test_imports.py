"""actions.imports: dry run and import for every kind, read/plan outside the write, topics."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk import messages
from eventdesk.actions import imports as import_actions
from eventdesk.actions.base import ActionContext, Cancelled, Topic
from eventdesk.domain import Person
from eventdesk.domain.errors import ImportRejected
from eventdesk.messages import imports as import_words
from eventdesk.services.people import PersonInput, create_person
from eventdesk.storage import Database
from tests.accounts import ADMIN
from tests.schedule_data import build_small

PEOPLE = "姓名,单位,手机\n张伟,光合,13812345678\n李娜,曙光,13912345678\n"


def count(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def request(path: Path, kind: str = "people", **kw: object) -> import_actions.ImportRequest:
    return import_actions.ImportRequest(path=path, kind=kind, **kw)  # type: ignore[arg-type]


def test_dry_run_then_import_changes_the_kinds_topic(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    ctx = ActionContext(event_db, operator="organiser", user=ADMIN)
    dry = import_actions.dry_run(ctx, request=request(path))
    assert (dry.value.created, dry.value.written, dry.changes) == (2, False, frozenset())
    assert count(event_db) == 0
    done = import_actions.import_list(ctx, request=request(path),
                                      expected_hash=dry.value.content_hash)
    assert done.value.written and done.changes == {Topic.PEOPLE} and count(event_db) == 2
    again = import_actions.import_list(ctx, request=request(path))
    assert (again.value.skipped, again.changes) == (2, frozenset())  # nothing to write


def test_a_change_after_planning_is_seen_by_the_write(event_db: Database,
                                                      tmp_path: Path) -> None:
    """Planned in a read transaction; someone adds 张伟 before the write: the write plans again
    and updates him instead of creating a second 张伟."""
    path = tmp_path / "p.csv"
    path.write_text(PEOPLE + "".join(f"人{i},公司,137{i:08d}\n" for i in range(600)),
                    encoding="utf-8")
    ctx = ActionContext(event_db, user=ADMIN)
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        if not calls:  # first call: at row 500 of the read plan, another desk adds 张伟
            with event_db.unit_of_work() as s:
                create_person(s, data=PersonInput(name="张伟", company="光合",
                                                  phone="13812345678"), operator="desk")
        calls.append(done)

    out = import_actions.import_list(ctx, request=request(path), progress=progress)
    assert (out.value.created, out.value.skipped) == (601, 1) and count(event_db) == 602


def test_cancel_writes_nothing(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("姓名,手机\n" + "".join(f"人{i},139{i:08d}\n" for i in range(1200)),
                    encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        import_actions.import_list(ActionContext(event_db, user=ADMIN), request=request(path),
                                   progress=cancel)
    assert count(event_db) == 0


def test_schedule_kind_report_and_json(db: Database, tmp_path: Path) -> None:
    build_small(db)
    path = tmp_path / "s.csv"
    path.write_text("日期,开始,结束,会议室,议题\n2025/5/22,9:00,10:00,新厅,闭幕\n"
                    "2025/5/22,9:00,8:00,主会场,倒序\n", encoding="utf-8")
    ctx = ActionContext(db, user=ADMIN)
    report = import_actions.dry_run(ctx, request=request(path, "schedule")).value
    data = import_words.report_json(report)
    assert set(data) >= {"created", "updated", "skipped", "errors"}
    assert [(e["row"], e["column"], e["value"]) for e in data["errors"]] == [
        (1, "会议室", "新厅"), (2, "结束", "8:00")]
    assert data["errors"][0]["message"] == messages.text("imports.schedule.unknown_room",
                                                          room="新厅")
    messages.set_language("en")
    try:
        assert import_words.row_message(report.errors[1]) == "The end must be after the start"
    finally:
        messages.set_language("zh")
    done = import_actions.import_list(ctx, request=request(path, "schedule", create_rooms=True,
                                                           skip_invalid=True))
    assert done.value.created == 1 and done.changes == {Topic.SCHEDULE}
    assert done.value.extra["rooms_created"] == ["新厅"]


def test_a_refused_file_is_one_coded_sentence(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportRejected) as caught:
        import_actions.dry_run(ActionContext(event_db, user=ADMIN), request=request(path))
    assert caught.value.code == "imports.file_empty"
    data = import_words.rejection_json(caught.value)
    assert data["errors"][0]["message"] == "文件 empty.csv 是空的" and data["rejected"]

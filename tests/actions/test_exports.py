"""Exports as actions (actions.exports): kinds and file names checked before anything is read,
the programme's report of characters no font can draw (whose text, which characters), and files
that appear whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from eventdesk import messages
from eventdesk.actions.base import ActionContext, Cancelled
from eventdesk.actions.exports import ExportFailed, export, programme_problems
from eventdesk.domain import AgendaItem, Person, UserRole
from eventdesk.domain.access import Principal
from eventdesk.domain.programme import Programme, ProgrammeItem, ProgrammePage, ProgrammeRoom
from eventdesk.storage import Database
from tests.schedule_data import Small, build_small

ORGANISER = Principal("org", UserRole.ORGANISER)
RARE = "\ue000"  # private use: no font of the chain has it


@pytest.fixture
def small(db: Database) -> Small:
    return build_small(db)


def test_wrong_kind_or_file_name_is_refused_before_anything_is_written(
        db: Database, small: Small, tmp_path: Path) -> None:
    ctx = ActionContext(db, user=ORGANISER)
    for kind, name in (("people", "p.pdf"), ("programme", "p.xlsx"), ("schedule", "s.txt"),
                       ("badges", "b.csv")):
        with pytest.raises(ExportFailed) as info:
            export(ctx, kind=kind, out=tmp_path / name)
        assert info.value.code in ("exports.wrong_suffix", "exports.unknown_kind")
        assert name in messages.describe(info.value) or kind in messages.describe(info.value)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("event.sqlite3")] == []


def test_every_kind_writes_its_file(db: Database, small: Small, tmp_path: Path) -> None:
    ctx = ActionContext(db, user=ORGANISER)
    counts = {kind: export(ctx, kind=kind, out=tmp_path / f"{kind}{suffix}").value.count
              for kind, suffix in (("people", ".csv"), ("exhibitors", ".xlsx"),
                                   ("checkins", ".csv"), ("schedule", ".ics"),
                                   ("programme", ".pdf"))}
    assert counts == {"people": 5, "exhibitors": 0, "checkins": 0, "schedule": 4,
                      "programme": 2}
    done = export(ctx, kind="programme", out=tmp_path / "p.pdf", room="分会场一").value
    assert messages.text(done.code, **done.params).endswith("（1 页）")
    assert done.problems == ()


def test_programme_report_says_whose_text_has_which_characters(db: Database, small: Small,
                                                                 tmp_path: Path) -> None:
    with db.unit_of_work() as s:
        s.execute(update(Person).where(Person.id == small.people["李娜"])
                  .values(name=f"李{RARE}"))
        s.execute(update(AgendaItem).where(AgendaItem.id == small.items["开幕"])
                  .values(title_zh=f"开幕{RARE}演讲"))
    out = tmp_path / "programme.pdf"
    done = export(ActionContext(db, user=ORGANISER), kind="programme", out=out).value
    assert out.read_bytes().startswith(b"%PDF")  # written anyway: the report says where
    found = {(p.kind, p.text, p.item, p.characters) for p in done.problems}
    assert found == {("person", f"李{RARE}", "国产芯片论坛", (RARE,)),
                     ("title", f"开幕{RARE}演讲", "", (RARE,))}
    person = next(p for p in done.problems if p.kind == "person")
    sentence = messages.text(person.code, **person.params)
    assert f"李{RARE}" in sentence and "国产芯片论坛" in sentence and "U+E000" in sentence


def test_programme_problems_cover_every_printed_text() -> None:
    entry = ProgrammeItem("报告", "", "演讲", 540, 600, "09:00–10:00",
                          f"张伟、王{RARE}；主持：赵{RARE}", f"论坛{RARE}", "#4a6fa5")
    prog = Programme(f"大会{RARE}", "", (ProgrammePage(f"5月20日 · A馆{RARE}", "grid", (
        ProgrammeRoom(f"厅{RARE}", "", (entry,)),)),), ((f"论坛{RARE}", "#4a6fa5"),))
    kinds = [(p.kind, p.text) for p in programme_problems(prog)]
    assert kinds == [("event", f"大会{RARE}"), ("track", f"论坛{RARE}"),
                     ("heading", f"5月20日 · A馆{RARE}"), ("room", f"厅{RARE}"),
                     ("person", f"王{RARE}"), ("person", f"赵{RARE}")]
    assert all(messages.text(p.code, **p.params) != p.code for p in programme_problems(prog))


def test_a_cancelled_export_leaves_no_file(db: Database, small: Small, tmp_path: Path) -> None:
    def cancel(done: int, total: int) -> None:
        if done:
            raise Cancelled()

    for kind, name in (("programme", "p.pdf"), ("schedule", "s.xlsx")):
        with pytest.raises(Cancelled):
            export(ActionContext(db, user=ORGANISER), kind=kind, out=tmp_path / name,
                   progress=cancel)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("event.sqlite3")] == []

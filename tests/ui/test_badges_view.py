"""The batch badge view, driven offscreen: filters change the count, a run to PDF with "mark as
printed" logs prints, a cancelled run logs nothing, a printer run paints every page."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.domain import BadgePrint, Category
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from tests.services.people_cases import add
from tests.users import ADMIN


def _prints(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(BadgePrint.id))) or 0)


@pytest.fixture
def view(qtbot, event_db: Database):  # type: ignore[no-untyped-def]
    from eventdesk.ui.badges.view import create_view
    from eventdesk.ui.context import AppContext

    for i in range(6):
        add(event_db, f"张{'伟芳娜敏静丽'[i]}", category="visitor", company="阿丘科技")
    add(event_db, "李齐", category="speaker", company="寒武纪")
    add(event_db, "王\ue000", category="media", company="新华社")
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    widget = create_view(AppContext(event_db, event, "tester", user=ADMIN))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.summary is not None, timeout=10_000)
    yield widget
    from eventdesk.ui import ops

    ops.wait_idle()


def _wait_summary(qtbot, view, count: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.count == count,
                    timeout=10_000)


def test_filters_change_the_count_and_glyph_problems_show(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    assert view.summary.count == 8
    assert [p.name for p in view.summary.problems] == ["王\ue000"]
    assert not view.problems.isHidden()
    view.category.setCurrentIndex(view.category.findData(Category.SPEAKER))
    _wait_summary(qtbot, view, 1)
    assert "共 1 张" in view.count_label.text()
    assert view.problems.isHidden()
    view.category.setCurrentIndex(0)
    view.company.setText("阿丘")
    _wait_summary(qtbot, view, 6)
    qtbot.waitUntil(lambda: view.pages_layout.count() >= 1, timeout=10_000)


def test_run_to_pdf_marks_printed_and_not_printed_filter(qtbot, view, event_db: Database,
                                                         tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "badges.pdf"
    view.start_run(out=out, mark_printed=True)
    qtbot.waitUntil(lambda: view.last_outcome is not None, timeout=30_000)
    assert out.read_bytes().startswith(b"%PDF")
    assert view.last_outcome.recorded == 8
    assert _prints(event_db) == 8
    # The run announced PRINTS, so the "not yet printed" count drops to zero.
    view.not_printed.setChecked(True)
    _wait_summary(qtbot, view, 0)

    # Nothing left to print: the run says so instead of writing an empty file.
    view.start_run(out=tmp_path / "empty.pdf", mark_printed=True)
    qtbot.waitUntil(lambda: view.run_op is None, timeout=30_000)
    assert "没有符合条件" in view.status.text()

    # A proof without "mark as printed" logs nothing.
    view.not_printed.setChecked(False)
    _wait_summary(qtbot, view, 8)
    view.last_outcome = None
    proof = tmp_path / "proof.pdf"
    view.start_run(out=proof, mark_printed=False)
    qtbot.waitUntil(lambda: view.last_outcome is not None, timeout=30_000)
    assert proof.exists() and view.last_outcome.recorded == 0
    assert _prints(event_db) == 8


def test_cancelled_run_logs_nothing(qtbot, view, event_db: Database, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.actions import printing

    release = threading.Event()
    real = printing.render_batch

    def slow_render(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)  # hold the worker until the test has pressed Cancel
        return real(*args, **kwargs)

    monkeypatch.setattr(printing, "render_batch", slow_render)
    out = tmp_path / "cancelled.pdf"
    view.start_run(out=out, mark_printed=True)
    view.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: view.run_op is None, timeout=30_000)
    assert "取消" in view.status.text()
    assert _prints(event_db) == 0
    assert not out.exists()


def test_printer_run_paints_pages_and_logs(qtbot, view, event_db: Database,
                                           tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.printers.queue import PrintJob

    target = tmp_path / "printer.pdf"
    view.category.setCurrentIndex(view.category.findData(Category.VISITOR))
    _wait_summary(qtbot, view, 6)
    view.start_run(job=PrintJob("", output_file=target))
    qtbot.waitUntil(lambda: view.last_outcome is not None, timeout=60_000)
    assert view.last_outcome.printed and view.last_outcome.recorded == 6
    assert _prints(event_db) == 6
    import pypdfium2 as pdfium

    assert len(pdfium.PdfDocument(target.read_bytes())) == 6


def _desk_check_in(db_path: Path, person_id: int) -> None:
    """A check-in as another desk makes it: its own connection and a write transaction, but a
    busy timeout of 1 s instead of 15 s, so that waiting behind a badge run fails the test."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.orm import Session

    from eventdesk.services.checkin import check_in
    from eventdesk.storage import to_url

    engine = create_engine(to_url(db_path), connect_args={"timeout": 1.0})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA busy_timeout=1000")

    @event.listens_for(engine, "begin")
    def _begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with Session(engine) as session, session.begin():
            result = check_in(session, person_id=person_id, desk="desk-2", operator="desk")
            assert result.result == "checked_in"
    finally:
        engine.dispose()


def test_a_desk_checks_in_while_a_badge_run_renders(qtbot, view, event_db: Database,  # type: ignore[no-untyped-def]
                                                    db_path: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.actions import printing
    from eventdesk.domain import CheckIn
    from eventdesk.services.people import PersonInput, create_person

    with event_db.unit_of_work() as s:
        for i in range(120):  # enough badges that rendering reports progress before its end
            create_person(s, data=PersonInput(name=f"访客{i:03d}", category="visitor",
                                              company="苏州大学"), operator="t")
        guest = create_person(s, data=PersonInput(name="赵敏", category="vip"), operator="t").id
    rendering, desk_done = threading.Event(), threading.Event()
    real = printing.render_batch

    def render(*args, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        def watched(done: int, total: int) -> None:
            if 0 < done < total and not rendering.is_set():
                rendering.set()  # mid-render: hold the run here until the desk has tried
                desk_done.wait(10)
            if progress is not None:
                progress(done, total)

        return real(*args, progress=watched, **kwargs)

    monkeypatch.setattr(printing, "render_batch", render)
    out = tmp_path / "big.pdf"
    view.start_run(out=out, mark_printed=True)
    try:
        qtbot.waitUntil(rendering.is_set, timeout=30_000)
        _desk_check_in(db_path, guest)  # raises "database is locked" behind a write transaction
    finally:
        desk_done.set()
    qtbot.waitUntil(lambda: view.last_outcome is not None, timeout=60_000)
    assert view.last_outcome.recorded == 129 and _prints(event_db) == 129
    with event_db.unit_of_work(write=False) as s:
        assert s.scalars(select(CheckIn.desk).where(CheckIn.person_id == guest)).all() == [
            "desk-2"]


def test_reasons_mean_what_they_mean_at_the_desk(qtbot, view, event_db: Database,
                                                 tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The view's reason box: a second first print is refused with a sentence (nothing
    written); a lost reprint gives new codes and revokes the old ones."""
    from eventdesk.domain import Person, PrintReason, RevokedBadge

    def run(out: Path) -> None:
        view.last_outcome = None
        view.start_run(out=out, mark_printed=True)
        qtbot.waitUntil(lambda: view.run_op is None, timeout=30_000)

    with event_db.unit_of_work(write=False) as s:
        before = dict(s.execute(select(Person.id, Person.badge_code)).all())
    run(tmp_path / "first.pdf")
    assert _prints(event_db) == 8
    run(tmp_path / "again.pdf")  # reason still "first"
    assert "已经打印过" in view.status.text() and not (tmp_path / "again.pdf").exists()
    assert _prints(event_db) == 8

    view.reason.setCurrentIndex(view.reason.findData(PrintReason.LOST))
    run(tmp_path / "lost.pdf")
    assert view.last_outcome is not None and view.last_outcome.recorded == 8
    with event_db.unit_of_work(write=False) as s:
        after = dict(s.execute(select(Person.id, Person.badge_code)).all())
        revoked = set(s.scalars(select(RevokedBadge.code)))
    assert all(after[pid] != code for pid, code in before.items())
    assert revoked == set(before.values())

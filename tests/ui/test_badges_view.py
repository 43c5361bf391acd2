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
    widget = create_view(AppContext(event_db, event, "tester"))
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
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(target))
    view.category.setCurrentIndex(view.category.findData(Category.VISITOR))
    _wait_summary(qtbot, view, 6)
    view.start_run(printer=printer)
    qtbot.waitUntil(lambda: view.last_outcome is not None, timeout=60_000)
    assert view.last_outcome.printed and view.last_outcome.recorded == 6
    assert _prints(event_db) == 6
    import pypdfium2 as pdfium

    assert len(pdfium.PdfDocument(target.read_bytes())) == 6

"""The dashboard view: shows the figures, refreshes on a change here and on other desks' changes
within 5 s, saves PNG and CSV/XLSX, and never touches the database on the GUI thread."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from eventdesk.services import checkin
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import CHECKINS, AppContext
from eventdesk.ui.dashboard.model import RowsModel
from eventdesk.ui.dashboard.view import POLL_MS, DashboardView
from tests.stats_data import D2, Built, build, direct, local
from tests.ui.threads import no_database_on_the_gui_thread
from tests.ui.users import as_user


@pytest.fixture
def built(db: Database) -> Built:
    return build(db)


@pytest.fixture
def ctx(db: Database, built: Built, qapp: object) -> Iterator[AppContext]:
    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    yield AppContext(db, event, as_user("tester"))
    ops.wait_idle()


@pytest.fixture
def view(ctx: AppContext, qtbot) -> DashboardView:  # type: ignore[no-untyped-def]
    v = DashboardView(ctx)
    qtbot.addWidget(v)
    v.resize(1250, 800)
    v.show()
    v.activated()
    qtbot.waitUntil(lambda: v.loads >= 1 and not v.drawing, timeout=10_000)
    return v


def _check_in(db: Database, person_id: int, hour: int) -> None:
    with db.unit_of_work() as s:
        assert checkin.check_in(s, person_id=person_id, desk="desk-7", operator="other",
                                now=local(D2, hour)).result == "checked_in"


def test_shows_the_figures_of_the_database(view: DashboardView, ctx: AppContext,
                                           qtbot) -> None:  # type: ignore[no-untyped-def]
    expected = direct(ctx.db)
    f = view.figures
    assert f is not None and f.day is None  # the event's days are not today: all days
    assert view.exhibitor_model.rowCount() == len(expected["exhibitors_without_arrivals"])  # type: ignore[arg-type]
    assert [view.desk_model.rows[i][0] for i in range(3)] == ["desk-2", "desk-3", "desk-10"]
    assert "6" in view.summary.text()  # six check-ins
    # Choosing a day reads that day only.
    view.day.setCurrentIndex(view.day.findData(D2.isoformat()))
    ops.wait_idle()
    qtbot.waitUntil(lambda: not view.drawing)
    assert view.figures is not None and view.figures.day == D2
    assert {(h.hour.hour, h.count) for h in view.figures.arrivals if h.count} \
        == {(0, 1), (9, 1), (11, 1)}
    # The hall filter narrows the table to one hall.
    view.hall.setCurrentIndex(view.hall.findData("A1"))
    assert {view.exhibitor_model.rows[r][0] for r in range(view.exhibitor_model.rowCount())} \
        == {"A1"}


def test_refreshes_on_a_change_here_without_database_on_the_gui_thread(
        view: DashboardView, ctx: AppContext, built: Built, qtbot) -> None:  # type: ignore[no-untyped-def]
    _check_in(ctx.db, built.ids["never"], 14)
    loads = view.loads
    with no_database_on_the_gui_thread(ctx.db):
        ctx.notify(CHECKINS)
        qtbot.waitUntil(lambda: view.loads > loads, timeout=3000)
        view.refresh()
        view.refresh()  # folded into one more read
        ops.wait_idle()
    assert view.figures is not None and view.figures.check_ins == 7


def test_another_desks_change_shows_within_five_seconds(
        view: DashboardView, ctx: AppContext, built: Built, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert POLL_MS < 5000
    _check_in(ctx.db, built.ids["never"], 15)  # no notification: as from another desk
    qtbot.waitUntil(lambda: view.figures is not None and view.figures.check_ins == 7,
                    timeout=5000)


def test_save_png_and_export_csv_xlsx(view: DashboardView, tmp_path: Path) -> None:
    panel = view.panels["arrivals"]
    panel.save_png(tmp_path / "arrivals.png")
    ops.wait_idle()
    data = (tmp_path / "arrivals.png").read_bytes()
    assert data.startswith(b"\x89PNG")
    panel.export(tmp_path / "arrivals.csv")
    ops.wait_idle()
    with open(tmp_path / "arrivals.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0].startswith("时段") and len(rows) == 1 + 48
    assert sum(int(r[1]) for r in rows[1:]) == 6
    view.panels["exhibitors"].export(tmp_path / "exhibitors.xlsx")
    ops.wait_idle()
    sheet = load_workbook(tmp_path / "exhibitors.xlsx").active
    assert sheet is not None and sheet.max_row == 1 + view.exhibitor_model.rowCount()
    assert "导出" in view.status.text() or "Exported" in view.status.text()


def test_rows_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel(("a", "b"))
    model.set_rows([("x", 1), ("y", 2)])
    qtmodeltester.check(model)
    assert model.set_rows([("x", 1), ("y", 2)]) is False


def test_a_second_answer_while_panels_wait_still_draws_them_all(
        view: DashboardView, qtbot) -> None:  # type: ignore[no-untyped-def]
    f = view.figures
    assert f is not None and f.exhibitors_without_arrivals
    view._drawn.clear()  # as before the first answer
    view.exhibitor_model.set_rows([])
    view.show_figures(f)  # draws its first panel, the others wait for their turn…
    view.show_figures(f)  # …when the next answer (the same figures) arrives
    qtbot.waitUntil(lambda: not view.drawing)
    assert view.exhibitor_model.rowCount() == len(f.exhibitors_without_arrivals)


def test_prints_by_reason_show_printer_fault_and_other_apart(
        view: DashboardView, in_language) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: a reprint for a printer fault or "other" is counted as such, never as damaged;
    worded in each language."""
    from eventdesk.ui.dashboard import tables

    assert view.figures is not None
    rows = {key: (label, n) for label, key, n in tables.prints(view.figures).rows}
    assert rows["printer_fault"] == ("打印机故障", 1) and rows["other"] == ("其他", 1)
    assert rows["damaged"] == ("损坏", 1)
    in_language("en")
    worded = {key: label for label, key, _n in tables.prints(view.figures).rows}
    assert (worded["printer_fault"], worded["other"]) == ("Printer fault", "Other")


def test_the_words_of_other_reprints_show_on_the_prints_chart(
        view: DashboardView) -> None:  # type: ignore[no-untyped-def]
    assert view.prints_chart.toolTip() == "其他原因：\n换成媒体证 ×1"


def test_english_reason_labels_take_a_line_per_word_with_room_for_both(
        view: DashboardView, in_language) -> None:  # type: ignore[no-untyped-def]
    """Six reasons in a third of the window: "Printer fault" ran into "Wrong data"."""
    axis = view.prints_chart.getPlotItem().getAxis("bottom")
    one_line = axis.minimumHeight()
    in_language("en")
    assert view.figures is not None
    view._show_prints(view.figures)
    labels = [label for _x, label in axis._tickLevels[0]]
    assert labels == ["First\nprint", "Damaged", "Printer\nfault", "Other"]
    assert axis.minimumHeight() > one_line  # the layout gives it that on its next pass

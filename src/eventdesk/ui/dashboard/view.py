"""The dashboard (数据 Dashboard, issue 13): arrivals per hour with the cumulative curve, checked in
vs registered by category, the desks' throughput and last activity, exhibitors with no staff
arrived yet (by hall, with the contact's phone), badge prints by reason, rejected scans by reason.

Refreshing: the figures are read by one action (actions.stats.dashboard) on a worker, never on
the GUI thread; while one read runs, further requests are folded into one more read after it,
and an answer for a day that is no longer chosen is dropped (ops.Latest). A read starts 300 ms
after this window changed something the figures count (AppContext.changed), and every
POLL_MS while the view is visible: that is how other desks' check-ins arrive within 5 s.
Drawing is what the GUI thread does: a few dozen bars and a table model swap.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.stats import FigureTable, dashboard
from eventdesk.services.stats import Figures, HourCount, cumulative
from eventdesk.ui import ops
from eventdesk.ui.context import CHECKINS, EVENT, EXHIBITORS, PEOPLE, PRINTS, AppContext
from eventdesk.ui.dashboard import tables
from eventdesk.ui.dashboard.charts import BarChart, HeatMap, Series, colour
from eventdesk.ui.dashboard.model import RowsModel
from eventdesk.ui.dashboard.panel import FigurePanel
from eventdesk.ui.i18n import format_day, format_number, translate
from eventdesk.ui.labels import category_label

# The poll waits this long after each answer (not a fixed beat): a slow read on a busy machine
# never piles requests up, and another desk's change shows within POLL_MS + one read (~0.3 s
# at 100,000 people, benchmarks/bench_dashboard.py), inside the 5 s of issue 13.
POLL_MS = 3000
DEBOUNCE_MS = 300
DRAW_GAP_MS = 15  # between two panels' drawing: the window repaints the first meanwhile
TOPICS = frozenset({CHECKINS, PRINTS, PEOPLE, EXHIBITORS, EVENT})


def _table_view(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    # Column widths from the first rows only: measuring all 2,500 exhibitors would take the
    # GUI thread ~50 ms at every change of the table.
    view.horizontalHeader().setResizeContentsPrecision(60)
    view.setAlternatingRowColors(True)
    return view


class DashboardView(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.figures: Figures | None = None
        self.loads = 0  # answers shown so far (tests, benchmark)
        self.polling = True  # read again POLL_MS after each answer while visible
        # The longest drawing step so far, wall and GUI-thread CPU time (benchmark).
        self.longest_step_s = self.longest_step_cpu_s = 0.0
        self._steps: list[tuple[str, object, Callable[[], None]]] = []
        self._drawn: dict[str, object] = {}  # each panel's figures as last drawn
        self._latest = ops.Latest()
        self._running = False
        self._again = False
        self._build()
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.poll = QTimer(self, singleShot=True, interval=POLL_MS)
        self.poll.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.day = QComboBox()
        self.day.addItem(translate("DashboardView", "全部日期"), None)
        event = self.ctx.event_info
        today = datetime.now(event.tz).date() if event else None
        for i, d in enumerate(event.days if event else []):
            # ISO text, not the date: Qt would hand a date back as a QDate.
            self.day.addItem(translate("DashboardView", "{date} 第{n}天").format(date=format_day(d),
                                                                       n=i + 1), d.isoformat())
            if d == today:
                self.day.setCurrentIndex(self.day.count() - 1)
        self.day.currentIndexChanged.connect(self._on_day)
        self.refresh_button = QPushButton(translate("DashboardView", "刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel()
        self.status = QLabel()
        self.status.setStyleSheet("color: #666;")
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("DashboardView", "日期：")))
        top.addWidget(self.day)
        top.addWidget(self.refresh_button)
        top.addWidget(self.summary, 1)
        top.addWidget(self.status)

        self.arrivals_chart = BarChart(y_label=translate("DashboardView", "每小时签到"),
                                       right_label=translate("DashboardView", "当日累计"))
        self.category_chart = BarChart()
        self.desk_chart = HeatMap()
        self.desk_model = RowsModel(tables.desks_headers(), self)
        self.desk_table = _table_view(self.desk_model)
        self.prints_chart = BarChart()
        self.rejected_chart = BarChart()
        self.exhibitor_model = RowsModel(tables.exhibitors_headers(), self)
        self.exhibitor_table = _table_view(self.exhibitor_model)
        self.hall = QComboBox()
        self.hall.addItem(translate("DashboardView", "全部展馆"), None)
        self.hall.setMinimumContentsLength(10)
        # "全部展馆 (2,500)" in full: Chinese characters are twice as wide as the length counts.
        self.hall.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hall.currentIndexChanged.connect(lambda _i: self._show_exhibitors())

        def panel(title: str, body: QWidget, name: str, table: object,
                  extra: QWidget | None = None) -> FigurePanel:
            p = FigurePanel(self.ctx, title=title, body=body, name=name,
                            table=lambda: table(self.figures) if self.figures else None,  # type: ignore[operator]
                            extra=extra)
            p.saved.connect(self.status.setText)
            p.failed.connect(self._show_error)
            return p

        self.panels = {
            "arrivals": panel(translate("DashboardView", "每小时到场"), self.arrivals_chart,
                              "arrivals", lambda f: tables.arrivals(f, self.chosen_day())),
            "categories": panel(translate("DashboardView", "已签到 / 已注册"),
                                self.category_chart, "categories", tables.categories),
            "desk_slots": panel(translate("DashboardView", "签到台效率（每10分钟）"),
                                self.desk_chart, "desk_throughput", tables.desk_slots),
            "desks": panel(translate("DashboardView", "签到台"), self.desk_table, "desks",
                           tables.desks),
            "prints": panel(translate("DashboardView", "胸卡打印"), self.prints_chart, "prints",
                            tables.prints),
            "exhibitors": panel(translate("DashboardView", "尚无人员到场的展商"),
                                self.exhibitor_table, "exhibitors_without_arrivals",
                                lambda f: self._exhibitor_table(f), extra=self.hall),
            "rejected": panel(translate("DashboardView", "被拒扫码"), self.rejected_chart,
                              "rejected_scans", tables.rejected),
        }
        grid = QGridLayout()
        grid.setSpacing(8)
        p = self.panels
        grid.addWidget(p["arrivals"], 0, 0, 1, 2)
        grid.addWidget(p["categories"], 0, 2)
        grid.addWidget(p["desk_slots"], 1, 0)
        grid.addWidget(p["desks"], 1, 1)
        grid.addWidget(p["prints"], 1, 2)
        grid.addWidget(p["exhibitors"], 2, 0, 1, 2)
        grid.addWidget(p["rejected"], 2, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        for row in range(3):
            grid.setRowStretch(row, 1)
            grid.setRowMinimumHeight(row, 240)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    # -- refreshing --------------------------------------------------------------------------
    def chosen_day(self) -> date | None:
        value = self.day.currentData()
        return date.fromisoformat(value) if isinstance(value, str) else None

    def activated(self) -> None:
        """The main window brought the view forward."""
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self.polling and not self._running:
            self.poll.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.poll.stop()  # nobody looks: no reads
        super().hideEvent(event)

    def _on_changed(self, topics: frozenset[str]) -> None:
        if topics & TOPICS and self.isVisible():
            self._debounce.start()

    def _on_day(self, _index: int) -> None:
        self._drawn.clear()
        self._running = False  # the read under way counts for the old day: ops.Latest drops it
        self._again = False
        self.refresh()

    def refresh(self) -> None:
        """Read the figures again (one read at a time; a request meanwhile means one more)."""
        if self._running:
            self._again = True
            return
        self._running = True
        day = self.chosen_day()

        def action(actx: ActionContext, _progress: ops.Progress) -> Outcome[Figures]:
            return dashboard(actx, day=day)

        self._latest.run_action(self.ctx, action, on_done=self._loaded, on_error=self._failed,
                                owner=self)

    def _settled(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.refresh()
        elif self.isVisible() and self.polling:
            self.poll.start()

    def _failed(self, exc: BaseException) -> None:
        self._show_error(ops.error_text(exc))
        self._settled()

    def _show_error(self, text: str) -> None:
        self.status.setText(f"<span style='color:#b00'>{text}</span>")

    def _loaded(self, figures: Figures) -> None:
        self.figures = figures
        self.loads += 1
        self.show_figures(figures)
        self._settled()

    # -- drawing -----------------------------------------------------------------------------
    def show_figures(self, f: Figures) -> None:
        """Draw `f`, one panel per turn of the event loop (each chart's repaint is then its
        own short stall, not one long one), skipping panels whose figures did not change."""
        tz = ZoneInfo(f.timezone)
        registered = sum(c.registered for c in f.by_category)
        arrived = sum(c.checked_in for c in f.by_category)
        rate = f" ({format_number(100 * arrived / registered)}%)" if registered else ""
        self.summary.setText(" · ".join((
            translate("DashboardView", "签到 <b>{count}</b> 人次").format(
                count=format_number(f.check_ins)),
            translate("DashboardView", "到场 <b>{arrived}</b> / {registered} 人{rate}").format(
                arrived=format_number(arrived), registered=format_number(registered), rate=rate),
            translate("DashboardView", "被拒 {count} 次").format(
                count=format_number(sum(f.rejected.values()))))))
        self.status.setText(translate("DashboardView", "更新于 {time}").format(
            time=f"{f.as_of.astimezone(tz):%H:%M:%S}"))
        day = self.chosen_day()
        steps: list[tuple[str, object, Callable[[], None]]] = [
            ("arrivals", (day, f.arrivals), lambda: self._show_arrivals(f)),
            ("categories", f.by_category, lambda: self._show_categories(f)),
            ("desks", (day, f.desks, f.as_of.replace(second=0, microsecond=0)),
             lambda: self._show_desks(f, tz)),
            ("prints", f.prints, lambda: self._show_prints(f)),
            ("rejected", tuple(f.rejected.items()), lambda: self._show_rejected(f)),
            ("exhibitors", f.exhibitors_without_arrivals, lambda: self._show_all_exhibitors(f)),
        ]
        # The newest figures replace any panels still waiting from the answer before; a panel
        # counts as drawn (its key kept) only once its step has run.
        self._steps = [(name, key, step) for name, key, step in steps
                       if self._drawn.get(name) != key]
        self._draw_next()

    def _draw_next(self) -> None:
        if not self._steps:
            return
        name, key, step = self._steps.pop(0)
        t0, cpu0 = time.perf_counter(), time.thread_time()
        step()
        self._drawn[name] = key
        self.longest_step_s = max(self.longest_step_s, time.perf_counter() - t0)
        self.longest_step_cpu_s = max(self.longest_step_cpu_s, time.thread_time() - cpu0)
        if self._steps:
            QTimer.singleShot(DRAW_GAP_MS, self._draw_next)

    def settle(self) -> None:
        """Draw the panels still waiting for their turn now (the screenshot calls it)."""
        while self._steps:
            name, key, step = self._steps.pop(0)
            step()
            self._drawn[name] = key

    @property
    def drawing(self) -> bool:
        """Whether panels of the last answer are still to be drawn."""
        return bool(self._steps)

    def _show_categories(self, f: Figures) -> None:
        self.category_chart.show_bars(
            [category_label(c.category.value) for c in f.by_category],
            [Series(translate("DashboardView", "已注册"),
                    tuple(c.registered for c in f.by_category), "#9DB4CF"),
             Series(translate("DashboardView", "已签到"),
                    tuple(c.checked_in for c in f.by_category),
                    colour(1))])

    def _show_prints(self, f: Figures) -> None:
        prints = tables.prints(f).rows[:-2]
        # Six reasons side by side in a third of the window: a label of several words takes
        # a line per word ("Printer fault" beside "Wrong data" ran into it).
        self.prints_chart.show_bars([str(r[0]).replace(" ", "\n") for r in prints],
                                    [Series(translate("DashboardView", "张数"),
                                            tuple(int(r[2]) for r in prints), colour(2))],
                                    values=True)
        self.panels["prints"].title.setText("<b>{title}</b> · {detail}".format(
            title=translate("DashboardView", "胸卡打印"),
            detail=translate("DashboardView", "首次 {printed} · 补打 {reprinted}").format(
                printed=format_number(f.prints.printed),
                reprinted=format_number(f.prints.reprinted))))
        # The words operators gave for "other" (services.stats: the most frequent first).
        notes = "\n".join(f"{note} ×{format_number(n)}" for note, n in f.prints.other_notes)
        self.prints_chart.setToolTip(translate("DashboardView", "其他原因：\n{notes}").format(
            notes=notes) if notes else "")

    def _show_rejected(self, f: Figures) -> None:
        rejected = tables.rejected(f).rows
        self.rejected_chart.show_bars([str(r[0]) for r in rejected],
                                      [Series(translate("DashboardView", "次数"),
                                              tuple(int(r[2]) for r in rejected),
                                              colour(5))], values=True)

    def _show_all_exhibitors(self, f: Figures) -> None:
        self._fill_halls(f)
        self._show_exhibitors()

    def _shown_hours(self, f: Figures) -> list[HourCount]:
        day = self.chosen_day()
        if day is None:
            return list(f.arrivals)
        hours = list(f.arrivals_on(day))
        busy = [i for i, h in enumerate(hours) if h.count]
        first = min([6, *busy[:1]]) if hours else 0
        last = max([20, *busy[-1:]]) if hours else 0
        return hours[first:last + 1]

    def _show_arrivals(self, f: Figures) -> None:
        hours = self._shown_hours(f)
        several_days = len({h.hour.date() for h in hours}) > 1
        labels = [f"{h.hour:%m-%d}" if several_days and h.hour.hour == 0 else f"{h.hour:%H}"
                  for h in hours]
        running: list[int] = []
        for day in sorted({h.hour.date() for h in hours}):
            running += cumulative(h for h in hours if h.hour.date() == day)
        self.arrivals_chart.show_bars(
            labels, [Series(translate("DashboardView", "每小时签到"), tuple(h.count for h in hours),
                            colour(0))],
            line=Series(translate("DashboardView", "当日累计"), tuple(running), colour(5)),
            every=3 if several_days else 1)

    def _show_desks(self, f: Figures, tz: ZoneInfo) -> None:
        """The heat map (tables.desk_cells) and the desks' table, last activity in words."""
        self.desk_chart.show_cells(*tables.desk_cells(f, self.chosen_day(), tz))
        rows = []
        for d in f.desks:
            ago = ""
            if d.last_activity is not None:
                minutes = int((f.as_of - d.last_activity) / timedelta(minutes=1))
                local = d.last_activity.astimezone(tz)
                ago = (f"{format_day(local.date())} {local:%H:%M}"
                       + (translate("DashboardView", "（%n 分钟前）", None, minutes)
                          if 0 <= minutes < 120 else ""))
            rows.append((d.desk, d.check_ins, d.busiest, ago))
        self.desk_model.set_rows(rows)
        self.desk_table.resizeColumnsToContents()

    def _fill_halls(self, f: Figures) -> None:
        counts: dict[str, int] = {}
        for e in f.exhibitors_without_arrivals:
            counts[e.hall] = counts.get(e.hall, 0) + 1
        current = self.hall.currentData()
        self.hall.blockSignals(True)
        self.hall.clear()
        every = translate("DashboardView", "全部展馆")
        self.hall.addItem(f"{every} ({format_number(len(f.exhibitors_without_arrivals))})",
                          None)
        for hall in sorted(counts):
            self.hall.addItem(f"{hall or '—'} ({format_number(counts[hall])})", hall)
        found = self.hall.findData(current) if current is not None else 0
        self.hall.setCurrentIndex(max(0, found))
        self.hall.blockSignals(False)

    def _exhibitor_table(self, f: Figures) -> FigureTable:
        table = tables.exhibitors(f)
        hall = self.hall.currentData()
        if hall is None:
            return table
        return replace(table, rows=tuple(r for r in table.rows if r[0] == hall))

    def _show_exhibitors(self) -> None:
        if self.figures is None:
            return
        changed = self.exhibitor_model.set_rows(self._exhibitor_table(self.figures).rows)
        if changed:
            self.exhibitor_table.resizeColumnsToContents()


def create_view(ctx: AppContext) -> QWidget:
    return DashboardView(ctx)

"""Exhibitor pick-up: find the company, see its staff's printed / collected state, print the
missing badges in one go and mark the pack collected. Finding companies, loading a company's
state, printing and handing over run as desk actions off the GUI thread; only the answer to the
latest query is listed.

The buttons act on the exhibitor whose staff are shown, and only that one: when the list
changes, the detail follows its current company, and when nothing matches (or while the next
company loads) the detail is empty and the buttons are off — never another company's badges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eventdesk.actions import desk as desk_actions
from eventdesk.actions import desk_print
from eventdesk.actions.desk_print import PackHanded
from eventdesk.messages import describe
from eventdesk.messages.desk import desk_text
from eventdesk.services.badges.desk import PickupState
from eventdesk.services.exhibitors import ExhibitorRow
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext

if TYPE_CHECKING:
    from eventdesk.ui.desk.badge_actions import BadgeActions


class PickupDialog(QDialog):
    def __init__(self, ctx: AppContext, badges: BadgeActions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.badges = ctx, badges
        self.state: PickupState | None = None
        self._wanted: int | None = None  # the exhibitor last chosen: older answers are dropped
        self._searches = ops.Latest(lane=ops.SEARCH_LANE)  # company searches as typed
        self.searching = False
        self.setWindowTitle("展商领证 Exhibitor pick-up")
        self.resize(900, 560)
        root = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setPlaceholderText("展商名称 / 简称 / 拼音首字母 / 展位号")
        self.query.textChanged.connect(self._search)
        root.addWidget(self.query)
        body = QHBoxLayout()
        self.companies = QListWidget()
        self.companies.setMaximumWidth(320)
        self.companies.currentItemChanged.connect(lambda item, _old: self._load(item))
        body.addWidget(self.companies)
        right = QVBoxLayout()
        self.summary = QLabel(desk_text("desk.pickup.choose"))
        self.summary.setStyleSheet("font-size: 16px; font-weight: 600;")
        right.addWidget(self.summary)
        self.staff = QTableWidget(0, 4)
        self.staff.setHorizontalHeaderLabels(["姓名", "职务", "已打印", "已领取"])
        self.staff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.staff.horizontalHeader().setStretchLastSection(True)
        right.addWidget(self.staff, 1)
        buttons = QHBoxLayout()
        self.print_missing = QPushButton("打印缺少的胸卡")
        self.print_missing.clicked.connect(self.print_missing_badges)
        self.collect = QPushButton("整包已领取")
        self.collect.clicked.connect(self.mark_collected)
        buttons.addStretch(1)
        buttons.addWidget(self.print_missing)
        buttons.addWidget(self.collect)
        right.addLayout(buttons)
        body.addLayout(right, 1)
        root.addLayout(body, 1)
        self._refresh_buttons()

    def _search(self, text: str) -> None:
        if not text.strip():
            self._searches.forget()
            self._show_companies([])
            return
        self.searching = True
        self._searches.run_action(self.ctx, lambda actx, _p: desk_actions.find_exhibitors(
            actx, query=text, limit=50),
            on_done=self._show_companies, on_error=self._search_failed, owner=self)

    def _show_companies(self, rows: list[ExhibitorRow]) -> None:
        self.searching = False
        shown = self._wanted
        self.companies.blockSignals(True)
        self.companies.clear()
        for r in rows:
            item = QListWidgetItem(f"{r.name_zh}\n{r.hall} {r.booth} · {r.staff_count} 人")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.companies.addItem(item)
        self.companies.blockSignals(False)
        if not rows:
            typed = bool(self.query.text().strip())
            self._clear_detail(desk_text("desk.pickup.no_match" if typed else "desk.pickup.choose"))
            return
        ids = [r.id for r in rows]
        # The company shown stays shown while it still matches; otherwise the first match.
        self.companies.setCurrentRow(ids.index(shown) if shown in ids else 0)

    def _search_failed(self, exc: BaseException) -> None:
        self.searching = False
        self._clear_detail(describe(exc))

    def _load(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self._clear_detail(desk_text("desk.pickup.choose"))
            return
        self.show_exhibitor(int(item.data(Qt.ItemDataRole.UserRole)))

    def _clear_detail(self, summary: str) -> None:
        """Show no exhibitor: nothing for the buttons to act on."""
        self._wanted = None
        self.state = None
        self.staff.setRowCount(0)
        self.summary.setText(summary)
        self._refresh_buttons()

    def show_exhibitor(self, exhibitor_id: int) -> None:
        """Load the exhibitor's staff in the background and show them."""
        if self.state is None or self.state.exhibitor.id != exhibitor_id:
            self._clear_detail(desk_text("desk.pickup.loading"))  # not the last one's staff
        self._wanted = exhibitor_id
        self.badges.view.run(lambda actx: desk_print.pickup_state(actx, exhibitor_id=exhibitor_id),
                             self.show_state, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.badges.view.show_error(exc)
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        self.summary.setText(describe(exc))
        self._refresh_buttons()

    @property
    def shown_exhibitor(self) -> int | None:
        """The exhibitor whose staff are shown (what the buttons act on), or None."""
        return self.state.exhibitor.id if self.state is not None else None

    def show_state(self, state: PickupState) -> None:
        if state.exhibitor.id != self._wanted:
            return  # another company was chosen meanwhile
        self.state = state
        self.staff.setRowCount(len(state.staff))
        for i, badge in enumerate(state.staff):
            collected = badge.collected_at
            when = self.ctx.event_info.local(collected).strftime("%m-%d %H:%M") \
                if collected and self.ctx.event_info else ("是" if collected else "")
            for col, text in enumerate((badge.person.name, badge.person.title,
                                        f"{badge.print_count} 张" if badge.printed else "未打印",
                                        when or "未领取")):
                self.staff.setItem(i, col, QTableWidgetItem(text))
        e = state.exhibitor
        printed = sum(1 for s in state.staff if s.printed)
        collected_n = sum(1 for s in state.staff if s.collected_at)
        self.summary.setText(f"{e.name_zh} · {e.hall} {e.booth} · 名额 {e.staff_quota} · "
                             f"人员 {len(state.staff)} · 已打印 {printed} · 已领取 {collected_n}")
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        state = self.state
        self.print_missing.setEnabled(bool(state and state.missing_prints))
        self.collect.setEnabled(bool(state and any(s.printed and not s.collected_at
                                                   for s in state.staff)))

    def print_missing_badges(self) -> None:
        if self.state is None or not self.state.missing_prints \
                or self.state.exhibitor.id != self._wanted:
            return
        exhibitor = self.state.exhibitor
        self._busy()
        self.badges.print_pickup(exhibitor.id, count=len(self.state.missing_prints),
                                 stem=exhibitor.short_name or exhibitor.name_zh,
                                 on_done=self.show_state, on_error=self._show_error)

    def mark_collected(self) -> None:
        if self.state is None or self.state.exhibitor.id != self._wanted:
            return
        ex_id = self.state.exhibitor.id
        self._busy()
        self.badges.view.run(lambda actx: desk_print.collect_pack(actx, exhibitor_id=ex_id),
                             self._handed, self._failed)

    def _handed(self, done: PackHanded) -> None:
        self.show_state(done.state)
        self.summary.setText(self.summary.text() + " · "
                             + desk_text("desk.pickup.handed", count=done.handed))

    def _busy(self) -> None:
        """While an action runs, its buttons cannot be pressed twice."""
        self.print_missing.setEnabled(False)
        self.collect.setEnabled(False)

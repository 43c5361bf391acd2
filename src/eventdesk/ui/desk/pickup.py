"""Exhibitor pick-up: find the company, see its staff's printed / collected state, print the
missing badges in one go and mark the pack collected. Finding companies, loading a company's
state, printing and handing over run as desk actions off the GUI thread; only the answer to the
latest query is listed.

The buttons act on the exhibitor whose staff are shown, and only that one: when the list
changes, the detail follows its current company, and when nothing matches (or while the next
company loads) the detail is empty and the buttons are off — never another company's badges."""

from __future__ import annotations

from datetime import datetime
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

from eventdesk import messages
from eventdesk.actions import desk as desk_actions
from eventdesk.actions import desk_print
from eventdesk.actions.desk_print import PackHanded
from eventdesk.messages import describe
from eventdesk.messages.desk import desk_label, desk_text
from eventdesk.services.badges.desk import PickupState
from eventdesk.services.exhibitors import ExhibitorRow
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import translate

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
        self.setWindowTitle(translate("PickupDialog", "展商领证"))
        self.resize(900, 560)
        root = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            translate("PickupDialog", "展商名称 / 简称 / 拼音首字母 / 展位号"))
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
        self.summary.setWordWrap(True)
        right.addWidget(self.summary)
        # Who collected this company's last pack, when, where (the phone masked unless the
        # user may see contacts: actions.privacy).
        self.last_pickup = QLabel()
        self.last_pickup.setWordWrap(True)
        self.last_pickup.setStyleSheet("color: #555;")
        right.addWidget(self.last_pickup)
        self.staff = QTableWidget(0, 4)
        self.staff.setHorizontalHeaderLabels([
            translate("PickupDialog", "姓名"), translate("PickupDialog", "职务"),
            translate("PickupDialog", "已打印"), translate("PickupDialog", "已领取")])
        self.staff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.staff.horizontalHeader().setStretchLastSection(True)
        right.addWidget(self.staff, 1)
        collector = QHBoxLayout()
        collector.addWidget(QLabel(translate("PickupDialog", "领取人")))
        self.collector_name = QLineEdit()
        self.collector_name.setPlaceholderText(translate("PickupDialog", "姓名（必填）"))
        self.collector_phone = QLineEdit()
        self.collector_phone.setPlaceholderText(translate("PickupDialog", "手机号"))
        collector.addWidget(self.collector_name, 2)
        collector.addWidget(self.collector_phone, 2)
        right.addLayout(collector)
        buttons = QHBoxLayout()
        self.print_missing = QPushButton(translate("PickupDialog", "打印缺少的胸卡"))
        self.print_missing.clicked.connect(self.print_missing_badges)
        self.collect = QPushButton(translate("PickupDialog", "整包已领取"))
        self.collect.setToolTip(
            translate("PickupDialog", "记录领取人、电话和时间，交出已打印的胸卡"))
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
            item = QListWidgetItem(f"{r.name_zh}\n{r.hall} {r.booth} · " + translate(
                "PickupDialog", "{n} 人").format(n=r.staff_count))
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
        self.last_pickup.clear()
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
            for col, text in enumerate((
                    badge.person.name, badge.person.title,
                    translate("PickupDialog", "{n} 张").format(n=badge.print_count) if badge.printed
                    else translate("PickupDialog", "未打印"),
                    self._when(collected) if collected
                    else translate("PickupDialog", "未领取"))):
                self.staff.setItem(i, col, QTableWidgetItem(text))
        e = state.exhibitor
        printed = sum(1 for s in state.staff if s.printed)
        collected_n = sum(1 for s in state.staff if s.collected_at)
        self.summary.setText(f"{e.name_zh} · {e.hall} {e.booth} · " + translate(
            "PickupDialog", "名额 {quota} · 人员 {staff} · 已打印 {printed} · 已领取 {collected}")
            .format(quota=e.staff_quota, staff=len(state.staff), printed=printed,
                    collected=collected_n))
        p = e.pickup
        if p is None:
            self.last_pickup.setText(translate("PickupDialog", "尚无整包领取记录"))
        else:
            self.last_pickup.setText(translate(
                "PickupDialog", "最近领取：{name}（{phone}）· {when} · {desk} · {n} 张").format(
                name=p.collected_by, phone=p.phone or "-", when=self._when(p.at),
                desk=desk_label(p.desk) if p.desk else "-", n=p.badges))
        self._refresh_buttons()

    def _when(self, at: datetime) -> str:
        """`at` in the event's time zone, MM-DD HH:MM."""
        info = self.ctx.event_info
        return (info.local(at) if info else at).strftime("%m-%d %H:%M")

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
        name, phone = self.collector_name.text(), self.collector_phone.text()
        if not name.strip():
            # Asked here before any work: the pack goes to a person the record names.
            self.summary.setText(messages.text("exhibitor.collector_required"))
            self.collector_name.setFocus()
            return
        self._busy()
        self.badges.view.run(lambda actx: desk_print.collect_pack(
            actx, exhibitor_id=ex_id, collected_by=name, collector_phone=phone),
            self._handed, self._collect_failed)

    def _collect_failed(self, exc: BaseException) -> None:
        """A bad name or phone is said in the dialog, where it was typed; the state stays."""
        self.summary.setText(describe(exc))
        self._refresh_buttons()

    def _handed(self, done: PackHanded) -> None:
        self.collector_name.clear()
        self.collector_phone.clear()
        self.show_state(done.state)
        self.summary.setText(self.summary.text() + " · "
                             + desk_text("desk.pickup.handed", count=done.handed))

    def _busy(self) -> None:
        """While an action runs, its buttons cannot be pressed twice."""
        self.print_missing.setEnabled(False)
        self.collect.setEnabled(False)

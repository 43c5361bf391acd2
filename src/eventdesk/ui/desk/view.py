"""The registration desk view: one search field, a big status panel, ranked results.

Keyboard only: type to search (results update per keystroke), ↑/↓ select, Enter checks in the
selected person, Ctrl+P prints the badge, Ctrl+R reprints with a reason, Ctrl+Z undoes this desk's
last check-in, F2 registers a walk-in, F3 opens exhibitor pick-up, F9 the desk settings, Esc
clears. A scanner's payload + Enter is taken anywhere in the window (see scanner.py).

Every action acts on the person the operator sees: the selected row, which is also the person
the status panel shows after a scan or a check-in. The selection is held by person id: a new
query selects its first row, but a refresh (another desk's write, an action's result) keeps the
person selected — or selects nobody if they left the list — never whoever moved into row 0.
Searches run off the GUI thread; only the answer to the latest request is shown.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.actions import desk as desk_actions
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.desk import DeskCheckIn, UndoneAtDesk
from eventdesk.domain import CATEGORY_LABELS_ZH
from eventdesk.domain.access import Permission
from eventdesk.domain.qr import looks_like_scan
from eventdesk.messages import describe
from eventdesk.messages.desk import desk_label, desk_text, layout_hint, reason_text
from eventdesk.services.desk import DeskRow
from eventdesk.services.search import index as search_index
from eventdesk.ui import ops
from eventdesk.ui.context import CHECKINS, PEOPLE, PRINTS, AppContext
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.desk import sound
from eventdesk.ui.desk.badge_actions import BadgeActions
from eventdesk.ui.desk.elsewhere import Elsewhere, offline_banner
from eventdesk.ui.desk.model import ResultsModel
from eventdesk.ui.desk.results import DeskResults
from eventdesk.ui.desk.scanner import ScannerFilter
from eventdesk.ui.desk.status import StatusPanel

T = TypeVar("T")
REFRESH_MS = 3000


def create_view(ctx: AppContext) -> QWidget:
    return DeskView(ctx)


class DeskView(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.desk = desk_settings.load(ctx.settings)
        ctx.remember_desk(self.desk.name)
        tz = ctx.event_info.tz if ctx.event_info else ZoneInfo("Asia/Shanghai")
        self.model = ResultsModel(tz)
        self.badges = BadgeActions(self)
        self._pending_confirm: int | None = None
        self._own_change = False
        # Desk actions run one after another, in the order the operator gave them: a scanner
        # burst is shown in scan order, and a print waits for the check-in before it.
        self._queue: deque[tuple[Callable[[ActionContext], Outcome[Any]], Callable[[Any], None],
                                 Callable[[BaseException], None]]] = deque()
        self._op: ops.BackgroundOp | None = None
        self._build()
        self.results = DeskResults(ctx, self.table, self.model, view=self,
                                   on_error=self.show_error)
        self.scanner = ScannerFilter(self)
        self.scanner.scanned.connect(self.on_scan)
        ctx.changed.connect(self._on_changed)
        self.elsewhere = Elsewhere(self)  # other desks' check-ins, the server gone (live.py)
        self._refresh_header()
        if ctx.event_info is not None:  # build the search index before the first keystroke needs it
            ops.run_in_background(ctx, lambda s, _p: search_index.desk_index(s).warm_up(),
                                  on_done=lambda _r: None, on_error=lambda _e: None)
        # Other desks' walk-ins and edits reach this desk's index in the background.
        self._refresher = QTimer(self)
        self._refresher.setInterval(REFRESH_MS)
        self._refresher.timeout.connect(self._refresh_index)
        self._refreshing = False

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 16px; font-weight: 600;")
        top.addWidget(self.header, 1)
        for text, slot in (("现场登记 F2", self.open_walk_in), ("展商领证 F3", self.open_pickup),
                           ("设置 F9", self.open_settings)):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            top.addWidget(button)
        root.addLayout(top)
        self.banner = offline_banner()
        root.addWidget(self.banner)
        self.search = QLineEdit()
        self.search.setObjectName("deskSearch")
        self.search.setPlaceholderText(
            "扫码，或输入姓名 / 拼音 / 首字母 / 单位 / 手机尾号 / 邮箱 / 编号")
        font = QFont(self.search.font())
        font.setPointSize(max(font.pointSize(), 10) + 8)
        self.search.setFont(font)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._query_changed)
        self.search.installEventFilter(self)
        root.addWidget(self.search)
        self.status = StatusPanel()
        root.addWidget(self.status)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search field keeps the keys
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self.check_in_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((150, 330, 80, 110, 150, 50, 120)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        root.addWidget(self.table, 1)
        keys_help = QLabel("↑↓ 选择　Enter 签到　Ctrl+P 打印胸卡　Ctrl+R 补打（选原因）　"
                           "Ctrl+Z 撤销本台上一次签到　F2 现场登记　F3 展商领证　F9 设置　"
                           "Esc 清空　· 扫码枪在任何输入框中都可直接扫码")
        keys_help.setStyleSheet("color: #475467; padding: 2px;")
        root.addWidget(keys_help)
        keys: tuple[tuple[str, Callable[[], Any]], ...] = (
            ("Ctrl+P", lambda: self.results.on_answer(self.badges.print_selected)),
            ("Ctrl+R", lambda: self.results.on_answer(self.badges.reprint_selected)),
            ("F2", self.open_walk_in), ("F3", self.open_pickup),
            ("F9", self.open_settings))
        for seq, slot in keys:
            shortcut = QShortcut(QKeySequence(seq), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- visibility: focus and the scanner filter follow the view -------------------------------
    def _refresh_index(self) -> None:
        if self._refreshing or self.ctx.event_info is None:
            return
        self._refreshing = True

        def done(changed: object) -> None:
            self._refreshing = False
            if changed:
                self.refresh_results()

        def failed(_exc: BaseException) -> None:
            self._refreshing = False

        ops.run_in_background(self.ctx, lambda s, _p: search_index.desk_index(s).refresh(),
                              on_done=done, on_error=failed, owner=self)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._refresher.start()
        self.scanner.install()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        self._refresher.stop()
        self.scanner.remove()
        super().hideEvent(event)

    def activated(self) -> None:
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()

    def settle(self) -> None:
        """For --screenshot: results for the last query and this desk's latest check-in."""
        if not self.search.text():
            self.search.setText(str(self.ctx.settings.value("desk/last_query", "zhangw")))
        self.run(desk_actions.latest_at_desk,
                 lambda shown: self.show_checkin(shown, quiet=True) if shown else None,
                 lambda _exc: None)
        ops.wait_idle()

    # -- search ------------------------------------------------------------------------------
    def _query_changed(self, text: str) -> None:
        """The operator typed: search for the new text and select its first row."""
        self._pending_confirm = None
        self._request(text, new_query=True)

    def refresh_results(self) -> None:
        """Read the shown rows again (something changed), keeping the selected person."""
        self._request(self.search.text(), new_query=self.results.pending_new_query)

    def _request(self, text: str, *, new_query: bool) -> None:
        searchable = bool(text.strip()) and not looks_like_scan(text) \
            and self.ctx.event_info is not None
        self.results.request(text, new_query=new_query, searchable=searchable)

    def _show_only(self, row: DeskRow) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.results.show_only(row)

    @property
    def searching(self) -> bool:
        """A search answer is awaited (tests wait for this)."""
        return self.results.pending_new_query

    def selected(self) -> DeskRow | None:
        """The selected row: the person every desk action acts on."""
        return self.results.selected()

    def selected_id(self) -> int | None:
        return self.results.selected_id()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if obj is self.search and event.type() == QEvent.Type.KeyPress:
            key_event = cast(QKeyEvent, event)  # a KeyPress is delivered as a QKeyEvent
            key = key_event.key()
            if key_event.matches(QKeySequence.StandardKey.Undo):
                # The line edit would undo typing; at the desk Ctrl+Z undoes a check-in.
                self.undo_last()
                return True
            steps: dict[int, int] = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                                     Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
            if key in steps:
                self.results.move(steps[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                text = self.search.text()
                if looks_like_scan(text):  # typed or pasted by hand
                    self.search.clear()
                    self.on_scan(text)
                else:
                    self.results.on_answer(self.check_in_selected)
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                return True
        return super().eventFilter(obj, event)

    # -- desk actions, off the GUI thread, one at a time ------------------------------------------
    @property
    def idle(self) -> bool:
        """No desk action running or waiting (tests wait for this)."""
        return self._op is None and not self._queue

    def run(self, action: Callable[[ActionContext], Outcome[T]], on_done: Callable[[T], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Queue a desk action (eventdesk.actions) as this desk; it runs off the GUI thread after
        the ones queued before it, then `on_done(value)` runs on the GUI thread."""
        self._queue.append((action, on_done, on_error or self.show_error))
        if self._op is None:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            return
        action, on_done, on_error = self._queue.popleft()
        desk = self.desk.name  # this view's desk, also when settings changed since it was queued

        def finished(value: Any) -> None:
            self._op = None
            # ops notifies the action's topics right after this returns: this view shows the
            # outcome itself and skips that one refresh.
            self._own_change = True
            QTimer.singleShot(0, self._end_own_change)
            try:
                on_done(value)
            finally:
                self._next()

        def failed(exc: BaseException) -> None:
            self._op = None
            try:
                on_error(exc)
            finally:
                self._next()

        # On the desk's own worker: a scan never waits behind searches or the search index.
        self._op = ops.run_action(self.ctx, lambda actx, _p: action(replace(actx, desk=desk)),
                                  on_done=finished, on_error=failed, desk_lane=True)

    def _end_own_change(self) -> None:
        self._own_change = False

    def show_error(self, exc: BaseException) -> None:
        self.status.show_state("red", desk_text("desk.status.failed"), describe(exc))

    # -- check-in --------------------------------------------------------------------------
    def on_scan(self, payload: str) -> None:
        self.run(lambda actx: desk_actions.scan(actx, payload=payload),
                 lambda shown: self.show_checkin(shown, focus_person=True),
                 self.elsewhere.check_in_failed)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def check_in_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        pid = row.person.id
        via: desk_actions.Via = "external_ref" if self._pending_confirm == pid else "search"
        self.remember_query()
        self.run(lambda actx: desk_actions.check_in(actx, person_id=pid, via=via),
                 self.show_checkin, self.elsewhere.check_in_failed)

    def show_checkin(self, shown: DeskCheckIn, *, focus_person: bool = False,
                     quiet: bool = False) -> None:
        """Show a check-in's outcome: the status panel, the person's row, today's count."""
        result, p = shown.result, shown.result.person
        facts = ""
        if p is not None:
            label = CATEGORY_LABELS_ZH.get(p.category, p.category.value)
            booth = f" · 展位 {p.hall} {p.booth}".rstrip() if p.booth else ""
            facts = f"{p.company or '（无单位）'} · {label}{booth}"
        sentence = desk_text(result.code, **result.params)
        if result.result == "checked_in" and p is not None:
            when = ""
            if result.at is not None and self.ctx.event_info is not None:
                when = (f"\n{self.ctx.event_info.local(result.at).strftime('%H:%M')} · "
                        f"{desk_label(result.desk or '')}")
            state, title = "green", desk_text("desk.status.checked_in", name=p.name)
            detail = facts + when
        elif result.result == "already_checked_in" and p is not None:
            state, title = "amber", desk_text("desk.status.already", sentence=sentence)
            detail = facts
        elif result.result == "confirm" and p is not None:
            state, title = "blue", desk_text("desk.status.confirm", name=p.name)
            detail = f"{facts}\n{sentence}"
        else:
            state = "red"
            title = desk_text("desk.status.rejected", reason=reason_text(result.reason))
            detail = sentence + (f"\n{facts}" if facts else "")
        # A scan read only through another keyboard layout: the operator sets the scanner.
        self.status.show_state(state, title, detail, layout_hint(result.layouts))
        if not quiet:
            sound.play({"blue": ""}.get(state, state), enabled=self.desk.sounds)
        if shown.row is not None:
            if focus_person or result.result == "confirm":
                self._show_only(shown.row)
            else:
                self.model.replace_row(shown.row)
                self.results.select_person(shown.row.person.id)  # the panel and the row agree
        self._pending_confirm = p.id if result.result == "confirm" and p else None
        self._show_header(shown.checked_in_today)
        if result.result == "checked_in" and self.desk.auto_print and not quiet \
                and shown.row is not None:
            self.badges.print_row(shown.row, auto=True)

    def undo_last(self) -> None:
        self.run(desk_actions.undo_check_in, self._undone)

    def _undone(self, done: UndoneAtDesk) -> None:
        self.status.show_state("amber", desk_text("desk.status.undone",
                                                  name=done.undone.person_name),
                               desk_text("desk.status.undone_detail"))
        self.refresh_results()  # the undone person's row loses its tick; the selection stays
        self._show_header(done.checked_in_today)

    # -- other views' changes, header --------------------------------------------------------
    def _on_changed(self, topics: frozenset[str]) -> None:
        if self._own_change and not self.ctx.elsewhere:
            return
        if topics & {PEOPLE, CHECKINS, PRINTS}:
            self.refresh_results()
            self._refresh_header()

    def rows_shown(self, _rows: list[DeskRow]) -> None:
        """The result rows were (re)read (DeskResults calls this)."""
        self.elsewhere.rows_shown()

    def _refresh_header(self) -> None:
        """Today's count, read in the background (another desk's check-ins, a new database)."""
        self._show_header(None)
        if self.ctx.event_info is not None:
            ops.run_action(self.ctx, lambda actx, _p: desk_actions.today_count(actx),
                           on_done=self._show_header, on_error=lambda _exc: None)

    def _show_header(self, count: int | None) -> None:
        if count is None and self.header.text():
            return  # keep the last figure until the new one arrives
        event = self.ctx.event_info.name_zh if self.ctx.event_info else desk_text("desk.no_event")
        self.header.setText(desk_text("desk.header", where=desk_label(self.desk.name),
                                      event=event, count=count or 0))

    # -- dialogs -------------------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = desk_settings.DeskSettingsDialog(
            self.desk, self, self.ctx.settings,
            may_change_lock=self.ctx.can(Permission.SETTINGS))
        if dialog.exec():
            self.desk = dialog.result_settings()
            desk_settings.save(self.ctx.settings, self.desk)
            self.ctx.remember_desk(self.desk.name)
            self.ctx.remember_lock(self.desk.lock_minutes)
            self._refresh_header()
        self.search.setFocus()

    def open_walk_in(self) -> None:
        from eventdesk.ui.desk.walkin import WalkInDialog

        dialog = WalkInDialog(self.ctx, desk=self.desk.name, parent=self)
        if dialog.exec() and dialog.checked_in is not None:
            shown = dialog.checked_in
            self.show_checkin(shown, focus_person=True)
            # (with auto-print on, show_checkin has printed it already)
            if shown.result.result == "checked_in" and dialog.print_badge \
                    and not self.desk.auto_print and shown.row is not None:
                self.badges.print_row(shown.row, auto=True)
        self.search.setFocus()

    def open_pickup(self) -> None:
        from eventdesk.ui.desk.pickup import PickupDialog

        PickupDialog(self.ctx, self.badges, parent=self).exec()
        self.refresh_results()
        self.search.setFocus()

    def remember_query(self) -> None:
        if self.search.text().strip():
            self.ctx.settings.setValue("desk/last_query", self.search.text().strip())

"""The registration desk view: one search field, a big status panel, ranked results.

Keyboard only: type to search (results update per keystroke), ↑/↓ select, Enter checks in the
selected person, Ctrl+P prints the badge, Ctrl+R reprints with a reason, Ctrl+Z undoes this desk's
last check-in, F2 registers a walk-in, F3 opens exhibitor pick-up, F9 the desk settings, Esc
clears. A scanner's payload + Enter is taken anywhere in the window (see scanner.py).

Beside the results, the last 20 scans and check-ins (recent.py; a click shows that person). With
the desk setting "clear after Enter" on, Enter's check-in empties the search field and keeps the
person shown and selected. The desk's font size (a desk setting) scales the search field, the
status panel, the results and the recent scans at once.

Every action acts on the person the operator sees: the selected row, which is also the person
the status panel shows after a scan or a check-in. The selection is held by person id: a new
query selects its first row, but a refresh (another desk's write, an action's result) keeps the
person selected — or selects nobody if they left the list — never whoever moved into row 0.
Searches run off the GUI thread; only the answer to the latest request is shown.
"""

from __future__ import annotations

from collections.abc import Callable
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
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.actions import desk as desk_actions
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.desk import DeskCheckIn, UndoneAtDesk
from eventdesk.domain.access import Permission
from eventdesk.domain.qr import looks_like_scan
from eventdesk.messages import describe
from eventdesk.messages.desk import desk_label, desk_text
from eventdesk.services.desk import DeskRow
from eventdesk.services.search import index as search_index
from eventdesk.ui import ops
from eventdesk.ui.context import CHECKINS, PEOPLE, PRINTS, AppContext
from eventdesk.ui.desk import outcome, sound
from eventdesk.ui.desk import settings as desk_settings
from eventdesk.ui.desk.badge_actions import BadgeActions
from eventdesk.ui.desk.elsewhere import Elsewhere, offline_banner
from eventdesk.ui.desk.model import ResultsModel
from eventdesk.ui.desk.queue import DeskQueue
from eventdesk.ui.desk.recent import RecentScans
from eventdesk.ui.desk.results import DeskResults
from eventdesk.ui.desk.scanner import ScannerFilter
from eventdesk.ui.desk.status import StatusPanel
from eventdesk.ui.i18n import event_name, translate

T = TypeVar("T")
REFRESH_MS = 3000
# The result columns' widths at the normal font size.
COLUMN_WIDTHS = (140, 220, 70, 90, 110, 50, 120, 150)


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
        # Desk actions run one after another, in the order the operator gave them (queue.py).
        self._actions = DeskQueue(ctx, lambda: self.desk.name)
        self._build()
        self.apply_font_size()
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
        for text, slot in ((translate("DeskView", "现场登记 F2"), self.open_walk_in),
                           (translate("DeskView", "展商领证 F3"), self.open_pickup),
                           (translate("DeskView", "设置 F9"), self.open_settings)):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            top.addWidget(button)
        root.addLayout(top)
        self.banner = offline_banner()
        root.addWidget(self.banner)
        self.search = QLineEdit()
        self.search.setObjectName("deskSearch")
        self.search.setPlaceholderText(translate(
            "DeskView", "扫码，或输入姓名 / 拼音 / 首字母 / 单位 / 手机尾号 / 邮箱 / 编号"))
        self._base_point = max(QFont(self.search.font()).pointSize(), 10)
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
        # Widths follow the font size (apply_font_size); the last column takes what is left,
        # and at a large size the table scrolls sideways rather than squeeze the company.
        header.setStretchLastSection(True)
        # Today's check-in beside the name: what the operator reads first, never scrolled away.
        header.moveSection(4, 1)
        # The queue's results keep most of the width; the recent scans sit at the side.
        self.recent = RecentScans()
        self.recent.person_clicked.connect(self.show_person)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("deskSplit")
        self.split.addWidget(self.table)
        self.split.addWidget(self.recent)
        self.split.setStretchFactor(0, 4)
        self.split.setStretchFactor(1, 1)
        root.addWidget(self.split, 1)
        keys_help = QLabel(translate(
            "DeskView", "↑↓ 选择　Enter 签到　Ctrl+P 打印胸卡　Ctrl+R 补打（选原因）　"
            "Ctrl+Z 撤销本台上一次签到　F2 现场登记　F3 展商领证　F9 设置　"
            "Esc 清空　· 扫码枪在任何输入框中都可直接扫码"))
        keys_help.setWordWrap(True)
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
                    self.results.on_answer(lambda: self.check_in_selected(by_enter=True))
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                return True
        return super().eventFilter(obj, event)

    # -- desk actions, off the GUI thread, one at a time (queue.py) ------------------------------
    @property
    def idle(self) -> bool:
        """No desk action running or waiting (tests wait for this)."""
        return self._actions.idle

    def run(self, action: Callable[[ActionContext], Outcome[T]], on_done: Callable[[T], None],
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Queue a desk action (eventdesk.actions) as this desk; it runs off the GUI thread after
        the ones queued before it, then `on_done(value)` runs on the GUI thread."""
        self._actions.run(action, on_done, on_error or self.show_error)

    def show_error(self, exc: BaseException) -> None:
        self.status.show_state("red", desk_text("desk.status.failed"), describe(exc))

    # -- check-in --------------------------------------------------------------------------
    def on_scan(self, payload: str) -> None:
        self.run(lambda actx: desk_actions.scan(actx, payload=payload),
                 lambda shown: self.show_checkin(shown, focus_person=True),
                 self._check_in_failed)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def check_in_selected(self, *, by_enter: bool = False) -> None:
        """Check in the selected person (Enter, a double click). `by_enter` with the desk
        setting on: the search field is emptied after, the person stays shown and selected."""
        row = self.selected()
        if row is None:
            return
        pid = row.person.id
        via: desk_actions.Via = "external_ref" if self._pending_confirm == pid else "search"
        clear = by_enter and self.desk.clear_after_enter
        self.remember_query()
        self.run(lambda actx: desk_actions.check_in(actx, person_id=pid, via=via),
                 lambda shown: self.show_checkin(shown, focus_person=clear),
                 self._check_in_failed)

    def _check_in_failed(self, exc: BaseException) -> None:
        self.recent.add(outcome.failed_line(exc, self.ctx.event_info))
        self.elsewhere.check_in_failed(exc)

    def show_checkin(self, shown: DeskCheckIn, *, focus_person: bool = False,
                     quiet: bool = False) -> None:
        """Show a check-in's outcome: the status panel, the person's row, today's count, and
        (not `quiet`) a line in the recent scans. `focus_person`: show only that person, the
        search field empty (a scan, a walk-in, Enter with "clear after Enter")."""
        result, p = shown.result, shown.result.person
        shows = outcome.panel(shown, self.ctx.event_info)
        self.status.show_state(shows.state, shows.title, shows.detail, shows.hint)
        if not quiet:
            sound.play({"blue": ""}.get(shows.state, shows.state), enabled=self.desk.sounds)
            self.recent.add(outcome.scan_line(shown, self.ctx.event_info))
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
        if self._actions.own_change and not self.ctx.elsewhere:
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
        info = self.ctx.event_info
        event = event_name(info) if info is not None else desk_text("desk.no_event")
        self.header.setText(desk_text("desk.header", where=desk_label(self.desk.name),
                                      event=event, count=count or 0))

    # -- dialogs -------------------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        """Select this person in the results (a click in the recent scans): their row if it is
        shown, else only them, read again."""
        if self.results.select_person(person_id):
            return

        def show(rows: list[DeskRow]) -> None:
            if rows:
                self._show_only(rows[0])

        self.run(lambda actx: desk_actions.rows_of(actx, person_ids=[person_id]), show)
        self.search.setFocus()

    def apply_font_size(self) -> None:
        """The desk's font size (desk settings), applied to what is shown now."""
        scale = self.desk.font_scale
        font = QFont(self.search.font())
        font.setPointSize(round((self._base_point + 8) * scale))
        self.search.setFont(font)
        self.status.set_scale(scale)
        for widget in (self.table, self.recent.table):
            table_font = QFont(widget.font())
            table_font.setPointSize(round(self._base_point * scale))
            widget.setFont(table_font)
            widget.verticalHeader().setDefaultSectionSize(round(30 * scale))
        # Columns grow with the text (the company column takes what is left); so does the
        # recent scans' share of the width.
        for col, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(col, round(width * scale))
        self.recent.table.setColumnWidth(1, round(110 * scale))
        self.split.setSizes([1000, round(260 * scale)])
        self.header.setStyleSheet(f"font-size: {round(16 * scale)}px; font-weight: 600;")

    def open_settings(self) -> None:
        dialog = desk_settings.DeskSettingsDialog(
            self.desk, self, self.ctx.settings,
            may_change_lock=self.ctx.can(Permission.SETTINGS))
        if dialog.exec():
            self.desk = dialog.result_settings()
            desk_settings.save(self.ctx.settings, self.desk)
            self.ctx.remember_desk(self.desk.name)
            self.ctx.remember_lock(self.desk.lock_minutes)
            self.apply_font_size()
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

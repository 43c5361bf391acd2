"""The desk's result list and its selection: the person every desk action acts on.

Searches run off the GUI thread (as desk actions); each request is numbered and only the answer
to the latest one is shown. The selection is held by person id: a new query selects its first
row, but a refresh (another desk's write, an import, this desk's own print or undo) keeps the
person selected — or selects nobody if they left the list — never whoever moved into row 0.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtWidgets import QTableView, QWidget

from eventdesk.actions import desk as desk_actions
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.services.desk import DeskRow
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk.model import ResultsModel

RESULT_LIMIT = 50


class DeskResults:
    """The rows of `table` (a ResultsModel) for the desk's query, and who is selected.

    `on_error(exc)` shows a failed search; it and the view are held weakly (the view owns this
    object: no cycle through a Qt object)."""

    def __init__(self, ctx: AppContext, table: QTableView, model: ResultsModel, *,
                 view: QWidget, on_error: Callable[[BaseException], None]) -> None:
        self.ctx, self.table, self.model = ctx, table, model
        self._view = weakref.ref(view)
        self._on_error = weakref.WeakMethod(on_error)  # on_error is a bound method of the view
        # The latest request; an answer to any other is dropped. On the search lane: never
        # behind other views' background work (ops._lane).
        self._answers = ops.Latest(lane=ops.SEARCH_LANE)
        self.pending_new_query = False  # the latest request is a new query (select its row 0)
        # Keys pressed before the answer to what was typed arrived (↑/↓, Enter, Ctrl+P,
        # Ctrl+R), in the order pressed: they replay once it is shown, on its rows, as if the
        # search had answered at once. Acting on the rows of the text before (still on screen)
        # printed another person's badge when the machine was slow (soak, load 17).
        self._after_answer: list[Callable[[], None]] = []

    # -- asking ---------------------------------------------------------------------------------
    def request(self, text: str, *, new_query: bool, searchable: bool) -> None:
        """Search for `text` (`searchable` false: nothing to search for). A new query selects
        its first row; otherwise the rows shown are read again, keeping the selected person."""
        self.pending_new_query = new_query
        ids: list[int] = []
        if not searchable:
            # Nothing typed: the rows shown are the person a scan or walk-in put there.
            ids = [] if new_query else [r.person.id for r in self.model.rows]
            if not ids:
                self._answers.forget()
                self._show([], new_query=True)
                return

        def read(actx: ActionContext, _progress: ops.Progress) -> Outcome[list[DeskRow]]:
            if ids:
                return desk_actions.rows_of(actx, person_ids=ids)
            return desk_actions.search(actx, query=text, limit=RESULT_LIMIT)

        self._answers.run_action(self.ctx, read,
                                 on_done=lambda rows: self._show(rows, new_query=new_query),
                                 on_error=self._failed, owner=self._view())

    def refresh(self, text: str, *, searchable: bool) -> None:
        """Something changed: read the rows again, keeping the selected person."""
        self.request(text, new_query=self.pending_new_query, searchable=searchable)

    def on_answer(self, act: Callable[[], None]) -> None:
        """Act on the selection now, or once the answer to what was just typed is shown (after
        the keys pressed before it, in order)."""
        if self.pending_new_query:
            self._after_answer.append(act)
        else:
            act()

    def show_only(self, row: DeskRow) -> None:
        """Show just this person, selected (a scan, a confirmed code, a walk-in); a search still
        on its way is dropped so it cannot replace them."""
        self._answers.forget()
        self.pending_new_query = False
        self._after_answer = []
        self.model.set_rows([row])
        self.table.selectRow(0)

    # -- answers ----------------------------------------------------------------------------------
    def _show(self, rows: list[DeskRow], *, new_query: bool) -> None:
        self.pending_new_query = False
        # The person selected when the answer arrives (the operator may have moved meanwhile).
        keep = None if new_query else self.selected_id()
        self.model.set_rows(rows)
        if new_query:
            if rows:
                self.table.selectRow(0)
        elif keep is not None:
            self.select_person(keep)
        view = self._view()
        shown = getattr(view, "rows_shown", None)
        if callable(shown):  # the view's own reading of the new rows (ui/desk/view.py)
            shown(rows)
        queued, self._after_answer = self._after_answer, []
        for then in queued:
            then()

    def _failed(self, exc: BaseException) -> None:
        self.pending_new_query = False
        self._after_answer = []
        on_error = self._on_error()
        if on_error is not None:
            on_error(exc)

    # -- the selection ----------------------------------------------------------------------------
    def selected(self) -> DeskRow | None:
        """The selected row: the person every desk action acts on."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.person.id if row is not None else None

    def select_person(self, person_id: int) -> bool:
        """Select the person's row if it is shown (else select nobody); True when shown."""
        i = self.model.row_of(person_id)
        if i is None:
            self.table.clearSelection()
            return False
        self.table.selectRow(i)
        return True

    def move(self, step: int) -> None:
        """↑/↓/PgUp/PgDn: move the selection `step` rows, within the list — within the answer
        to what was typed, once it is shown, when it is still on its way."""
        if self.pending_new_query:
            self._after_answer.append(lambda: self.move(step))
            return
        n = self.model.rowCount()
        if not n:
            return
        current = self.selected()
        row = 0 if current is None else self.model.rows.index(current)
        row = max(0, min(n - 1, row + step))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

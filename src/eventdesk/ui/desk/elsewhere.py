"""What the desk shows of the other desks and of the server (live updates, ui/live.py).

- A red banner above the search field while the database does not answer.
- The status panel, when the person selected here (the one the operator is about to act on) has
  just been checked in at another desk.
- A scan or check-in that did not come back because the database did not answer: red, "not
  checked in", never optimistic.

Held by the desk view (a QObject child of it, so the context's signals stop reaching it with
the view); holds no logic about the database: it reads what the view shows.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from eventdesk.messages import describe
from eventdesk.messages.desk import desk_label, desk_text
from eventdesk.services.changes import News
from eventdesk.services.desk import DeskRow
from eventdesk.storage import DatabaseUnavailable
from eventdesk.ui.desk import sound

if TYPE_CHECKING:
    from eventdesk.ui.desk.view import DeskView


def offline_banner() -> QLabel:
    """The banner: one plain sentence, hidden until the server stops answering."""
    banner = QLabel(desk_text("desk.live.offline"))
    banner.setObjectName("deskOffline")
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #b42318; color: white; font-size: 16px; "
                         "font-weight: 600; padding: 8px; border-radius: 6px;")
    banner.hide()
    return banner


class Elsewhere(QObject):
    def __init__(self, view: DeskView) -> None:
        super().__init__(view)
        self._view_of = weakref.ref(view)  # the view owns this object: no cycle through Qt
        self._checked: frozenset[int] = frozenset()  # checked in elsewhere, rows not read yet
        view.ctx.news.connect(self._on_news)
        view.ctx.reachable_changed.connect(self._show_reachable)
        self._show_reachable(view.ctx.reachable)

    @property
    def _view(self) -> DeskView:
        view = self._view_of()
        if view is None:  # never: the view's deletion deletes this child and its connections
            raise RuntimeError("the desk view is gone")
        return view

    def _show_reachable(self, reachable: bool) -> None:
        self._view.banner.setVisible(not reachable)

    def _on_news(self, news: object) -> None:
        """Another desk's changes, just before the view reads its rows again."""
        if isinstance(news, News) and news.checkins:
            self._checked = news.checkins

    def rows_shown(self) -> None:
        """The result rows were read again: if the selected person has just been checked in at
        another desk, the status panel says so."""
        watched, self._checked = self._checked, frozenset()
        view = self._view
        row: DeskRow | None = view.selected()
        if row is None or row.person.id not in watched or row.checked_in is None \
                or row.checked_in.desk == view.desk.name:
            return
        info = view.ctx.event_info
        when = info.local(row.checked_in.at).strftime("%H:%M") if info is not None else ""
        view.status.show_state("amber", desk_text(
            "desk.live.checked_in_elsewhere", name=row.person.name,
            where=desk_label(row.checked_in.desk), when=when))

    def check_in_failed(self, exc: BaseException) -> None:
        """A scan or check-in that did not come back: never shown as checked in. When the
        database did not answer, the panel says so and the live updates look at once."""
        view = self._view
        if not isinstance(exc, DatabaseUnavailable):
            view.show_error(exc)
            return
        view.status.show_state("red", desk_text("desk.status.not_checked_in"),
                               describe(exc), desk_text("desk.status.scan_again"))
        sound.play("red", enabled=view.desk.sounds)
        poke = getattr(view.ctx.live, "poke", None)
        if callable(poke):
            poke()

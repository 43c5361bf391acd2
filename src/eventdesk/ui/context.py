"""What every view shares: the open database, the event, and the "what changed" signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from eventdesk.actions.base import ActionContext, Topic
from eventdesk.domain.access import Principal
from eventdesk.services.events import EventInfo
from eventdesk.storage import Database

# Topics views listen for; an action's Outcome says which of them it changed.
PEOPLE = Topic.PEOPLE
EXHIBITORS = Topic.EXHIBITORS
CHECKINS = Topic.CHECKINS
PRINTS = Topic.PRINTS
SCHEDULE = Topic.SCHEDULE
EVENT = Topic.EVENT


class AppContext(QObject):
    changed = Signal(object)  # a frozenset of topics
    database_replaced = Signal()

    def __init__(self, db: Database, event: EventInfo | None, operator: str,
                 user: Principal | None = None) -> None:
        super().__init__()
        self.db = db
        # Who the window acts as (None: nobody signed in; actions then refuse what needs a role
        # and mask contacts).
        self.user = user
        self.event_info = event
        self.operator = operator
        # One object for the window's life, made here on the GUI thread: Qt shares what every
        # QSettings of the process reads and writes, and making one reads the file again (a
        # millisecond on the GUI thread, for every action run: each keystroke's search).
        self._settings = QSettings("EventDesk", "EventDesk")
        self._desk_name: str | None = None

    @property
    def settings(self) -> QSettings:
        return self._settings

    @property
    def desk_name(self) -> str:
        """This machine's desk name (desk settings, F9), read once: every action run from the
        window names its desk, and a QSettings look-up costs a millisecond on the GUI thread."""
        if self._desk_name is None:
            self._desk_name = str(self.settings.value("desk/name", "desk-1"))
        return self._desk_name

    def remember_desk(self, name: str) -> None:
        """The desk settings were loaded or changed (ui/desk/view.py)."""
        self._desk_name = name

    def action_context(self) -> ActionContext:
        """Who acts where, for an action run from this window (open database, desk, operator)."""
        return ActionContext(db=self.db, desk=self.desk_name, operator=self.operator,
                             user=self.user)

    def notify(self, *topics: str) -> None:
        if topics:
            self.changed.emit(frozenset(topics))

    def replace_database(self, db: Database, event: EventInfo | None) -> None:
        old = self.db
        self.db, self.event_info = db, event
        old.dispose()
        self.database_replaced.emit()
        self.notify(PEOPLE, EXHIBITORS, CHECKINS, PRINTS, SCHEDULE, EVENT)

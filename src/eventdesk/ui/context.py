"""What every view shares: the open database, the event, and the "what changed" signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from eventdesk.actions.base import ActionContext, Topic
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
    # Live updates (ui/live.py): the database answers (True) or not (False); another desk's
    # changes (a services.changes.News), emitted just before `changed` carries their topics.
    reachable_changed = Signal(bool)
    news = Signal(object)

    def __init__(self, db: Database, event: EventInfo | None, operator: str) -> None:
        super().__init__()
        self.db = db
        self.event_info = event
        self.operator = operator
        # One object for the window's life, made here on the GUI thread: Qt shares what every
        # QSettings of the process reads and writes, and making one reads the file again (a
        # millisecond on the GUI thread, for every action run: each keystroke's search).
        self._settings = QSettings("EventDesk", "EventDesk")
        self._desk_name: str | None = None
        self.reachable = True  # as the live-update watcher last found (ui/live.py)
        # While `changed` is emitted for the change feed's news: True (views that skip the
        # refresh after their own action must not skip another desk's change).
        self.elsewhere = False
        self.live: object | None = None  # the LiveUpdates, once started (ui/live.py)

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
        return ActionContext(db=self.db, desk=self.desk_name, operator=self.operator)

    def notify(self, *topics: str) -> None:
        if topics:
            self.changed.emit(frozenset(topics))

    def notify_elsewhere(self, topics: frozenset[str], news: object) -> None:
        """Changes read from the change feed (another desk's, or any writer's): `news`, then
        `changed` with `elsewhere` true during the emission."""
        self.news.emit(news)
        if topics:
            self.elsewhere = True
            try:
                self.changed.emit(frozenset(topics))
            finally:
                self.elsewhere = False

    def replace_database(self, db: Database, event: EventInfo | None) -> None:
        old = self.db
        self.db, self.event_info = db, event
        old.dispose()
        self.database_replaced.emit()
        self.notify(PEOPLE, EXHIBITORS, CHECKINS, PRINTS, SCHEDULE, EVENT)

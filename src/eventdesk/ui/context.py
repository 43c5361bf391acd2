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

    def __init__(self, db: Database, event: EventInfo | None, operator: str) -> None:
        super().__init__()
        self.db = db
        self.event_info = event
        self.operator = operator

    @property
    def settings(self) -> QSettings:
        return QSettings("EventDesk", "EventDesk")

    @property
    def desk_name(self) -> str:
        return str(self.settings.value("desk/name", "desk-1"))

    def action_context(self) -> ActionContext:
        """Who acts where, for an action run from this window (open database, desk, operator)."""
        return ActionContext(db=self.db, desk=self.desk_name, operator=self.operator)

    def notify(self, *topics: str) -> None:
        if topics:
            self.changed.emit(frozenset(topics))

    def replace_database(self, db: Database, event: EventInfo | None) -> None:
        old = self.db
        self.db, self.event_info = db, event
        old.dispose()
        self.database_replaced.emit()
        self.notify(PEOPLE, EXHIBITORS, CHECKINS, PRINTS, SCHEDULE, EVENT)

"""What every view shares: the open database, the event, the signed-in user, and the "what
changed" signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from eventdesk.actions.base import ActionContext, Topic
from eventdesk.domain.access import Permission, Principal
from eventdesk.services.events import EventInfo
from eventdesk.storage import Database

# Topics views listen for; an action's Outcome says which of them it changed.
PEOPLE = Topic.PEOPLE
EXHIBITORS = Topic.EXHIBITORS
CHECKINS = Topic.CHECKINS
PRINTS = Topic.PRINTS
SCHEDULE = Topic.SCHEDULE
EVENT = Topic.EVENT


LOCK_KEY = "desk/lock_minutes"
DEFAULT_LOCK_MINUTES = 5.0


def lock_minutes(settings: QSettings) -> float:
    """The desk's idle lock in minutes (issue 12: default 5; 0 = never; fractions allowed)."""
    try:
        value = float(str(settings.value(LOCK_KEY, DEFAULT_LOCK_MINUTES)))
    except ValueError:
        return DEFAULT_LOCK_MINUTES
    return max(value, 0.0)


class AppContext(QObject):
    changed = Signal(object)  # a frozenset of topics
    database_replaced = Signal()
    user_changed = Signal()  # another user signed in at this desk (shift change)
    # Live updates (ui/live.py): the database answers (True) or not (False); another desk's
    # changes (a services.changes.News), emitted just before `changed` carries their topics.
    reachable_changed = Signal(bool)
    news = Signal(object)

    def __init__(self, db: Database, event: EventInfo | None, user: Principal) -> None:
        super().__init__()
        self.db = db
        self.event_info = event
        self._user = user
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
        self._lock_minutes: float | None = None

    @property
    def user(self) -> Principal:
        """The signed-in account every action of this window runs as (its role decides what
        the actions allow: actions.access.require)."""
        return self._user

    @property
    def operator(self) -> str:
        """The signed-in user's name, as audit entries and check-ins record it."""
        return self._user.username

    def can(self, permission: Permission) -> bool:
        """Whether the signed-in user's role has `permission` (what the window shows; the
        actions check it again)."""
        return self._user.can(permission)

    def switch_user(self, user: Principal) -> None:
        """Another user signed in at this desk: later actions run as them."""
        changed = user != self._user
        self._user = user
        if changed:
            self.user_changed.emit()

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

    @property
    def lock_minutes(self) -> float:
        """Minutes without input after which the window locks (desk settings; 0 = never),
        read once: the lock looks at it every second."""
        if self._lock_minutes is None:
            self._lock_minutes = lock_minutes(self.settings)
        return self._lock_minutes

    def remember_lock(self, minutes: float) -> None:
        """The desk settings' idle lock was changed (ui/desk/view.py)."""
        self._lock_minutes = minutes

    def action_context(self) -> ActionContext:
        """Who acts where, for an action run from this window: the open database, this desk,
        and the signed-in user (also as the operator written into audit entries)."""
        return ActionContext(db=self.db, desk=self.desk_name, operator=self._user.username,
                             user=self._user)

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

    def replace_database(self, db: Database, event: EventInfo | None,
                         user: Principal | None = None) -> None:
        """Switch the window to another database; `user`: the account signed in on it (the
        accounts are the database's own), None keeps the current one (tests)."""
        old = self.db
        self.db, self.event_info = db, event
        if user is not None:
            self._user = user
        old.dispose()
        self.database_replaced.emit()
        self.notify(PEOPLE, EXHIBITORS, CHECKINS, PRINTS, SCHEDULE, EVENT)

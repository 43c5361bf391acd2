"""Start-up: QApplication, fonts, the database (demo event on first run), the sign-in, the main
window.

Signing in comes before anything else (issue 12): a database without accounts asks for its first
admin; otherwise the sign-in dialog (user name remembered on this desk, never the password). On
the first run, which builds the demo event, that dialog lists the demo accounts and their
passwords — from the build's result, in memory only: never on another event or a later start.

`--screenshot PNG --view NAME` renders one view on the given database as the signed-in user
given by the command line, saves it and exits.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from eventdesk import messages
from eventdesk.actions import accounts
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Principal
from eventdesk.domain.errors import DomainError, NotSignedIn
from eventdesk.files import replacing, write_whole
from eventdesk.services.events import EventInfo, get_event, has_event
from eventdesk.storage import (
    Database,
    database_error,
    default_db_path,
    describe,
    open_database,
    resolve_url,
    sqlite_path,
    to_url,
)
from eventdesk.ui import i18n, ops
from eventdesk.ui.accounts.sign_in import FirstAdminDialog, ShownAccount, SignInDialog, who
from eventdesk.ui.context import AppContext
from eventdesk.ui.fonts import register_fonts
from eventdesk.ui.live import start_live_updates
from eventdesk.ui.main_window import VIEW_KEYS, MainWindow

if TYPE_CHECKING:  # the demo's modules load only when the first run builds it (start-up time)
    from eventdesk.actions.demo import DemoBuilt


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("EventDesk")
        QCoreApplication.setApplicationName("EventDesk")
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    register_fonts(app)
    ops.collect_garbage_on_gui_thread()
    ops.share_the_gil()
    return app


def is_first_run(url: str) -> bool:
    """The embedded default database does not exist yet: the only case the GUI creates one."""
    path = sqlite_path(url)
    return path is not None and path == default_db_path() and not path.exists()


T = TypeVar("T")


def build_demo_with_progress(db: Database, parent: object = None, *, exhibitors: int = 2500,
                             people: int = 30_000) -> list[ShownAccount]:
    """Build the reference demo event in a worker while a progress dialog shows live progress.

    The GUI thread runs a local event loop until the build has delivered its result, so the
    dialog repaints and its bar follows the build's reports (blocking in a wait here left a black
    window for the whole build). Raises what the build raised.

    Returns the demo's accounts with their passwords (actions.demo: one per role), for the
    sign-in screen of this start only. Nobody is signed in yet: on a new database the build
    needs nobody (it creates the accounts)."""
    from eventdesk.actions.demo import build_demo
    from eventdesk.demo.build import overall_progress

    dialog = QProgressDialog(i18n.translate("DemoProgress", "正在创建演示活动…"), "", 0, 100)
    dialog.setWindowTitle("EventDesk")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)  # closed below, once the result is in
    dialog.setAutoReset(False)
    dialog.show()
    actx = ActionContext(db=db, desk=_desk_name(), operator="demo")
    failure: list[BaseException] = []
    finished: list[bool] = []
    built: list[DemoBuilt] = []
    loop = QEventLoop()

    def work(progress: ops.Progress) -> DemoBuilt:
        return build_demo(actx, exhibitors=exhibitors, people=people, seed=1, replace=False,
                          database=describe(db.url),
                          progress=overall_progress(progress.report, exhibitors=exhibitors,
                                                    people=people))

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def on_done(result: DemoBuilt) -> None:
        built.append(result)
        finished.append(True)
        loop.quit()

    def on_error(exc: BaseException) -> None:
        failure.append(exc)
        finished.append(True)
        loop.quit()

    ops.run_call_with_progress(work, on_done=on_done, on_error=on_error, on_progress=on_progress)
    if not finished:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if failure:
        raise failure[0]
    passphrase = built[0].summary.signing_passphrase
    if passphrase:
        # Shown this once (as `eventdesk demo` prints it); the build left the key unlocked in
        # this process, so the demo's desk prints badges from its first start.
        print(messages.text("demo.summary.signing", passphrase=passphrase), file=sys.stderr)
    return demo_accounts(built[0])


def demo_accounts(built: DemoBuilt) -> list[ShownAccount]:
    """The accounts a demo build created, with their passwords, to show on the sign-in."""
    return [ShownAccount(username=u.username, role=u.role, password=u.password)
            for u in built.users]


def unlock_from_environment(db: Database) -> None:
    """A print station started unattended unlocks badge signing with
    EVENTDESK_SIGNING_PASSPHRASE, as the command line does (before the window exists, so
    nothing waits on it); otherwise an organiser uses File → Unlock badge signing."""
    passphrase = os.environ.get("EVENTDESK_SIGNING_PASSPHRASE")
    if passphrase:
        _unlock(db, passphrase)


def _unlock(db: Database, passphrase: str) -> None:
    from eventdesk.services import signing

    try:
        with db.unit_of_work(write=False) as session:
            if signing.signing_status(session).has_key:
                signing.unlock(session, passphrase=passphrase)
    except DomainError as exc:  # wrong passphrase, no event: the window still opens, locked
        print(f"eventdesk: {messages.describe(exc)}", file=sys.stderr)


def open_for_gui(url: str) -> Database:
    return open_for_sign_in(url)[0]


def open_for_sign_in(url: str) -> tuple[Database, list[ShownAccount]]:
    """The database at `url` and, on the first run (which builds the demo event there), the
    demo accounts to show on the sign-in screen; an empty list otherwise."""
    if is_first_run(url):
        db = open_database(url, create=True)
        return db, build_demo_with_progress(db)
    return open_database(url), []


def wait_for(fn: Callable[[], T]) -> T:
    """`fn()` on a worker while the GUI thread's event loop turns (start-up, before any window:
    database work stays off the GUI thread there too). Returns its value; raises what it raised."""
    loop = QEventLoop()
    values: list[T] = []
    failures: list[BaseException] = []

    def done(value: T) -> None:
        values.append(value)
        loop.quit()

    def failed(exc: BaseException) -> None:
        failures.append(exc)
        loop.quit()

    ops.run_call_in_background(fn, on_done=done, on_error=failed)
    if not values and not failures:
        loop.exec()
    if failures:
        raise failures[0]
    return values[0]


def desk_settings() -> QSettings:
    return QSettings("EventDesk", "EventDesk")


def _desk_name() -> str:
    return str(desk_settings().value("desk/name", "desk-1"))


def sign_in_at_start(db: Database, event: EventInfo | None, *,
                     shown: Sequence[ShownAccount] = (),
                     username: str | None = None) -> Principal | None:
    """Who works at this desk: the first admin of a database without accounts, else whoever
    signs in (`username`: offered in the dialog instead of the last one of this desk). None
    when the person closed the dialog (the program ends)."""
    settings = desk_settings()
    desk = _desk_name()
    if wait_for(lambda: accounts.needs_first_admin(db)):
        first = FirstAdminDialog(db, desk=desk, settings=settings)
        return first.principal if first.exec() else None
    dialog = SignInDialog(db, desk=desk, settings=settings,
                          event_name=i18n.event_name(event) if event is not None else "",
                          demo_accounts=shown, username=username)
    return dialog.principal if dialog.exec() else None


def run_gui(*, db: str | None = None, screenshot: Path | None = None, view: str = "desk",
            user: Principal | None = None, lang: str | None = None) -> int:
    """The desktop program. `user`: the account already signed in by the command line (--user
    / EVENTDESK_USER, cli.signin) — what --screenshot needs, having no window to sign in at;
    without it the window's own sign-in asks (a screenshot ends with one sentence, exit 5).
    `lang`: --lang ("zh" / "en"), before the machine's setting and the locale (ui.i18n)."""
    if view not in VIEW_KEYS:
        print("eventdesk: " + messages.text("cli.unknown_view", view=view,
                                            views=", ".join(VIEW_KEYS)), file=sys.stderr)
        return 2
    app = application()
    # Before any widget exists: every text is worded when its widget is built.
    i18n.install(i18n.choose(desk_settings(), command_line=lang))
    url = resolve_url(db)
    opened: list[Database] = []
    try:
        database, shown = open_for_sign_in(url)
        opened.append(database)
        event = wait_for(lambda: _read_event(database))
        principal = user
        if principal is None and screenshot is not None:  # no window to sign in at
            first = wait_for(lambda: accounts.needs_first_admin(database))
            raise NotSignedIn(code="auth.no_accounts" if first else "auth.no_user")
    except Exception as exc:  # noqa: BLE001 - a database error becomes one sentence, not a trace
        reason = exc if isinstance(exc, DomainError) else database_error(exc, url=url)
        if reason is None:
            raise
        for failed in opened:
            failed.dispose()
        exc = reason
        code = int(getattr(exc, "exit_code", 2))  # 5: not signed in or not allowed
        if screenshot is not None:
            print(f"eventdesk: {messages.describe(exc)}", file=sys.stderr)
            return code
        QMessageBox.critical(None, "EventDesk", messages.describe(exc))
        return code
    if principal is None:
        principal = sign_in_at_start(database, event, shown=shown)
        if principal is None:  # the dialog was closed: nobody signed in, nothing opens
            database.dispose()
            return 0
    del shown  # the demo passwords are shown once, on that dialog only
    unlock_from_environment(database)
    ctx = AppContext(database, event, principal)
    window = MainWindow(ctx)
    if screenshot is not None and not window.allowed(view):
        # A picture of a view the account may not see would be a way round its role.
        print("eventdesk: " + messages.text("signin.view_refused", view=view, who=who(principal)),
              file=sys.stderr)
        window.close()
        database.dispose()
        return 5
    window.show_view(view if window.allowed(view) else window.first_view())
    if screenshot is not None:
        return save_screenshot(app, window, screenshot)
    window.show()
    window.auto_backup.start()
    # Other desks' check-ins, walk-ins and edits; a word when the server stops answering.
    start_live_updates(ctx)
    start_heartbeat_log(app)
    return app.exec()


def _read_event(db: Database) -> EventInfo | None:
    with db.unit_of_work(write=False) as session:
        return get_event(session) if has_event(session) else None


HEARTBEAT_ENV = "EVENTDESK_HEARTBEAT_LOG"


def start_heartbeat_log(app: QApplication) -> None:
    """Opt-in diagnostic for the soak benchmark: with EVENTDESK_HEARTBEAT_LOG=PATH a 10 ms timer
    on the GUI thread measures the longest gap between its ticks (a stall of the event loop) and
    rewrites PATH about once a second with JSON {"longest_ms", "longest_at" (epoch s), "over_100ms"
    (stalls > 100 ms), "beats", "pid", "widgets"}. "widgets" maps the objectName of every visible
    named widget to its [x, y, width, height] on the screen: the scripted operator finds a
    button there (a click at a pixel measured once broke whenever a view's layout changed).
    Without the variable nothing runs."""
    path = os.environ.get(HEARTBEAT_ENV)
    if not path:
        return
    state = {"last": time.monotonic(), "written": 0.0, "longest": 0.0, "longest_at": 0.0,
             "over": 0.0, "beats": 0.0}

    def write() -> None:
        record = {"longest_ms": round(state["longest"] * 1000, 1),
                  "longest_at": state["longest_at"], "over_100ms": int(state["over"]),
                  "beats": int(state["beats"]), "pid": os.getpid(), "widgets": _named_widgets()}
        write_whole(path, json.dumps(record).encode())  # a reader never sees half a file

    def beat() -> None:
        now = time.monotonic()
        gap, state["last"] = now - state["last"], now
        state["beats"] += 1
        if gap > 0.1:
            state["over"] += 1
        if gap > state["longest"]:
            state["longest"], state["longest_at"] = gap, time.time()
        if now - state["written"] >= 1.0:
            state["written"] = now
            write()

    timer = QTimer(app)  # owned by the application; the closures hold no Qt object
    timer.setInterval(10)
    timer.timeout.connect(beat)
    app.aboutToQuit.connect(write)
    timer.start()


def _named_widgets() -> dict[str, list[int]]:
    """objectName -> [x, y, width, height] in screen pixels of the visible named widgets of
    every top-level window (the soak's hook, see start_heartbeat_log)."""
    found: dict[str, list[int]] = {}
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            name = widget.objectName()
            if name and not name.startswith("qt_") and widget.isVisible():
                corner = widget.mapToGlobal(QPoint(0, 0))
                found[name] = [corner.x(), corner.y(), widget.width(), widget.height()]
    return found


def save_screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    window.show()
    for _ in range(3):
        app.processEvents()
        ops.wait_idle()
    settle = getattr(window.stack.currentWidget(), "settle", None)
    if callable(settle):
        settle()
    app.processEvents()
    image = window.grab()
    try:
        with replacing(path) as tmp:  # a complete PNG or the old file
            if not image.save(str(tmp), "PNG"):
                raise OSError(errno.EIO, "PNG", str(path))
        ok = True
    except OSError:
        ok = False
    window.close()
    window.ctx.db.dispose()
    if not ok:
        print("eventdesk: " + messages.text("cli.screenshot_failed", path=path), file=sys.stderr)
        return 2
    print(messages.text("cli.screenshot_saved", path=path, width=image.width(),
                        height=image.height()))
    return 0


__all__ = ["run_gui", "to_url"]

"""Start-up: QApplication, fonts, the database (demo event on first run), the main window.

`--screenshot PNG --view NAME` renders one view on the given database, saves it and exits.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from eventdesk import messages
from eventdesk.domain.errors import DomainError
from eventdesk.files import replacing, write_whole
from eventdesk.services.audit import os_operator
from eventdesk.services.events import get_event, has_event
from eventdesk.storage import (
    Database,
    Session,
    database_error,
    default_db_path,
    open_database,
    resolve_url,
    sqlite_path,
    to_url,
)
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.fonts import register_fonts
from eventdesk.ui.live import start_live_updates
from eventdesk.ui.main_window import VIEW_KEYS, MainWindow


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


def build_demo_with_progress(db: Database, parent: object = None, *, exhibitors: int = 2500,
                             people: int = 30_000) -> None:
    """Build the reference demo event in a worker while a progress dialog shows live progress.

    The GUI thread runs a local event loop until the build has delivered its result, so the
    dialog repaints and its bar follows the build's reports (blocking in a wait here left a black
    window for the whole build). Raises what the build raised."""
    from eventdesk.demo.build import DemoSummary, build_demo, overall_progress

    dialog = QProgressDialog("正在创建演示活动… Building the demo event…", "", 0, 100)
    dialog.setWindowTitle("EventDesk")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)  # closed below, once the result is in
    dialog.setAutoReset(False)
    dialog.show()
    ctx = AppContext(db, None, os_operator())
    failure: list[BaseException] = []
    finished: list[bool] = []
    loop = QEventLoop()

    def work(session: Session, progress: ops.Progress) -> DemoSummary:
        return build_demo(session, exhibitors=exhibitors, people=people,
                          progress=overall_progress(progress.report, exhibitors=exhibitors,
                                                    people=people))

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def on_done(_summary: DemoSummary) -> None:
        finished.append(True)
        loop.quit()

    def on_error(exc: BaseException) -> None:
        failure.append(exc)
        finished.append(True)
        loop.quit()

    ops.run_in_background(ctx, work, on_done=on_done, on_error=on_error,
                          on_progress=on_progress, write=True)
    if not finished:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if failure:
        raise failure[0]


def open_for_gui(url: str) -> Database:
    if is_first_run(url):
        db = open_database(url, create=True)
        build_demo_with_progress(db)
        return db
    return open_database(url)


def run_gui(*, db: str | None = None, screenshot: Path | None = None, view: str = "desk") -> int:
    if view not in VIEW_KEYS:
        print("eventdesk: " + messages.text("cli.unknown_view", view=view,
                                            views=", ".join(VIEW_KEYS)), file=sys.stderr)
        return 2
    app = application()
    url = resolve_url(db)
    try:
        database = open_for_gui(url)
        with database.unit_of_work(write=False) as session:
            event = get_event(session) if has_event(session) else None
    except Exception as exc:  # noqa: BLE001 - a database error becomes one sentence, not a trace
        reason = exc if isinstance(exc, DomainError) else database_error(exc, url=url)
        if reason is None:
            raise
        exc = reason
        if screenshot is not None:
            print(f"eventdesk: {messages.describe(exc)}", file=sys.stderr)
            return 2
        QMessageBox.critical(None, "EventDesk", messages.describe(exc))
        return 2
    ctx = AppContext(database, event, os_operator())
    window = MainWindow(ctx)
    window.show_view(view)
    if screenshot is not None:
        return save_screenshot(app, window, screenshot)
    window.show()
    # Other desks' check-ins, walk-ins and edits; a word when the server stops answering.
    start_live_updates(ctx)
    start_heartbeat_log(app)
    return app.exec()


HEARTBEAT_ENV = "EVENTDESK_HEARTBEAT_LOG"


def start_heartbeat_log(app: QApplication) -> None:
    """Opt-in diagnostic for the soak benchmark: with EVENTDESK_HEARTBEAT_LOG=PATH a 10 ms timer
    on the GUI thread measures the longest gap between its ticks (a stall of the event loop) and
    rewrites PATH about once a second with JSON {"longest_ms", "longest_at" (epoch s), "over_100ms"
    (stalls > 100 ms), "beats", "pid"}. Without the variable nothing runs."""
    path = os.environ.get(HEARTBEAT_ENV)
    if not path:
        return
    state = {"last": time.monotonic(), "written": 0.0, "longest": 0.0, "longest_at": 0.0,
             "over": 0.0, "beats": 0.0}

    def write() -> None:
        record = {"longest_ms": round(state["longest"] * 1000, 1),
                  "longest_at": state["longest_at"], "over_100ms": int(state["over"]),
                  "beats": int(state["beats"]), "pid": os.getpid()}
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
    print(f"saved {path} ({image.width()}×{image.height()})")
    return 0


__all__ = ["run_gui", "to_url"]

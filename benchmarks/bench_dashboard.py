"""The dashboard at 100,000 people and 60,000 check-ins: how long a refresh takes (the service
alone, and the view: from the request to the charts drawn), how long the GUI thread spends
drawing, and the longest GUI stall meanwhile (heartbeat timer, budget ≤ 100 ms; method of
bench_heartbeat.py).

    .venv/bin/python benchmarks/bench_dashboard.py --db REF100K.sqlite3

REF100K is `eventdesk demo --people 100000 --db REF100K.sqlite3`; it is copied, and the copy gets
60,000 check-ins on the first event day (today) at 12 desks, prints and rejected scans
(arrivals_fill.py). Without --db the event is built first (about a minute).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from arrivals_fill import fill  # noqa: E402 - beside this script
from bench_heartbeat import Heartbeat, pump, settle, wait_for  # noqa: E402

BUDGET_MS = 100.0


def _ms(samples: list[float]) -> str:
    return (f"median {statistics.median(samples) * 1000:6.0f} ms, "
            f"max {max(samples) * 1000:6.0f} ms (n={len(samples)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="a 100,000-person demo event (copied, not changed)")
    parser.add_argument("--check-ins", type=int, default=60_000)
    parser.add_argument("--refreshes", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as tmp:
        db_file = Path(tmp) / "event.sqlite3"
        if args.db:
            shutil.copy(args.db, db_file)
        else:
            subprocess.run([sys.executable, "-m", "eventdesk", "demo", "--db", str(db_file),
                            "--people", "100000"], check=True, stdout=subprocess.DEVNULL)
        return run(db_file, args.check_ins, args.refreshes)


def add_check_in(db: object, i: int) -> None:
    """One more check-in now at desk-99 by a person not checked in today (as another desk)."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from eventdesk.domain import CheckIn, Person, PersonStatus
    from eventdesk.services import checkin
    from eventdesk.storage import Database

    assert isinstance(db, Database)
    with db.unit_of_work() as session:
        person = session.scalar(select(Person.id).where(~Person.id.in_(
            select(CheckIn.person_id))).where(Person.status == PersonStatus.REGISTERED)
            .offset(i).limit(1))
        assert person is not None
        checkin.check_in(session, person_id=person, desk="desk-99", operator="bench",
                         now=datetime.now(UTC))


def run(db_file: Path, check_ins: int, refreshes: int) -> int:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import func, select

    from eventdesk.domain import CheckIn, Person, UserRole
    from eventdesk.domain.access import Principal
    from eventdesk.services import stats
    from eventdesk.services.events import get_event
    from eventdesk.storage import open_database, to_url
    from eventdesk.ui.app import application
    from eventdesk.ui.context import AppContext
    from eventdesk.ui.dashboard.view import DashboardView
    from eventdesk.ui.main_window import MainWindow

    db = open_database(to_url(db_file))
    t0 = time.perf_counter()
    written = fill(db, check_ins=check_ins, days=1)
    print(f"filled {written:,} check-ins in {time.perf_counter() - t0:.1f} s", flush=True)
    with db.unit_of_work(write=False) as session:
        people = session.scalar(select(func.count(Person.id)))
        checks = session.scalar(select(func.count(CheckIn.id)))
        event = get_event(session)
    print(f"event: {people:,} people, {checks:,} check-ins; load average "
          f"{os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}", flush=True)

    # -- the service alone -------------------------------------------------------------------
    for label, day in (("whole event", None), ("one day", event.start_date)):
        samples = []
        for _ in range(5):
            with db.unit_of_work(write=False) as session:
                t0 = time.perf_counter()
                stats.figures(session, day=day)
                samples.append(time.perf_counter() - t0)
        print(f"service, {label:<11}: {_ms(samples)}", flush=True)

    # -- the view in the real window ---------------------------------------------------------
    app: QApplication = application()
    # An organiser: the dashboard's role (domain.access), signed in as the window would be.
    window = MainWindow(AppContext(db, event, Principal("bench", UserRole.ORGANISER)))
    window.show()
    view = window.show_view("dashboard")
    assert isinstance(view, DashboardView)
    wait_for(lambda: view.loads >= 1)
    view.polling = False  # the requests below are the only ones
    view.poll.stop()
    settle()
    beat = Heartbeat()
    beat.reset()
    pump(3000)
    idle = beat.worst
    print(f"idle window, 3 s (baseline): longest GUI stall {idle * 1000:.0f} ms", flush=True)
    totals: list[float] = []
    view.longest_step_s = view.longest_step_cpu_s = 0.0
    gui_cpu0 = time.thread_time()
    beat.reset()
    for i in range(refreshes):
        # A desk checks someone in (on another thread: the GUI thread only waits, pumping
        # events, so the heartbeat measures the window, not this write).
        writer = threading.Thread(target=add_check_in, args=(db, i))
        writer.start()
        wait_for(lambda writer=writer: not writer.is_alive())
        loads = view.loads
        t0 = time.perf_counter()
        view.refresh()
        wait_for(lambda loads=loads: view.loads > loads and not view.drawing)
        totals.append(time.perf_counter() - t0)
        pump(200)
    worst = beat.worst
    print(f"view refresh (request -> drawn): {_ms(totals)}", flush=True)
    print(f"longest drawing step on the GUI thread: {view.longest_step_s * 1000:.0f} ms wall, "
          f"{view.longest_step_cpu_s * 1000:.0f} ms CPU (panels whose figures changed are "
          "drawn one per event-loop turn; painting comes after each)", flush=True)
    print(f"GUI thread CPU time for {refreshes} refreshes (drawing, painting, the event loop): "
          f"{(time.thread_time() - gui_cpu0) * 1000 / refreshes:.0f} ms per refresh", flush=True)
    verdict = "OK" if worst * 1000 <= BUDGET_MS else "OVER"
    print(f"longest GUI stall during {refreshes} refreshes: {worst * 1000:.0f} ms "
          f"(budget {BUDGET_MS:.0f} ms: {verdict}); load average {os.getloadavg()[0]:.2f}",
          flush=True)
    window.close()
    app.processEvents()
    db.dispose()
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    raise SystemExit(main())

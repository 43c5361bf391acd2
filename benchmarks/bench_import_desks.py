"""Budget: check-ins on the same SQLite file while a 30,000-row import runs — p95 ≤ 1 s, 0 errors.

N desk processes (default 4) check people in continuously, one scan after another as fast as
they can (a morning rush is slower than this), on one SQLite file, while `eventdesk import` runs
a 30,000-row partner list of new people (a separate process, as on an organiser's PC). Each
check-in is the desk's whole action (actions.desk.scan: one write transaction). The figures are
for the check-ins that started while the import ran; errors are any exception a desk met
(a `database is locked` included). Baseline from the same run: the same desks with no import.

    .venv/bin/python benchmarks/bench_import_desks.py --db REF.sqlite3 [--desks 4] [--rows 30000]

REF is the reference event (`eventdesk demo --people 30000 --db REF.sqlite3`); it is copied, not
changed. Without --db a reference event is built first (about 15 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_import import HEADERS, synth_rows  # noqa: E402 - beside this script
from eventdesk.storage import open_database, to_url  # noqa: E402
from timing import unlock_signing  # noqa: E402 - beside this script

BASELINE_S = 4.0


def desk(db: str, desk_no: int, desks: int, folder: Path) -> int:
    """One desk process: check in its share of people until the stop file appears."""
    from eventdesk.actions import desk as desk_actions
    from eventdesk.actions.base import ActionContext
    from eventdesk.domain.access import Principal
    from eventdesk.domain.enums import UserRole
    from eventdesk.services.people import list_people

    database = open_database(to_url(db))
    unlock_signing(database)
    with database.unit_of_work(write=False) as session:
        rows = list_people(session, limit=40_000, with_payload=True)
    payloads = [r.qr_payload for r in rows][desk_no::desks]
    ctx = ActionContext(db=database, desk=f"bench-{desk_no}", operator="bench",
                        user=Principal("bench", UserRole.DESK))
    (folder / f"ready-{desk_no}").touch()
    while not (folder / "go").exists():
        time.sleep(0.01)
    samples: list[tuple[float, float, str]] = []  # (start, seconds, error or "")
    for payload in payloads:
        if (folder / "stop").exists():
            break
        start = time.time()
        t = time.perf_counter()
        error = ""
        try:
            desk_actions.scan(ctx, payload=payload)
        except Exception as exc:  # noqa: BLE001 - counted: the budget is 0 errors
            error = f"{type(exc).__name__}: {str(exc)[:80]}"
        samples.append((start, time.perf_counter() - t, error))
    (folder / f"desk-{desk_no}.json").write_text(json.dumps(samples))
    database.dispose()
    return 0


def partner_list(path: Path, db: str, rows: int) -> None:
    from sqlalchemy import select

    from eventdesk.domain import Exhibitor

    database = open_database(to_url(db))
    unlock_signing(database)
    with database.unit_of_work(write=False) as session:
        names = list(session.scalars(select(Exhibitor.name_zh)))
    database.dispose()
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(synth_rows(rows, names, seed=11))


def figures(samples: list[tuple[float, float, str]]) -> str:
    if not samples:
        return "no check-ins"
    times = sorted(s[1] for s in samples)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return (f"{len(times)} check-ins, p50 {statistics.median(times) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms, "
            f"errors {sum(1 for s in samples if s[2])}")


def organiser_account(db: Path) -> dict[str, str]:
    """An organiser account with a random password in `db`, as EVENTDESK_USER/PASSWORD."""
    import secrets

    from eventdesk.domain.enums import UserRole
    from eventdesk.services import accounts

    password = secrets.token_urlsafe(12)
    database = open_database(to_url(db))
    try:
        with database.unit_of_work() as session:
            accounts.add_user(session, username="bench-organiser", role=UserRole.ORGANISER,
                              password_hash=accounts.hash_password(password))
    finally:
        database.dispose()
    return {"EVENTDESK_USER": "bench-organiser", "EVENTDESK_PASSWORD": password}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="the reference event (copied, not changed)")
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--desk-worker", nargs=4, metavar=("DB", "N", "DESKS", "DIR"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.desk_worker:
        db, n, count, folder = args.desk_worker
        return desk(db, int(n), int(count), Path(folder))
    with tempfile.TemporaryDirectory(prefix="bench-import-desks-") as tmp:
        folder = Path(tmp)
        db = folder / "event.sqlite3"
        if args.db:
            shutil.copy(args.db, db)
        else:
            subprocess.run([sys.executable, "-m", "eventdesk", "demo", "--db", str(db)],
                           check=True, stdout=subprocess.DEVNULL)
        source = folder / "partners.csv"
        partner_list(source, str(db), args.rows)
        print(f"{args.desks} desk processes, {args.rows:,}-row people import (new people), "
              f"{db.stat().st_size / 1e6:.0f} MB SQLite file", flush=True)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path),
               **organiser_account(db)}  # the import command signs in (issue 12)
        desks = [subprocess.Popen([sys.executable, __file__, "--desk-worker", str(db), str(i),
                                   str(args.desks), str(folder)], env=env)
                 for i in range(args.desks)]
        while not all((folder / f"ready-{i}").exists() for i in range(args.desks)):
            time.sleep(0.05)
        (folder / "go").touch()
        time.sleep(BASELINE_S)  # the desks alone: the baseline
        started = time.time()
        done = subprocess.run([sys.executable, "-m", "eventdesk", "import", str(source),
                               "--db", str(db), "--kind", "people", "--json"],
                              env=env, capture_output=True, text=True, check=False)
        ended = time.time()
        time.sleep(1.0)
        (folder / "stop").touch()
        for process in desks:
            process.wait()
        samples = []
        for i in range(args.desks):
            samples += [tuple(s) for s in json.loads((folder / f"desk-{i}.json").read_text())]
        report = json.loads(done.stdout) if done.stdout.strip() else {}
        print(f"import: exit {done.returncode}, {ended - started:.1f} s, "
              f"created {report.get('created')}, updated {report.get('updated')}, "
              f"skipped {report.get('skipped')}")
        if done.returncode:
            print(done.stderr[-2000:])
        before = [s for s in samples if s[0] < started]
        during = [s for s in samples if started <= s[0] < ended]
        print(f"desks alone (baseline):  {figures(before)}")
        print(f"during the import:       {figures(during)}")
        errors = sorted({s[2] for s in samples if s[2]})
        for error in errors[:5]:
            print(f"  error: {error}")
        times = sorted(s[1] for s in during)
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("inf")
        ok = p95 <= 1.0 and not errors and done.returncode == 0
        print(f"budget p95 ≤ 1 s, 0 errors: {'met' if ok else 'NOT met'}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Building the reference event (`eventdesk demo`): ≤ 30 s on the 2-core reference machine.

    .venv/bin/python benchmarks/bench_demo.py [--people 100000] [--exhibitors 2500] [--db URL]

Without --db the event goes into a new temporary SQLite file (removed afterwards). Prints the
seconds of the build and its commit, rows per second, the file size and peak memory, and as a
baseline the plain approach measured in the same run: people created one at a time through
services.people.create_person (validation, search fields, audit entry, flush per person), as an
import without bulk inserts would.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from eventdesk.demo import build as demo
from eventdesk.services.events import create_event
from eventdesk.services.people import PersonInput, create_person
from eventdesk.storage import open_database, sqlite_path, to_url

BUDGET_SECONDS = 30.0
REFERENCE_PEOPLE = 30_000


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def build(url: str, *, exhibitors: int, people: int, seed: int) -> tuple[demo.DemoSummary, float]:
    db = open_database(url, create=True)
    try:
        t0 = time.perf_counter()
        with db.unit_of_work() as session:
            demo.clear_event(session)
            summary = demo.build_demo(session, exhibitors=exhibitors, people=people, seed=seed)
        return summary, time.perf_counter() - t0
    finally:
        db.dispose()


def baseline(folder: Path, count: int) -> float:
    """People per second, created one by one through the people service (one transaction)."""
    db = open_database(to_url(folder / "baseline.sqlite3"), create=True)
    try:
        with db.unit_of_work() as session:
            create_event(session, code="BASE", name_zh="基线", start_date=date.today(),
                         end_date=date.today())
        t0 = time.perf_counter()
        with db.unit_of_work() as session:
            for i in range(count):
                create_person(session, operator="bench", data=PersonInput(
                    name=f"张{'伟芳娜敏静'[i % 5]}{i}", company="昆山华芯智能科技有限公司",
                    phone=f"138{i:08d}", email=f"u{i}@example.com", category="visitor"))
        return count / (time.perf_counter() - t0)
    finally:
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=REFERENCE_PEOPLE)
    parser.add_argument("--exhibitors", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", help="database URL or path to build into (emptied first)")
    parser.add_argument("--baseline", type=int, default=1000, metavar="N",
                        help="people for the one-at-a-time baseline (0: skip)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-demo-") as tmp:
        url = to_url(args.db) if args.db else to_url(Path(tmp) / "reference.sqlite3")
        summary, total = build(url, exhibitors=args.exhibitors, people=args.people,
                               seed=args.seed)
        path = sqlite_path(url)
        size = f"{path.stat().st_size / 1e6:.1f} MB" if path and path.exists() else "n/a"
        rows = (summary.exhibitors + summary.people + summary.rooms + summary.tracks
                + summary.agenda_items + summary.agenda_speakers + 1)
        print(f"reference event: {summary.exhibitors} exhibitors, {summary.people} people, "
              f"{summary.rooms} rooms, {summary.agenda_items} agenda items "
              f"({summary.agenda_speakers} speaker links), {rows} rows")
        print(f"database: {'sqlite file' if path else url.split('://')[0]}, size {size}, "
              f"cores {os.cpu_count()}")
        print(f"build (service, flushed)          {summary.seconds:8.2f} s")
        print(f"build + commit                    {total:8.2f} s")
        print(f"rows/s                            {rows / total:8.0f}")
        print(f"people/s                          {summary.people / total:8.0f}")
        print(f"peak RSS                          {_peak_rss_mb():8.0f} MB")
        if args.baseline > 0:
            plain = baseline(Path(tmp), args.baseline)
            print(f"baseline: create_person one at a time, {args.baseline} people: "
                  f"{plain:.0f} people/s; demo bulk build {summary.people / total / plain:.1f}× "
                  f"faster per person (baseline for {summary.people} people ≈ "
                  f"{summary.people / plain:.0f} s)")
    reference = args.people <= REFERENCE_PEOPLE and args.exhibitors <= 2500
    if reference:
        print(f"budget ≤ {BUDGET_SECONDS:g} s: {'OK' if total <= BUDGET_SECONDS else 'OVER'}")
    else:
        print("budget: none above the reference size (it must work; the figure is reported)")
    print("command: " + " ".join(shlex.quote(a) for a in [".venv/bin/python", *sys.argv]))
    return 0 if not reference or total <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())

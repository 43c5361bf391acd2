"""Run every benchmarks/bench_*.py, one after another, each in its own process (`make bench`).

    .venv/bin/python benchmarks/run.py [NAME ...] [--timeout SECONDS] [--db REF.sqlite3]

NAME selects benchmarks whose file name contains it (`run.py demo desk`). --db hands an existing
reference event to the benchmarks that read one (desk, badges, schedule, startup: they copy it or
leave it as it was), so it is built once rather than by each; bench_demo (whose --db is a target
it empties), bench_import (which exports its own lists) and bench_pg_desks never get it.

Each runs with the same Python as this runner (the venv's), from the repository root, and its
output is printed as it comes. One at a time on purpose: the reference machine has two cores,
and two benchmarks side by side would measure each other. Exit status 1 when any benchmark
failed or was over its budget (a benchmark says so with a non-zero exit).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TAKES_REFERENCE_DB = {"bench_desk", "bench_badges", "bench_schedule", "bench_startup"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="run only matching benchmarks")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per benchmark")
    parser.add_argument("--db", help="an existing reference event for the benchmarks that read one")
    args = parser.parse_args()
    benches = sorted(p for p in HERE.glob("bench_*.py")
                     if not args.names or any(n in p.stem for n in args.names))
    if not benches:
        print("no benchmark matches", file=sys.stderr)
        return 2
    results: list[tuple[str, str, float]] = []
    for bench in benches:
        command = [sys.executable, str(bench.relative_to(ROOT))]
        if args.db and bench.stem in TAKES_REFERENCE_DB:
            command += ["--db", args.db]
        print(f"\n=== {bench.stem}: {' '.join(command)}", flush=True)
        t0 = time.perf_counter()
        try:
            code = subprocess.run(command, cwd=ROOT, timeout=args.timeout, check=False).returncode
            outcome = "ok" if code == 0 else f"exit {code}"
        except subprocess.TimeoutExpired:
            outcome = f"timeout after {args.timeout:g} s"
        results.append((bench.stem, outcome, time.perf_counter() - t0))
    print("\n=== summary")
    for name, outcome, seconds in results:
        print(f"{name:<28} {outcome:<24} {seconds:7.1f} s")
    return 0 if all(outcome == "ok" for _, outcome, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())

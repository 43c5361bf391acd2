"""The cost of pinyin sorting (拼音排序, domain.sorting): keys on import, list pages, migration.

For an event of --people people (default 100,000, eventdesk.demo, seed 1) on SQLite and, with
--pg URL, on PostgreSQL:

- keys: computing name_key + text_key (name and company) for 30,000 people with cold caches —
  what an import of 30,000 rows pays on top of the toneless key it paid before;
- list pages, "before" (the schema of 0011: toneless name_pinyin, company by code point) and
  "after" (0013: the three-level keys; company blanks last): the people view's id list ordered
  by name and by company (services.people.person_ids' query), one page of 100 rows at offset
  50,000 by name, and the same through the services after;
- migration: 0011 → 0013 on the whole event (every key computed and written).

    .venv/bin/python benchmarks/bench_pinyin_sort.py [--people 100000] [--pg URL]

The whole import (read, validate, write) is timed by benchmarks/bench_import.py.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, make_url, text

from eventdesk.domain import names, sorting
from eventdesk.services.people import list_people, person_ids
from eventdesk.storage import Database, _alembic_config, open_database, to_url
from timing import report  # beside this script

BEFORE = {
    "ids by name": "SELECT id FROM person ORDER BY name_pinyin, id",
    "ids by company": "SELECT id FROM person ORDER BY company, name_pinyin, id",
    "page of 100 by name at 50,000": ("SELECT * FROM person ORDER BY name_pinyin, id "
                                      "LIMIT 100 OFFSET 50000"),
}
AFTER = {
    "ids by name": BEFORE["ids by name"],
    "ids by company": ("SELECT id FROM person ORDER BY company_pinyin = '', company_pinyin, "
                       "name_pinyin, id"),
    "page of 100 by name at 50,000": BEFORE["page of 100 by name at 50,000"],
}
RUNS = 7


def timed(fn: Callable[[], object]) -> float:
    """Milliseconds of one call, without a collection of the garbage the demo build and the key
    caches left (a full collection inside a timed call cost 200-300 ms at random)."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        fn()
        return 1000 * (time.perf_counter() - t0)
    finally:
        gc.enable()


def bench_keys(db: Database) -> None:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, company FROM person")).all()
    sample = random.Random(1).sample(rows, min(30_000, len(rows)))
    from pypinyin import Style, lazy_pinyin

    caches = (sorting.name_key, sorting.text_key, sorting.han_readings, names.simplify)
    for fn in caches:
        fn.cache_clear()
    t0 = time.perf_counter()
    for name, _company in sample:  # what 0011's sort_pinyin did: toneless pinyin of the name
        " ".join(lazy_pinyin(names.simplify(name), style=Style.NORMAL, v_to_u=False))
    old = time.perf_counter() - t0
    for fn in caches:
        fn.cache_clear()
    t0 = time.perf_counter()
    for name, company in sample:
        sorting.name_key(name)
        sorting.text_key(company)
    new = time.perf_counter() - t0
    print(f"  keys of {len(sample):,} people, cold caches: toneless name key (before) "
          f"{old:.2f} s; name + company keys (after) {new:.2f} s")


def bench_queries(db: Database, label: str, queries: dict[str, str]) -> None:
    with db.engine.connect() as conn:
        for name, sql in queries.items():
            conn.execute(text(sql)).scalars().all()  # warm the cache
            report(f"{label}: {name}", [timed(lambda s=sql: conn.execute(text(s)).scalars().all())
                                        for _ in range(RUNS)])


def bench_services(db: Database) -> None:
    with db.unit_of_work(write=False) as s:
        for sort in ("name", "company"):
            report(f"services person_ids(sort={sort!r})",
                   [timed(lambda k=sort: person_ids(s, sort=k)) for _ in range(RUNS)])  # type: ignore[misc]
        report("services list_people page 100 at 50,000",
               [timed(lambda: list_people(s, sort="name", limit=100, offset=50_000))
                for _ in range(RUNS)])


def migrate(db: Database, target: str, up: bool) -> float:
    t0 = time.perf_counter()
    with db.engine.begin() as conn:
        (command.upgrade if up else command.downgrade)(_alembic_config(conn), target)
    return time.perf_counter() - t0


def bench(db: Database, backend: str) -> None:
    with db.engine.connect() as conn:
        n = conn.scalar(text("SELECT count(*) FROM person"))
    print(f"\n[{backend}] {n:,} people, load average {os.getloadavg()[0]:.1f}")
    bench_keys(db)
    down = migrate(db, "0011_live_updates", up=False)
    bench_queries(db, "before", BEFORE)
    up = migrate(db, "head", up=True)
    bench_queries(db, "after", AFTER)
    bench_services(db)
    print(f"  migration 0013 up {up:.1f} s (down {down:.1f} s); "
          f"load average {os.getloadavg()[0]:.1f}")


def build(db: Database, people: int) -> None:
    from eventdesk.demo.build import build_demo

    t0 = time.perf_counter()
    with db.unit_of_work() as s:
        build_demo(s, people=people, exhibitors=max(50, people // 12), seed=1)
    print(f"built {people:,} people in {time.perf_counter() - t0:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--pg", help="a PostgreSQL server URL: a database of its own is made there")
    args = ap.parse_args()
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]))
    tmp = Path(tempfile.mkdtemp(prefix="bench_pinyin_"))
    try:
        db = open_database(to_url(tmp / "event.sqlite3"), create=True)
        build(db, args.people)
        bench(db, "SQLite")
        db.dispose()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.pg:
        base = make_url(args.pg)
        name = f"eventdesk_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            db = open_database(base.set(database=name).render_as_string(hide_password=False),
                               create=True)
            build(db, args.people)
            bench(db, "PostgreSQL")
            db.dispose()
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

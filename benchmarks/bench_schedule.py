"""Schedule budgets (ARCHITECTURE): move one item with its conflict check ≤ 16 ms; a full conflict
scan ≤ 50 ms — on the reference event (40 rooms, 400 items).

    .venv/bin/python benchmarks/bench_schedule.py [--db PATH]   # without --db: builds the demo

Prints median and p95 of: the move as the grid does it (actions.schedule.place_item, which the
grid's undo command calls: one transaction with the item before and after, the incremental
conflict check and the commit), the same service work rolled back, the full scan as `eventdesk
schedule conflicts` does it (actions.schedule.find_conflicts), the live check while dragging
(plain data, no database), and a naive all-pairs scan of the same snapshot as the baseline.
The moves are committed into the given --db; the item is put back where it was at the end.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from itertools import combinations
from pathlib import Path

from eventdesk.actions import schedule as schedule_actions
from eventdesk.actions.base import ActionContext
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.services.schedule import items as schedule
from eventdesk.services.schedule.conflicts import ConflictData, Slot, check_slot, scan
from eventdesk.storage import Database, open_database, to_url


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(name: str, ms: list[float], budget: float | None = None) -> float:
    ms = sorted(ms)
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    verdict = "" if budget is None else \
        f"  budget {budget:g} ms: {'OK' if p95 <= budget else 'OVER'}"
    print(f"{name:<52} median {statistics.median(ms):7.2f} ms  p95 {p95:7.2f} ms{verdict}")
    return p95


def naive_pairs(data: ConflictData) -> int:
    """The baseline: every pair of items compared (room and each shared speaker)."""
    found = 0
    slots = [s for s in data.slots.values() if s.scheduled]
    for a, b in combinations(slots, 2):
        assert a.start and a.end and b.start and b.end
        if a.start < b.end and b.start < a.end:
            found += a.room_id == b.room_id
            found += len(set(a.speakers) & set(b.speakers))
    return found


def reference_db(path: str | None) -> Database:
    if path:
        return open_database(to_url(path))
    from eventdesk.demo.build import build_demo

    target = Path(tempfile.mkdtemp()) / "reference.sqlite3"
    print(f"building the reference event in {target} …", flush=True)
    db = open_database(to_url(target), create=True)
    with db.unit_of_work() as s:
        build_demo(s)
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an existing reference-event database (else: build one)")
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    db = reference_db(args.db)
    with db.unit_of_work(write=False) as s:
        sched = schedule.load_schedule(s, with_conflicts=False)
    ctx = ActionContext(db=db, desk="bench", operator="bench",
                        user=Principal("bench", UserRole.ORGANISER))  # organisers edit it
    items = [i for i in sched.items if i.scheduled]
    print(f"event: {len(sched.rooms)} rooms, {len(sched.items)} items "
          f"({len(items)} scheduled)")
    victim = items[len(items) // 2]
    assert victim.start and victim.end and victim.room_id is not None
    other_room = next(r.id for r in sched.rooms if r.id != victim.room_id)
    spots = [(victim.start, victim.end, victim.room_id),
             (victim.start + timedelta(minutes=5), victim.end + timedelta(minutes=5), other_room)]
    n = [0]

    def move_transaction() -> None:
        start, end, room = spots[n[0] % 2]
        n[0] += 1
        schedule_actions.place_item(ctx, item_id=victim.id, start=start, end=end, room_id=room)

    def move_service() -> None:
        start, end, room = spots[n[0] % 2]
        n[0] += 1
        with db.unit_of_work(write=False) as s:  # rolled back: the service work alone
            schedule.get_item(s, item_id=victim.id)
            schedule.place_item(s, item_id=victim.id, start=start, end=end, room_id=room)
            schedule.get_item(s, item_id=victim.id)
            schedule.conflicts_for_item(s, item_id=victim.id)

    def full_scan() -> None:
        schedule_actions.find_conflicts(ctx)

    data = sched.conflict_data()
    moved = Slot(victim.id, victim.title_zh, other_room, spots[1][0], spots[1][1],
                 tuple(p.person_id for p in victim.people), victim.expected_audience)
    timed(move_transaction, 5)
    timed(full_scan, 3)
    print("budgets: move with check ≤ 16 ms, full scan ≤ 50 ms (p95 compared)")
    p_move = report("move one item + conflict check (action, commit)",
                    timed(move_transaction, args.runs), 16)
    report("  the same without commit (service work only)", timed(move_service, args.runs))
    p_scan = report("full conflict scan from the database", timed(full_scan, args.runs), 50)
    ours = report("  scan of the plain snapshot (no database)",
                  timed(lambda: scan(data), args.runs))
    base = report("  baseline: naive all-pairs scan, same snapshot",
                  timed(lambda: naive_pairs(data), max(5, args.runs // 4)))
    report("live check while dragging (plain data)", timed(lambda: check_slot(data, moved),
                                                            args.runs))
    start, end, room = spots[0]  # the moved item goes back where it was (a given --db is kept)
    schedule_actions.place_item(ctx, item_id=victim.id, start=start, end=end, room_id=room)
    print(f"ratio naive/sweep scan: {base / ours:.2f}× (p95)")
    print(f"conflicts found: {len(scan(data))}")
    print("command: .venv/bin/python benchmarks/bench_schedule.py" +
          (f" --db {args.db}" if args.db else ""))
    return 0 if p_move <= 16 and p_scan <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())

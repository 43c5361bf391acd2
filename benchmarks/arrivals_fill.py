"""Fill an event with a day of activity, fast: check-ins over the event days' opening hours at
several desks, badge prints (some reprints with reasons) and rejected scans — for the dashboard's
benchmark and screenshot. Bulk INSERTs of rows as services.checkin would write them (one
check-in per person and day, UTC instants, the event day in the event's time zone).

    .venv/bin/python benchmarks/arrivals_fill.py --db EVENT.sqlite3 --check-ins 60000
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from eventdesk.domain import AuditEntry, BadgePrint, CheckIn, Person, PersonStatus, PrintReason
from eventdesk.services.events import get_event
from eventdesk.storage import Database, open_database, resolve_url

REASONS = ("forged", "revoked", "cancelled", "unknown", "malformed", "other_event")


def _instant(rng: random.Random, day: date, tz: ZoneInfo) -> datetime:
    """A morning-heavy arrival time between 07:30 and 17:30 local."""
    minutes = min(600.0, abs(rng.gauss(90, 110)))  # the rush about 09:00
    local = datetime.combine(day, time(7, 30), tzinfo=tz) + timedelta(minutes=minutes)
    return local.astimezone(UTC)


def fill(db: Database, *, check_ins: int, desks: int = 12, seed: int = 7,
         days: int | None = None) -> int:
    """Insert up to `check_ins` check-ins (spread over the first `days` event days, today's
    first), prints for about 60% of those people and a few hundred rejected scans. Returns the
    number of check-ins written."""
    rng = random.Random(seed)
    with db.unit_of_work(write=False) as session:
        event = get_event(session)
        ids = list(session.scalars(select(Person.id).where(
            Person.status != PersonStatus.CANCELLED).order_by(Person.id)))
    tz = ZoneInfo(event.timezone)
    event_days = event.days[:days] if days else event.days
    rows, prints, audits = [], [], []
    per_day = max(1, check_ins // len(event_days))
    for n_day, day in enumerate(event_days):
        chosen = rng.sample(ids, min(len(ids), per_day if n_day else check_ins - per_day
                                     * (len(event_days) - 1)))
        for pid in chosen:
            at = _instant(rng, day, tz)
            desk = f"desk-{rng.randint(1, desks)}"
            rows.append({"person_id": pid, "event_day": day, "at": at, "desk": desk,
                         "operator": "fill"})
            if n_day == 0 and rng.random() < 0.6:
                prints.append({"person_id": pid, "badge_code": "FILL", "at": at, "desk": desk,
                               "operator": "fill", "layout": "standard",
                               "reason": PrintReason.FIRST, "note": None})
                if rng.random() < 0.03:
                    # Every reprint reason, "other" with its few words (badge_print.note).
                    why = rng.choice([r for r in PrintReason if r != PrintReason.FIRST])
                    prints.append({"person_id": pid, "badge_code": "FILL",
                                   "at": at + timedelta(minutes=20), "desk": desk,
                                   "operator": "fill", "layout": "standard", "reason": why,
                                   "note": "换证" if why == PrintReason.OTHER else None})
        for _ in range(len(chosen) // 150):
            audits.append({"at": _instant(rng, day, tz), "actor": "fill",
                           "desk": f"desk-{rng.randint(1, desks)}", "action": "checkin.rejected",
                           "subject_type": "", "subject_id": None,
                           "detail": json.dumps({"reason": rng.choice(REASONS)})})
    with db.unit_of_work() as session:
        for table, values in ((CheckIn, rows), (BadgePrint, prints), (AuditEntry, audits)):
            for start in range(0, len(values), 5000):
                session.execute(insert(table), values[start:start + 5000])
    return len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--check-ins", type=int, default=60_000)
    parser.add_argument("--days", type=int, default=None, help="only the first N event days")
    args = parser.parse_args()
    db = open_database(resolve_url(args.db))
    try:
        print(f"{fill(db, check_ins=args.check_ins, days=args.days):,} check-ins written")
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""PostgreSQL budget (ARCHITECTURE): 8 desk processes checking in 10,000 people — 0 lost, 0 doubled.

    .venv/bin/python benchmarks/bench_pg_desks.py [--url postgresql+psycopg://postgres@127.0.0.1:5432/test]
                                                  [--people 10000] [--desks 8]

Creates a throw-away database on the server, builds a demo event with --people people, and starts
--desks processes. Every desk scans every registered person's payload, each in its own shuffled
order, through actions.desk.scan as the desk does (one read of everything the check-in and the desk
need, then one INSERT … ON CONFLICT DO NOTHING of the check-in with its audit entry) — so each
badge is raced by all desks. Each desk process first signs in (actions.accounts.sign_in) as its
own account of the desk role (desk-1 … desk-N, made with random passwords), as staff at a desk
do, and scans as that account (issue 12: every action checks the role). At the
end it counts: check-in rows (must equal the people scanned), `checked_in` answers (must equal
the same number: nobody checked in twice), and errors (must be 0). The baseline is one desk
scanning the same payloads alone, measured in the same run, as scans per second.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import secrets
import sys
import time
import uuid
from collections import Counter

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from eventdesk.demo.build import build_demo
from eventdesk.domain import AuditEntry, CheckIn, Person, PersonStatus
from eventdesk.domain.enums import UserRole
from eventdesk.services import accounts
from eventdesk.services.signing import PayloadSigner
from eventdesk.storage import open_database


def desk(url: str, payloads: list[str], name: str, seed: int, start: object, out: object,
         password: str) -> None:
    from eventdesk.actions import accounts
    from eventdesk.actions import desk as desk_actions
    from eventdesk.actions.base import ActionContext

    db = open_database(url)
    user = accounts.sign_in(db, username=name, password=password, desk=name)
    ctx = ActionContext(db=db, desk=name, operator=user.username, user=user)
    order = list(payloads)
    random.Random(seed).shuffle(order)
    counts: Counter[str] = Counter()
    start.wait()  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    for payload in order:
        try:
            counts[desk_actions.scan(ctx, payload=payload).value.result.result] += 1
        except Exception as exc:  # noqa: BLE001 - counted, the budget says 0 errors
            counts[f"error:{exc.__class__.__name__}"] += 1
    out.put((name, dict(counts), time.perf_counter() - t0))  # type: ignore[attr-defined]
    db.dispose()


def run_desks(url: str, payloads: list[str], desks: int,
              passwords: dict[str, str]) -> tuple[Counter[str], float]:
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=desk, args=(url, payloads, f"desk-{i + 1}", i, start, out,
                                            passwords[f"desk-{i + 1}"]))
             for i in range(desks)]
    for p in procs:
        p.start()
    time.sleep(2.0)  # let every process import and connect before the race starts
    t0 = time.perf_counter()
    start.set()
    total: Counter[str] = Counter()
    for _ in procs:
        _name, counts, _secs = out.get()
        total.update(counts)
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()
    return total, wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--desks", type=int, default=8)
    args = ap.parse_args()
    base = make_url(args.url)
    name = f"eventdesk_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        db = open_database(url, create=True)
        with db.unit_of_work() as session:
            build_demo(session, exhibitors=max(50, args.people // 12), people=args.people, seed=3)
        # One account of the desk role per desk process (argon2-hashed, random passwords).
        passwords = {f"desk-{i + 1}": secrets.token_urlsafe(12) for i in range(args.desks)}
        with db.unit_of_work() as session:
            for username, password in passwords.items():
                accounts.add_user(session, username=username, role=UserRole.DESK,
                                  password_hash=accounts.hash_password(password))
        with db.unit_of_work(write=False) as session:
            sign = PayloadSigner(session, required=True)
            payloads = [sign(code) for code in session.scalars(
                select(Person.badge_code).where(Person.status == PersonStatus.REGISTERED))]
        n = len(payloads)
        print(f"command: {' '.join(sys.argv)}")
        print(f"{n:,} registered people on {base.host}:{base.port} (database {name})")

        # Baseline: one desk alone over a sample, then the check-ins are removed again.
        sample = payloads[:1000]
        solo, solo_wall = run_desks(url, sample, 1, passwords)
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM check_in"))
            conn.execute(text("DELETE FROM audit_entry"))
        print(f"baseline: one desk, {len(sample)} scans in {solo_wall:.2f} s "
              f"({len(sample) / solo_wall:.0f} scans/s) {dict(solo)}")

        total, wall = run_desks(url, payloads, args.desks, passwords)
        with db.unit_of_work(write=False) as session:
            logins = session.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "user.login")) or 0
            operators = set(session.scalars(select(CheckIn.operator).distinct()))
            rows = session.scalar(select(func.count(CheckIn.id))) or 0
            doubled = session.scalar(select(func.count()).select_from(
                select(CheckIn.person_id).group_by(CheckIn.person_id, CheckIn.event_day)
                .having(func.count() > 1).subquery())) or 0
        scans = args.desks * n
        errors = sum(v for k, v in total.items() if k.startswith("error"))
        lost = n - rows
        solo_rate = len(sample) / solo_wall
        print(f"{args.desks} desks × {n:,} payloads = {scans:,} scans in {wall:.1f} s "
              f"({scans / wall:.0f} scans/s, {scans / wall / solo_rate:.1f}× one desk)")
        print(f"answers: {dict(total)}")
        print(f"check-in rows {rows:,}; lost {lost}; doubled {doubled}; "
              f"checked_in answers {total['checked_in']:,}; errors {errors}")
        ok = lost == 0 and doubled == 0 and total["checked_in"] == n and errors == 0
        print(f"signed in: {logins} user.login entries for {args.desks} desk accounts (role "
              f"desk); check-ins made by {sorted(operators)}")
        ok = ok and logins == args.desks and operators <= set(passwords)
        print("within budget (0 lost, 0 doubled)" if ok else "OVER BUDGET")
        db.dispose()
        return 0 if ok else 1
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())

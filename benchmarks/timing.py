"""Percentiles and the one-line report the latency benchmarks print (beside the scripts)."""

from __future__ import annotations

import statistics


def pct(ms: list[float], q: float) -> float:
    """The q-quantile (0–1) of the samples, nearest-rank."""
    s = sorted(ms)
    return s[min(len(s) - 1, max(0, int(round(len(s) * q)) - 1))]


def report(name: str, ms: list[float], budget: float | None = None) -> float:
    """Print n, median, p95 and max in milliseconds, and the verdict against `budget`; returns
    the p95."""
    p95 = pct(ms, 0.95)
    verdict = "" if budget is None else \
        f"  budget {budget:g} ms: {'OK' if p95 <= budget else 'OVER'}"
    print(f"  {name:<46} n={len(ms):<5} median {statistics.median(ms):7.2f} ms  "
          f"p95 {p95:7.2f} ms  max {max(ms):7.2f} ms{verdict}", flush=True)
    return p95


def unlock_signing(db: object) -> None:
    """Unlock the event's badge signing key in this process with EVENTDESK_SIGNING_PASSPHRASE
    (the passphrase `eventdesk demo` printed), when a benchmark works on a database built by
    another process: its payloads must be signed as a printing desk signs them."""
    import os

    from eventdesk.services import signing
    from eventdesk.storage import Database

    passphrase = os.environ.get("EVENTDESK_SIGNING_PASSPHRASE")
    assert isinstance(db, Database)
    with db.unit_of_work(write=False) as session:
        status = signing.signing_status(session)
        if status.has_key and not status.unlocked and passphrase:
            signing.unlock(session, passphrase=passphrase)

"""`eventdesk demo [--db URL] [--exhibitors 2500] [--people 30000] [--seed N] [--replace]`:
build the reference event. One of the two commands allowed to create a database file."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from eventdesk.cli.common import EXIT_USAGE, add_db_option, print_json
from eventdesk.demo import build as demo_service
from eventdesk.domain import CATEGORY_LABELS_ZH, Category
from eventdesk.domain.errors import EventAlreadyExists
from eventdesk.services.events import get_event, has_event
from eventdesk.storage import describe, open_database, resolve_url

HELP = "build the reference demo event (2,500 exhibitors, 30,000 people, 400 sessions)"
STAGES_ZH = {"exhibitors": "展商", "people": "人员", "rooms": "会议室", "agenda": "日程"}


def add_parser(sub: Any) -> None:
    p = sub.add_parser("demo", help=HELP, description=HELP)
    add_db_option(p)
    p.add_argument("--exhibitors", type=int, default=2500, help="exhibiting companies (2500)")
    p.add_argument("--people", type=int, default=30000, help="people with badges (30000)")
    p.add_argument("--seed", type=int, default=1, help="same seed, same event (default 1)")
    p.add_argument("--replace", action="store_true",
                   help="delete whatever event the database holds and build the demo instead")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")


def _progress_printer() -> Any:
    """Progress on a terminal only: a pipe or a test should not fill up with carriage returns."""
    if not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        sys.stderr.write(f"\r{STAGES_ZH.get(stage, stage)} {done}/{total}   ")
        sys.stderr.flush()

    return show


def run(args: argparse.Namespace) -> int:
    for flag in ("exhibitors", "people"):
        if getattr(args, flag) < 0 or getattr(args, flag) > 1_000_000:
            print(f"eventdesk demo: --{flag} must be between 0 and 1000000", file=sys.stderr)
            return EXIT_USAGE
    url = resolve_url(args.db)
    db = open_database(url, create=True)
    started = time.perf_counter()
    progress = _progress_printer()
    try:
        with db.unit_of_work() as session:
            if has_event(session):
                if not args.replace:
                    existing = get_event(session)
                    raise EventAlreadyExists(
                        f"数据库 {describe(url)} 里已经有活动“{existing.name_zh}”（{existing.code}），"
                        "未做任何改动；要用演示活动替换它，请加 --replace")
                demo_service.clear_event(session)
            summary = demo_service.build_demo(session, exhibitors=args.exhibitors,
                                              people=args.people, seed=args.seed,
                                              progress=progress)
    finally:
        db.dispose()
    if progress:
        sys.stderr.write("\n")
    total = round(time.perf_counter() - started, 2)
    if args.json:
        print_json({**summary.__dict__, "total_seconds": total, "database": describe(url)})
        return 0
    cats = "、".join(f"{CATEGORY_LABELS_ZH[Category(k)]} {n}"
                    for k, n in summary.by_category.items())
    print(f"演示活动 {summary.event_code} {summary.event_name}："
          f"{summary.start_date} 至 {summary.end_date}")
    print(f"  {summary.exhibitors} 家展商，{summary.people} 人（{cats}；{summary.cancelled} 人已取消）")
    print(f"  {summary.rooms} 个会议室，{summary.tracks} 个专题，{summary.agenda_items} 场日程，"
          f"{summary.agenda_speakers} 个嘉宾安排")
    print(f"  用时 {summary.seconds:.1f} s（含提交 {total:.1f} s），种子 {summary.seed}")
    print(f"  数据库：{describe(url)}")
    return 0

"""Budget: import 30,000 people with validation and duplicate check — CSV ≤ 5 s, XLSX ≤ 10 s.

Each figure is printed with its baseline from the same run: Python's csv module reading the same
CSV file, and openpyxl (read-only) and python-calamine reading the same XLSX file. The import time
is the whole user action as `eventdesk import` and the import wizard run it
(actions.imports.import_list): read, map, clean, validate, duplicate check against the database
and within the file in a read unit of work, then the short write transaction and its commit.
It also times the second import of the same file (idempotent: all rows skipped) and reports
peak Python memory (tracemalloc, a separate run, since tracing slows Python down) and the
process's peak RSS. Exit status 1 when a first import is over its budget.

    .venv/bin/python benchmarks/bench_import.py                 # the reference event's lists
    .venv/bin/python benchmarks/bench_import.py --synthetic [--rows 30000] [--exhibitors 2500]

Default source: the reference event (eventdesk.demo, seed 1) exported with services.exports —
30,000 people in the 16-column people export (CSV and XLSX), imported into a fresh event that
already holds the 2,500 exhibitors (imported first, not timed), so staff link to their companies.
`--synthetic` writes a 7-column partner-style list instead, the XLSX with a title row.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from eventdesk.actions.base import ActionContext
from eventdesk.actions.imports import ImportRequest, import_list
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.services.events import create_event
from eventdesk.storage import Database, open_database, to_url

ORGANISER = Principal("bench", UserRole.ORGANISER)  # organisers import (issue 12)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宇浩然晨曦子轩欣怡梓涵雨泽"
    "思远嘉怡俊杰堃昇赟䶮"
)
PREFIX = ["昆山", "苏州", "上海", "北京", "深圳", "杭州", "南京", "成都", "武汉", "合肥", "西安"]
CORE = [
    "光合", "曙光", "海光", "中科", "华芯", "智算", "星河", "天数",
    "云图", "算力", "数智", "飞腾", "麒麟", "长城", "浪潮", "联想",
    "神州", "同方", "紫光", "启明", "鲲鹏", "昇腾", "寒武纪", "摩尔",
]
SUFFIX = [
    "科技有限公司", "信息技术有限公司", "电子股份有限公司", "智能科技有限公司", "半导体有限公司",
    "软件有限公司", "网络技术有限公司", "数据科技有限公司",
]
CATEGORIES = [
    "展商", "参展商", "观众", "观众", "观众", "嘉宾", "媒体", "VIP", "工作人员", "visitor",
]
TITLES = ["总经理", "工程师", "销售经理", "市场总监", "研究员", "CTO", "产品经理", "记者", ""]
HEADERS = ["姓名", "单位", "手机号码", "邮箱", "参会身份", "职务", "报名编号"]
BUDGET_CSV_S = 5.0
BUDGET_XLSX_S = 10.0


def synth_rows(n: int, companies: list[str], seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        phone = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        if i % 10 == 0:
            phone = f"+86 {phone[:3]}-{phone[3:7]}-{phone[7:]}"
        email = f"user{i}@example{rng.randrange(50)}.com" if rng.random() < 0.7 else ""
        rows.append([name, rng.choice(companies), phone, email, rng.choice(CATEGORIES),
                     rng.choice(TITLES), f"REG{i:06d}"])
    return rows


def companies(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < n:
        names.add(rng.choice(PREFIX) + rng.choice(CORE) + rng.choice(CORE) + rng.choice(SUFFIX))
    return sorted(names)


def write_files(folder: Path, rows: list[list[str]]) -> tuple[Path, Path]:
    csv_path, xlsx_path = folder / "people.csv", folder / "people.xlsx"
    with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("参会名单")
    ws.append(["2025光合组织参会名单"])  # a title row above the header, as partners send them
    ws.append([])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    wb.save(xlsx_path)
    return csv_path, xlsx_path


def reference_files(folder: Path, template_db: Database) -> tuple[Path, Path]:
    """The reference event's people as exported (CSV and XLSX); its exhibitors go into the
    template database so the timed imports link staff to their companies."""
    from eventdesk.demo.build import build_demo
    from eventdesk.services import exports

    ref = open_database(to_url(folder / "reference.sqlite3"), create=True)
    with ref.unit_of_work() as session:
        build_demo(session, seed=1)
    paths = folder / "people.csv", folder / "people.xlsx", folder / "exhibitors.csv"
    with ref.unit_of_work(write=False) as session:
        for kind, path in (("people", paths[0]), ("people", paths[1]), ("exhibitors", paths[2])):
            exports.export(session, kind=kind, path=path)
    ref.dispose()
    import_list(ActionContext(db=template_db, desk="bench", operator="bench", user=ORGANISER),
                request=ImportRequest(path=paths[2], kind="exhibitors"))
    with template_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return paths[0], paths[1]


def baseline_csv(path: Path) -> float:
    t = time.perf_counter()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        n = sum(1 for _ in csv.reader(fh))
    assert n > 1
    return time.perf_counter() - t


def baseline_openpyxl(path: Path) -> float:
    from openpyxl import load_workbook

    t = time.perf_counter()
    wb = load_workbook(path, read_only=True)
    n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    assert n > 1
    return time.perf_counter() - t


def baseline_calamine(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    t = time.perf_counter()
    wb = CalamineWorkbook.from_path(str(path))
    n = sum(1 for _ in wb.get_sheet_by_index(0).iter_rows())
    assert n > 1
    return time.perf_counter() - t


def fresh_db(template: Path, folder: Path, name: str) -> Database:
    path = folder / name
    shutil.copyfile(template, path)
    return open_database(to_url(path))


def cold_caches() -> None:
    """Each timed import starts without the pinyin/simplification caches a previous run filled."""
    from eventdesk.domain import names
    from eventdesk.services.imports import people

    for fn in (names.simplify, names.sort_pinyin, names.pinyin_forms, names._han_pinyin,
               people._fold):
        fn.cache_clear()


def timed_import(db: Database, path: Path, *, cold: bool = True) -> tuple[float, dict[str, object]]:
    if cold:
        cold_caches()
    ctx = ActionContext(db=db, desk="bench", operator="bench", user=ORGANISER)
    t = time.perf_counter()
    report = import_list(ctx, request=ImportRequest(path=path, kind="people")).value
    elapsed = time.perf_counter() - t
    assert not report.errors, report.errors[:3]
    return elapsed, {"created": report.created, "updated": report.updated,
                     "skipped": report.skipped}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--exhibitors", type=int, default=2_500)
    parser.add_argument("--synthetic", action="store_true",
                        help="a synthetic partner list instead of the reference event's export")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        template = folder / "template.sqlite3"
        db = open_database(to_url(template), create=True)
        with db.unit_of_work() as session:
            create_event(session, code="BENCH", name_zh="2025光合组织人工智能创新大会",
                         start_date=date.today(), end_date=date.today())
        if args.synthetic:
            rows = synth_rows(args.rows, companies(args.exhibitors))
            csv_path, xlsx_path = write_files(folder, rows)
            flags = f"--synthetic --rows {args.rows}"
        else:
            csv_path, xlsx_path = reference_files(folder, db)
            flags = ""
        db.dispose()
        print(f"command: {sys.executable} benchmarks/bench_import.py {flags}".rstrip())
        n_rows = args.rows if args.synthetic else 30_000
        print(f"{n_rows:,} rows; CSV {csv_path.stat().st_size / 1e6:.1f} MB, "
              f"XLSX {xlsx_path.stat().st_size / 1e6:.1f} MB")

        base = baseline_csv(csv_path)
        db = fresh_db(template, folder, "csv.sqlite3")
        first, counts = timed_import(db, csv_path)
        again, counts2 = timed_import(db, csv_path, cold=False)
        db.dispose()
        print(f"CSV  import   {first:6.2f} s  (budget 5 s)  {counts}; csv module reading the same "
              f"file {base:.3f} s → ratio {first / base:.0f}×")
        print(f"CSV  re-import {again:5.2f} s  {counts2} (idempotent; warm caches)")

        b_opx, b_cal = baseline_openpyxl(xlsx_path), baseline_calamine(xlsx_path)
        db = fresh_db(template, folder, "xlsx.sqlite3")
        first_x, counts_x = timed_import(db, xlsx_path)
        db.dispose()
        print(f"XLSX import   {first_x:6.2f} s  (budget 10 s) {counts_x}; openpyxl read-only "
              f"{b_opx:.2f} s → ratio {first_x / b_opx:.1f}×; calamine {b_cal:.2f} s → ratio "
              f"{first_x / b_cal:.0f}×")

        for label, path in (("CSV ", csv_path), ("XLSX", xlsx_path)):
            db = fresh_db(template, folder, f"mem-{label.strip()}.sqlite3")
            tracemalloc.start()
            timed_import(db, path)
            _cur, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            db.dispose()
            print(f"{label} peak Python memory during import (tracemalloc) {peak / 1e6:.1f} MB")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"process peak RSS {rss:.0f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ok = first <= BUDGET_CSV_S and first_x <= BUDGET_XLSX_S
    print(f"RESULT: CSV {first:.2f} s (budget {BUDGET_CSV_S:g} s), XLSX {first_x:.2f} s (budget "
          f"{BUDGET_XLSX_S:g} s) — {'within' if ok else 'OVER'} budget")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

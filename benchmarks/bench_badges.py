"""Batch badges: 10,000 badges of the reference event on A6, budget ≤ 10 s and ≥ 20× faster than
the plain approach measured in the same run; also one badge for the desk (budget ≤ 30 ms).

    .venv/bin/python benchmarks/bench_badges.py [--db URL] [--count 10000] [--plain-sample 500]
                                                [--workers 2]

Without --db the reference event is built with services.demo into a temporary SQLite file. The
badges are the first --count registered people in print order (company, then name pinyin), with
signed payloads, category colours and CJK text.

The plain approach is what common open-source tools do: one reportlab page per badge, the same
TrueType font through the canvas API, the QR through reportlab's QrCodeWidget in a Drawing drawn
with renderPDF. It is measured on --plain-sample badges and extrapolated per badge to --count
(it takes minutes at full size); the output says so.
"""

from __future__ import annotations

import argparse
import io
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from eventdesk.domain.badge_data import BadgeData
from eventdesk.pdf.badges import RenderOptions, render_batch, render_one, warm_up
from eventdesk.services.badges import batch as badge_service
from eventdesk.storage import open_database, to_url

BUDGET_SECONDS = 10.0
BUDGET_RATIO = 20.0
BUDGET_ONE_MS = 30.0


def load_badges(url: str | None, count: int) -> tuple[list[BadgeData], str]:
    temporary: Path | None = None
    if url is None:
        from eventdesk.demo.build import build_demo

        temporary = Path(tempfile.mkdtemp())
        path = temporary / "bench-badges.sqlite3"
        db = open_database(to_url(path), create=True)
        with db.unit_of_work() as session:
            build_demo(session)
        source = "reference event built by services.demo (temporary file)"
    else:
        db = open_database(to_url(url))
        source = url
    try:
        with db.unit_of_work(write=False) as session:
            rows = badge_service.select_badges(session, sort="company", limit=count)
            return badge_service.badge_data(session, rows=rows), source
    finally:
        db.dispose()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def plain(badges: list[BadgeData]) -> tuple[float, int]:
    """One page per badge through the canvas API and QrCodeWidget/renderPDF."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A6
    from reportlab.pdfgen.canvas import Canvas

    from eventdesk.pdf.fonts import font_chain
    from eventdesk.pdf.text import tt_font

    font = tt_font(font_chain()[0]).fontName
    colours = {"exhibitor": "#1565C0", "visitor": "#2E7D32", "speaker": "#E65100",
               "media": "#6A1B9A", "vip": "#B8860B", "staff": "#C62828"}
    width, height = A6
    buffer = io.BytesIO()
    start = time.perf_counter()
    canvas = Canvas(buffer, pagesize=A6)
    for b in badges:
        canvas.setFillColor(HexColor(colours.get(b.category, "#455A64")))
        canvas.rect(0, height - 68, width, 68, stroke=0, fill=1)
        canvas.rect(0, 0, width, 37, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#FFFFFF"))
        canvas.setFont(font, 13)
        canvas.drawCentredString(width / 2, height - 40, b.event_name)
        canvas.setFont(font, 20)
        canvas.drawCentredString(width / 2, 12, b.category_label)
        canvas.setFillColor(HexColor("#000000"))
        canvas.setFont(font, 40)
        canvas.drawCentredString(width / 2, height - 130, b.name)
        canvas.setFont(font, 14)
        canvas.drawCentredString(width / 2, height - 155, b.company)
        canvas.setFont(font, 11)
        canvas.drawCentredString(width / 2, height - 175, b.title)
        widget = QrCodeWidget(b.qr_payload, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        side = 105.0
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, (width - side) / 2, 45)
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - start, len(buffer.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="an existing event database (default: build the demo)")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--plain-sample", type=int, default=500)
    parser.add_argument("--workers", type=int, default=1,
                        help="also time the batch with N processes")
    args = parser.parse_args()
    command = "benchmarks/bench_badges.py " + shlex.join(sys.argv[1:])

    t0 = time.perf_counter()
    badges, source = load_badges(args.db, args.count)
    print(f"{len(badges)} badges from {source} ({time.perf_counter() - t0:.1f} s to load)")
    if len(badges) < args.count:
        print(f"warning: only {len(badges)} badges available")

    warm_up()  # fonts registered, layout compiled: what a running program already has
    start = time.perf_counter()
    result, data = render_batch(badges, preset="a6")
    batch = time.perf_counter() - start
    size = len(data or b"")
    n = len(badges)
    print(f"batch, 1 process: {n} badges, {result.pages} pages in {batch:.2f} s "
          f"({batch / n * 1000:.3f} ms/badge), PDF {size / 1e6:.1f} MB "
          f"({size / n / 1024:.2f} KiB/badge)")
    if args.workers > 1:
        start = time.perf_counter()
        render_batch(badges, preset="a6", options=RenderOptions(workers=args.workers))
        par = time.perf_counter() - start
        print(f"batch, {args.workers} processes: {par:.2f} s "
              f"({batch / par:.2f}× the single process)")

    sample = badges[: args.plain_sample]
    plain_seconds, plain_size = plain(sample)
    per_plain = plain_seconds / len(sample)
    extrapolated = per_plain * n
    ratio = extrapolated / batch
    print(f"plain approach: {len(sample)} badges measured in {plain_seconds:.2f} s "
          f"({per_plain * 1000:.2f} ms/badge, {plain_size / len(sample) / 1024:.2f} KiB/badge); "
          f"extrapolated to {n}: {extrapolated:.1f} s")

    one = badges[len(badges) // 2]
    times = []
    for _ in range(50):
        start = time.perf_counter()
        render_one(one)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    print(f"render_one after warm-up: median {median:.1f} ms, p95 {p95:.1f} ms "
          f"(budget ≤ {BUDGET_ONE_MS:.0f} ms)")

    ok = batch <= BUDGET_SECONDS and ratio >= BUDGET_RATIO and p95 <= BUDGET_ONE_MS
    print(f"RESULT: {n} badges in {batch:.2f} s (budget ≤ {BUDGET_SECONDS:.0f} s), "
          f"{ratio:.1f}× the plain approach (budget ≥ {BUDGET_RATIO:.0f}×), "
          f"{size / n / 1024:.2f} KiB/badge — {'within' if ok else 'OVER'} budget")
    print(f"command: .venv/bin/python {command}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Spreading a batch over processes: chunks rendered to separate PDFs, then merged.

Rendering is pure Python (the GIL rules out threads); each process registers the fonts and
compiles the layout once, renders its contiguous chunk, and the parent joins the documents with
pdfium in order. Each chunk embeds its own font subsets, so the merged file is a little larger.

Also used with a single worker process: the GUI renders a big run this way so that the GIL and
the garbage collector of its own process stay free for the window (a run rendered on one of its
threads held the desk's typing up for a second at a time). Children report how far they are
through a queue (every `PROGRESS_EVERY` badges), so progress moves while a chunk renders and a
cancel (an exception from `progress`) is seen within `POLL_S`; it terminates the pool.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace
from typing import Any

from eventdesk.pdf.layout import LayoutRef
from eventdesk.pdf.model import BadgeData, RenderOptions, RenderResult
from eventdesk.pdf.render import chunks

CHILD_NICENESS = 10
POLL_S = 0.1  # how often the parent reads the children's progress and lets `progress` cancel
_reports: Any = None  # in a child: the queue of (chunk, badges done) reports


def _child_start(reports: Any) -> None:
    global _reports
    _reports = reports
    # Below the window's process: with both cores rendering, a desk's keystroke must still get
    # a core at once (the OS favours the GUI thread; the run takes a little longer instead).
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)


def _render_chunk(badges: Sequence[BadgeData], layout: LayoutRef, preset: str,
                  options: RenderOptions, index: int = 0) -> tuple[bytes, int]:
    from eventdesk.pdf.badges import renderer

    def report(done: int, _total: int) -> None:
        if _reports is not None:
            _reports.put((index, done))

    buffer = io.BytesIO()
    result = renderer(layout, preset, options).render(badges, buffer, report)
    return buffer.getvalue(), result.pages


def merge(parts: Sequence[bytes]) -> bytes:
    import pypdfium2 as pdfium

    if len(parts) == 1:
        return parts[0]
    merged = pdfium.PdfDocument.new()
    for part in parts:
        merged.import_pages(pdfium.PdfDocument(part))
    out = io.BytesIO()
    merged.save(out)
    return out.getvalue()


def render_parallel(badges: Sequence[BadgeData], *, layout: LayoutRef, preset: str,
                    options: RenderOptions, progress: Callable[[int, int], None] | None = None
                    ) -> tuple[bytes, RenderResult]:
    """The badges as one PDF, rendered in `options.workers` (≥ 1) child processes; returns the
    bytes and the counts. `progress(done, total)` is called every POLL_S from this thread and
    may raise to cancel (the children are terminated). Raises what a child raised."""
    single = replace(options, workers=1)
    # Separator pages and sheets must not be split mid-company or mid-sheet: chunks are cut on
    # whole sheets, and with separators only between companies.
    pieces = _split(badges, max(1, options.workers), single, preset)
    # Never plain fork: the GUI calls this from a worker thread, and forking a threaded Qt
    # process is unsafe. forkserver (Linux) starts children from a clean server process and
    # measured faster than spawn; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    total = len(badges)
    results: dict[int, tuple[bytes, int]] = {}
    reports = context.SimpleQueue()
    done_by_chunk = [0] * len(pieces)
    with ProcessPoolExecutor(max_workers=min(options.workers, len(pieces)) or 1,
                             mp_context=context, initializer=_child_start,
                             initargs=(reports,)) as pool:
        futures: dict[Future[tuple[bytes, int]], int] = {
            pool.submit(_render_chunk, list(piece), layout, preset, single, i): i
            for i, piece in enumerate(pieces)
        }
        pending = set(futures)
        try:
            while pending:
                finished, pending = wait(pending, timeout=POLL_S, return_when=FIRST_COMPLETED)
                while not reports.empty():
                    index, done = reports.get()
                    done_by_chunk[index] = max(done_by_chunk[index], done)
                for future in finished:
                    index = futures[future]
                    results[index] = future.result()
                    done_by_chunk[index] = len(pieces[index])
                if progress is not None:
                    progress(sum(done_by_chunk), total)
        except BaseException:
            # Stop the children now: leaving the `with` would otherwise wait for their chunks.
            for child in list(pool._processes.values()):  # private: no public way
                child.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    data = merge([results[i][0] for i in range(len(pieces))])
    pages = sum(results[i][1] for i in range(len(pieces)))
    return data, RenderResult(badges=total, pages=pages)


def _split(badges: Sequence[BadgeData], workers: int, options: RenderOptions,
           preset: str) -> list[Sequence[BadgeData]]:
    from eventdesk.pdf.presets import get_preset

    per = get_preset(preset).per_page
    if not options.separator_pages:
        size = per * max(1, -(-len(badges) // (per * workers)))
        return [badges[i:i + size] for i in range(0, len(badges), size)]
    # Cut at company boundaries nearest to even shares.
    target = -(-len(badges) // workers)
    cuts, start = [], 0
    for i in range(1, len(badges)):
        if i - start >= target and badges[i].company.strip() != badges[i - 1].company.strip():
            cuts.append(badges[start:i])
            start = i
    cuts.append(badges[start:])
    return cuts


__all__ = ["chunks", "merge", "render_parallel"]

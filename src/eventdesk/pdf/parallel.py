"""Spreading a batch over processes: chunks rendered to separate PDFs, then merged.

Rendering is pure Python (the GIL rules out threads); each process registers the fonts and
compiles the layout once, renders its contiguous chunk, and the parent joins the documents with
pdfium in order. Each chunk embeds its own font subsets, so the merged file is a little larger.
Progress is reported as chunks finish; cancelling (an exception from `progress`) stops waiting
and terminates the pool.
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace

from eventdesk.pdf.model import BadgeData, RenderOptions, RenderResult
from eventdesk.pdf.render import chunks


def _render_chunk(badges: Sequence[BadgeData], layout: str, preset: str,
                  options: RenderOptions) -> tuple[bytes, int]:
    from eventdesk.pdf.badges import renderer

    buffer = io.BytesIO()
    result = renderer(layout, preset, options).render(badges, buffer)
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


def render_parallel(badges: Sequence[BadgeData], *, layout: str, preset: str,
                    options: RenderOptions, progress: Callable[[int, int], None] | None = None
                    ) -> tuple[bytes, RenderResult]:
    single = replace(options, workers=1)
    # Separator pages and sheets must not be split mid-company or mid-sheet: chunks are cut on
    # whole sheets, and with separators only between companies.
    pieces = _split(badges, options.workers, single, preset)
    # Never plain fork: the GUI calls this from a worker thread, and forking a threaded Qt
    # process is unsafe. forkserver (Linux) starts children from a clean server process and
    # measured faster than spawn; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    total = len(badges)
    results: dict[int, tuple[bytes, int]] = {}
    with ProcessPoolExecutor(max_workers=options.workers, mp_context=context) as pool:
        futures: dict[Future[tuple[bytes, int]], int] = {
            pool.submit(_render_chunk, list(piece), layout, preset, single): i
            for i, piece in enumerate(pieces)
        }
        pending = set(futures)
        done_badges = 0
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = futures[future]
                    results[index] = future.result()
                    done_badges += len(pieces[index])
                if progress is not None:
                    progress(done_badges, total)
        except BaseException:
            for future in pending:
                future.cancel()
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

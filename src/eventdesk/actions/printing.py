"""Batch badge print runs: choose who (the badge filters), see the count, the first pages and anyone
whose text no font can draw, then render to a PDF file and/or a printer and log the prints.

A print run keeps desks checking in while thousands of badges render: it reads the people in one
short read-only unit of work, renders (and prints) outside any transaction, and then records in ONE
short write exactly the (person id, badge code) pairs it rendered. Codes are never read again after
rendering: a badge reissued meanwhile (lost badge at a desk) is logged with the code that is on the
paper, and reported as reissued.

The printer is a callable the caller gives (the GUI paints on a QPrinter; actions import no Qt).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, ProgressFn, Topic, no_progress, outcome
from eventdesk.actions.layouts import resolve_layout
from eventdesk.domain import PrintReason
from eventdesk.domain.access import Permission
from eventdesk.domain.desk import NOTE_MAX
from eventdesk.domain.errors import DomainError, Phrase
from eventdesk.files import check_target, write_whole
from eventdesk.pdf.badges import (
    BadgeData,
    LayoutRef,
    RenderOptions,
    describe_layout,
    describe_preset,
    list_layouts,
    list_presets,
    missing_glyphs,
    page_count,
    render_batch,
    renderer,
)
from eventdesk.pdf.parallel import render_parallel
from eventdesk.pdf.presets import PRESETS
from eventdesk.services.badges import batch as badge_service
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.badges.batch import SORTS, BadgeFilter, BadgeSort
from eventdesk.services.exhibitors import halls

__all__ = [
    "SORTS",
    "AlreadyPrinted",
    "BadgeFilter",
    "BadgePreview",
    "BadgeSelection",
    "BadgeSort",
    "BadgeSummary",
    "GlyphProblem",
    "GlyphsMissing",
    "PrintRun",
    "Reissued",
    "PrinterFn",
    "RenderOptions",
    "badge_halls",
    "has_back_sides",
    "layout_choices",
    "preset_choices",
    "preview",
    "print_run",
    "summarise",
]

# A printer given by the caller: takes the finished PDF, calls progress(page, pages) as pages go
# out (which may raise Cancelled), and raises a DomainError when the printer refuses the job.
PrinterFn = Callable[[bytes, ProgressFn], None]

# Progress of a run in thousandths: rendering is most of a file run, spooling most of a printer run.
_STEPS = 1000
_RENDER_SHARE_WHEN_PRINTING = 0.4
# Below this a run renders in the calling process even when asked for a separate one: starting
# a child costs more (about half a second) than the few frames a small run takes.
IN_PROCESS_LIMIT = 200
# How many names a refusal lists before "…".
_NAMES_SHOWN = 5


@dataclass(frozen=True)
class BadgeSelection:
    """Who is printed (filters, order) and how (layout, sheet preset, print-shop options)."""

    criteria: BadgeFilter = field(default_factory=BadgeFilter)
    sort: BadgeSort = "company"
    layout: str = "default"
    preset: str = "a6"
    options: RenderOptions = field(default_factory=RenderOptions)


@dataclass(frozen=True)
class GlyphProblem:
    """A character on someone's badge that no font of the chain can draw (it would print as an
    empty box). `field` is the badge field: name, name_en, company, company_short or title."""

    person_id: int | None
    name: str
    field: str
    characters: tuple[str, ...]

    code = "printing.missing_glyph"

    @property
    def params(self) -> dict[str, object]:
        """What messages.text(code, **params) needs to word the problem: the field by its name in
        the language (a Phrase), the characters with their code points ("𠮷 U+20BB7", the same
        in every language)."""
        chars = " ".join(f"{c} U+{ord(c):04X}" for c in self.characters)
        return {"name": self.name, "field": Phrase(f"printing.field.{self.field}"),
                "chars": chars}


class AlreadyPrinted(DomainError):
    """A run recorded as first prints holds badges whose code was printed before (params count,
    names: the first few); nothing was rendered. Exit 4 in the CLI: the request is refused."""

    code = "printing.already_printed"
    exit_code = 4


class GlyphsMissing(DomainError):
    """A strict run refused to render: `problems` lists every character no font can draw."""

    code = "printing.glyphs_missing"

    def __init__(self, problems: Sequence[GlyphProblem]) -> None:
        super().__init__(code=self.code, count=len(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class BadgeSummary:
    count: int
    pages: int
    problems: tuple[GlyphProblem, ...]


@dataclass(frozen=True)
class BadgePreview:
    """The first pages of a selection as a PDF exactly as they will print; `pages` of it are
    meant to be shown (fronts and, for duplex layouts, backs)."""

    pdf: bytes
    pages: int


@dataclass(frozen=True)
class Reissued:
    """A badge reissued (new code) while the run rendered its old code: the paper is void."""

    person_id: int
    name: str
    printed_code: str


@dataclass(frozen=True)
class PrintRun:
    """A finished run: badges and pages rendered, prints recorded, where it went, anyone whose
    text cannot be drawn, and people whose badge was reissued while the run rendered."""

    badges: int
    pages: int
    recorded: int
    out: Path | None
    printed: bool
    problems: tuple[GlyphProblem, ...] = ()
    reissued: tuple[Reissued, ...] = ()


def layout_choices() -> list[tuple[str, str]]:
    """(layout name, description) of every badge layout."""
    return [(name, describe_layout(name)) for name in list_layouts()]


def preset_choices() -> list[tuple[str, str]]:
    """(preset key, description) of every paper / sheet preset."""
    return [(key, describe_preset(key)) for key in list_presets()]


def has_back_sides(selection: BadgeSelection) -> bool:
    """Whether the run prints back sides (a layout with a back, duplex not switched off): the
    printer then prints both sides of each sheet."""
    return renderer(selection.layout, selection.preset, selection.options).duplex


def badge_halls(ctx: ActionContext) -> Outcome[list[str]]:
    """The exhibition halls, for the hall filter."""
    require(ctx, Permission.BATCH_PRINT)
    with ctx.db.unit_of_work(write=False) as session:
        return outcome(halls(session))


@dataclass(frozen=True)
class _Read:
    """What a run draws: the badges, the (person id, badge code) pairs they carry, for a lost
    reprint each person's code before (revoked once the badges are out), and the people whose
    printed code already has a print logged."""

    badges: list[BadgeData]
    codes: list[tuple[int, str]]
    old_codes: dict[int, str] = field(default_factory=dict)
    printed_before: tuple[int, ...] = ()


def _read(ctx: ActionContext, selection: BadgeSelection, limit: int | None = None, *,
          new_codes: bool = False, check_printed: bool = False) -> _Read:
    """The badges to draw, in one read; with `new_codes` (lost badges) each carries a fresh code,
    not yet stored; with `check_printed`, who of them had this code printed before."""
    with ctx.db.unit_of_work(write=False) as session:
        rows = badge_service.select_badges(session, criteria=selection.criteria,
                                           sort=selection.sort, limit=limit)
        old_codes = {row.person_id: row.badge_code for row in rows} if new_codes else {}
        if new_codes:
            rows = badge_service.with_new_codes(session, rows=rows)
        codes = [(row.person_id, row.badge_code) for row in rows]
        before = tuple(badge_service.already_printed(session, printed=codes)
                       ) if check_printed else ()
        badges = badge_service.badge_data(session, rows=rows)
    return _Read(badges=badges, codes=codes, old_codes=old_codes, printed_before=before)


def _layout(ctx: ActionContext, selection: BadgeSelection) -> LayoutRef:
    """The layout the selection names, as every desk of the event sees it (the event's stored
    layout of that name first); checked. Raises LayoutRejected or LayoutUnknown."""
    with ctx.db.unit_of_work(write=False) as session:
        return resolve_layout(session, selection.layout)


def _problems(badges: Sequence[BadgeData]) -> tuple[GlyphProblem, ...]:
    return tuple(GlyphProblem(p.person_id, p.name, p.field, p.characters)
                 for p in missing_glyphs(badges))


def summarise(ctx: ActionContext, *, selection: BadgeSelection,
              progress: ProgressFn = no_progress) -> Outcome[BadgeSummary]:
    """How many badges and pages the selection gives, and whose text cannot be drawn."""
    require(ctx, Permission.BATCH_PRINT)
    badges = _read(ctx, selection).badges
    progress(1, 2)
    pages = page_count(badges, layout=_layout(ctx, selection), preset=selection.preset,
                       options=selection.options) if badges else 0
    return outcome(BadgeSummary(count=len(badges), pages=pages, problems=_problems(badges)))


def preview(ctx: ActionContext, *, selection: BadgeSelection,
            progress: ProgressFn = no_progress) -> Outcome[BadgePreview]:
    """The first pages (4 single badges, or 2 sheets) rendered from the first badges."""
    require(ctx, Permission.BATCH_PRINT)
    per = PRESETS[selection.preset].per_page
    sheets = 4 if per == 1 else 2
    layout = _layout(ctx, selection)
    duplex = renderer(layout, selection.preset, selection.options).duplex
    badges = _read(ctx, selection, limit=per * sheets).badges
    if not badges:
        return outcome(BadgePreview(pdf=b"", pages=0))
    progress(1, 2)
    _result, data = render_batch(badges, layout=layout, preset=selection.preset,
                                 options=replace(selection.options, workers=1))
    assert data is not None  # no `out`: render_batch returns the bytes
    return outcome(BadgePreview(pdf=data, pages=sheets * (2 if duplex else 1)))


def print_run(ctx: ActionContext, *, selection: BadgeSelection, out: Path | None = None,
              printer: PrinterFn | None = None, record: bool = False,
              reason: PrintReason | str = PrintReason.FIRST, note: str = "",
              strict: bool = False, separate_process: bool = False,
              progress: ProgressFn = no_progress) -> Outcome[PrintRun]:
    """Render the selection to `out` (a PDF written whole or not at all) and/or `printer`, then,
    with `record`, log one print per badge rendered.

    `reason` means what it means at the desk: `first` is the first print of a badge code (a run
    that would log a second "first" print of a code is refused, before anything is rendered:
    choose "not yet printed" or a reprint reason); `lost` gives every badge a new code, and once
    the badges are out the old codes are revoked (rejected at every desk) and the new ones
    stored, through the desk's own service (services.badges.desk.revoke_badge); a lost reprint
    must be recorded, or its new codes would never admit anyone. `damaged` and `wrong_data`
    reprint the code in force, as do `printer_fault` and `other`; `other` needs `note`, a short
    text saying why (at most NOTE_MAX characters, stored with each print).

    `separate_process`: render a run of IN_PROCESS_LIMIT badges or more in child processes
    (`selection.options.workers` of them, at least one) — the GUI's choice, so that rendering
    holds neither the GIL nor the garbage collector of the process that draws the window.

    Order: read (short, read-only) -> render and print (no transaction) -> one short write.
    `progress(done, total)` may raise Cancelled: a cancelled run writes no file and logs nothing.
    Raises DomainError `printing.nothing_to_print` for an empty selection,
    `printing.lost_not_recorded` for a lost reprint without `record`, `desk.print.note_needed` for
    "other" without a note (or one too long), AlreadyPrinted, GlyphsMissing
    when `strict` and a character cannot be drawn (nothing rendered), NotFound when a person was
    deleted during the run (nothing logged), OSError naming `out` when it cannot be written.
    """
    require(ctx, Permission.BATCH_PRINT)
    why = PrintReason(reason)
    lost = why == PrintReason.LOST
    if lost and not record:
        raise DomainError(code="printing.lost_not_recorded")
    note = " ".join(note.split()) if why == PrintReason.OTHER else ""
    if why == PrintReason.OTHER and not 0 < len(note) <= NOTE_MAX:
        raise DomainError(code="desk.print.note_needed", limit=NOTE_MAX)
    if out is not None:
        check_target(out)  # a folder as --out fails now, not after rendering
    progress(0, _STEPS)
    layout = _layout(ctx, selection)
    first = record and why == PrintReason.FIRST
    read = _read(ctx, selection, new_codes=lost, check_printed=first)
    badges = read.badges
    if not badges:
        raise DomainError(code="printing.nothing_to_print")
    if read.printed_before:
        names = {b.person_id: b.name for b in badges}
        shown = [names.get(pid, "") for pid in read.printed_before[:_NAMES_SHOWN]]
        more = "…" if len(read.printed_before) > _NAMES_SHOWN else ""
        raise AlreadyPrinted(count=len(read.printed_before), names="、".join(shown) + more)
    problems = _problems(badges)
    if strict and problems:
        raise GlyphsMissing(problems)
    share = _RENDER_SHARE_WHEN_PRINTING if printer is not None else 1.0

    def render_progress(done: int, count: int) -> None:
        progress(int(_STEPS * share * done / max(count, 1)), _STEPS)

    if separate_process and len(badges) >= IN_PROCESS_LIMIT:
        data, result = render_parallel(
            badges, layout=layout, preset=selection.preset,
            options=replace(selection.options, workers=max(1, selection.options.workers)),
            progress=render_progress)
    else:
        result, rendered = render_batch(badges, layout=layout,
                                        preset=selection.preset, options=selection.options,
                                        progress=render_progress)
        assert rendered is not None  # no `out`: render_batch returns the bytes
        data = rendered
    if printer is not None:
        printer(data, lambda page, pages: progress(
            int(_STEPS * (share + (1 - share) * page / max(pages, 1))), _STEPS))
    if out is not None:
        write_whole(out, data)  # a complete file or the old one, never half of one
    # No progress call from here on: a Cancel pressed now must not leave printed badges unlogged.
    log = badge_service.PrintLog(recorded=0)
    void: tuple[int, ...] = ()
    if record:
        with ctx.db.unit_of_work() as session:
            printed = read.codes
            if lost:
                void = desk_badges.reissue(session, codes=[
                    (pid, read.old_codes[pid], code) for pid, code in read.codes],
                    reason=why, desk=ctx.desk, operator=ctx.operator)
                printed = [(pid, code) for pid, code in read.codes if pid not in void]
            log = badge_service.record_prints(
                session, printed=printed, desk=ctx.desk, operator=ctx.operator,
                layout=selection.layout, reason=why, note=note)
    names = {b.person_id: b.name for b in badges}
    codes = dict(read.codes)
    reissued = tuple(Reissued(pid, names.get(pid, ""), codes[pid])
                     for pid in (*void, *log.reissued))
    run = PrintRun(badges=result.badges, pages=result.pages, recorded=log.recorded, out=out,
                   printed=printer is not None, problems=problems, reissued=reissued)
    if not log.recorded:
        return outcome(run)
    return outcome(run, Topic.PRINTS, Topic.PEOPLE) if lost else outcome(run, Topic.PRINTS)

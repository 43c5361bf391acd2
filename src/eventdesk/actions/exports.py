"""Exports: people, exhibitors and check-ins (.csv/.xlsx), the schedule (.ics/.csv/.xlsx) and the
printed programme (.pdf), for the CLI and the GUI alike.

People, exhibitors and check-ins hold personal data (README "Privacy rules"): they need
Permission.EXPORT (organisers), the result names the personal-data columns the file holds, and
each export is audited (`export.<kind>`: fields, count, file name, format). The schedule and the
programme are what the event publishes (speakers' names included): any signed-in user.

Table and schedule exports stream from one read-only unit of work into a file that appears only
when complete. The programme reads its plain data in a short read-only unit, then checks every
text it will print against the font chain and renders outside any transaction. The result says
which characters of whose text no font can draw, so that the CLI and the GUI give the same report
(never a silent empty box).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventdesk.actions import privacy
from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, ProgressFn, no_progress, outcome
from eventdesk.domain.access import Permission
from eventdesk.domain.programme import Programme
from eventdesk.files import write_whole
from eventdesk.pdf.fonts import missing_characters
from eventdesk.pdf.programme import render_programme
from eventdesk.services import audit
from eventdesk.services import exports as table_exports
from eventdesk.services.exports import ExportFailed
from eventdesk.services.schedule import export as schedule_export

__all__ = [
    "KINDS",
    "SUFFIXES",
    "TABLE_KINDS",
    "ExportFailed",
    "Exported",
    "TextProblem",
    "check_target",
    "export",
    "export_programme",
    "export_schedule",
    "export_table",
    "personal_fields",
]

personal_fields = table_exports.personal_fields

TABLE_KINDS: tuple[str, ...] = table_exports.EXPORT_KINDS  # people, exhibitors, checkins
KINDS: tuple[str, ...] = (*TABLE_KINDS, "schedule", "programme")
SUFFIXES: dict[str, tuple[str, ...]] = {
    "people": (".csv", ".xlsx"), "exhibitors": (".csv", ".xlsx"), "checkins": (".csv", ".xlsx"),
    "schedule": (".csv", ".xlsx", ".ics"), "programme": (".pdf",),
}
# What the schedule's calendar file and the printed programme hold for each agenda item.
_ITEM_FIELDS = ("title", "start", "end", "room", "speakers")
_DONE_CODES = {"schedule": "exports.schedule_written", "programme": "exports.programme_written"}


@dataclass(frozen=True)
class TextProblem:
    """Characters of one printed text that no font of the chain can draw. `kind` says whose
    text it is: person (a speaker or moderator of `item`), title, room, track, heading (of a
    page) or event (its name and venue)."""

    kind: str
    text: str
    characters: tuple[str, ...]
    item: str = ""

    @property
    def code(self) -> str:
        return f"exports.glyph.{self.kind}"

    @property
    def params(self) -> dict[str, object]:
        chars = "、".join(f"{c}（U+{ord(c):04X}）" for c in self.characters)
        return {"text": self.text, "item": self.item, "chars": chars}


@dataclass(frozen=True)
class Exported:
    """A written export: `count` is data rows (tables), agenda items (schedule) or pages
    (programme); `problems` the programme's texts with characters no font can draw."""

    kind: str
    out: Path
    count: int
    problems: tuple[TextProblem, ...] = ()
    # The personal-data columns the file holds (README "Privacy rules"), in header order.
    personal_fields: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The code of the sentence that says what was written (params: out, count)."""
        return _DONE_CODES.get(self.kind, "exports.rows_written")

    @property
    def params(self) -> dict[str, object]:
        return {"out": str(self.out), "count": self.count}

    @property
    def personal_params(self) -> dict[str, object]:
        """Parameters of exports.personal_fields (fields joined by 、, count)."""
        return {"fields": "、".join(self.personal_fields), "count": f"{self.count:,}"}


def check_target(kind: str, out: Path) -> None:
    """Raise ExportFailed unless `kind` is known and may be written to a file named `out`."""
    if kind not in SUFFIXES:
        raise ExportFailed(code="exports.unknown_kind", kind=kind, kinds="/".join(KINDS))
    if out.suffix.lower() not in SUFFIXES[kind]:
        raise ExportFailed(code="exports.wrong_suffix", kind=kind,
                           allowed="/".join(SUFFIXES[kind]), name=out.name)


def export(ctx: ActionContext, *, kind: str, out: Path, day: date | None = None,
           room: str | None = None, progress: ProgressFn = no_progress,
           with_payloads: bool = False, consented_only: bool = False) -> Outcome[Exported]:
    """Any export by kind (people, exhibitors, checkins, schedule, programme). `day` only
    applies to the programme, `room` to the schedule and the programme, `with_payloads` and
    `consented_only` to people (export_table)."""
    require(ctx, Permission.EXPORT)
    check_target(kind, out)
    if kind == "programme":
        return export_programme(ctx, out=out, day=day, room=room, progress=progress)
    if kind == "schedule":
        return export_schedule(ctx, out=out, room=room, progress=progress)
    return export_table(ctx, kind=kind, out=out, progress=progress,
                        with_payloads=with_payloads, consented_only=consented_only)


def export_table(ctx: ActionContext, *, kind: str, out: Path,
                 progress: ProgressFn = no_progress, with_payloads: bool = False,
                 consented_only: bool = False) -> Outcome[Exported]:
    """People, exhibitors or check-ins to .csv/.xlsx; progress(rows, total) may raise Cancelled
    (then no file is left behind).

    Needs Permission.EXPORT (raises NotSignedIn / Forbidden before anything is read). People
    exports carry signed badge payloads only with `with_payloads` (a payload admits its holder:
    for mailing e-badges, say; the audit entry says so), and only people who gave consent with
    `consented_only` (lists for anyone outside the event's own staff). Phones and e-mails are
    masked for a user who may export but not see contacts. The audit entry `export.<kind>`
    (fields, count, file name, format, options) is written once the file is complete; when it
    cannot be written the file is removed again: no export without its audit entry."""
    check_target(kind, out)
    require(ctx, Permission.EXPORT)
    with_payloads = with_payloads and kind == "people"
    consented_only = consented_only and kind == "people"
    with ctx.db.unit_of_work(write=False) as session:
        count = table_exports.export(session, kind=kind, path=out, progress=progress,
                                     with_payloads=with_payloads,
                                     mask=not privacy.sees_contacts(ctx),
                                     consented_only=consented_only)
    fields = personal_fields(kind, with_payloads=with_payloads)
    try:
        with ctx.db.unit_of_work() as session:
            audit.record(session, actor=ctx.operator, desk=ctx.desk, action=f"export.{kind}",
                         subject_type="export",
                         detail={"fields": list(fields), "count": count, "file": out.name,
                                 "format": out.suffix.lower().lstrip("."),
                                 "with_payloads": with_payloads,
                                 "consented_only": consented_only})
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return outcome(Exported(kind=kind, out=out, count=count, personal_fields=fields))


def export_schedule(ctx: ActionContext, *, out: Path, room: str | None = None,
                    progress: ProgressFn = no_progress) -> Outcome[Exported]:
    """The schedule (or one room's) to .ics, .csv or .xlsx."""
    require(ctx, Permission.EXPORT)
    check_target("schedule", out)
    progress(0, 1)
    with ctx.db.unit_of_work(write=False) as session:
        count = schedule_export.export_schedule(session, out=out, room=room, progress=progress)
    fields = _ITEM_FIELDS if out.suffix.lower() == ".ics" else schedule_export.HEADERS
    _record(ctx, kind="schedule", out=out, count=count, fields=fields, room=room)
    return outcome(Exported(kind="schedule", out=out, count=count))


def export_programme(ctx: ActionContext, *, out: Path, day: date | None = None,
                     room: str | None = None,
                     progress: ProgressFn = no_progress) -> Outcome[Exported]:
    """The printed programme PDF: every day, one `day`, or one `room` over all days. Written
    whole or not at all; `problems` lists the texts with characters no font can draw (the PDF
    is still written: the report says where an empty box will be). Raises NotFound for an
    unknown room, ValidationFailed for a day outside the event."""
    require(ctx, Permission.EXPORT)
    check_target("programme", out)
    progress(0, 2)
    with ctx.db.unit_of_work(write=False) as session:
        data = schedule_export.programme_data(session, day=day, room=room)
    problems = programme_problems(data)
    progress(1, 2)
    buffer = io.BytesIO()
    pages = render_programme(data, buffer)
    progress(2, 2)
    write_whole(out, buffer.getvalue())
    _record(ctx, kind="programme", out=out, count=pages, fields=_ITEM_FIELDS, room=room,
            day=day.isoformat() if day else None)
    return outcome(Exported(kind="programme", out=out, count=pages, problems=problems))


def _record(ctx: ActionContext, *, kind: str, out: Path, count: int,
            fields: tuple[str, ...], **more: object) -> None:
    """The audit entry of a written export (issue 12: which fields, how many): its own short
    write after the file is complete, so a failed export records nothing. An export that cannot
    be recorded (the database is locked, unreachable) is not left behind either: personal data
    leaves only with its entry. Raises what the write raised."""
    try:
        with ctx.db.unit_of_work() as session:
            audit.record(session, actor=ctx.operator, desk=ctx.desk, action=f"export.{kind}",
                         subject_type="export",
                         detail={"file": out.name, "fields": list(fields), "count": count,
                                 **{k: v for k, v in more.items() if v is not None}})
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def programme_problems(data: Programme) -> tuple[TextProblem, ...]:
    """Every printed text of the programme with characters no font of the chain can draw, once
    per (kind, text, item), in the order they appear."""
    found: dict[tuple[str, str, str], TextProblem] = {}

    def check(kind: str, text: str, item: str = "") -> None:
        if not text or text.isascii() or (kind, text, item) in found:
            return
        chars = missing_characters(text)
        if chars:
            found[(kind, text, item)] = TextProblem(kind, text, tuple(chars), item)

    check("event", data.title)
    check("event", data.subtitle)
    for name, _colour in data.tracks:
        check("track", name)
    for page in data.pages:
        check("heading", page.heading)
        for room in page.rooms:
            check("room", room.name)
            check("room", room.detail)
            for entry in room.items:
                check("title", entry.title)
                check("track", entry.track)
                for person in _people(entry.people):
                    check("person", person, entry.title)
    return tuple(found.values())


def _people(text: str) -> list[str]:
    """The names in a programme entry's people line (“张伟、李娜；主持：王芳”)."""
    names = text.replace("；主持：", "、").replace("主持：", "")
    return [n.strip() for n in names.split("、") if n.strip()]

"""Badge layouts: list them, open one, save a designed one in the event, import and export a layout
file with its images, check a file, and find the layout a print uses.

Where a designed layout lives: in the event's database (services.badges.layouts), not in the
user's layout folder. A desk PC's folder reaches that PC only; the database is what every desk of
the event shares (SQLite file or PostgreSQL server), so a badge saved once is the badge every
desk and every batch run prints, and a backup of the event carries it. A stored layout replaces
a built-in or user layout of the same name everywhere, as the user folder replaces a built-in one:
saving as "default" gives the whole event its own badge without touching a desk's settings.

Every layout that enters (a file, a save, a stored one about to print) is checked by
pdf.layout_check; a refused one raises LayoutRejected (exit 4) whose sentence names the element.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, outcome
from eventdesk.domain import LayoutSource
from eventdesk.domain.access import Permission
from eventdesk.domain.errors import DomainError, Phrase
from eventdesk.files import write_whole
from eventdesk.pdf import layout as pdf_layout
from eventdesk.pdf.layout import LayoutError, LayoutRef
from eventdesk.pdf.layout_check import (
    LayoutProblem,
    check_document,
    image_names,
    read_layout_file,
)
from eventdesk.services.badges import layouts as stored

__all__ = ["LayoutDocument", "LayoutInfo", "LayoutNameInvalid", "LayoutProblem", "LayoutRejected",
           "LayoutUnknown", "check", "check_layout_file", "check_name", "copy_of_builtin",
           "delete_layout", "export_layout_file", "file_layouts", "import_layout_file",
           "list_layouts", "open_layout", "problem_phrase", "resolve_layout", "save_layout"]

_NAME = re.compile(r"^[\w-]{1,40}$")


class LayoutRejected(DomainError):
    """A layout that cannot be used: `problems` lists every problem; the sentence names the
    first element at fault. Nothing was saved or printed."""

    code = "layout.rejected"
    exit_code = 4

    def __init__(self, name: str, problems: list[LayoutProblem]) -> None:
        more = Phrase("layout.more", count=len(problems) - 1) if len(problems) > 1 else ""
        super().__init__(code=self.code, name=name, problem=problem_phrase(problems[0]),
                         more=more)
        self.problems = tuple(problems)


class LayoutNameInvalid(DomainError):
    code = "layout.name_invalid"
    exit_code = 4


class LayoutUnknown(DomainError):
    code = "layout.unknown"
    exit_code = 2


def problem_phrase(problem: LayoutProblem) -> Phrase:
    """One problem as a phrase for messages.text: where (the element, named), then what."""
    if not problem.variant:
        where = Phrase("layout.where.file")
    else:
        side = Phrase(f"layout.side.{problem.side}") if problem.side in ("front", "back") \
            else problem.side
        if problem.index:
            kind: object = Phrase(f"layout.kind.{problem.kind}") \
                if problem.kind in ("text", "rect", "image", "qr") else problem.kind
            label = f" {problem.label}" if problem.label else ""
            where = Phrase("layout.where.element", variant=problem.variant, side=side,
                           index=problem.index, kind=kind, label=label)
        else:
            where = Phrase("layout.where.side", variant=problem.variant, side=side)
    return Phrase("layout.problem", where=where, what=Phrase(problem.code, **problem.params))


@dataclass(frozen=True)
class LayoutInfo:
    """A layout as listed: `origin` is "event" (stored in the event: every desk), "user" (this
    PC's folder), "extra" (EVENTDESK_LAYOUTS) or "builtin"; `sizes` its variants in mm
    ("105×148"); `replaces` the origin of a file layout of the same name it stands in for."""

    name: str
    title: str
    origin: str
    sizes: tuple[str, ...] = ()
    replaces: str = ""
    updated_at: datetime | None = None
    updated_by: str = ""


@dataclass
class LayoutDocument:
    """A layout being designed: its name, the JSON document as the renderer reads it (a dict),
    its images by file name, and where it came from."""

    name: str
    document: dict[str, Any]
    images: dict[str, bytes] = field(default_factory=dict)
    origin: str = ""

    @property
    def title(self) -> str:
        return str(self.document.get("title", self.name))

    def source(self) -> LayoutSource:
        """As data for the renderer (only the images the document names)."""
        used = image_names(self.document)
        return LayoutSource(name=self.name, document=json.dumps(self.document, ensure_ascii=False),
                            images=tuple(sorted((n, b) for n, b in self.images.items()
                                                if n in used)), origin=self.origin)


def _file_origin(path: Path) -> str:
    if path.parent == pdf_layout.shipped_dir():
        return "builtin"
    return "user" if path.parent == pdf_layout.user_dir() else "extra"


def _sizes(document: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(f"{v['size_mm'][0]:g}×{v['size_mm'][1]:g}" for v in document["variants"])


def file_layouts() -> list[LayoutInfo]:
    """The built-in and user layout files that can be used (a broken file is left out)."""
    found: list[LayoutInfo] = []
    for name, path in sorted(pdf_layout.layout_files().items()):
        try:
            document = pdf_layout.load_layout(name)
        except LayoutError:
            continue
        found.append(LayoutInfo(name, str(document.get("title", name)), _file_origin(path),
                                _sizes(document)))
    return found


def list_layouts(ctx: ActionContext | None) -> Outcome[list[LayoutInfo]]:
    """Every layout a print can use, by name: the event's own (when `ctx` is given) and the
    files; an event layout stands in for a file of the same name. Reads only."""
    if ctx is not None:
        require(ctx, Permission.SEARCH)  # every role: desk and batch prints choose layouts
    files = {info.name: info for info in file_layouts()}
    event: list[LayoutInfo] = []
    if ctx is not None:
        with ctx.db.unit_of_work(write=False) as session:
            for row in stored.event_layouts(session):
                source = stored.event_layout(session, name=row.name)
                try:
                    sizes = _sizes(pdf_layout.load_layout(source)) if source else ()
                except LayoutError:
                    sizes = ()
                replaced = files.pop(row.name, None)
                event.append(LayoutInfo(row.name, row.title or row.name, "event", sizes,
                                        replaced.origin if replaced else "",
                                        row.updated_at, row.updated_by))
    return outcome(sorted(event + list(files.values()), key=lambda i: i.name))


def resolve_layout(session: Session, name: LayoutRef) -> LayoutRef:
    """The layout a print named `name` uses: the event's stored layout of that name, else the
    file. Checked here, so a print never starts on a layout that cannot render. Raises
    LayoutRejected (a broken stored or user layout) or LayoutUnknown."""
    ref: LayoutRef = name
    if isinstance(name, str):
        ref = stored.event_layout(session, name=name) or name
    try:
        pdf_layout.load_layout(ref)
    except LayoutError as exc:
        if exc.problems:
            raise LayoutRejected(exc.layout, list(exc.problems)) from None
        known = sorted(set(pdf_layout.layout_names())
                       | {r.name for r in stored.event_layouts(session)})
        raise LayoutUnknown(code="layout.unknown", name=str(name),
                            names=", ".join(known)) from None
    return ref


def _document_of(source: LayoutSource) -> LayoutDocument:
    return LayoutDocument(name=source.name, document=json.loads(source.document),
                          images=dict(source.images), origin=source.origin)


def open_layout(ctx: ActionContext | None, *, name: str) -> Outcome[LayoutDocument]:
    """A layout to design: the event's stored one of that name, else the file. Raises
    LayoutRejected or LayoutUnknown. Reads only."""
    if ctx is not None:
        require(ctx, Permission.SEARCH)  # every role: desk and batch prints choose layouts
        with ctx.db.unit_of_work(write=False) as session:
            ref = resolve_layout(session, name)
    else:
        try:
            ref = pdf_layout.file_source(name)
        except LayoutError as exc:
            if exc.problems:
                raise LayoutRejected(name, list(exc.problems)) from None
            raise LayoutUnknown(code="layout.unknown", name=name,
                                names=", ".join(pdf_layout.layout_names())) from None
    source = ref if isinstance(ref, LayoutSource) else pdf_layout.file_source(ref)
    return outcome(_document_of(source))


def copy_of_builtin(name: str, *, new_name: str) -> LayoutDocument:
    """A new layout: a copy of the built-in (or user) file `name` under `new_name`."""
    document = open_layout(None, name=name).value
    document.name, document.origin = new_name, ""
    return document


def check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise LayoutNameInvalid(code="layout.name_invalid", name=name)
    return name


def check(layout: LayoutDocument) -> list[LayoutProblem]:
    """Every problem of a layout being designed (empty: it can be saved and printed)."""
    return check_document(layout.document, dict(layout.images))


def save_layout(ctx: ActionContext, *, layout: LayoutDocument) -> Outcome[LayoutInfo]:
    """Store the layout in the event under `layout.name` (replacing one of that name), so that
    every desk and batch run of the event prints it. Raises LayoutRejected (nothing written) or
    DomainError layout.name_invalid. Audited."""
    require(ctx, Permission.EDIT_LAYOUTS)
    name = check_name(layout.name)
    problems = check(layout)
    if problems:
        raise LayoutRejected(name, problems)
    source = layout.source()
    with ctx.db.unit_of_work() as session:
        stored.store_layout(session, name=name, title=layout.title, document=source.document,
                            images=dict(source.images), operator=ctx.operator, desk=ctx.desk)
        saved = next(r for r in stored.event_layouts(session) if r.name == name)
    layout.origin = "event"
    return outcome(LayoutInfo(name, layout.title, "event", _sizes(layout.document),
                              updated_at=saved.updated_at, updated_by=saved.updated_by))


def delete_layout(ctx: ActionContext, *, name: str) -> Outcome[bool]:
    """Remove the event's stored layout `name` (a file of that name is used again). Audited."""
    require(ctx, Permission.EDIT_LAYOUTS)
    with ctx.db.unit_of_work() as session:
        if not stored.remove_layout(session, name=name, operator=ctx.operator, desk=ctx.desk):
            raise DomainError(code="layout.not_in_event", name=name)
    return outcome(True)


def check_layout_file(path: Path) -> list[LayoutProblem]:
    """Every problem of a layout file and its images (empty: usable). Raises OSError when the
    file cannot be read at all."""
    _source, problems = read_layout_file(path)
    return problems


def import_layout_file(path: Path) -> LayoutDocument:
    """A layout file (its images beside it or inside it) to design or save, named after the
    file. Raises LayoutRejected (listing every problem) or OSError."""
    source, problems = read_layout_file(path)
    if source is None:
        raise LayoutRejected(path.name, problems)
    layout = _document_of(source)
    layout.origin = ""
    try:
        layout.name = check_name(path.stem.removesuffix(".layout"))
    except LayoutNameInvalid:
        layout.name = "imported"
    return layout


def export_layout_file(layout: LayoutDocument, path: Path) -> Path:
    """Write the layout as one JSON file carrying its images (base64 under "images"), whole or
    not at all. Raises LayoutRejected for a layout that could not be read back, or OSError."""
    problems = check(layout)
    if problems:
        raise LayoutRejected(layout.name, problems)
    data = dict(layout.document)
    source = layout.source()
    if source.images:
        data["images"] = {n: base64.b64encode(b).decode("ascii") for n, b in source.images}
    write_whole(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return path

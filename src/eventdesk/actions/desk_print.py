"""Badges at the desk: print one on the spot, reprint with a reason (a lost badge gets a new code),
and exhibitor pick-up (print the company's missing badges, hand the pack over).

Every print runs read -> render -> send -> write: the badge is read (for a lost badge with a
fresh code, not yet stored), rendered, handed to the caller's `send` (the desk's printer, a PDF
file), and only once `send` returned does one short write revoke the old code, store the new one
and record the print. When `send` raises, nothing changes: the old badge still scans as valid
and no print is counted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventdesk.actions import privacy
from eventdesk.actions.access import require
from eventdesk.actions.base import ActionContext, Outcome, Topic, outcome
from eventdesk.actions.desk import told_plainly
from eventdesk.actions.layouts import resolve_layout
from eventdesk.domain import PrintReason
from eventdesk.domain.access import Permission
from eventdesk.domain.desk import NOTE_MAX as NOTE_MAX  # the desk's dialog limits its field
from eventdesk.domain.errors import DomainError
from eventdesk.pdf.badges import LayoutRef, render_badges, render_one
from eventdesk.services import desk as desk_service
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.badges.desk import DeskBadge, PickupState
from eventdesk.services.desk import DeskRow
from eventdesk.services.people import PersonRow

# send(pdf): print the rendered PDF (or save it); raises when the printer refuses the job.
Send = Callable[[bytes], None]


@dataclass(frozen=True)
class BadgeFormat:
    """The desk's badge layout and page preset (e.g. "default", "a6")."""

    layout: str = "default"
    preset: str = "a6"


DEFAULT_FORMAT = BadgeFormat()

# The reasons a desk reprints for (domain.PrintReason less "first"). Only "lost" revokes the
# old badge; the others reprint the code in force. "other" needs a short text saying why.
REPRINT_REASONS = ("lost", "damaged", "wrong_data", "printer_fault", "other")
assert set(REPRINT_REASONS) == {r.value for r in PrintReason} - {PrintReason.FIRST.value}


class ReprintNoteNeeded(DomainError):
    """A reprint for "other" reason without the short text saying why (or one too long);
    params limit."""

    code = "desk.print.note_needed"


@dataclass(frozen=True)
class DeskPrint:
    """Badges printed at the desk.

    people: as printed (after a lost badge, with the new code); reason: why; print_count: how
    many badges the first person has had printed, this one included; rows: the people's result
    rows after the print, in the order printed.
    """

    people: tuple[PersonRow, ...]
    reason: PrintReason
    print_count: int
    rows: tuple[DeskRow, ...]
    note: str = ""  # the operator's words for "other"


@dataclass(frozen=True)
class PackHanded:
    """An exhibitor's pack handed over: how many badges it held, and the state afterwards."""

    handed: int
    state: PickupState


def render(badges: list[DeskBadge], fmt: BadgeFormat, layout: LayoutRef | None = None) -> bytes:
    """One PDF for the desk's printer: a single badge through the fast on-demand path.
    `layout`: the layout `fmt` names as resolved in the event (default: the file of that name)."""
    data = [b.data for b in badges]
    chosen = fmt.layout if layout is None else layout
    if len(data) == 1:
        return render_one(data[0], layout=chosen, preset=fmt.preset)
    pdf = render_badges(data, layout=chosen, preset=fmt.preset)
    assert pdf is not None  # no `out` given: the bytes are returned
    return pdf


def _print(ctx: ActionContext, *, person_ids: list[int], reason: PrintReason, fmt: BadgeFormat,
           send: Send, note: str = "") -> Outcome[DeskPrint]:
    lost = reason == PrintReason.LOST
    with ctx.db.unit_of_work(write=False) as session:
        badges = desk_badges.desk_badges(session, person_ids=person_ids, new_code=lost)
        # The event's stored layout of that name, if any: every desk prints the same badge.
        layout = resolve_layout(session, fmt.layout)
    pdf = render(badges, fmt, layout)
    send(pdf)  # raises when the printer refused: nothing below happens
    with ctx.db.unit_of_work() as session:
        count = 0
        for i, badge in enumerate(badges):
            pid = badge.person.id
            if lost:
                desk_badges.revoke_badge(session, person_id=pid, reason=reason, desk=ctx.desk,
                                         operator=ctx.operator, new_code=badge.badge_code,
                                         expected_code=badge.person.badge_code)
            record = desk_badges.record_print(session, person_id=pid, desk=ctx.desk,
                                              operator=ctx.operator, layout=fmt.layout,
                                              reason=reason, badge_code=badge.badge_code,
                                              note=note)
            if i == 0:
                count = record.print_count
    with ctx.db.unit_of_work(write=False) as session:
        rows = tuple(desk_service.desk_row(session, person_id=pid) for pid in person_ids)
    rows = tuple(privacy.desk_rows(ctx, rows))
    printed = tuple(r.person for r in rows)
    topics = (Topic.PRINTS, Topic.PEOPLE) if lost else (Topic.PRINTS,)
    return outcome(DeskPrint(people=printed, reason=reason, print_count=count, rows=rows,
                             note=note), *topics)


@told_plainly
def print_badge(ctx: ActionContext, *, person_id: int, send: Send,
                fmt: BadgeFormat = DEFAULT_FORMAT) -> Outcome[DeskPrint]:
    """Print a person's badge at the desk (a first print). Raises NotFound for an unknown id,
    and whatever `send` raises (then nothing is recorded). Changes PRINTS."""
    require(ctx, Permission.DESK_PRINT)
    return _print(ctx, person_ids=[person_id], reason=PrintReason.FIRST, fmt=fmt, send=send)


@told_plainly
def reprint_badge(ctx: ActionContext, *, person_id: int, reason: PrintReason | str, send: Send,
                  fmt: BadgeFormat = DEFAULT_FORMAT, note: str = "") -> Outcome[DeskPrint]:
    """Reprint a person's badge with a reason: a key of REPRINT_REASONS (lost, damaged,
    wrong_data, printer_fault, other — "other" with `note`, a short text saying why). For a lost
    badge the new badge carries a new code; after `send` returned, the old code is revoked (its
    QR is rejected as revoked at every desk) and the new one stored, with the print, in one
    write. When `send` raises nothing changes. Raises ReprintNoteNeeded ("other" without a note,
    or one over NOTE_MAX characters), ValueError for an unknown reason, BadgeChanged when another
    desk replaced the badge meanwhile. Changes PRINTS (and PEOPLE for a lost badge)."""
    require(ctx, Permission.DESK_PRINT)
    key = str(reason)
    if key not in REPRINT_REASONS:
        raise ValueError(f"not a reprint reason: {key!r} (one of {', '.join(REPRINT_REASONS)})")
    note = " ".join(note.split())
    if key == "other" and not 0 < len(note) <= NOTE_MAX:
        raise ReprintNoteNeeded(code=ReprintNoteNeeded.code, limit=NOTE_MAX)
    return _print(ctx, person_ids=[person_id], reason=PrintReason(key), fmt=fmt, send=send,
                  note=note if key == "other" else "")


@told_plainly
def pickup_state(ctx: ActionContext, *, exhibitor_id: int) -> Outcome[PickupState]:
    """An exhibitor's staff with their printed / collected state. Reads only."""
    require(ctx, Permission.PICK_UP)
    with ctx.db.unit_of_work(write=False) as session:
        state = desk_badges.pickup_state(session, exhibitor_id=exhibitor_id)
    return outcome(privacy.pickup(ctx, state))


@told_plainly
def print_missing_for_pickup(ctx: ActionContext, *, exhibitor_id: int, send: Send,
                             fmt: BadgeFormat = DEFAULT_FORMAT) -> Outcome[PickupState]:
    """Print, in one job, the badges of the exhibitor's staff that were never printed; returns
    the pick-up state afterwards (unchanged when none was missing)."""
    require(ctx, Permission.PICK_UP)
    with ctx.db.unit_of_work(write=False) as session:
        missing = [p.id for p in desk_badges.pickup_state(
            session, exhibitor_id=exhibitor_id).missing_prints]
    changes: frozenset[Topic] = frozenset()
    if missing:
        changes = _print(ctx, person_ids=missing, reason=PrintReason.FIRST, fmt=fmt,
                         send=send).changes
    state = pickup_state(ctx, exhibitor_id=exhibitor_id).value
    return Outcome(value=state, changes=changes)


@told_plainly
def collect_pack(ctx: ActionContext, *, exhibitor_id: int, collected_by: str = "",
                 collector_phone: str = "") -> Outcome[PackHanded]:
    """Record that the exhibitor's printed, not yet collected badges were handed over to
    `collected_by` (name, required when there is a badge to hand) reachable at
    `collector_phone` (optional), now (audited: badge.pack_collected). Raises ValidationFailed
    (nothing recorded). The state returned masks the collector's phone unless the user may see
    contacts. Changes PRINTS."""
    require(ctx, Permission.PICK_UP)
    with ctx.db.unit_of_work() as session:
        handed = desk_badges.mark_pack_collected(session, exhibitor_id=exhibitor_id,
                                                 desk=ctx.desk, operator=ctx.operator,
                                                 collected_by=collected_by,
                                                 collector_phone=collector_phone)
    state = pickup_state(ctx, exhibitor_id=exhibitor_id).value
    return outcome(PackHanded(handed=handed, state=state), Topic.PRINTS)

"""Edits of one record from a form that was read earlier: what to write, and when to refuse.

Several desks edit the same people and exhibitors. A form holds the values it was opened with
(its `base`); saving writes only the fields the form changed against that base, so desk B,
whose form was opened before desk A saved a new phone, writes its new e-mail and leaves A's
phone alone. When another desk changed one of the same fields since B's form was read (the
record's value is neither B's base nor B's new value), nothing is written: EditConflict says
which field, its value now and who changed it (from the audit trail), and carries the record as
it is now, so the form can keep B's entries and let B save again on top of it.

Why not a version column: it refuses every save after any change to the record — a phone fixed
at one desk would make an e-mail typed at another desk fail and be typed again, and every other
writer (an import, a lost-badge reissue, a re-index) would make open forms fail for fields they
never showed. Comparing the fields a save writes refuses exactly the edits that would be lost.
The caller reads the record with a row lock (PostgreSQL; SQLite writes one at a time), so two
saves at the same moment are compared one after the other.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventdesk.domain import AuditEntry
from eventdesk.domain.errors import DomainError, Phrase

# How many audit entries of one record are searched for who changed a field.
_AUDIT_LOOKBACK = 50


@dataclass(frozen=True)
class ChangedMeanwhile:
    """A field another desk changed after the form was read: `value` is what it holds now;
    `operator`, `desk`, `at` and `when` (HH:MM in the event's time zone) come from the newest
    audit entry that changed it ("" / None when the trail does not say, e.g. after an import)."""

    field: str
    value: str
    operator: str = ""
    desk: str = ""
    at: datetime | None = None
    when: str = ""


class EditConflict(DomainError):
    """A save refused because another desk changed some of the same fields since the form was
    read; nothing was written. params: name, field (Phrase of the first field's label), value,
    who (Phrase), more (Phrase or ""). `changed` lists every such field; `current` is the record
    as it is now (a PersonRow, an ExhibitorRow). Exit 3 in a command: a conflict."""

    code = "edit.conflict"
    exit_code = 3

    def __init__(self, *, name: str, changed: Sequence[ChangedMeanwhile],
                 current: object) -> None:
        first = changed[0]
        more = Phrase("edit.more", count=len(changed) - 1) if len(changed) > 1 else ""
        super().__init__(code=self.code, name=name, field=Phrase(f"field_label.{first.field}"),
                         value=first.value, who=who_phrase(first), more=more)
        self.changed = tuple(changed)
        self.current = current


def who_phrase(change: ChangedMeanwhile) -> Phrase:
    """Who changed a field, as a phrase for messages: operator, desk and time when known."""
    if not change.operator:
        return Phrase("edit.by_unknown")
    if change.desk:
        return Phrase("edit.by_desk", operator=change.operator, desk=change.desk,
                      when=change.when)
    return Phrase("edit.by", operator=change.operator, when=change.when)


def field_changed_phrase(change: ChangedMeanwhile) -> Phrase:
    """What to put under the field: its value now and who changed it."""
    return Phrase("edit.field_changed", value=change.value, who=who_phrase(change))


def plan_edit(record: object, *, base: object, typed: object, cleaned: object,
              keys: Sequence[str]) -> tuple[list[str], list[str]]:
    """(keys to write, keys changed meanwhile) for a save of `typed` (what the form holds, as
    typed) over `record` (the row now), the form having been filled from `base`. A key is
    written when the form changed it (typed differs from base); it is changed meanwhile when, in
    addition, the record no longer holds the base value nor the `cleaned` new value."""
    write = [k for k in keys if getattr(typed, k) != getattr(base, k)]
    meanwhile = [k for k in write
                 if getattr(record, k) not in (getattr(base, k), getattr(cleaned, k))]
    return write, meanwhile


def changed_meanwhile(session: Session, *, record: object, keys: Sequence[str],
                      subject_type: str, subject_id: int, since: datetime | None = None,
                      tz: ZoneInfo | None = None) -> list[ChangedMeanwhile]:
    """Each key with the record's value now and who changed it according to the audit trail:
    the newest entry about the record, at or after `since` (when the form's values were read),
    whose detail names the key. A change the trail does not name (an import) has no one.
    `tz`: the event's time zone, for `when`."""
    stmt = (select(AuditEntry.actor, AuditEntry.desk, AuditEntry.at, AuditEntry.detail)
            .where(AuditEntry.subject_type == subject_type, AuditEntry.subject_id == subject_id,
                   AuditEntry.action.like(f"{subject_type}.%")))
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    entries = session.execute(stmt.order_by(AuditEntry.id.desc()).limit(_AUDIT_LOOKBACK)).all()
    found: list[ChangedMeanwhile] = []
    for key in keys:
        value = getattr(record, key)
        shown = "" if value is None else str(getattr(value, "value", value))
        change = ChangedMeanwhile(field=key, value=shown)
        for actor, desk, at, detail in entries:
            try:
                fields = json.loads(detail or "{}")
            except ValueError:
                continue
            if isinstance(fields, dict) and key in fields:
                when = at.astimezone(tz).strftime("%H:%M") if tz is not None else ""
                change = ChangedMeanwhile(field=key, value=shown, operator=actor, desk=desk,
                                          at=at, when=when)
                break
        found.append(change)
    return found

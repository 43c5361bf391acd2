"""Reprint reasons (issue 13): printer fault and "other" (with the operator's words) are stored
as themselves on the print (the words in badge_print.note) and in the audit entry, reprint with
the same code (only lost revokes); a reason the desk does not know is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from eventdesk.actions import desk_print
from eventdesk.actions.base import ActionContext
from eventdesk.actions.desk_print import ReprintNoteNeeded
from eventdesk.domain import AuditEntry, BadgePrint, PrintReason, RevokedBadge
from eventdesk.messages import describe
from eventdesk.storage import Database
from tests.accounts import ADMIN
from tests.audit_trail import audit_entries
from tests.services.checkin_cases import add, count, payload_of


def _send(_pdf: bytes) -> None:
    """A printer that takes every badge."""


@pytest.fixture
def ctx(event_db: Database) -> ActionContext:
    return ActionContext(db=event_db, desk="3", operator="op", user=ADMIN)


def _last_reprint(db: Database) -> dict[str, str]:
    with db.unit_of_work(write=False) as s:
        return audit_entries(s, action_prefix="badge.reprint")[0].detail  # type: ignore[return-value]


def _stored(db: Database) -> list[tuple[str, str | None]]:
    with db.unit_of_work(write=False) as s:
        return [(str(r.value), n) for r, n in s.execute(
            select(BadgePrint.reason, BadgePrint.note).order_by(BadgePrint.id)).all()]


def test_printer_fault_is_stored_as_such_and_keeps_the_code(ctx: ActionContext,
                                                            event_db: Database) -> None:
    p = add(event_db, "王芳")
    before = payload_of(event_db, p.id)
    done = desk_print.reprint_badge(ctx, person_id=p.id, reason="printer_fault", send=_send)
    assert done.value.reason == PrintReason.PRINTER_FAULT and done.value.note == ""
    assert payload_of(event_db, p.id) == before and count(event_db, RevokedBadge) == 0
    assert _stored(event_db) == [("printer_fault", None)]
    detail = _last_reprint(event_db)
    assert detail["reason"] == "printer_fault" and "note" not in detail and "cause" not in detail
    with event_db.unit_of_work(write=False) as s:
        who = s.execute(select(AuditEntry.actor, AuditEntry.desk)
                        .where(AuditEntry.action == "badge.reprint")).one()
    assert tuple(who) == ("op", "3")


def test_other_keeps_the_operators_words(ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "王芳")
    before = payload_of(event_db, p.id)
    done = desk_print.reprint_badge(ctx, person_id=p.id, reason="other",
                                    note="  改为 媒体证 ", send=_send)
    assert done.value.reason == PrintReason.OTHER and done.value.note == "改为 媒体证"
    assert payload_of(event_db, p.id) == before and count(event_db, RevokedBadge) == 0
    assert _stored(event_db) == [("other", "改为 媒体证")]
    assert _last_reprint(event_db) == {"code": done.value.people[0].badge_code,
                                       "reason": "other", "layout": "default",
                                       "note": "改为 媒体证"}


def test_a_note_is_kept_only_for_other(ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "王芳")
    desk_print.reprint_badge(ctx, person_id=p.id, reason="damaged", note="咖啡", send=_send)
    assert _stored(event_db) == [("damaged", None)]
    assert "note" not in _last_reprint(event_db)


@pytest.mark.parametrize("note", ["", "   ", "x" * 201])
def test_other_without_words_is_refused_and_nothing_printed(
        ctx: ActionContext, event_db: Database, note: str) -> None:
    p = add(event_db, "王芳")
    printed: list[bytes] = []
    with pytest.raises(ReprintNoteNeeded) as info:
        desk_print.reprint_badge(ctx, person_id=p.id, reason="other", note=note,
                                 send=printed.append)
    assert "200" in describe(info.value)
    assert printed == [] and count(event_db, BadgePrint) == 0


def test_lost_still_revokes(ctx: ActionContext,
                                                              event_db: Database) -> None:
    p = add(event_db, "王芳")
    before = payload_of(event_db, p.id)
    desk_print.reprint_badge(ctx, person_id=p.id, reason=PrintReason.LOST, send=_send)
    assert payload_of(event_db, p.id) != before and count(event_db, RevokedBadge) == 1
    assert _stored(event_db) == [("lost", None)]


def test_an_unknown_reason_is_refused(ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "王芳")
    for reason in ("first", "stolen"):
        with pytest.raises(ValueError, match="not a reprint reason"):
            desk_print.reprint_badge(ctx, person_id=p.id, reason=reason, send=_send)

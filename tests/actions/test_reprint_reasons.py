"""Reprint reasons beyond the stored keys (issue 13): printer fault and "other" (with the
operator's words) reprint with the same code, are stored as the key with that effect (damaged)
and keep the reason given in the audit entry; a reason the desk does not know is refused."""

from __future__ import annotations

import pytest

from eventdesk.actions import desk_print
from eventdesk.actions.base import ActionContext
from eventdesk.actions.desk_print import ReprintNoteNeeded
from eventdesk.domain import BadgePrint, PrintReason, RevokedBadge
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


def test_printer_fault_keeps_the_code_and_the_audit_says_why(ctx: ActionContext,
                                                             event_db: Database) -> None:
    p = add(event_db, "王芳")
    before = payload_of(event_db, p.id)
    done = desk_print.reprint_badge(ctx, person_id=p.id, reason="printer_fault", send=_send)
    assert done.value.reason == PrintReason.DAMAGED and done.value.cause == "printer_fault"
    assert payload_of(event_db, p.id) == before and count(event_db, RevokedBadge) == 0
    detail = _last_reprint(event_db)
    assert detail["reason"] == "damaged" and detail["cause"] == "printer_fault"


def test_other_keeps_the_operators_words(ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "王芳")
    done = desk_print.reprint_badge(ctx, person_id=p.id, reason="other",
                                    note="  改为 媒体证 ", send=_send)
    assert done.value.note == "改为 媒体证"
    assert _last_reprint(event_db) == {"code": done.value.people[0].badge_code,
                                       "reason": "damaged", "layout": "default",
                                       "cause": "other", "note": "改为 媒体证"}


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


def test_lost_still_revokes_and_stored_reasons_have_no_cause(ctx: ActionContext,
                                                              event_db: Database) -> None:
    p = add(event_db, "王芳")
    before = payload_of(event_db, p.id)
    desk_print.reprint_badge(ctx, person_id=p.id, reason=PrintReason.LOST, send=_send)
    assert payload_of(event_db, p.id) != before and count(event_db, RevokedBadge) == 1
    assert "cause" not in _last_reprint(event_db)


def test_an_unknown_reason_is_refused(ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "王芳")
    for reason in ("first", "stolen"):
        with pytest.raises(ValueError, match="not a reprint reason"):
            desk_print.reprint_badge(ctx, person_id=p.id, reason=reason, send=_send)

"""The desk's actions on a real SQLite file, with real badge rendering: scans, check-ins, undo,
walk-ins, prints and reprints (the lost-badge reprint changes nothing when the printer fails),
exhibitor pick-up, and the desk's words."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventdesk import messages
from eventdesk.actions import desk as desk_actions
from eventdesk.actions import desk_print
from eventdesk.actions.base import ActionContext, Topic
from eventdesk.domain import BadgePrint, CheckIn, PrintReason, RevokedBadge
from eventdesk.domain.errors import DomainError
from eventdesk.messages.desk import desk_label, result_sentence
from eventdesk.services import exhibitors, people
from eventdesk.services.badges.desk import BadgeChanged, revoke_badge
from eventdesk.services.checkin import CheckInResult
from eventdesk.services.desk import QuotaExceeded
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from tests.accounts import ADMIN
from tests.audit_trail import audit_entries
from tests.pdf.badge_samples import decoded, pages
from tests.services.checkin_cases import add, count, payload_of


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    before = messages.language()
    messages.set_language("zh")
    yield
    messages.set_language(before)


@pytest.fixture
def ctx(event_db: Database) -> ActionContext:
    return ActionContext(db=event_db, desk="3", operator="op", user=ADMIN)


class Printer:
    """A `send` that keeps what it was given, or refuses like a jammed printer."""

    def __init__(self, *, fails: bool = False) -> None:
        self.fails = fails
        self.jobs: list[bytes] = []

    def __call__(self, pdf: bytes) -> None:
        if self.fails:
            raise OSError("printer jammed")
        self.jobs.append(pdf)

    def payloads(self) -> list[str]:
        return [text for job in self.jobs for page in pages(job) for text in decoded(page)]


def words(result: CheckInResult) -> str:
    return result_sentence(result=result.result, code=result.code, params=dict(result.params))


def test_scan_green_amber_red_with_rows_counts_and_topics(ctx: ActionContext,
                                                          event_db: Database) -> None:
    p = add(event_db, "张伟", company="阿丘科技")
    payload = payload_of(event_db, p.id)
    first = desk_actions.scan(ctx, payload=payload)
    assert first.value.result.result == "checked_in" and first.changes == {Topic.CHECKINS}
    assert first.value.row is not None and first.value.row.checked_in is not None
    assert first.value.checked_in_today == 1
    assert words(first.value.result) == "张伟 签到成功"
    again = desk_actions.scan(ActionContext(db=event_db, desk="5", operator="op", user=ADMIN),
                              payload=payload.lower())
    assert again.value.result.result == "already_checked_in" and not again.changes
    assert "在 3 号台签到" in words(again.value.result)
    forged = desk_actions.scan(ctx, payload=payload[:-1] + ("A" if payload[-1] != "A" else "B"))
    assert (forged.value.result.result, forged.value.result.reason) == ("rejected", "forged")
    assert forged.value.row is None and not forged.changes
    assert words(forged.value.result).startswith("拒绝：") and "伪造" in words(forged.value.result)
    assert count(event_db) == 1


def test_foreign_code_ask_reject_accept(ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "赵敏", external_ref="REG-7")
    asked = desk_actions.scan(ctx, payload="reg-7").value.result
    assert asked.result == "confirm" and asked.person is not None and asked.person.id == p.id
    refused = desk_actions.scan(ctx, payload="REG-7", foreign="reject").value.result
    assert (refused.result, refused.reason) == ("rejected", "unknown")
    assert "--accept-external" in words(refused) and "赵敏" in words(refused)
    with event_db.unit_of_work(write=False) as s:
        assert [r.detail.get("external_ref_match") for r in
                audit_entries(s, action_prefix="checkin.rejected")] == [True]
    assert count(event_db) == 0
    taken = desk_actions.scan(ctx, payload="REG-7", foreign="accept")
    assert taken.value.result.result == "checked_in" and count(event_db) == 1


def test_check_in_by_id_then_undo(ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "李娜")
    done = desk_actions.check_in(ctx, person_id=p.id)
    assert done.value.result.result == "checked_in" and done.changes == {Topic.CHECKINS}
    undone = desk_actions.undo_check_in(ctx)
    assert undone.value.undone.person_name == "李娜" and undone.value.checked_in_today == 0
    assert undone.changes == {Topic.CHECKINS} and count(event_db) == 0
    with pytest.raises(DomainError) as info:
        desk_actions.undo_check_in(ctx)
    assert info.value.code == "desk.undo.nothing"
    assert messages.describe(info.value) == "本台最近 5 分钟内没有可撤销的签到"


def test_walk_in_duplicates_first_then_quota_then_override(ctx: ActionContext,
                                                           event_db: Database) -> None:
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="中科可控信息产业有限公司", hall="A1", booth="A1-101", staff_quota=1),
            operator="t")
    add(event_db, "李齐", phone="13800000001", exhibitor_id=ex.id, category="exhibitor",
        company=ex.name_zh)
    dup = desk_actions.register_walk_in(ctx, data=PersonInput(name="新人", phone="13800000001"))
    assert [(d.person.name, d.why) for d in dup.value.duplicates] == [("李齐", "phone")]
    assert dup.value.checked_in is None and not dup.changes and len(_people(event_db)) == 1
    staff = PersonInput(name="王五", exhibitor_id=ex.id, category="exhibitor", company=ex.name_zh)
    with pytest.raises(QuotaExceeded) as info:
        desk_actions.register_walk_in(ctx, data=staff)
    assert messages.describe(info.value) == (
        "中科可控信息产业有限公司 的人员名额为 1，已登记 1 人；超出名额需主办方确认")
    assert len(_people(event_db)) == 1
    done = desk_actions.register_walk_in(ctx, data=staff, override_quota=True)
    assert done.value.checked_in is not None
    assert done.value.checked_in.result.result == "checked_in"
    assert done.changes == {Topic.PEOPLE, Topic.CHECKINS}
    again = desk_actions.register_walk_in(ctx, data=PersonInput(name="新人", phone="13800000001"),
                                          new_person=True)
    assert again.value.checked_in is not None and len(_people(event_db)) == 3
    with event_db.unit_of_work(write=False) as s:
        override = audit_entries(s, action_prefix="exhibitor.quota_override")
        assert override[0].detail["quota"] == 1


def test_print_then_lost_reprint_revokes_only_after_the_printer_accepted(
        ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "陈晨")
    old = payload_of(event_db, p.id)
    printer = Printer()
    first = desk_print.print_badge(ctx, person_id=p.id, send=printer)
    assert first.value.print_count == 1 and first.changes == {Topic.PRINTS}
    assert printer.payloads() == [old]
    lost = desk_print.reprint_badge(ctx, person_id=p.id, reason=PrintReason.LOST, send=printer)
    new = payload_of(event_db, p.id)
    assert new != old and printer.payloads() == [old, new]  # the badge printed is the stored one
    assert lost.value.print_count == 2 and lost.value.rows[0].print_count == 2
    assert lost.changes == {Topic.PRINTS, Topic.PEOPLE}
    assert desk_actions.scan(ctx, payload=old).value.result.reason == "revoked"
    assert desk_actions.scan(ctx, payload=new).value.result.result == "checked_in"
    with event_db.unit_of_work(write=False) as s:
        reprints = audit_entries(s, action_prefix="badge.reprint")
        assert [r.detail["reason"] for r in reprints] == ["lost"]


def test_lost_reprint_whose_printer_fails_leaves_the_old_badge_valid(
        ctx: ActionContext, event_db: Database) -> None:
    """The drift bug: the old code used to be revoked (and committed) before printing, so a
    failing printer left the person holding a void badge."""
    p = add(event_db, "周杰")
    old = payload_of(event_db, p.id)
    desk_print.print_badge(ctx, person_id=p.id, send=Printer())
    with pytest.raises(OSError, match="jammed"):
        desk_print.reprint_badge(ctx, person_id=p.id, reason=PrintReason.LOST,
                                 send=Printer(fails=True))
    assert payload_of(event_db, p.id) == old
    assert count(event_db, RevokedBadge) == 0 and count(event_db, BadgePrint) == 1
    scanned = desk_actions.scan(ctx, payload=old).value.result
    assert scanned.result == "checked_in" and scanned.person is not None
    assert scanned.person.id == p.id


def test_lost_reprint_loses_to_another_desks_reprint(ctx: ActionContext,
                                                     event_db: Database) -> None:
    """Two desks reprint the same lost badge: the one that stores second is told, and the
    code stored is the one the first desk printed."""
    p = add(event_db, "并发")

    def other_desk_first(_pdf: bytes) -> None:
        with event_db.unit_of_work() as s:
            revoke_badge(s, person_id=p.id, reason=PrintReason.LOST, desk="5", operator="b")

    with pytest.raises(BadgeChanged) as info:
        desk_print.reprint_badge(ctx, person_id=p.id, reason=PrintReason.LOST,
                                 send=other_desk_first)
    assert "并发" in messages.describe(info.value)
    assert count(event_db, RevokedBadge) == 1 and count(event_db, BadgePrint) == 0


def test_damaged_reprint_keeps_the_code(ctx: ActionContext, event_db: Database) -> None:
    p = add(event_db, "王芳")
    old = payload_of(event_db, p.id)
    printer = Printer()
    done = desk_print.reprint_badge(ctx, person_id=p.id, reason=PrintReason.DAMAGED,
                                    send=printer)
    assert done.changes == {Topic.PRINTS} and printer.payloads() == [old]
    assert payload_of(event_db, p.id) == old and count(event_db, CheckIn) == 0


def test_pickup_prints_missing_in_one_job_then_hands_the_pack(ctx: ActionContext,
                                                              event_db: Database) -> None:
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="寒武纪", hall="B2", booth="B2-01", staff_quota=5), operator="t")
    staff = [add(event_db, n, exhibitor_id=ex.id, category="exhibitor", company="寒武纪")
             for n in ("甲", "乙")]
    printer = Printer()
    desk_print.print_badge(ctx, person_id=staff[0].id, send=printer)
    state = desk_print.print_missing_for_pickup(ctx, exhibitor_id=ex.id, send=printer).value
    assert len(printer.jobs) == 2 and printer.payloads()[-1] == payload_of(event_db, staff[1].id)
    assert not state.missing_prints
    failing = desk_print.print_missing_for_pickup(ctx, exhibitor_id=ex.id,
                                                  send=Printer(fails=True))
    assert not failing.changes  # nothing was missing: nothing sent
    handed = desk_print.collect_pack(ctx, exhibitor_id=ex.id, collected_by="甲")
    assert handed.value.handed == 2
    assert all(x.collected_at for x in handed.value.state.staff)
    assert handed.changes == {Topic.PRINTS}


def test_desk_label_in_both_languages() -> None:
    assert desk_label("3") == "3 号台" and desk_label("东门") == "东门"
    messages.set_language("en")
    assert desk_label("3") == "desk 3" and desk_label("East gate") == "East gate"


def _people(db: Database) -> list[people.PersonRow]:
    with db.unit_of_work(write=False) as s:
        return people.list_people(s, limit=None)

"""Desk services beyond a check-in: result rows, walk-ins (duplicates, quota), exhibitor pick-up."""

from __future__ import annotations

import pytest

from eventdesk.domain import PrintReason
from eventdesk.services import desk, exhibitors, people
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.people import PersonInput, validate_person
from eventdesk.storage import Database
from tests.audit_trail import audit_entries


@pytest.fixture
def booth(event_db: Database) -> int:
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="昆山阿丘智能科技有限公司", short_name="阿丘科技", hall="A1", booth="A1-101",
            staff_quota=2), operator="t")
        for name in ("李齐", "王强"):
            people.create_person(s, operator="t", data=PersonInput(
                name=name, company=ex.name_zh, exhibitor_id=ex.id, category="exhibitor",
                phone="13800000001" if name == "李齐" else "", email="wq@aqrose.com"
                if name == "王强" else ""))
    return ex.id


def test_duplicates_by_phone_email_and_name_company(event_db: Database, booth: int) -> None:
    with event_db.unit_of_work(write=False) as s:
        def why(**kw: str) -> list[tuple[str, str]]:
            data = validate_person(PersonInput(**kw))  # type: ignore[arg-type]
            return [(d.person.name, d.why) for d in desk.likely_duplicates(s, data=data)]

        assert why(name="新人", phone="+86 138 0000 0001") == [("李齐", "phone")]
        assert why(name="新人", email="WQ@aqrose.com") == [("王强", "email")]
        assert why(name="李齐", company="昆山阿丘智能科技有限公司") == [("李齐", "name_company")]
        assert why(name="李齐", company="别的公司") == []


def test_walk_in_quota_needs_override_and_is_audited(event_db: Database, booth: int) -> None:
    data = PersonInput(name="赵六", exhibitor_id=booth, category="exhibitor",
                       company="昆山阿丘智能科技有限公司")
    with pytest.raises(desk.QuotaExceeded), event_db.unit_of_work() as s:
        desk.register_walk_in(s, data=data, desk="1", operator="op")
    with event_db.unit_of_work() as s:
        result = desk.register_walk_in(s, data=data, desk="1", operator="organiser",
                                       override_quota=True)
    assert result.result == "checked_in" and result.person and result.person.name == "赵六"
    with event_db.unit_of_work(write=False) as s:
        assert audit_entries(s, action_prefix="exhibitor.quota_override")
        rows = desk.desk_search(s, query="zl")
        assert rows[0].checked_in is not None and rows[0].print_count == 0


def test_pickup_print_missing_then_collect(event_db: Database, booth: int) -> None:
    with event_db.unit_of_work() as s:
        state = desk_badges.pickup_state(s, exhibitor_id=booth)
        assert [p.name for p in state.missing_prints] == ["李齐", "王强"]
        assert desk_badges.mark_pack_collected(s, exhibitor_id=booth, desk="1", operator="o") == 0
        for p in state.missing_prints:
            desk_badges.record_print(s, person_id=p.id, desk="1", operator="o", layout="default")
        assert desk_badges.mark_pack_collected(s, exhibitor_id=booth, desk="1", operator="o",
                                               collected_by="李齐") == 2
    with event_db.unit_of_work(write=False) as s:
        state = desk_badges.pickup_state(s, exhibitor_id=booth)
        assert state.staff and all(x.collected_at for x in state.staff)
        assert not state.missing_prints
        assert desk_badges.print_counts(s, person_ids=[x.person.id for x in state.staff]) \
            == {x.person.id: 1 for x in state.staff}


def test_reprint_reasons_are_logged(event_db: Database, booth: int) -> None:
    with event_db.unit_of_work() as s:
        pid = desk_badges.pickup_state(s, exhibitor_id=booth).staff[0].person.id
        desk_badges.record_print(s, person_id=pid, desk="1", operator="o", layout="default")
        rec = desk_badges.record_print(s, person_id=pid, desk="1", operator="o",
                                       layout="default", reason=PrintReason.DAMAGED)
        assert rec.print_count == 2
        reprints = audit_entries(s, action_prefix="badge.reprint")
        assert [r.detail["reason"] for r in reprints] == ["damaged"]

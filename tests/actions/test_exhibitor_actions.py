"""The exhibitor actions (issue 13): figures and staff as the user may see them, and the pack
collector's phone masked for desk staff in the pick-up state, as every contact is."""

from __future__ import annotations

import pytest

from eventdesk.actions import desk_print
from eventdesk.actions import exhibitors as exhibitor_actions
from eventdesk.actions.base import ActionContext, Topic
from eventdesk.domain.errors import ValidationFailed
from eventdesk.services.badges import desk as desk_badges
from eventdesk.storage import Database
from tests.accounts import ADMIN, DESK, ORGANISER
from tests.audit_trail import audit_entries
from tests.exhibitor_cases import build_fair


@pytest.fixture
def fair(event_db: Database) -> dict[str, int]:
    ids = build_fair(event_db)
    with event_db.unit_of_work() as s:
        for pid in (ids["a"], ids["b"]):
            desk_badges.record_print(s, person_id=pid, desk="1", operator="o",
                                     layout="default")
    return ids


def test_collect_pack_records_collector_and_masks_the_phone_for_desk_staff(
        event_db: Database, fair: dict[str, int]) -> None:
    desk = ActionContext(db=event_db, desk="东门", operator="desk1", user=DESK)
    with pytest.raises(ValidationFailed):
        desk_print.collect_pack(desk, exhibitor_id=fair["over"], collected_by="  ")
    handed = desk_print.collect_pack(desk, exhibitor_id=fair["over"], collected_by="王芳",
                                     collector_phone="139 1234 5678")
    assert handed.value.handed == 2 and handed.changes == {Topic.PRINTS}
    pickup = handed.value.state.exhibitor.pickup
    assert pickup is not None and (pickup.collected_by, pickup.phone, pickup.badges) \
        == ("王芳", "139****5678", 2)
    organiser = ActionContext(db=event_db, desk="", operator="org", user=ORGANISER)
    shown = desk_print.pickup_state(organiser, exhibitor_id=fair["over"]).value.exhibitor.pickup
    assert shown is not None and shown.phone == "13912345678"
    with event_db.unit_of_work(write=False) as s:
        [entry] = audit_entries(s, action_prefix="badge.pack_collected")
    assert entry.detail["collected_by"] == "王芳"
    assert entry.detail["collector_phone"] == "13912345678"


def test_list_and_staff_as_the_user_may_see_them(event_db: Database,
                                                 fair: dict[str, int]) -> None:
    ctx = ActionContext(db=event_db, desk="", operator="admin", user=ADMIN)
    listed = exhibitor_actions.list_figures(ctx, flag="over_quota").value
    assert [r.id for r in listed.rows] == [fair["over"]] and listed.total == 1
    assert listed.timezone == "Asia/Shanghai" and len(listed.today) == 10
    shown = exhibitor_actions.staff_of(ctx, exhibitor_id=fair["over"]).value
    assert shown.exhibitor.over_quota == 1
    assert {m.person.name for m in shown.staff if m.print_count} == {"甲", "乙"}

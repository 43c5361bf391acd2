"""The edit forms' save actions (people, exhibitors) on both database backends: what they write,
the topics they announce, and that another desk's change to the same field refuses the save."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventdesk.actions.base import ActionContext, Topic
from eventdesk.actions.records import save_exhibitor, save_person
from eventdesk.services import exhibitors, people
from eventdesk.services.edits import EditConflict
from eventdesk.services.exhibitors import ExhibitorInput
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from tests.accounts import ADMIN


@pytest.fixture
def ctx(event_db: Database) -> ActionContext:
    return ActionContext(db=event_db, desk="3", operator="op", user=ADMIN)


def test_save_person_registers_then_edits(ctx: ActionContext) -> None:
    made = save_person(ctx, data=PersonInput(name="李新", phone="13800001111"), base=None)
    assert made.changes == {Topic.PEOPLE} and made.value.badge_code
    edited = save_person(ctx, data=replace(people.as_input(made.value), title="经理"),
                         base=made.value)
    assert edited.value.id == made.value.id and edited.value.title == "经理"
    with ctx.db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=made.value.id).title == "经理"


def test_save_person_refuses_a_field_changed_meanwhile(ctx: ActionContext) -> None:
    base = save_person(ctx, data=PersonInput(name="张伟"), base=None).value
    save_person(ctx, data=replace(people.as_input(base), title="总经理"), base=base)
    with pytest.raises(EditConflict):  # this form still shows the title as it was
        save_person(ctx, data=replace(people.as_input(base), title="经理"), base=base)
    with ctx.db.unit_of_work(write=False) as s:
        assert people.get_person(s, person_id=base.id).title == "总经理"


def test_save_exhibitor_announces_people_too(ctx: ActionContext) -> None:
    made = save_exhibitor(ctx, data=ExhibitorInput(name_zh="昆山阿丘智能科技有限公司"), base=None)
    assert made.changes == {Topic.EXHIBITORS, Topic.PEOPLE}
    edited = save_exhibitor(ctx, data=replace(exhibitors.as_input(made.value), booth="A1-101"),
                            base=made.value)
    with ctx.db.unit_of_work(write=False) as s:
        assert exhibitors.get_exhibitor(s, exhibitor_id=edited.value.id).booth == "A1-101"

"""Contacts by role (issue 12, PIPL): desk and print staff, and nobody signed in, see phones as
138****5678 and e-mails as l***@example.com in every action's result; organisers and admins see
them whole. Searching by a phone's last digits still finds the person for everyone, and a form
saved from a masked row never writes the masked text over the stored number."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventdesk.actions import desk as desk_actions
from eventdesk.actions import desk_print
from eventdesk.actions.base import ActionContext
from eventdesk.actions.people import find_people, person_detail
from eventdesk.actions.records import save_exhibitor, save_person
from eventdesk.domain import UserRole
from eventdesk.domain.access import ROLE_PERMISSIONS, Permission, Principal
from eventdesk.domain.contact import mask_email, mask_phone
from eventdesk.services import exhibitors, people
from eventdesk.services.exhibitors import ExhibitorInput
from eventdesk.services.people import PersonInput, PersonRow
from eventdesk.storage import Database
from tests.users import ADMIN, DESK, ORGANISER, PRINT

PHONE, EMAIL = "13812345678", "liwei@example.com"
MASKED_PHONE, MASKED_EMAIL = "138****5678", "l***@example.com"
HIDDEN = [DESK, PRINT, None]
SHOWN = [ORGANISER, ADMIN]


def role_id(user: Principal | None) -> str:
    return user.role.value if user is not None else "nobody"


@pytest.fixture
def ids(event_db: Database) -> dict[str, int]:
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, operator="t", data=ExhibitorInput(
            name_zh="昆山光合科技有限公司", short_name="光合", booth="A1-101",
            contact_name="王芳", contact_phone="13900001111", contact_email="wangfang@guanghe.cn"))
        li = people.create_person(s, operator="t", data=PersonInput(
            name="李伟", company="昆山光合科技有限公司", exhibitor_id=ex.id, phone=PHONE,
            email=EMAIL, category="exhibitor"))
    return {"exhibitor": ex.id, "person": li.id}


def ctx_of(db: Database, user: Principal | None) -> ActionContext:
    return ActionContext(db=db, desk="desk-1", operator="t", user=user)


def assert_hidden(row: PersonRow) -> None:
    assert (row.phone, row.email, row.contacts_masked) == (MASKED_PHONE, MASKED_EMAIL, True)


def assert_shown(row: PersonRow) -> None:
    assert (row.phone, row.email, row.contacts_masked) == (PHONE, EMAIL, False)


def test_the_mask_keeps_what_a_person_needs_to_confirm() -> None:
    assert mask_phone(PHONE) == MASKED_PHONE and mask_email(EMAIL) == MASKED_EMAIL
    assert mask_phone("0512-57001234") == "051*****1234"
    assert mask_phone("12345") == "*****"  # too short to keep anything
    assert mask_phone(MASKED_PHONE) == MASKED_PHONE and mask_email(MASKED_EMAIL) == MASKED_EMAIL
    assert mask_phone("") == "" and mask_email("") == ""


# The roles that work at a desk (search and check in); print staff and nobody signed in are
# refused there (tests/actions/test_roles.py).
@pytest.mark.parametrize("user", [DESK, *SHOWN], ids=role_id)
def test_desk_search_by_phone_tail_finds_and_masks_by_role(
        event_db: Database, ids: dict[str, int], user: Principal | None) -> None:
    ctx = ctx_of(event_db, user)
    (row,) = desk_actions.search(ctx, query="5678").value  # matching uses the real number
    assert row.person.id == ids["person"]
    (again,) = desk_actions.rows_of(ctx, person_ids=[ids["person"]]).value
    checked = desk_actions.check_in(ctx, person_id=ids["person"]).value
    assert checked.result.person is not None and checked.row is not None
    shown = [row.person, again.person, checked.result.person, checked.row.person]
    for person in shown:
        (assert_shown if user in SHOWN else assert_hidden)(person)
    latest = desk_actions.latest_at_desk(ctx).value
    assert latest is not None and latest.row is not None
    (assert_shown if user in SHOWN else assert_hidden)(latest.row.person)


@pytest.mark.parametrize("user", [DESK, ORGANISER], ids=role_id)
def test_walk_in_duplicates_and_exhibitor_contacts_by_role(
        event_db: Database, ids: dict[str, int], user: Principal) -> None:
    ctx = ctx_of(event_db, user)
    walk_in = desk_actions.register_walk_in(ctx, data=PersonInput(name="李伟二", phone=PHONE))
    (dup,) = walk_in.value.duplicates
    (found,) = desk_actions.find_exhibitors(ctx, query="光合").value
    state = desk_print.pickup_state(ctx, exhibitor_id=ids["exhibitor"]).value
    if user is DESK:
        assert_hidden(dup.person)
        assert_hidden(state.staff[0].person)
        for ex in (found, state.exhibitor):
            assert (ex.contact_phone, ex.contact_email) == ("139****1111", "w***@guanghe.cn")
            assert ex.contact_name == "王芳"  # a name to ask for at the booth is not hidden
    else:
        assert_shown(dup.person)
        assert_shown(state.staff[0].person)
        assert (found.contact_phone, state.exhibitor.contact_email) == (
            "13900001111", "wangfang@guanghe.cn")


@pytest.mark.parametrize("user", [DESK, PRINT, ORGANISER], ids=role_id)
def test_people_lookup_and_detail_by_role(event_db: Database, ids: dict[str, int],
                                          user: Principal) -> None:
    ctx = ctx_of(event_db, user)
    (listed,), _tz = find_people(ctx).value
    (searched,), _tz = find_people(ctx, query="李伟 5678").value
    detail = person_detail(ctx, person_id=ids["person"]).value
    for row in (listed, searched, detail):
        if user is ORGANISER:
            assert_shown(row)
            assert row.qr_payload.startswith("ED2.TEST.")
        else:
            assert_hidden(row)
            assert row.qr_payload == ""  # a payload admits its holder: not for a list


def test_people_lookup_needs_someone_signed_in(event_db: Database, ids: dict[str, int]) -> None:
    from eventdesk.domain.errors import NotSignedIn

    with pytest.raises(NotSignedIn):
        find_people(ctx_of(event_db, None))


@pytest.fixture
def desk_may_edit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A role that may edit people and exhibitors without seeing contacts (none has today; the
    roles table may change, and nobody-signed-in windows existed before sign-in)."""
    monkeypatch.setitem(ROLE_PERMISSIONS, UserRole.DESK, ROLE_PERMISSIONS[UserRole.DESK] | {
        Permission.EDIT_PEOPLE, Permission.EDIT_EXHIBITORS})


@pytest.mark.usefixtures("desk_may_edit")
def test_saving_a_masked_form_keeps_the_stored_contacts(event_db: Database,
                                                        ids: dict[str, int]) -> None:
    ctx = ctx_of(event_db, DESK)
    masked = person_detail(ctx, person_id=ids["person"]).value
    assert_hidden(masked)
    # What the form sends: every field as shown (masked contacts included), the title edited.
    typed = replace(people.as_input(masked), title="总监")
    saved = save_person(ctx, data=typed, base=masked).value
    assert saved.title == "总监"
    assert_hidden(saved)
    # Even a real-looking number typed by a user who may not see contacts is not written.
    save_person(ctx, data=replace(typed, phone="13999999999"), base=saved)
    with event_db.unit_of_work(write=False) as s:
        stored = people.get_person(s, person_id=ids["person"])
    assert (stored.title, stored.phone, stored.email) == ("总监", PHONE, EMAIL)
    # An organiser changes the phone as before.
    organiser = ctx_of(event_db, ORGANISER)
    row = person_detail(organiser, person_id=ids["person"]).value
    changed = save_person(organiser, data=replace(people.as_input(row), phone="13700001234"),
                          base=row).value
    assert changed.phone == "13700001234"


@pytest.mark.usefixtures("desk_may_edit")
def test_saving_a_masked_exhibitor_keeps_its_contacts(event_db: Database,
                                                      ids: dict[str, int]) -> None:
    ctx = ctx_of(event_db, DESK)
    (shown,) = desk_actions.find_exhibitors(ctx, query="光合").value
    assert shown.contacts_masked
    saved = save_exhibitor(ctx, data=replace(exhibitors.as_input(shown), sector="芯片"),
                           base=shown).value
    assert saved.sector == "芯片" and saved.contacts_masked
    with event_db.unit_of_work(write=False) as s:
        stored = exhibitors.get_exhibitor(s, exhibitor_id=ids["exhibitor"])
    assert (stored.contact_phone, stored.contact_email) == ("13900001111", "wangfang@guanghe.cn")

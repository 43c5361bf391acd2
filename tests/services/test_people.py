from __future__ import annotations

from eventdesk.storage import Database
from tests.services import people_cases as cases


def test_create_validate_and_update(event_db: Database) -> None:
    cases.case_create_validate_and_update(event_db)


def test_search_ranks_and_matches_forms(event_db: Database) -> None:
    cases.case_search_ranks_and_matches_forms(event_db)


def test_exhibitor_staff_count(event_db: Database) -> None:
    cases.case_exhibitor_staff_count(event_db)


def test_failed_action_leaves_database_as_before(event_db: Database) -> None:
    from eventdesk.services import people

    cases.add(event_db, "王芳")
    try:
        with event_db.unit_of_work() as s:
            people.create_person(s, data=people.PersonInput(name="李雷"), operator="t")
            raise RuntimeError("crash mid-action")
    except RuntimeError:
        pass
    with event_db.unit_of_work(write=False) as s:
        assert [r.name for r in people.list_people(s)] == ["王芳"]


def test_short_name_change_reindexes_staff(event_db: Database) -> None:
    cases.case_short_name_change_reindexes_staff(event_db)


def test_two_desks_edit_one_person(event_db: Database) -> None:
    cases.case_two_desks_edit_one_person(event_db)


def test_two_desks_edit_one_exhibitor(event_db: Database) -> None:
    cases.case_two_desks_edit_one_exhibitor(event_db)


def test_two_saves_at_the_same_moment(event_db: Database) -> None:
    cases.case_two_saves_at_the_same_moment(event_db)

from __future__ import annotations

import pytest

from eventdesk.storage import Database
from tests.services import people_cases as cases

pytestmark = [pytest.mark.pg, pytest.mark.xdist_group("pg")]


def test_create_validate_and_update(pg_event_db: Database) -> None:
    cases.case_create_validate_and_update(pg_event_db)


def test_search_ranks_and_matches_forms(pg_event_db: Database) -> None:
    cases.case_search_ranks_and_matches_forms(pg_event_db)


def test_exhibitor_staff_count(pg_event_db: Database) -> None:
    cases.case_exhibitor_staff_count(pg_event_db)

"""actions.stats: the dashboard needs Permission.DASHBOARD; phones are masked without
SEE_CONTACTS; an export is written whole, formula-guarded, and audited."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from eventdesk.actions import stats as stats_actions
from eventdesk.actions.base import ActionContext
from eventdesk.actions.stats import FigureTable
from eventdesk.domain import AuditEntry
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import UserRole
from eventdesk.domain.errors import Forbidden, NotSignedIn
from eventdesk.storage import Database
from tests.stats_data import D1, build


def ctx(db: Database, role: UserRole | None) -> ActionContext:
    user = Principal(role.value, role) if role else None
    return ActionContext(db=db, desk="desk-1", operator="admin", user=user)


def test_roles(db: Database) -> None:
    build(db)
    with pytest.raises(NotSignedIn):
        stats_actions.dashboard(ctx(db, None))
    for role in (UserRole.DESK, UserRole.PRINT):
        with pytest.raises(Forbidden):
            stats_actions.dashboard(ctx(db, role))
    organiser = stats_actions.dashboard(ctx(db, UserRole.ORGANISER), day=D1).value
    assert organiser.day == D1 and organiser.exhibitors_without_arrivals
    assert {e.contact_phone for e in organiser.exhibitors_without_arrivals} == {"13812345678"}


def test_phones_masked_without_see_contacts(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    build(db)
    from eventdesk.domain import access

    # A role that may watch the dashboard but not see contacts (none in today's table).
    monkeypatch.setitem(access.ROLE_PERMISSIONS, UserRole.PRINT,
                        access.ROLE_PERMISSIONS[UserRole.PRINT] | {access.Permission.DASHBOARD})
    figures = stats_actions.dashboard(ctx(db, UserRole.PRINT)).value
    assert {e.contact_phone for e in figures.exhibitors_without_arrivals} == {"138****5678"}


def test_export_is_guarded_and_audited(db: Database, tmp_path: Path) -> None:
    build(db)
    table = FigureTable("exhibitors", ("展商", "电话"), (("=HYPERLINK(1)", "13812345678"),))
    out = tmp_path / "x.csv"
    assert stats_actions.export_table(ctx(db, UserRole.ORGANISER), table=table, out=out).value == 1
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["展商", "电话"] and rows[1][0].startswith("'=")
    with db.unit_of_work(write=False) as s:
        entry = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "export.dashboard_exhibitors")).one()
        assert json.loads(entry.detail) == {"fields": ["展商", "电话"], "count": 1}
    with pytest.raises(Forbidden):
        stats_actions.export_table(ctx(db, UserRole.DESK), table=table, out=tmp_path / "y.csv")
    assert not (tmp_path / "y.csv").exists()

"""`purge-personal-data` (issue 12): after the event names, phones, e-mails, badge codes and
exhibitor contacts are gone — from the database file's bytes too — while the anonymous figures
(people per category, check-ins per day and desk) are exactly what they were; admins only;
audited; the command line refuses without --yes when nobody can be asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from eventdesk.actions.base import ActionContext
from eventdesk.actions.purge import purge_personal_data
from eventdesk.cli import main
from eventdesk.domain import AuditEntry, Person
from eventdesk.domain.access import Principal
from eventdesk.domain.errors import Forbidden, NotSignedIn
from eventdesk.services import checkin, exhibitors
from eventdesk.services.exhibitors import ExhibitorInput
from eventdesk.services.imports import import_file
from eventdesk.services.purge import PURGED_NAME, figures
from eventdesk.storage import Database, to_url
from tests.accounts import CLI_PASSWORD, CLI_USER, add_cli_admin
from tests.users import ADMIN, DESK, ORGANISER

# Distinct enough that finding them in the file's bytes means they were not erased.
SECRETS = ("欧阳娜娜", "13877776543", "ouyang.nana@example.com", "REG-7788", "过敏：花生",
           "13566664321", "司马懿")
CSV = ("姓名,单位,手机,邮箱,类别,编号,备注\n"
       "欧阳娜娜,昆山光合科技有限公司,13877776543,ouyang.nana@example.com,展商,REG-7788,过敏：花生\n"
       "司马懿,魏国研究院,13566664321,,观众,,\n"
       "诸葛亮,蜀汉智库,,,嘉宾,,\n")


@pytest.fixture
def event(event_db: Database, tmp_path: Path) -> Database:
    with event_db.unit_of_work() as s:
        exhibitors.create_exhibitor(s, operator="t", data=ExhibitorInput(
            name_zh="昆山光合科技有限公司", short_name="光合", booth="A1-101",
            contact_name="司马懿", contact_phone="13566664321"))
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    with event_db.unit_of_work() as s:
        report = import_file(s, path=path, kind="people")
        assert report.created == 3 and not report.errors
    with event_db.unit_of_work() as s:
        for pid in s.scalars(select(Person.id).order_by(Person.id).limit(2)):
            checkin.check_in(s, person_id=pid, desk="desk-2", operator="t")
    return event_db


def file_bytes(db_path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))


@pytest.mark.parametrize("user", [DESK, ORGANISER, None], ids=["desk", "organiser", "nobody"])
def test_only_admins_purge(event: Database, user: Principal | None) -> None:
    with pytest.raises(NotSignedIn if user is None else Forbidden):
        purge_personal_data(ActionContext(event, user=user))
    with event.unit_of_work(write=False) as s:
        assert "欧阳娜娜" in s.scalars(select(Person.name)).all()


def test_purge_erases_personal_data_and_keeps_the_figures(event: Database, db_path: Path) -> None:
    if not event.is_sqlite:
        pytest.skip("reads the SQLite file's bytes")
    with event.unit_of_work(write=False) as s:
        before = figures(s)
    assert before.per_category == {"exhibitor": 1, "speaker": 1, "visitor": 1}
    assert sum(before.checkins_per_day.values()) == 2 and before.checkins_per_desk == {
        "desk-2": 2}
    raw = file_bytes(db_path)
    assert all(secret.encode() in raw for secret in SECRETS)  # the check below can fail

    done = purge_personal_data(ActionContext(event, user=ADMIN, desk="office")).value

    assert done.people == 3 and done.exhibitor_contacts == 1
    with event.unit_of_work(write=False) as s:
        assert figures(s) == before == done.before == done.after
        purged = s.scalars(select(Person)).all()
        assert {p.name for p in purged} == {PURGED_NAME}
        assert {(p.phone, p.email, p.external_ref, p.notes, p.title) for p in purged} == {
            ("", "", None, "", "")}
        # Exhibitor staff keep their company (business data); visitors do not.
        assert sorted(p.company for p in purged) == ["", "", "昆山光合科技有限公司"]
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "data.purged"))
        detail = json.loads(entry.detail)
        assert (detail["people"], detail["exhibitor_contacts"], detail["figures_kept"]) == (
            3, 1, True)
    raw = file_bytes(db_path)
    assert [secret for secret in SECRETS if secret.encode() in raw] == []


def test_cli_purge_refuses_without_yes_and_reports_with_it(
        event: Database, db_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_cli_admin(to_url(db_path))  # the command signs in as an admin
    monkeypatch.setenv("EVENTDESK_USER", CLI_USER)
    monkeypatch.setenv("EVENTDESK_PASSWORD", CLI_PASSWORD)
    # pytest's stdin is not a terminal: nobody can be asked.
    assert main(["purge-personal-data", "--db", str(db_path)]) == 2
    assert "--yes" in capsys.readouterr().err
    with event.unit_of_work(write=False) as s:
        assert "欧阳娜娜" in s.scalars(select(Person.name)).all()
    assert main(["purge-personal-data", "--db", str(db_path), "--yes", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["people"] == 3 and result["after"] == result["before"]
    assert result["after"]["per_category"] == {"exhibitor": 1, "speaker": 1, "visitor": 1}
    with event.unit_of_work(write=False) as s:
        assert set(s.scalars(select(Person.name))) == {PURGED_NAME}

"""Exports of personal data (issue 12): organisers only, the file's personal-data columns named,
every export audited (`export.<kind>`: fields, count, file name, format), signed badge payloads
only on request, and only consenting people when asked."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from eventdesk.actions.base import ActionContext
from eventdesk.actions.exports import export
from eventdesk.cli import main
from eventdesk.domain import AuditEntry
from eventdesk.domain.access import Principal
from eventdesk.domain.enums import Consent
from eventdesk.domain.errors import Forbidden, NotSignedIn
from eventdesk.domain.qr import looks_like_payload
from eventdesk.services import people
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database
from tests.users import ADMIN, DESK, ORGANISER, PRINT


@pytest.fixture
def filled(event_db: Database) -> Database:
    with event_db.unit_of_work() as s:
        people.create_person(s, operator="t", data=PersonInput(
            name="李伟", phone="13812345678", email="liwei@example.com", consent=Consent.GIVEN))
        people.create_person(s, operator="t", data=PersonInput(
            name="王芳", phone="13900001111", consent=Consent.REFUSED))
        people.create_person(s, operator="t", data=PersonInput(name="张伟"))
    return event_db


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def audits(db: Database, prefix: str = "export.") -> list[dict[str, object]]:
    with db.unit_of_work(write=False) as s:
        return [json.loads(e.detail) | {"action": e.action} for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action.startswith(prefix)).order_by(AuditEntry.id))]


@pytest.mark.parametrize("user", [DESK, PRINT, None], ids=["desk", "print", "nobody"])
@pytest.mark.parametrize("kind", ["people", "exhibitors", "checkins"])
def test_personal_data_exports_need_the_organiser_role(
        filled: Database, tmp_path: Path, user: Principal | None, kind: str) -> None:
    out = tmp_path / f"{kind}.csv"
    with pytest.raises(NotSignedIn if user is None else Forbidden) as info:
        export(ActionContext(filled, user=user), kind=kind, out=out)
    if user is not None:
        assert info.value.exit_code == 5 and info.value.params["needed"] == "organiser"
    assert not out.exists() and audits(filled) == []


def test_people_export_lists_its_fields_and_is_audited(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "people.xlsx"
    done = export(ActionContext(filled, user=ORGANISER, desk="office"), kind="people",
                  out=out).value
    assert done.count == 3 and out.exists()
    assert done.personal_fields == ("姓名", "英文名", "职务", "手机", "邮箱", "编号", "备注",
                                    "胸卡编号", "同意")
    (entry,) = audits(filled)
    assert entry == {"action": "export.people", "fields": list(done.personal_fields), "count": 3,
                     "file": "people.xlsx", "format": "xlsx", "with_payloads": False,
                     "consented_only": False}
    assert str(tmp_path) not in json.dumps(entry)  # the file's name, not where it was put


def test_payloads_only_on_request_and_consent_filter(filled: Database, tmp_path: Path) -> None:
    ctx = ActionContext(filled, user=ADMIN)
    plain = export(ctx, kind="people", out=tmp_path / "p.csv").value
    table = rows(plain.out)
    assert "二维码" not in table[0]
    assert not any(looks_like_payload(v) for r in table for v in r.values())
    assert {r["姓名"]: r["同意"] for r in table} == {"李伟": "given", "王芳": "refused",
                                                  "张伟": "unknown"}
    assert {r["手机"] for r in table} == {"13812345678", "13900001111", ""}  # admins see them
    with_payloads = export(ctx, kind="people", out=tmp_path / "q.csv",
                           with_payloads=True).value
    assert "二维码" in with_payloads.personal_fields
    assert all(r["二维码"].startswith("ED2.TEST.") for r in rows(with_payloads.out))
    consented = export(ctx, kind="people", out=tmp_path / "c.csv", consented_only=True).value
    assert [r["姓名"] for r in rows(consented.out)] == ["李伟"] and consented.count == 1
    assert [(a["with_payloads"], a["consented_only"], a["count"]) for a in audits(filled)] == [
        (False, False, 3), (True, False, 3), (False, True, 1)]


def test_exhibitor_and_checkin_exports_name_their_fields(filled: Database,
                                                         tmp_path: Path) -> None:
    ctx = ActionContext(filled, user=ORGANISER)
    ex = export(ctx, kind="exhibitors", out=tmp_path / "e.csv").value
    ci = export(ctx, kind="checkins", out=tmp_path / "c.csv").value
    assert ex.personal_fields == ("联系人", "联系电话", "联系邮箱")
    assert ci.personal_fields == ("姓名", "胸卡编号")
    assert [a["action"] for a in audits(filled)] == ["export.exhibitors", "export.checkins"]


def test_schedule_exports_are_not_personal_data_exports(filled: Database, tmp_path: Path) -> None:
    done = export(ActionContext(filled, user=ORGANISER), kind="schedule",
                  out=tmp_path / "s.csv").value
    assert done.personal_fields == ()


def test_cli_export_prints_the_personal_fields(filled: Database, db_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.cli import signin

    # The command signs in as an organiser (the password check itself: test_accounts_cli).
    monkeypatch.setattr(signin, "sign_in", lambda _args, _db, *, desk: ORGANISER)
    out = tmp_path / "people.csv"
    assert main(["export", "--db", str(db_path), "--kind", "people", "--out", str(out),
                 "--lang", "zh"]) == 0
    printed = capsys.readouterr().out
    fields = "姓名、英文名、职务、手机、邮箱、编号、备注、胸卡编号、同意"
    assert f"包含个人信息字段：{fields}（3 行）" in printed


def test_cli_export_refused_for_desk_staff(filled: Database, db_path: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.cli import signin

    monkeypatch.setattr(signin, "sign_in", lambda _args, _db, *, desk: DESK)
    out = tmp_path / "people.csv"
    assert main(["export", "--db", str(db_path), "--kind", "people", "--out", str(out)]) == 5
    assert not out.exists() and capsys.readouterr().err.count("\n") == 1

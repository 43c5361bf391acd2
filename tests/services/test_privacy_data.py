"""Consent imported from a list's column, and the purge, on every backend (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.actions.base import ActionContext
from eventdesk.actions.purge import purge_personal_data
from eventdesk.domain import Person
from eventdesk.domain.enums import Consent
from eventdesk.services import checkin
from eventdesk.services.imports import import_file
from eventdesk.services.purge import PURGED_NAME, figures
from eventdesk.storage import Database
from tests.users import ADMIN


def run(db: Database, path: Path, text: str):  # type: ignore[no-untyped-def]
    path.write_text(text, encoding="utf-8")
    with db.unit_of_work() as s:
        return import_file(s, path=path, kind="people")


def consents(db: Database) -> dict[str, tuple[Consent, bool]]:
    with db.unit_of_work(write=False) as s:
        return {p.name: (p.consent, p.consent_at is not None)
                for p in s.scalars(select(Person))}


@pytest.mark.parametrize("header", ["同意", "授权", "隐私同意", "Consent", "个人信息授权"])
def test_consent_column_is_read_in_chinese_and_english_words(
        event_db: Database, tmp_path: Path, header: str) -> None:
    report = run(event_db, tmp_path / "c.csv",
                 f"姓名,{header}\n张伟,是\n李娜,不同意\n王芳,Y\n赵六,0\n钱七,TRUE\n孙八,\n")
    assert report.created == 6 and not report.errors
    assert consents(event_db) == {
        "张伟": (Consent.GIVEN, True), "李娜": (Consent.REFUSED, True),
        "王芳": (Consent.GIVEN, True), "赵六": (Consent.REFUSED, True),
        "钱七": (Consent.GIVEN, True), "孙八": (Consent.UNKNOWN, False)}
    # A later list that says something else changes it; a blank cell never erases it.
    again = run(event_db, tmp_path / "d.csv", "姓名,同意\n张伟,否\n李娜,\n")
    assert again.updated == 1
    assert consents(event_db)["张伟"] == (Consent.REFUSED, True)
    assert consents(event_db)["李娜"] == (Consent.REFUSED, True)


def test_unreadable_consent_is_an_error_by_row_and_column_and_nothing_is_written(
        event_db: Database, tmp_path: Path) -> None:
    report = run(event_db, tmp_path / "bad.csv", "姓名,隐私同意\n张伟,是\n李娜,也许吧\n")
    assert [(e.row, e.column, e.value, e.code) for e in report.errors] == [
        (2, "隐私同意", "也许吧", "imports.people.unknown_consent")]
    assert report.rejected and report.created == 0
    with event_db.unit_of_work(write=False) as s:
        assert s.scalar(select(func.count(Person.id))) == 0


def test_purge_keeps_figures_and_erases_people(event_db: Database, tmp_path: Path) -> None:
    run(event_db, tmp_path / "p.csv", "姓名,手机,类别,同意\n张伟,13812345678,观众,是\n"
        "李娜,13900001111,媒体,否\n王芳,,嘉宾,\n")
    with event_db.unit_of_work() as s:
        for pid in s.scalars(select(Person.id).limit(2)):
            checkin.check_in(s, person_id=pid, desk="desk-1", operator="t")
    with event_db.unit_of_work(write=False) as s:
        before = figures(s)
        codes = set(s.scalars(select(Person.badge_code)))
    done = purge_personal_data(ActionContext(event_db, user=ADMIN)).value
    assert done.people == 3
    with event_db.unit_of_work(write=False) as s:
        assert figures(s) == before
        assert before.per_consent == {"given": 1, "refused": 1, "unknown": 1}
        people = s.execute(select(Person.name, Person.phone, Person.badge_code)).all()
    assert {(name, phone) for name, phone, _code in people} == {(PURGED_NAME, "")}
    assert not codes & {code for _name, _phone, code in people}  # no printed badge names anyone now

"""`eventdesk --db X --screenshot PNG --view people|exhibitors` renders the view and exits 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.services import exhibitors, people
from eventdesk.services.exhibitors import ExhibitorInput
from eventdesk.services.people import PersonInput
from eventdesk.storage import Database

SURNAMES = "张王李赵刘陈杨黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋"


@pytest.fixture
def small_event(event_db: Database, db_path: Path) -> Path:
    with event_db.unit_of_work() as s:
        exs = [exhibitors.create_exhibitor(s, data=ExhibitorInput(
            name_zh=f"昆山第{i}智能科技有限公司", short_name=f"智能{i}", hall=f"A{i % 3 + 1}",
            booth=f"A{i % 3 + 1}-{100 + i}", staff_quota=2), operator="t") for i in range(12)]
        for i in range(60):
            ex = exs[i % len(exs)] if i % 2 else None
            people.create_person(s, data=PersonInput(
                name=SURNAMES[i % 10] + GIVEN[(i * 3) % 10], company=ex.name_zh if ex else "观众",
                category="exhibitor" if ex else "visitor", exhibitor_id=ex.id if ex else None,
                phone=f"1380000{i:04d}"), operator="t")
    event_db.dispose()
    return db_path


@pytest.mark.parametrize("view", ["people", "exhibitors"])
def test_screenshot_of_view(small_event: Path, tmp_path: Path, view: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / f"{view}.png"
    assert main(["--db", str(small_event), "--screenshot", str(png), "--view", view]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # A rendered table with Chinese text and a filled form, not a blank window.
    assert png.stat().st_size > 60_000
    assert str(png) in capsys.readouterr().out  # "saved …" / "已保存截图 …"


def test_screenshot_of_missing_database_fails(tmp_path: Path) -> None:
    png = tmp_path / "x.png"
    assert main(["--db", str(tmp_path / "missing.sqlite3"), "--screenshot", str(png),
                 "--view", "people"]) == 2
    assert not png.exists()


def test_screenshot_shows_only_what_the_accounts_role_may_see(
        small_event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: the picture is the window of the signed-in account; a desk account's
    screenshot of the people view is refused (exit 5), its desk view renders."""
    from eventdesk.actions import accounts
    from eventdesk.actions.base import ActionContext
    from eventdesk.domain.enums import UserRole
    from eventdesk.storage import open_database, to_url
    from tests.accounts import ADMIN

    db = open_database(to_url(small_event))
    try:
        accounts.add_user(ActionContext(db=db, user=ADMIN), username="desk7",
                          role=UserRole.DESK, password="desk-seven-7")
    finally:
        db.dispose()
    monkeypatch.setenv("EVENTDESK_USER", "desk7")
    monkeypatch.setenv("EVENTDESK_PASSWORD", "desk-seven-7")
    png = tmp_path / "people.png"
    assert main(["--db", str(small_event), "--screenshot", str(png), "--view", "people"]) == 5
    assert not png.exists()
    assert "desk7" in capsys.readouterr().err
    desk = tmp_path / "desk.png"
    assert main(["--db", str(small_event), "--screenshot", str(desk), "--view", "desk"]) == 0
    assert desk.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

"""The import wizard plans and writes a list in a child process, not in the window's process
(issue 10, fault 8: planning 30,000 rows on a thread of the window's process stalled the desk's
typing for a second), with the same report; a Cancel while it plans writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from eventdesk.actions import imports as import_actions
from eventdesk.actions.base import ActionContext, Cancelled
from eventdesk.domain import Person
from eventdesk.services.events import get_event
from eventdesk.services.imports import engine
from eventdesk.storage import Database
from eventdesk.ui.context import AppContext
from eventdesk.ui.transfer.import_wizard import ImportWizard
from tests.users import ADMIN

TIMEOUT = 60_000


def people(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def test_the_wizard_imports_in_a_child_process(qtbot: QtBot, event_db: Database, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "名单.csv"
    path.write_text("姓名,单位,手机\n" + "".join(f"人{i},光合,137{i:08d}\n" for i in range(300)),
                    encoding="utf-8")
    planned_here: list[str] = []
    original = engine.plan

    def counted(*args: Any, **kw: Any) -> engine.Plan:
        planned_here.append(str(kw.get("path")))
        return original(*args, **kw)

    monkeypatch.setattr(engine, "plan", counted)
    with event_db.unit_of_work(write=False) as s:
        ctx = AppContext(event_db, get_event(s), "organiser", user=ADMIN)
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.preview is not None and wizard.file_page.isComplete(),
                    timeout=TIMEOUT)
    wizard.next()  # mapping
    wizard.next()  # dry run
    qtbot.waitUntil(lambda: wizard.dry_page.report is not None, timeout=TIMEOUT)
    assert wizard.dry_page.report is not None and wizard.dry_page.report.would_create == 300
    wizard.next()  # import
    qtbot.waitUntil(lambda: wizard.import_page.report is not None, timeout=TIMEOUT)
    assert wizard.import_page.report is not None and wizard.import_page.report.created == 300
    assert people(event_db) == 300
    assert planned_here == []  # neither the dry run nor the import planned in this process


def test_a_cancel_while_the_child_plans_writes_nothing(event_db: Database,
                                                       tmp_path: Path) -> None:
    from eventdesk.actions import import_process

    # Big enough that the child is still planning (seconds) when it hears of the Cancel given
    # at its first report (row 500).
    path = tmp_path / "big.csv"
    path.write_text("姓名,手机\n" + "".join(f"人{i},139{i:08d}\n" for i in range(20_000)),
                    encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        import_process.import_list(ActionContext(event_db),
                                   request=import_actions.ImportRequest(path=path, kind="people"),
                                   progress=cancel)
    assert people(event_db) == 0

"""A big badge run started in the Badges view renders in child processes, not in the window's
process: the window keeps its GIL and garbage collector for the desk's typing (issue 10, fault
8: typing lagged more than a second during a 29,720-badge run). The PDF holds every badge."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pytestqt.qtbot import QtBot

from eventdesk.actions import printing
from eventdesk.domain import Category
from eventdesk.pdf.render import BatchRenderer
from eventdesk.services.events import get_event
from eventdesk.services.people import PersonInput, create_person
from eventdesk.storage import Database
from tests.users import ADMIN

# (getattr: the test also runs, and fails, on the tree before the change)
IN_PROCESS_LIMIT: int = getattr(printing, "IN_PROCESS_LIMIT", 200)
VISITORS = IN_PROCESS_LIMIT + 10


def test_a_big_run_renders_outside_the_window_process(qtbot: QtBot, event_db: Database,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.ui import ops
    from eventdesk.ui.badges.view import create_view
    from eventdesk.ui.context import AppContext

    with event_db.unit_of_work() as s:
        for i in range(VISITORS):
            create_person(s, data=PersonInput(name=f"观众{i}", company="阿丘科技",
                                              category=Category.VISITOR), operator="t")
        create_person(s, data=PersonInput(name="李齐", category=Category.SPEAKER), operator="t")
        event = get_event(s)
    in_this_process: list[int] = []  # badges per render call made in the test's own process
    original = BatchRenderer.render

    def counted(self: BatchRenderer, badges: Sequence[Any], *args: Any, **kw: Any) -> Any:
        in_this_process.append(len(badges))
        return original(self, badges, *args, **kw)

    monkeypatch.setattr(BatchRenderer, "render", counted)
    view: Any = create_view(AppContext(event_db, event, "tester", user=ADMIN))
    qtbot.addWidget(view)
    view.show()
    view.category.setCurrentIndex(view.category.findData(Category.VISITOR))
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.count == VISITORS,
                    timeout=20_000)
    progress: list[int] = []
    view.progress.valueChanged.connect(progress.append)
    out = tmp_path / "visitors.pdf"
    view.start_run(out=out)
    qtbot.waitUntil(lambda: view.last_outcome is not None, timeout=120_000)
    ops.wait_idle()
    assert view.last_outcome.badges == VISITORS
    assert len(pdfium.PdfDocument(out.read_bytes())) == VISITORS  # a6: one badge a page
    assert all(n < IN_PROCESS_LIMIT for n in in_this_process)  # only previews rendered here
    assert progress and progress[-1] == view.progress.maximum()

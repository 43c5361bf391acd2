"""The batch badge view offers the event's own layouts (saved in the designer) and a run with one
of them prints that design."""

from __future__ import annotations

from pathlib import Path

from eventdesk.actions import layouts
from eventdesk.actions.base import ActionContext
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from tests.pdf.badge_samples import page_texts
from tests.services.people_cases import add
from tests.users import ADMIN


def test_a_run_from_the_badge_view_uses_the_event_layout(qtbot, event_db: Database,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    from eventdesk.ui.badges.view import BadgeView

    for name in ("张伟", "李娜"):
        add(event_db, name, category="visitor", company="阿丘科技")
    designed = layouts.copy_of_builtin("bold", new_name="kunshan")
    designed.document["variants"][0]["front"].append(
        {"type": "text", "text": "KUNSHAN-HALL-PASS", "box": [6, 142, 93, 5], "size": 8})
    layouts.save_layout(ActionContext(db=event_db, operator="organiser"), layout=designed)
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    view = BadgeView(AppContext(event_db, event, "printer", user=ADMIN))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.layout_box.findData("kunshan") >= 0, timeout=10_000)
    assert view.layout_box.itemText(view.layout_box.findData("kunshan")).endswith("★")
    view.layout_box.setCurrentIndex(view.layout_box.findData("kunshan"))
    out = tmp_path / "run.pdf"
    view.start_run(out=out)
    qtbot.waitUntil(lambda: view.last_outcome is not None, timeout=20_000)
    texts = ["".join(t.split()) for t in page_texts(out.read_bytes())]
    assert len(texts) == 2 and all("KUNSHAN-HALL-PASS" in t for t in texts)
    ops.wait_idle()

"""Opening a desk view on a test database, as the desk tests need it (a PDF "printer")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.desk.view import DeskView, create_view
from tests.users import ADMIN


def open_desk(qtbot, db: Database, tmp_path: Path, *, name: str = "3") -> DeskView:  # type: ignore[no-untyped-def]
    """Desk `name` on `db`, shown and focused, saving badges as PDFs in tmp_path/badges."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "cfg"))
    settings = QSettings("EventDesk", "EventDesk")
    settings.clear()
    for key, value in {"desk/name": name, "desk/printer": "pdf", "desk/sounds": False,
                       "desk/pdf_dir": str(tmp_path / "badges")}.items():
        settings.setValue(key, value)
    settings.sync()
    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    view = create_view(AppContext(db, event, "tester", user=ADMIN))
    assert isinstance(view, DeskView)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    # A desk is ready when its start-up work (search index, today's count) is done; typing at
    # scanner speed into a window that is still starting up is not what staff do.
    ops.wait_idle()
    view.activateWindow()
    view.search.setFocus()
    return view

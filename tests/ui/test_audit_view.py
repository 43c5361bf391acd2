"""The Audit view as an admin uses it: scroll through a long trail, filter by action, time and
text, verify the chain (one sentence, naming a tampered entry), export what is shown."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from eventdesk.services import audit
from eventdesk.services.events import get_event
from eventdesk.storage import Database, sqlite_path
from eventdesk.ui import ops
from eventdesk.ui.audit.model import PAGE
from eventdesk.ui.audit.view import AuditView
from eventdesk.ui.context import AppContext
from tests.ui.threads import no_database_on_the_gui_thread
from tests.ui.users import as_user

ENTRIES = 450  # more than two pages


@pytest.fixture
def ctx(event_db: Database, qapp: object) -> Iterator[AppContext]:
    with event_db.unit_of_work() as s:
        for i in range(ENTRIES):
            audit.record(s, actor="amy" if i % 3 else "bob", desk=f"desk-{i % 4}",
                         action="checkin.create" if i % 2 else "badge.print",
                         subject_type="person", subject_id=i, detail={"n": i})
        audit.record(s, actor="org", action="export.people", subject_type="export",
                     detail={"fields": ["姓名", "手机"], "count": 30000})
        event = get_event(s)
    context = AppContext(event_db, event, as_user("admin"))
    yield context
    ops.wait_idle()


def idle(view: AuditView) -> None:
    while view.model.busy:
        ops.wait_idle()
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()


@pytest.fixture
def view(ctx: AppContext, qtbot) -> AuditView:  # type: ignore[no-untyped-def]
    v = AuditView(ctx)
    qtbot.addWidget(v)
    v.resize(1300, 700)
    v.show()
    qtbot.waitUntil(lambda: (ops.wait_idle(), v.model.rowCount() > 0)[1], timeout=10_000)
    idle(v)
    return v


def column(view: AuditView, col: int) -> list[str]:
    m = view.model
    return [m.index(r, col).data() for r in range(m.rowCount())]


def test_model_passes_qt_model_tester(view: AuditView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model)
    ops.wait_idle()


def test_newest_first_a_page_at_a_time(view: AuditView, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = view.model
    assert model.total == ENTRIES + 1 and model.rowCount() == PAGE
    assert column(view, 4)[0] == "export.people"  # the newest entry
    assert view.count_label.text() == f"共 {ENTRIES + 1} 条，已显示 {PAGE} 条"
    with no_database_on_the_gui_thread(view.ctx.db):
        view.table.scrollToBottom()  # Qt asks for more as the person scrolls
        qtbot.waitUntil(lambda: (ops.wait_idle(), model.rowCount() == 2 * PAGE)[1])
        view.table.scrollToBottom()
        qtbot.waitUntil(lambda: (ops.wait_idle(), model.rowCount() == ENTRIES + 1)[1])
    seqs = [int(s) for s in column(view, 0)]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == ENTRIES + 1


def test_typing_filters(view: AuditView, qtbot) -> None:  # type: ignore[no-untyped-def]
    with no_database_on_the_gui_thread(view.ctx.db):
        qtbot.keyClicks(view.action_edit, "export.")
        qtbot.waitUntil(lambda: view.model.filters.action_prefix == "export.", timeout=5_000)
        idle(view)
        assert column(view, 4) == ["export.people"]
        assert "姓名" in column(view, 6)[0]
        view.action_edit.clear()
        qtbot.keyClicks(view.text_edit, "bob")
        qtbot.keyClick(view.text_edit, Qt.Key.Key_Return)
        idle(view)
        assert set(column(view, 2)) == {"bob"} and view.model.total == ENTRIES // 3
        qtbot.keyClicks(view.since_edit, "tomorrow")
        qtbot.keyClick(view.since_edit, Qt.Key.Key_Return)
        assert "tomorrow" in view.verdict.text()  # one sentence: the time cannot be read
        view.since_edit.clear()
        qtbot.keyClicks(view.since_edit, "2099-01-01")
        qtbot.keyClick(view.since_edit, Qt.Key.Key_Return)
        idle(view)
        assert view.model.rowCount() == 0


def test_verify_says_whole_then_names_the_edited_entry(view: AuditView, qtbot) -> None:  # type: ignore[no-untyped-def]
    with no_database_on_the_gui_thread(view.ctx.db):
        qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: (ops.wait_idle(), "完整" in view.verdict.text())[1])
    assert f"共 {ENTRIES + 1} 条" in view.verdict.text()
    path = sqlite_path(view.ctx.db.url)
    assert path is not None
    with sqlite3.connect(path) as conn:  # someone "correcting" the trail with the sqlite3 tool
        conn.execute("UPDATE audit_entry SET actor = 'nobody' WHERE seq = 100")
    qtbot.mouseClick(view.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (ops.wait_idle(), "第 100 条" in view.verdict.text())[1])
    assert "改动" in view.verdict.text()


def test_export_writes_what_is_shown(view: AuditView, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "审计.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "Excel (*.xlsx)")))
    qtbot.keyClicks(view.action_edit, "badge.")
    qtbot.keyClick(view.action_edit, Qt.Key.Key_Return)
    idle(view)
    with no_database_on_the_gui_thread(view.ctx.db):
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: (ops.wait_idle(), "已导出" in view.verdict.text())[1])
    sheet = load_workbook(out, read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][4] == "操作 Action" and len(rows) == 1 + ENTRIES // 2
    assert {r[4] for r in rows[1:]} == {"badge.print"}
    assert str(rows[1][1]).endswith("+08:00")


def test_a_reason_code_in_the_detail_is_worded_in_the_language_shown(in_language) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.audit.model import detail_words

    in_language("zh")
    assert "遗失" in detail_words({"reason": "lost"})
    assert "二维码格式不正确" in detail_words({"reason": "malformed", "payload": "ED2.X"})
    in_language("en")
    worded = detail_words({"reason": "malformed", "payload": "ED2.X"})
    assert "malformed QR code" in worded and "ED2.X" in worded  # the payload is data


def test_a_role_in_the_detail_is_named_as_the_users_dialog_names_it(in_language) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.audit.model import detail_words

    in_language("zh")
    assert "管理员" in detail_words({"username": "admin", "role": "admin"})

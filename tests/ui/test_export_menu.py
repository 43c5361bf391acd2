"""Exports from the GUI report what the CLI reports: a programme whose text has a character no
font has says which characters of whose text, in the schedule view's menu and the export dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import update

from eventdesk.cli import main
from eventdesk.domain import Person
from eventdesk.storage import Database
from tests.schedule_data import Small, build_small, window_context
from tests.ui.users import command_line_account

# U+E000 is a private-use code point: no font of the chain has it (tests/pdf use it the same way).
RARE = "\ue000"


@pytest.fixture
def small(db: Database, monkeypatch: pytest.MonkeyPatch) -> Small:
    built = build_small(db)
    command_line_account(db, monkeypatch)  # the CLI's export runs as an account
    with db.unit_of_work() as s:  # the speaker of 圆桌对话 has a name no font can draw
        s.execute(update(Person).where(Person.id == built.people["赵昇"])
                  .values(name=f"赵{RARE}"))
    return built


@pytest.fixture
def ctx(db: Database, small: Small):  # type: ignore[no-untyped-def]
    return window_context(db)


def _cli_report(db_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["export", "--db", str(db_path), "--kind", "programme", "--out", str(out)]) == 0
    return [line.strip() for line in capsys.readouterr().err.splitlines()[1:]]


def test_programme_from_the_schedule_menu_names_the_characters_and_whose_text(
        qtbot, ctx, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    from eventdesk.ui.schedule.export_menu import ExportMenu
    from eventdesk.ui.schedule.view import create_view

    view = create_view(ctx)
    qtbot.addWidget(view)
    view.show()
    out = tmp_path / "programme.pdf"
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(out), "*.pdf")))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *_a: shown.append(("warning", text))))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *_a: shown.append(("info", text))))
    menu = view.findChild(ExportMenu)
    action = next(a for a in menu.actions() if a.text().startswith("节目单 PDF（全部日期）"))
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)

    kind, text = shown[0]
    assert kind == "warning"
    assert f"赵{RARE}" in text and "U+E000" in text and "圆桌对话" in text
    assert out.read_bytes().startswith(b"%PDF")
    cli = _cli_report(db_path, tmp_path / "cli.pdf", capsys)
    assert cli and all(line in text for line in cli)  # the same report as the CLI


def test_programme_from_the_export_dialog_shows_the_report(
        qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.transfer.export_dialog import ExportDialog

    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_kind("programme")
    dialog.path_edit.setText(str(tmp_path / "programme.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.written == tmp_path / "programme.pdf"
    assert f"赵{RARE}" in dialog.status.text() and "圆桌对话" in dialog.status.text()
    assert [p.characters for p in dialog.problems] == [(RARE,)]

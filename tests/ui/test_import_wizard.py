"""The import wizard and export dialog driven offscreen as an organiser would."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from eventdesk.domain import Person
from eventdesk.services.audit import os_operator
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.transfer.export_dialog import ExportDialog
from eventdesk.ui.transfer.import_wizard import (
    DRY_RUN_PAGE,
    IMPORT_PAGE,
    MAPPING_PAGE,
    SHEET_PAGE,
    ImportWizard,
)
from tests.ui.users import as_user

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
TIMEOUT = 15_000


@pytest.fixture
def ctx(event_db: Database, qapp: object) -> AppContext:
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    context = AppContext(event_db, event, as_user(os_operator()))
    yield context
    ops.wait_idle()


def people_count(db: Database) -> int:
    with db.unit_of_work(write=False) as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


def complete(wizard: ImportWizard) -> bool:
    return wizard.currentPage().isComplete()


def choose_sheet(wizard: ImportWizard, sheet: str) -> None:
    """Pick a sheet from the drop-down as the operator does (activated, not a programmatic
    change)."""
    box = wizard.sheet_page.sheet_box
    box.setCurrentText(sheet)
    box.activated.emit(box.currentIndex())


def test_wizard_csv_gbk_with_an_error_skipped_and_report_exported(
        ctx: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "名单.csv"
    path.write_bytes("人员,公司,手机\n张伟,光合,13812345678\n李娜,曙光,12345\n王芳,曙光,\n"
                     .encode("gbk"))
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: complete(wizard), timeout=TIMEOUT)
    assert "GB18030/GBK" in wizard.file_page.info.text()
    assert "张伟,光合" in wizard.file_page.text.toPlainText()  # decoded text shown
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE  # a CSV has no sheet to choose
    page = wizard.mapping_page
    assert not page.isComplete() and "姓名" in page.problems.text()  # 人员 is not an alias
    name_box = page.boxes["name"]  # the operator picks the column for 姓名
    name_box.setCurrentIndex(name_box.findData("人员"))
    assert page.isComplete() and page.table.rowCount() == 3
    wizard.next()
    assert wizard.currentId() == DRY_RUN_PAGE
    dry = wizard.dry_page
    qtbot.waitUntil(lambda: dry.report is not None, timeout=TIMEOUT)
    assert dry.report.rejected and dry.errors.rowCount() == 1  # type: ignore[union-attr]
    assert dry.errors.item(0, 0).text() == "2" and dry.errors.item(0, 1).text() == "手机"
    assert not dry.isComplete()
    report_path = tmp_path / "errors.csv"
    dry.export_errors(str(report_path))
    assert "12345" in report_path.read_text(encoding="utf-8-sig")
    dry.skip_invalid.setChecked(True)
    assert dry.isComplete() and people_count(ctx.db) == 0
    wizard.next()
    assert wizard.currentId() == IMPORT_PAGE
    qtbot.waitUntil(lambda: wizard.import_page.report is not None, timeout=TIMEOUT)
    assert wizard.import_page.report.created == 2  # type: ignore[union-attr]
    assert people_count(ctx.db) == 2


def test_wizard_xlsx_sheet_choice_and_title_row(ctx: AppContext, qtbot,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["请看第二页"])
    ws = wb.create_sheet("参会名单")
    for row in (["2025光合组织参会名单"], [], ["姓名", "单位", "类别"], ["张伟", "光合", "贵宾"]):
        ws.append(row)
    path = tmp_path / "list.xlsx"
    wb.save(path)
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: complete(wizard), timeout=TIMEOUT)
    assert wizard.preview.sheet == "参会名单"  # type: ignore[union-attr]  # the cover is passed over
    wizard.next()
    assert wizard.currentId() == SHEET_PAGE
    choose_sheet(wizard, "说明")
    qtbot.waitUntil(lambda: wizard.preview is not None and wizard.preview.sheet == "说明",
                    timeout=TIMEOUT)
    assert not wizard.sheet_page.isComplete() and "只有表头" in wizard.sheet_page.info.text()
    choose_sheet(wizard, "参会名单")
    qtbot.waitUntil(lambda: wizard.preview is not None and wizard.preview.sheet == "参会名单",
                    timeout=TIMEOUT)
    assert wizard.preview.header_line == 3  # type: ignore[union-attr]
    wizard.next()
    assert wizard.mapping_page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: complete(wizard), timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.report is not None, timeout=TIMEOUT)
    assert people_count(ctx.db) == 1


def test_file_changed_after_dry_run_writes_nothing(ctx: AppContext, qtbot,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("姓名,单位\n张伟,光合\n", encoding="utf-8")
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: complete(wizard), timeout=TIMEOUT)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: complete(wizard), timeout=TIMEOUT)
    path.write_text("姓名,单位\n张伟,光合\n李娜,曙光\n", encoding="utf-8")
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.import_page.running, timeout=TIMEOUT)
    assert "预演之后被修改" in wizard.import_page.summary.text()
    assert people_count(ctx.db) == 0


def test_hostile_file_shows_one_sentence(ctx: AppContext, qtbot,  # type: ignore[no-untyped-def]
                                         tmp_path: Path) -> None:
    path = tmp_path / "junk.xlsx"
    path.write_bytes(b"\x00junk" * 500)
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    qtbot.waitUntil(lambda: "不是有效的 Excel" in wizard.file_page.info.text(), timeout=TIMEOUT)
    assert not wizard.file_page.isComplete()


def test_export_dialog_and_data_menu(ctx: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "数据(&D)" in titles
    actions = {a.text(): a for a in window.transfer_menu.actions()}
    actions["导入…"].trigger()
    assert isinstance(window._import_wizard, ImportWizard) and window._import_wizard.isVisible()
    window._import_wizard.reject()
    actions["导出…"].trigger()
    assert window._export_dialog.isVisible()
    window._export_dialog.reject()
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.set_kind("people")
    dialog.path_edit.setText(str(tmp_path / "people.csv"))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    assert dialog.written == tmp_path / "people.csv" and dialog.written.exists()
    assert "已导出 0 行" in dialog.status.text()


def test_export_dialog_names_personal_fields_and_refuses_desk_staff(  # type: ignore[no-untyped-def]
        ctx: AppContext, qtbot, tmp_path: Path) -> None:
    from eventdesk.services import people
    from eventdesk.services.people import PersonInput
    from tests.users import DESK

    with ctx.db.unit_of_work() as s:
        people.create_person(s, operator="t", data=PersonInput(name="李伟", consent="given"))
        people.create_person(s, operator="t", data=PersonInput(name="王芳"))
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_kind("schedule")
    assert not dialog.privacy_label.isVisible() and not dialog.consented_box.isVisible()
    dialog.set_kind("people")
    assert "将包含个人信息字段：姓名、英文名、职务、手机、邮箱" in dialog.privacy_label.text()
    assert dialog.consented_box.isVisible() and not dialog.payloads_box.isChecked()
    dialog.consented_box.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "people.csv"))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    assert "包含个人信息字段：姓名" in dialog.status.text() and "（1 行）" in dialog.status.text()
    assert "王芳" not in (tmp_path / "people.csv").read_text(encoding="utf-8-sig")
    ctx.switch_user(DESK)
    dialog.path_edit.setText(str(tmp_path / "desk.csv"))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=TIMEOUT)
    assert "organiser" in dialog.status.text() or "组织" in dialog.status.text()
    assert not (tmp_path / "desk.csv").exists()


SCHEDULE_WITH_ERRORS = ("日期,开始,结束,会场,议题,演讲嘉宾\n"
                        "2025/5/20,9:00,9:45,主会场,开幕致辞,李娜\n"
                        "2025/5/20,25:00,11:00,分会场一,坏时间,\n"
                        "\n"
                        "2025/5/21,10:00,9:00,新厅,倒序,王芳\n")


def test_schedule_errors_are_the_same_in_the_wizard_and_the_cli(
        db: Database, db_path: Path, qapp: object, qtbot, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
        monkeypatch) -> None:
    """The done-when test of the one import pipeline: same rows, columns, values and words."""
    import json

    from eventdesk.cli import main
    from tests.schedule_data import build_small
    from tests.ui.users import command_line_account

    build_small(db)
    command_line_account(db, monkeypatch)
    path = tmp_path / "日程.csv"
    path.write_text(SCHEDULE_WITH_ERRORS, encoding="gb18030")
    assert main(["import", str(path), "--db", str(db_path), "--kind", "schedule", "--json",
                 "--dry-run"]) == 4
    cli = json.loads(capsys.readouterr().out)["errors"]
    assert [(e["row"], e["column"]) for e in cli] == [(2, "开始"), (4, "结束"), (4, "会场")]
    with db.unit_of_work(write=False) as s:
        event = get_event(s)
    ctx = AppContext(db, event, as_user(os_operator()))
    wizard = ImportWizard(ctx, path=str(path), kind="schedule")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: complete(wizard), timeout=TIMEOUT)
    assert wizard.kind == "schedule" and "GB18030/GBK" in wizard.file_page.info.text()
    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentId() == MAPPING_PAGE and page.isComplete()
    assert page.create_rooms.isVisibleTo(wizard)
    assert page.boxes["room"].currentData() == "会场" and page.table.rowCount() == 3
    wizard.next()
    dry = wizard.dry_page
    qtbot.waitUntil(lambda: dry.report is not None, timeout=TIMEOUT)
    shown = [tuple(dry.errors.item(r, c).text() for c in range(4))
             for r in range(dry.errors.rowCount())]
    assert shown == [(str(e["row"]), e["column"], e["value"], e["message"]) for e in cli]
    assert not dry.isComplete()  # errors: the import cannot go ahead
    # Creating rooms removes the unknown-room error in both, and the valid row is imported.
    wizard.back()
    page.create_rooms.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: dry.report is not None and not dry.running, timeout=TIMEOUT)
    assert [(e.row, e.column) for e in dry.report.errors] == [(2, "开始"), (4, "结束")]  # type: ignore[union-attr]
    dry.skip_invalid.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.report is not None, timeout=TIMEOUT)
    assert wizard.import_page.report.created == 1  # type: ignore[union-attr]
    from eventdesk.services.schedule.items import list_items

    with db.unit_of_work(write=False) as s:
        assert "开幕致辞" in {i.title_zh for i in list_items(s)}
    ops.wait_idle()

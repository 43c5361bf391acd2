"""The import wizard with real-world lists (issue 11): an encoding the program is not sure of is
chosen by the organiser from a list whose preview shows the decoded names; every column left
out, and every second column used, is named before the import; a damaged CSV shows its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from eventdesk.domain import Person
from eventdesk.services.audit import os_operator
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.transfer.import_wizard import DRY_RUN_PAGE, MAPPING_PAGE, ImportWizard
from tests.ui.users import as_user

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
TIMEOUT = 15_000
DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def ctx(event_db: Database, qapp: object) -> AppContext:
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    context = AppContext(event_db, event, as_user(os_operator()))
    yield context
    ops.wait_idle()


def stored(db: Database) -> dict[str, Person]:
    with db.unit_of_work(write=False) as s:
        people = list(s.scalars(select(Person)))
        s.expunge_all()
    return {p.name: p for p in people}


def open_wizard(ctx: AppContext, qtbot, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def choose_encoding(wizard: ImportWizard, codec: str) -> None:
    """Pick from the encoding list as the organiser does (activated, not set by program)."""
    box = wizard.file_page.encoding_box
    box.setCurrentIndex(box.findData(codec))
    box.activated.emit(box.currentIndex())


def run_to_import(wizard: ImportWizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard.next()
    assert wizard.currentId() == DRY_RUN_PAGE
    qtbot.waitUntil(lambda: wizard.dry_page.isComplete(), timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.report is not None, timeout=TIMEOUT)


def test_unsure_encoding_is_chosen_with_the_decoded_names_shown(
        ctx: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(ctx, qtbot, DATA / "enc-euc-kr-english-header.csv")
    page = wizard.file_page
    qtbot.waitUntil(lambda: "无法确定" in page.info.text(), timeout=TIMEOUT)
    assert not page.isComplete()  # no guess to go on with
    shown = page.text.toPlainText()  # each candidate with the names it gives
    assert "【EUC-KR（韩文）】" in shown and "김철수,삼성전자" in shown
    assert "【GB18030/GBK（简体中文）】" in shown
    choose_encoding(wizard, "euc_kr")
    qtbot.waitUntil(lambda: page.isComplete(), timeout=TIMEOUT)
    assert "编码 EUC-KR（韩文）" in page.info.text()
    assert "김철수,삼성전자" in page.text.toPlainText()
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE and wizard.mapping_page.isComplete()
    run_to_import(wizard, qtbot)
    assert wizard.import_page.report.created == 2  # type: ignore[union-attr]
    assert stored(ctx.db)["김철수"].company == "삼성전자"


def test_wrong_encoding_choice_shows_garbled_names_or_refuses(
        ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(ctx, qtbot, DATA / "enc-big5.csv")
    page = wizard.file_page
    qtbot.waitUntil(lambda: page.isComplete(), timeout=TIMEOUT)
    assert "Big5" in page.info.text()
    assert "張偉,崑山光合科技有限公司" in page.text.toPlainText()
    choose_encoding(wizard, "utf-8")
    qtbot.waitUntil(lambda: "不是 UTF-8 编码" in page.info.text(), timeout=TIMEOUT)
    assert not page.isComplete()


COLUMNS = ("姓名,单位,手机,电话,微信,展位号\n"
           "张伟,光合,13812345678,0512-57001234,zw-wx,A101\n"
           "李娜,曙光,,0512-57001235,,\n")


def test_columns_left_out_and_second_columns_are_named(
        ctx: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "名单.csv"
    path.write_text(COLUMNS, encoding="utf-8")
    wizard = open_wizard(ctx, qtbot, path)
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=TIMEOUT)
    wizard.next()
    mapping = wizard.mapping_page
    said = mapping.columns.text()
    assert "未导入的列：微信、展位号" in said
    assert "“电话”是“手机”的第二列" in said and "写入备注" in said
    # The organiser maps 微信 to the notes: it is no longer left out.
    box = mapping.boxes["notes"]
    box.setCurrentIndex(box.findData("微信"))
    assert "未导入的列：展位号" in mapping.columns.text()
    run_to_import(wizard, qtbot)
    assert "未导入的列：展位号" in wizard.dry_page.columns.text()
    people = stored(ctx.db)
    assert people["李娜"].phone == "0512-57001235"  # a landline-only person keeps a phone
    assert people["张伟"].phone == "13812345678"
    assert people["张伟"].notes == "zw-wx；电话：0512-57001234"  # and nothing is lost


def test_damaged_csv_shows_the_rows_and_cannot_go_on(
        ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(ctx, qtbot, DATA / "csv-extra-fields.csv")
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=TIMEOUT)
    wizard.next()
    wizard.next()
    dry = wizard.dry_page
    qtbot.waitUntil(lambda: not dry.running and dry.op is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "结构已损坏" in dry.summary.text(), timeout=TIMEOUT)
    assert dry.errors.rowCount() == 1
    assert [dry.errors.item(0, c).text() for c in range(2)] == ["2", "E"]
    assert not dry.isComplete() and not stored(ctx.db)

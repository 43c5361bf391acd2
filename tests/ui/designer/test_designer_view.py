"""The badge designer page, driven offscreen as an organiser would: it opens the event's default
layout with a proof on the hardest person, marks characters no font has, edits go through the
undo stack, a hostile layout file is refused with one sentence naming the element, and a design
saved from the page is the badge a desk then prints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox

from eventdesk import messages
from eventdesk.actions.base import ActionContext
from eventdesk.actions.desk_print import print_badge
from eventdesk.cli import main
from eventdesk.services.events import get_event
from eventdesk.storage import Database
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.designer import files
from eventdesk.ui.designer.model import box_of
from eventdesk.ui.designer.window import DesignerView
from tests.accounts import ADMIN
from tests.pdf.badge_samples import page_texts
from tests.services.people_cases import add
from tests.ui.users import as_user

DATA = Path(__file__).parents[2] / "data" / "layouts"


@pytest.fixture
def view(qtbot, event_db: Database) -> Iterator[DesignerView]:  # type: ignore[no-untyped-def]
    add(event_db, "张伟", category="visitor", company="阿丘科技")
    add(event_db, "王\ue000", category="media", company="新华社")  # no font has U+E000
    add(event_db, "Jean-Baptiste Fontaine", category="speaker", company="")
    add(event_db, "李齐", category="exhibitor",
        company="苏州工业园区人工智能产业创新中心管理服务有限公司")
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    widget = DesignerView(AppContext(event_db, event, as_user("organiser")))
    qtbot.addWidget(widget)
    widget.resize(1300, 820)
    widget.show()
    widget.settle()
    yield widget
    ops.wait_idle()


def _case(view: DesignerView, kind: str) -> None:
    wanted = next(c.person_id for c in view.proof.cases if c.kind == kind)
    view.proof.person.setCurrentIndex(view.proof.person.findData(wanted))
    view.settle()


def test_opens_the_default_layout_with_a_proof_of_the_hardest_case(view: DesignerView) -> None:
    assert view.model.layout.name == "default" and view.model.variant_count() == 2
    kinds = [c.kind for c in view.proof.cases]
    assert kinds == ["longest_name", "longest_company", "rare_characters", "english_name",
                     "no_company"]
    assert view.proof.shown is not None
    first = view.proof.badge()
    view.proof.cycle()
    view.settle()
    assert view.proof.badge() != first  # the next hard case, drawn by the renderer
    assert view.scene.badge == view.proof.badge()  # the canvas sketches the same person


def test_missing_glyphs_are_marked_on_the_proof(view: DesignerView) -> None:
    _case(view, "rare_characters")
    shown = view.proof.shown
    assert shown is not None and shown.proof.badge.name == "王\ue000"
    assert shown.proof.missing == (("name", ("\ue000",)),)
    assert "U+E000" in view.proof.glyphs.text()
    pixmap = view.proof.image.pixmap().toImage()
    x, y, _w, h = box_of(view.model.element(0, "front", 3))  # the name's box
    k = shown.px_per_mm
    frame = pixmap.pixelColor(round(x * k) + 1, round((y + h / 2) * k))
    assert frame.red() > 200 and frame.green() < 100  # the red frame around the name


def test_panel_edit_and_arrow_nudge_are_undoable(view: DesignerView, qtbot) -> None:  # type: ignore[no-untyped-def]
    original = view.model.snapshot()
    view.scene.select([8])  # the QR
    assert view.elements.title.text().startswith("二维码")
    view.elements.box_x.setValue(12.0)
    assert box_of(view.model.element(0, "front", 8))[0] == 12.0
    view.canvas.setFocus()
    for _ in range(3):
        qtbot.keyClick(view.canvas.viewport(), Qt.Key.Key_Right)
    assert box_of(view.model.element(0, "front", 8))[0] == 15.0
    assert view.stack.count() == 2  # the edit, then the nudges merged into one step
    view.stack.undo()
    view.stack.undo()
    assert view.model.snapshot() == original
    assert view.scene.items_by_index()[8].box()[0] == 34.0  # the canvas followed the undo


def test_a_hostile_layout_file_is_refused_with_one_sentence(
        view: DesignerView, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    before = view.model.snapshot()
    for count, name in enumerate(("box_outside.json", "unknown_type.json", "huge_image.json"),
                                 start=1):
        files.import_file(view, view._imported, path=DATA / name)
        qtbot.waitUntil(lambda want=count: len(said) >= want, timeout=5000)
    assert "第 2 个元素（二维码）" in said[0] and "超出了 90×54 mm 的胸卡" in said[0]
    assert "hologram" in said[1]
    assert "huge.png" in said[2] and "图片太大" in said[2]
    assert all("\n" not in s and "Traceback" not in s for s in said)
    assert view.model.snapshot() == before  # nothing of the refused files came in


def test_a_design_saved_from_the_page_is_what_the_desk_prints(
        view: DesignerView, event_db: Database, qtbot,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    view.adder.text("")
    index = len(view.model.elements(0, "front")) - 1
    view.scene.select([index])
    view.elements.text.setText("SPONSOR-KUNSHAN")
    view.elements.text.editingFinished.emit()
    monkeypatch.setattr(files.SaveDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    view.save()  # the dialog's default for the event's default layout: the standard badge
    qtbot.waitUntil(lambda: view.stack.isClean(), timeout=5000)
    assert messages.text("layout.saved", name="default") == view.status.text()
    jobs: list[bytes] = []
    desk = ActionContext(db=event_db, desk="desk-9", operator="staff", user=ADMIN)
    print_badge(desk, person_id=1, send=jobs.append)
    assert "SPONSOR-KUNSHAN" in page_texts(jobs[0])[0]


def test_screenshot_of_the_designer(event_db: Database, db_path: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.actions.accounts import create_first_admin

    add(event_db, "欧阳娜娜", category="exhibitor", company="昆山阿丘智能科技有限公司")
    # A screenshot shows the window as an account (issue 12), named as for every command.
    create_first_admin(event_db, username="designer", password="design-pass-1", desk="setup")
    monkeypatch.setenv("EVENTDESK_USER", "designer")
    monkeypatch.setenv("EVENTDESK_PASSWORD", "design-pass-1")
    event_db.dispose()
    png = tmp_path / "designer.png"
    assert main(["--db", str(db_path), "--screenshot", str(png), "--view", "designer"]) == 0
    assert png.stat().st_size > 60_000
    assert str(png) in capsys.readouterr().out  # "已保存截图 …" / "saved …"
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert image.pixelColor(image.width() // 2, image.height() // 2) != QColor("black")


def test_a_broken_stored_layout_opens_the_builtin_and_says_why(qtbot, event_db: Database) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.domain import BadgeLayout

    with event_db.unit_of_work() as s:
        s.add(BadgeLayout(name="default", title="坏的", document='{"variants": "nope"}'))
    with event_db.unit_of_work(write=False) as s:
        event = get_event(s)
    widget = DesignerView(AppContext(event_db, event, as_user("organiser")))
    qtbot.addWidget(widget)
    widget.settle()
    assert "不能使用" in widget.status.text()  # one sentence, no modal box, no traceback
    assert widget.model.variant_count() == 2 and widget.proof.shown is not None
    ops.wait_idle()


def test_adding_an_image_checks_it_first(view: DesignerView,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.paths import resource

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    before = view.model.snapshot()
    view.adder.image(DATA / "huge.png")  # 5000×5000 pixels
    assert len(said) == 1 and said[0].startswith("huge.png：图片太大")
    assert view.model.snapshot() == before
    view.adder.image(resource("layouts") / "logo-light.png")
    added = view.model.elements(0, "front")[-1]
    assert added["type"] == "image" and "logo-light.png" in view.model.layout.images
    view.stack.undo()
    assert view.model.snapshot() == before


def test_a_mouse_drag_moves_the_element_by_whole_millimetres(view: DesignerView, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    x, y, w, h = box_of(view.model.element(0, "front", 8))  # the QR
    port = view.canvas.viewport()
    start = view.canvas.mapFromScene(QPointF(x + w / 2, y + h / 2))
    end = view.canvas.mapFromScene(QPointF(x + w / 2 - 10.3, y + h / 2 - 5.2))
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(port, start + (end - start) * step / 5)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: view.stack.count() == 1, timeout=3000)
    nx, ny, nw, nh = box_of(view.model.element(0, "front", 8))
    assert (nw, nh) == (w, h) and nx == round(nx) and ny == round(ny)  # snapped to the grid
    assert abs(nx - (x - 10.3)) <= 1 and abs(ny - (y - 5.2)) <= 1


def test_the_corner_handle_resizes(view: DesignerView, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF
    from PySide6.QtTest import QTest

    view.scene.select([5])  # the company
    x, y, w, h = box_of(view.model.element(0, "front", 5))
    port = view.canvas.viewport()
    start = view.canvas.mapFromScene(QPointF(x + w, y + h))
    end = view.canvas.mapFromScene(QPointF(x + w - 20, y + h + 4))
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 5):
        QTest.mouseMove(port, start + (end - start) * step / 4)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: view.stack.count() == 1, timeout=3000)
    nx, ny, nw, nh = box_of(view.model.element(0, "front", 5))
    assert (nx, ny) == (x, y)
    assert abs(nw - (w - 20)) <= 1 and abs(nh - (h + 4)) <= 1

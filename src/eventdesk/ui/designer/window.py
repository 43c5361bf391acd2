"""The badge designer page: the badge at real size on a canvas (left), the real renderer's proof on
a real person (middle), the selected element's options and the category colours (right); above
them the layout's file operations, undo/redo, adding elements, align and distribute, the grid,
front and back, and the badge sizes (variants, one per paper preset size).

It opens the event's "default" layout (the built-in one until the event saved its own); "Save"
stores the design in the event's database so that every desk and batch run prints it.
"""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QPainter, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsView,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk import messages
from eventdesk.actions import layouts
from eventdesk.actions.layouts import LayoutDocument, LayoutInfo
from eventdesk.messages.layouts import layout_title
from eventdesk.pdf.presets import PRESETS
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.designer import commands as c
from eventdesk.ui.designer import files
from eventdesk.ui.designer.adding import Adder
from eventdesk.ui.designer.categories import CategoryPanel
from eventdesk.ui.designer.items import field_hint
from eventdesk.ui.designer.model import ALIGNS, Change, LayoutModel, scaled_variant
from eventdesk.ui.designer.preview import ProofPanel, ProofRequest
from eventdesk.ui.designer.properties import ElementPanel
from eventdesk.ui.designer.scene import BadgeScene
from eventdesk.ui.i18n import format_number, translate
from eventdesk.ui.labels import preset_label

T = TypeVar("T")
ALIGN_LABELS = {"left": QT_TRANSLATE_NOOP("DesignerView", "左对齐"),
                "hcenter": QT_TRANSLATE_NOOP("DesignerView", "水平居中"),
                "right": QT_TRANSLATE_NOOP("DesignerView", "右对齐"),
                "top": QT_TRANSLATE_NOOP("DesignerView", "顶对齐"),
                "vcenter": QT_TRANSLATE_NOOP("DesignerView", "垂直居中"),
                "bottom": QT_TRANSLATE_NOOP("DesignerView", "底对齐")}
ALIGN_TIPS = {"left": QT_TRANSLATE_NOOP("DesignerView", "所选元素的左边对齐"),
              "hcenter": QT_TRANSLATE_NOOP("DesignerView", "所选元素水平居中对齐"),
              "right": QT_TRANSLATE_NOOP("DesignerView", "所选元素的右边对齐"),
              "top": QT_TRANSLATE_NOOP("DesignerView", "所选元素的上边对齐"),
              "vcenter": QT_TRANSLATE_NOOP("DesignerView", "所选元素垂直居中对齐"),
              "bottom": QT_TRANSLATE_NOOP("DesignerView", "所选元素的下边对齐")}
GRIDS = [(1.0, 1), (0.5, 1), (2.0, 1), (5.0, 1), (0.0, 0)]  # mm; 0: no grid
ADD_TEXT = ["name", "name_en", "company", "title", "hall_booth", "category_label", "event_name"]


def preset_for(size: tuple[float, float]) -> str:
    """The paper preset a variant of this size prints on: the one whose badge is that size
    (single badges first), else the single-badge preset of the nearest shape."""
    exact = [p for p in PRESETS.values()
             if abs(p.slot_mm[0] - size[0]) < 0.3 and abs(p.slot_mm[1] - size[1]) < 0.3]
    if exact:
        return sorted(exact, key=lambda p: not p.single)[0].key
    want = math.log(size[0] / size[1])
    singles = [p for p in PRESETS.values() if p.single]
    return min(singles, key=lambda p: abs(math.log(p.slot_mm[0] / p.slot_mm[1]) - want)).key


def _blank() -> LayoutDocument:
    return LayoutDocument(name="default", document={"variants": [
        {"size_mm": [105, 148], "front": []}]})


class DesignerView(QWidget):
    def __init__(self, ctx: AppContext, *, open_name: str = "default") -> None:
        super().__init__()
        self.ctx = ctx
        self.stack = QUndoStack(self)
        self.model = LayoutModel(_blank())
        self.scene = BadgeScene(self.model, self.stack)
        self.canvas = QGraphicsView(self.scene)
        self.canvas.setRenderHints(QPainter.RenderHint.Antialiasing
                                   | QPainter.RenderHint.TextAntialiasing)
        self.canvas.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.elements = ElementPanel(self.model, self.stack)
        self.categories = CategoryPanel(self.model, self.stack)
        self.proof = ProofPanel(ctx, self._proof_request)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._opening = False
        self.adder = Adder(self, self.model, self.scene, self.stack, self.toggle_back)
        self._build()
        self.model.listen(self._on_model)
        self.scene.selectionChanged.connect(self._on_selection)
        self.proof.person_shown.connect(self._on_person)
        self.stack.cleanChanged.connect(self._on_clean)
        self.refresh_list(select=open_name)
        self.open_layout(open_name)

    # -- widgets -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.layout_box = QComboBox()
        self.layout_box.setMinimumContentsLength(34)
        self.layout_box.activated.connect(lambda _i: self.open_layout(
            str(self.layout_box.currentData())))
        top = QToolBar()
        top.addWidget(QLabel(" " + translate("DesignerView", "版式") + " "))
        top.addWidget(self.layout_box)
        new_menu = QMenu(self)
        for info in layouts.file_layouts():
            new_menu.addAction(translate("DesignerView", "复制“{title}”").format(
                title=layout_title(info.name, info.title, info.origin)),
                self._call(self.new_from, info.name))
        self._menu_button(top, translate("DesignerView", "新建"), new_menu,
                          translate("DesignerView", "从内置版式复制"))
        self.save_action = top.addAction(translate("DesignerView", "保存到活动"), self.save)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setToolTip(translate("DesignerView", "保存到本活动：所有工作台使用"))
        top.addAction(translate("DesignerView", "导入…"),
                      lambda: files.import_file(self, self._imported))
        top.addAction(translate("DesignerView", "导出…"),
                      lambda: files.export_file(self, self.model.layout, self._exported))
        top.addSeparator()
        # The prefix goes before the command's own text ("撤销 移动/缩放"), in the Edit menu too.
        undo = self.stack.createUndoAction(self, translate("DesignerView", "撤销"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.stack.createRedoAction(self, translate("DesignerView", "重做"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        top.addAction(undo)
        top.addAction(redo)

        tools = QToolBar()
        add_menu = QMenu(self)
        for field in ADD_TEXT:
            add_menu.addAction(translate("DesignerView", "文字：{field}").format(
                field=field_hint(field)), self._call(self.adder.text, field))
        add_menu.addAction(translate("DesignerView", "自由文字"), lambda: self.adder.text(""))
        add_menu.addAction(translate("DesignerView", "色块"), self.adder.rect)
        add_menu.addAction(translate("DesignerView", "二维码"), self.adder.qr)
        add_menu.addAction(translate("DesignerView", "图片…"), lambda: self.adder.image())
        self._menu_button(tools, translate("DesignerView", "添加"), add_menu,
                          translate("DesignerView", "添加元素"))
        delete = tools.addAction(translate("DesignerView", "删除"), self.scene.delete_selected)
        delete.setToolTip(translate("DesignerView", "删除所选（Del）"))
        tools.addSeparator()
        for how in ALIGNS:
            action = tools.addAction(translate("DesignerView", str(ALIGN_LABELS[how])),
                                     self._call(self.scene.align, how))
            action.setToolTip(translate("DesignerView", str(ALIGN_TIPS[how])))
        tools.addAction(translate("DesignerView", "横向等距"),
                        lambda: self.scene.distribute("h")).setToolTip(
            translate("DesignerView", "水平等距分布"))
        tools.addAction(translate("DesignerView", "纵向等距"),
                        lambda: self.scene.distribute("v")).setToolTip(
            translate("DesignerView", "垂直等距分布"))
        tools.addSeparator()
        self.grid = QComboBox()
        for value, on in GRIDS:
            label = (translate("DesignerView", "网格 {size} mm").format(size=format_number(
                value, 1 if value % 1 else 0)) if on else translate("DesignerView", "无网格"))
            self.grid.addItem(label, value)
        self.grid.currentIndexChanged.connect(self._grid_changed)
        tools.addWidget(self.grid)
        # Which badge is on show (side and size) beside the layout, above: the row of tools
        # below is full in English.
        top.addSeparator()
        self.side = QComboBox()
        self.side.addItem(translate("DesignerView", "正面"), "front")
        self.side.addItem(translate("DesignerView", "背面"), "back")
        self.side.currentIndexChanged.connect(self._show_side)
        top.addWidget(self.side)
        self.back_action = top.addAction(translate("DesignerView", "添加背面"), self.toggle_back)
        self.variant = QComboBox()
        # Its items come after the first show (the layout opens in the background).
        self.variant.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.variant.currentIndexChanged.connect(self._show_side)
        top.addWidget(self.variant)
        self.size_menu = QMenu(self)
        self.size_menu.aboutToShow.connect(self._fill_size_menu)
        self._menu_button(top, translate("DesignerView", "尺寸"), self.size_menu,
                          translate("DesignerView", "为另一种胸卡尺寸添加版本"))

        tabs = QTabWidget()
        scroll = QScrollArea()
        scroll.setWidget(self.elements)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tabs.addTab(scroll, translate("DesignerView", "元素"))
        tabs.addTab(self.categories, translate("DesignerView", "类别颜色"))
        self.canvas.setMinimumWidth(300)
        split = QSplitter()
        split.addWidget(self.canvas)
        split.addWidget(self.proof)
        split.addWidget(tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 0)
        tabs.setMinimumWidth(370)
        split.setSizes([445, 415, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(tools)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.title = QLabel()

    @staticmethod
    def _call(fn: Callable[[T], object], value: T) -> Callable[[], None]:
        """A menu action's slot calling fn(value) (a lambda default would be typed Any)."""
        def call() -> None:
            fn(value)

        return call

    def _menu_button(self, bar: QToolBar, text: str, menu: QMenu, tip: str) -> None:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(button)

    # -- which layout ------------------------------------------------------------------------
    def refresh_list(self, *, select: str | None = None) -> None:
        ops.run_action(self.ctx, lambda actx, _p: layouts.list_layouts(actx),
                       on_done=lambda found: self._show_list(found, select),
                       on_error=lambda exc: files.refuse(self, exc), owner=self)

    def _show_list(self, found: list[LayoutInfo], select: str | None) -> None:
        current = select or self.model.layout.name
        self.layout_box.clear()
        for info in found:
            where = messages.text(f"layout.origin.{info.origin}")
            # A built-in layout's name is a word of the command line (--layout bold), not of
            # the interface: its title says it. A saved layout's name is what its author chose.
            name = "" if info.origin == "builtin" else f" ({info.name})"
            title = layout_title(info.name, info.title, info.origin)
            self.layout_box.addItem(f"{title}{name} · {where}",
                                    info.name)
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(current), 0))

    def _unsaved_ok(self) -> bool:
        if self.stack.isClean():
            return True
        answer = QMessageBox.question(self, "EventDesk", translate(
            "DesignerView", "当前设计尚未保存，放弃修改？"))
        return answer == QMessageBox.StandardButton.Yes

    def open_layout(self, name: str) -> None:
        if not self._unsaved_ok():
            return
        self._opening = True
        ops.run_action(self.ctx, lambda actx, _p: layouts.open_layout(actx, name=name),
                       on_done=self.load, on_error=self._open_failed, owner=self)

    def _open_failed(self, exc: BaseException) -> None:
        """A stored layout that cannot be used (or a name no longer there): said in the status
        line, not in a modal box (the page may be opening for a screenshot), and the built-in
        standard badge opened instead, to design from."""
        self._opening = False
        self.status.setText(f"<span style='color:#b71c1c'>{messages.describe(exc)}</span>")
        self.load(layouts.copy_of_builtin("default", new_name="default"), clean=False,
                  builtin="default")

    def new_from(self, builtin: str) -> None:
        if self._unsaved_ok():
            self.load(layouts.copy_of_builtin(builtin, new_name=f"{builtin}-copy"), clean=False,
                      builtin=builtin)

    def load(self, layout: LayoutDocument, *, clean: bool = True, builtin: str = "") -> None:
        """Show a layout for editing (a new undo history); `clean` False: as an unsaved copy
        (of the built-in layout `builtin`, whose title is then worded in the language)."""
        self._opening = False
        self.stack.clear()
        self.model.replace(layout)
        if not clean:
            self.stack.resetClean()
            # The copy's title is the layout's data: in the language it is made in.
            title = translate("DesignerView", "{title}（副本）").format(
                title=layout_title(builtin, layout.title, "builtin" if builtin else ""))
            self.stack.push(c.SetMeta(self.model, "title", title,
                                      translate("DesignerView", "新建版式")))
        self._fill_variants()
        self._update_title()
        # Start on the name: the element a designer looks at first, its options on show.
        names = [i for i, spec in enumerate(self.model.elements(0, "front"))
                 if spec.get("field") == "name"]
        self.scene.select(names[:1])

    def _imported(self, layout: LayoutDocument) -> None:
        if self._unsaved_ok():
            self.load(layout, clean=False)
            self.status.setText(messages.text("layout.imported", name=layout.name))

    def _exported(self, path: Path) -> None:
        self.status.setText(messages.text("layout.exported", path=path))

    def save(self) -> None:
        files.save(self, self.ctx, self.model.layout, self._saved)

    def _saved(self, info: LayoutInfo) -> None:
        self.model.layout.name = info.name
        self.stack.setClean()
        self.status.setText(messages.text("layout.saved", name=info.name))
        self.refresh_list(select=info.name)
        self._update_title()

    def _on_clean(self, _clean: bool) -> None:
        if shiboken6.isValid(self.stack):  # the stack also says so while it is being deleted
            self._update_title()

    def _update_title(self) -> None:
        mark = "" if self.stack.isClean() else " •"
        self.setWindowTitle(f"{self.model.layout.title} ({self.model.layout.name}){mark}")

    # -- variants and sides --------------------------------------------------------------------
    def _fill_variants(self) -> None:
        keep = self.variant.currentIndex()
        self.variant.blockSignals(True)
        self.variant.clear()
        for i in range(self.model.variant_count()):
            w, h = self.model.size(i)
            preset = PRESETS[preset_for((w, h))]
            self.variant.addItem(f"{w:g}×{h:g} mm · {preset_label(preset.key)}", i)
        self.variant.setCurrentIndex(min(max(keep, 0), self.variant.count() - 1))
        self.variant.blockSignals(False)
        self._show_side()

    def _fill_size_menu(self) -> None:
        self.size_menu.clear()
        have = {self.model.size(i) for i in range(self.model.variant_count())}
        seen: set[tuple[float, float]] = set()
        for preset in PRESETS.values():  # the printer presets' badge sizes, not a copy of them
            size = preset.slot_mm
            if size in have or size in seen:
                continue
            seen.add(size)
            self.size_menu.addAction(
                translate("DesignerView", "添加 {size} mm（{paper}）").format(
                    size=f"{size[0]:g}×{size[1]:g}", paper=preset_label(preset.key)),
                self._call(self.add_variant, size))
        if self.model.variant_count() > 1:
            self.size_menu.addSeparator()
            self.size_menu.addAction(translate("DesignerView", "删除当前尺寸"),
                                     self.remove_variant)

    def add_variant(self, size: tuple[float, float]) -> None:
        base = self.model.document["variants"][self.scene.variant]
        self.stack.push(c.AddVariant(self.model, scaled_variant(base, size), translate(
            "DesignerView", "添加尺寸 {size} mm").format(size=f"{size[0]:g}×{size[1]:g}")))
        self.variant.setCurrentIndex(self.variant.count() - 1)

    def remove_variant(self) -> None:
        self.stack.push(c.RemoveVariant(self.model, self.scene.variant,
                                        translate("DesignerView", "删除尺寸")))

    def toggle_back(self) -> None:
        v = self.scene.variant
        if self.model.has_back(v):
            self.stack.push(c.SetSide(self.model, v, "back", None,
                                      translate("DesignerView", "删除背面")))
            self.side.setCurrentIndex(0)
        else:
            self.stack.push(c.SetSide(self.model, v, "back", self.model.elements(v, "front"),
                                      translate("DesignerView", "添加背面")))
            self.side.setCurrentIndex(1)

    def _show_side(self) -> None:
        variant = max(0, self.variant.currentIndex())
        side = str(self.side.currentData() or "front")
        self.scene.show_side(variant, side)
        self.scene.safe_margin_mm = getattr(PRESETS[preset_for(self.model.size(variant))],
                                            "safe_margin_mm", self.scene.safe_margin_mm)
        self.back_action.setText(translate("DesignerView", "删除背面")
                                 if self.model.has_back(variant)
                                 else translate("DesignerView", "添加背面"))
        self.elements.show_selection((variant, side), [])
        self._zoom()
        self.proof.schedule()

    def _zoom(self) -> None:
        """Real size: as many pixels per millimetre as the screen has."""
        px = self.canvas.logicalDpiX() / 25.4
        self.canvas.resetTransform()
        self.canvas.scale(px, px)

    def _grid_changed(self) -> None:
        self.scene.grid_mm = float(self.grid.currentData())
        self.scene.update()

    # -- keeping the panels in step ------------------------------------------------------------
    def _on_model(self, change: Change) -> None:
        if change.what in ("variants", "layout"):
            self._fill_variants()
        if change.what in ("categories", "layout"):
            self.categories.refresh()
        self.elements.refresh()
        self.proof.schedule()

    def _on_selection(self) -> None:
        if not (shiboken6.isValid(self.scene) and shiboken6.isValid(self.elements)):
            return  # the scene clears its selection while it is being deleted
        self.elements.show_selection((self.scene.variant, self.scene.side),
                                     self.scene.selected_indexes())

    def _on_person(self, badge: object) -> None:
        from eventdesk.domain.badge_data import BadgeData

        if isinstance(badge, BadgeData):
            self.scene.badge = badge
            self.scene.update()

    def _proof_request(self) -> ProofRequest | None:
        if self._opening:
            return None
        v, side = self.scene.variant, self.scene.side
        size = self.model.size(v)
        layout = LayoutDocument(name=self.model.layout.name or "draft",
                                document=copy.deepcopy(self.model.document),
                                images=dict(self.model.layout.images))
        elements = self.model.elements(v, side) if side == "front" or self.model.has_back(v) \
            else []
        return ProofRequest(layout=layout, preset=preset_for(size),
                            back=side == "back" and self.model.has_back(v), design_mm=size,
                            elements=tuple(elements))

    # -- the main window's hooks -----------------------------------------------------------------
    def activated(self) -> None:
        self.canvas.setFocus()

    def settle(self, timeout_s: float = 20.0) -> None:
        """Wait until the layout is open and its proof shown (screenshots, tests)."""
        end = time.monotonic() + timeout_s
        while time.monotonic() < end and (self._opening or self.proof.busy()
                                          or ops.pending()):
            ops.wait_idle(200)
            QCoreApplication.processEvents()


def create_view(ctx: AppContext) -> QWidget:
    return DesignerView(ctx)


__all__ = ["DesignerView", "create_view", "preset_for"]

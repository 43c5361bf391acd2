"""Adding elements to the side on show: text bound to a field or free text, a colour block, the
QR code, an image (checked like a layout's image before it comes in). Each is one undo command;
the new element is placed in the middle of the badge and selected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from eventdesk import messages
from eventdesk.pdf.layout_check import MAX_IMAGE_BYTES, image_problem
from eventdesk.ui.designer import commands as c
from eventdesk.ui.designer.model import LayoutModel, Spec
from eventdesk.ui.designer.scene import BadgeScene
from eventdesk.ui.i18n import translate


class Adder:
    def __init__(self, parent: QWidget, model: LayoutModel, scene: BadgeScene, stack: QUndoStack,
                 add_back: Callable[[], None]) -> None:
        self.parent, self.model, self.scene, self.stack = parent, model, scene, stack
        self.add_back = add_back  # gives the variant a back when the back is on show

    def _add(self, spec: Spec, text: str, image: tuple[str, bytes] | None = None) -> None:
        v, side = self.scene.variant, self.scene.side
        if side == "back" and not self.model.has_back(v):
            self.add_back()
        self.stack.push(c.AddElement(self.model, v, side, spec, text, image=image))
        self.scene.select([len(self.model.elements(v, side)) - 1])

    def _centre(self, w: float, h: float) -> list[float]:
        bw, bh = self.model.size(self.scene.variant)
        w, h = min(w, bw), min(h, bh)
        return [round((bw - w) / 2, 1), round((bh - h) / 2, 1), w, h]

    def text(self, field: str) -> None:
        bw, _bh = self.model.size(self.scene.variant)
        spec: Spec = {"type": "text", "box": self._centre(bw - 12, 8), "size": 12,
                      "min_size": 7}
        if field:
            spec["field"] = field
        else:
            # Badge content from here on: the placeholder is typed over in the language printed.
            spec["text"] = translate("Adder", "文字")
        self._add(spec, translate("Adder", "添加文字"))

    def rect(self) -> None:
        bw, _bh = self.model.size(self.scene.variant)
        self._add({"type": "rect", "box": self._centre(bw, 10), "fill": "category"},
                  translate("Adder", "添加色块"))

    def qr(self) -> None:
        self._add({"type": "qr", "box": self._centre(30, 30)}, translate("Adder", "添加二维码"))

    def image(self, path: Path | None = None) -> None:
        """An image file (chosen, or `path`): refused in a message when it is missing, too big
        or not a PNG/JPEG, as a layout's image would be."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.parent, translate("Adder", "选择图片"), "",
                                                    "PNG / JPEG (*.png *.jpg *.jpeg)")
            if not chosen:
                return
            path = Path(chosen)
        size = path.stat().st_size
        data = path.read_bytes() if size <= MAX_IMAGE_BYTES else None
        problem = image_problem(data if data is not None else size)
        if problem is not None or data is None:
            code, params = problem or ("layout.image_too_big", {})
            QMessageBox.warning(self.parent, "EventDesk", messages.text(
                "layout.problem", where=path.name, what=messages.text(code, **params)))
            return
        self._add({"type": "image", "path": path.name, "box": self._centre(20, 20)},
                  translate("Adder", "添加图片"), image=(path.name, data))

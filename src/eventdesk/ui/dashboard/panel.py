"""One dashboard panel: a title, a chart or table, and its two buttons — save the picture as PNG,
export the figures as CSV/XLSX. Both writes run off the GUI thread (ui/ops.py), the file whole
or not at all (eventdesk/files.py); the export goes through actions.stats.export_table (role
check, formula guard, audit entry)."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.stats import FigureTable, export_table
from eventdesk.files import write_whole
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import translate


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG (on the GUI thread: QImage is cheap to encode, a chart's is
    ~50 KB; the file itself is written by a worker)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str here, though its stubs say bytes.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError(errno.EIO, "PNG")
    buffer.close()
    return bytes(data.data())


class FigurePanel(QFrame):
    """`body` is the chart or table; `picture()` what "save as PNG" saves (default: `body`);
    `table()` the figures to export (None while nothing is loaded)."""

    saved = Signal(str)  # a sentence for the view's status line
    failed = Signal(str)

    def __init__(self, ctx: AppContext, *, title: str, body: QWidget, name: str,
                 table: Callable[[], FigureTable | None],
                 extra: QWidget | None = None) -> None:
        super().__init__()
        self.ctx, self.name, self._table = ctx, name, table
        self.body = body
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(f"<b>{title}</b>")
        self.png_button = QPushButton("PNG…")
        self.png_button.setToolTip(translate("FigurePanel", "把这张图保存为 PNG 图片"))
        self.export_button = QPushButton(translate("FigurePanel", "导出…"))
        self.export_button.setToolTip(translate("FigurePanel", "导出这张图的数据为 CSV 或 Excel"))
        self.png_button.clicked.connect(self._ask_png)
        self.export_button.clicked.connect(self._ask_export)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        if extra is not None:
            head.addWidget(extra)
        head.addWidget(self.png_button)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(head)
        layout.addWidget(body, 1)
        self.pending: ops.BackgroundOp | None = None

    # -- PNG ---------------------------------------------------------------------------------
    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("FigurePanel", "保存图片"),
                                              f"{self.name}.png",
                                              "PNG (*.png)")
        if path:
            self.save_png(Path(path))

    def save_png(self, path: Path) -> None:
        """Save what the panel's chart shows now as a PNG at `path` (written by a worker)."""
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        data = png_bytes(self.body.grab().toImage())
        self.pending = ops.run_call_in_background(
            lambda: write_whole(path, data),
            on_done=lambda _r: self.saved.emit(
                translate("FigurePanel", "已保存 {path}").format(path=path)),
            on_error=lambda exc: self.failed.emit(ops.error_text(exc)), owner=self)

    # -- CSV/XLSX ----------------------------------------------------------------------------
    def _ask_export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, translate("FigurePanel", "导出数据"), f"{self.name}.xlsx",
            "Excel (*.xlsx);;CSV (*.csv)")
        if path:
            wanted = ".csv" if "csv" in chosen.lower() else ".xlsx"
            target = Path(path)
            if target.suffix.lower() not in (".csv", ".xlsx"):
                target = target.with_suffix(wanted)
            self.export(target)

    def export(self, path: Path) -> None:
        """Export the panel's figures to `path` (.csv or .xlsx)."""
        table = self._table()
        if table is None:
            return
        def action(actx: ActionContext, _progress: ops.Progress) -> Outcome[int]:
            return export_table(actx, table=table, out=path)

        self.pending = ops.run_action(
            self.ctx, action,
            on_done=lambda n: self.saved.emit(
                translate("FigurePanel", "已导出 %n 行：{path}", None, n).format(path=path)),
            on_error=lambda exc: self.failed.emit(ops.error_text(exc)), owner=self)

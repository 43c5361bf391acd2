"""The dashboard's charts, drawn with pyqtgraph (why pyqtgraph: README "Dashboard").

Two kinds: `BarChart` (bars by label, several series side by side, optionally a curve on a
second axis at the right, as the cumulative arrivals) and `LineChart` (one line per series over
a numeric x, as the desks' 10-minute throughput). Both are read-only pictures: mouse panning,
zooming and pyqtgraph's context menu are off, so that a click never leaves a chart showing a
corner of itself. Texts use the application font (the bundled CJK font, ui/fonts.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication

from eventdesk.ui.i18n import format_number

pg.setConfigOptions(antialias=True, background="w", foreground="#333333")

# Colour-blind-safe palette (Okabe–Ito), in the order series are drawn.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str


class _Chart(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph has no type hints: Any
    def __init__(self, *, y_label: str = "") -> None:
        super().__init__()
        self.setMinimumHeight(200)
        item = self.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(y=True, alpha=0.25)
        font = QFont(QApplication.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
        self.tick_font = font
        for side in ("left", "bottom", "right"):
            item.getAxis(side).setTickFont(font)
        if y_label:
            item.setLabel("left", y_label)
        self.legend = item.addLegend(offset=(-8, 6), labelTextSize="9pt")
        self.legend.setBrush(QColor(255, 255, 255, 210))

    def clear_chart(self) -> None:
        self.getPlotItem().clear()
        self.legend.clear()

    def image(self) -> QImage:
        """The chart as it is drawn now (for "save as PNG")."""
        image: QImage = self.grab().toImage()
        return image


class BarChart(_Chart):
    """Bars at x = 0, 1, 2… labelled by `labels`; several series side by side."""

    def __init__(self, *, y_label: str = "", right_label: str = "") -> None:
        super().__init__(y_label=y_label)
        item = self.getPlotItem()
        self.right = pg.ViewBox()
        self.right.setMouseEnabled(x=False, y=False)
        self._right_label = right_label
        item.scene().addItem(self.right)
        item.getAxis("right").linkToView(self.right)
        self.right.setXLink(item)
        item.vb.sigResized.connect(self._follow)
        self._curve: object | None = None

    def _follow(self) -> None:
        self.right.setGeometry(self.getPlotItem().vb.sceneBoundingRect())
        self.right.linkedViewChanged(self.getPlotItem().vb, self.right.XAxis)

    def show_bars(self, labels: Sequence[str], series: Sequence[Series], *,
                  line: Series | None = None, every: int = 1, values: bool = False) -> None:
        """Draw the bars (and `line` on the right axis); label every `every`-th x; `values`:
        write each bar's number above it (for a few bars, where small ones would vanish)."""
        self.clear_chart()
        item = self.getPlotItem()
        n = max(1, len(series))
        width = 0.8 / n
        top = 0.0
        for i, s in enumerate(series):
            xs = [x - 0.4 + width * (i + 0.5) for x in range(len(s.values))]
            bars = pg.BarGraphItem(x=xs, height=list(s.values), width=width * 0.92,
                                   brush=s.colour, pen=pg.mkPen(None))
            item.addItem(bars)
            if len(series) > 1 or line is not None:
                self.legend.addItem(bars, s.name)
            top = max([top, *s.values])
            if values:
                for x, v in zip(xs, s.values, strict=True):
                    text = pg.TextItem(format_number(round(v)), color="#333333",
                                       anchor=(0.5, 1.0))
                    text.setPos(x, v)
                    item.addItem(text)
        ticks = [(float(x), label) for x, label in enumerate(labels) if x % every == 0]
        axis = item.getAxis("bottom")
        axis.setTicks([ticks, []])
        # Labels of several lines ("Printer\nfault"): room for every line (the axis keeps its
        # first height otherwise and cuts the second line off).
        lines = max((label.count("\n") + 1 for label in labels), default=1)
        axis.setHeight(None if lines == 1
                       else QFontMetrics(self.tick_font).lineSpacing() * lines + 10)
        item.setXRange(-0.6, max(0, len(labels) - 1) + 0.6, padding=0)
        # Head room for the legend and the numbers above the bars.
        item.setYRange(0, max(1.0, top) * (1.3 if values or len(series) > 1 else 1.12),
                       padding=0)
        if self._curve is not None:
            self.right.removeItem(self._curve)
            self._curve = None
        if line is not None:
            pen = pg.mkPen(line.colour, width=2.5)
            self._curve = pg.PlotCurveItem(list(range(len(line.values))), list(line.values),
                                           pen=pen)
            self.right.addItem(self._curve)
            self.legend.addItem(self._curve, line.name)
            self.right.setYRange(0, max(1.0, max(line.values, default=0)) * 1.05, padding=0)
            item.showAxis("right")
            if self._right_label:
                item.setLabel("right", self._right_label)
        else:
            item.hideAxis("right")
        self._follow()


class HeatMap(_Chart):
    """Rows (desks) × columns (time slots), each cell coloured by its count, with a colour bar:
    twenty desks stay readable where twenty lines would be a tangle."""

    def __init__(self) -> None:
        super().__init__()
        item = self.getPlotItem()
        item.showGrid(y=False)
        self.legend.setVisible(False)
        # White for an idle slot, then light to dark blue (no colour-map files to bundle).
        self.colours = pg.ColorMap([0.0, 0.02, 0.5, 1.0],
                                   [(255, 255, 255), (222, 235, 247), (66, 146, 198),
                                    (8, 48, 107)])
        self.cells = pg.ImageItem()
        self.cells.setColorMap(self.colours)
        self.bar = pg.ColorBarItem(colorMap=self.colours, interactive=False, width=12)
        self.bar.setImageItem(self.cells, insert_in=item)

    def show_cells(self, rows: Sequence[str], counts: Sequence[Sequence[int]],
                   ticks: Sequence[tuple[float, str]]) -> None:
        """`counts[row][column]`; x ticks are given in columns."""
        import numpy as np

        item = self.getPlotItem()
        width = max((len(r) for r in counts), default=0)
        grid = np.zeros((max(1, width), max(1, len(rows))), dtype=float)  # x first: pyqtgraph
        for y, row in enumerate(counts):
            grid[:len(row), y] = row
        top = float(grid.max()) or 1.0
        self.cells.setImage(grid, levels=(0.0, top))
        self.bar.setLevels((0.0, top))
        if self.cells not in item.items:
            item.addItem(self.cells)
        item.getAxis("left").setTicks([[(y + 0.5, name) for y, name in enumerate(rows)], []])
        item.getAxis("bottom").setTicks([list(ticks), []])
        item.setXRange(0, max(1, width), padding=0)
        item.setYRange(0, max(1, len(rows)), padding=0)

"""The dashboard's pyqtgraph charts, in the palette the PDF reports use (reports.palette)."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from reports import palette

pg.setConfigOptions(antialias=True, background="w", foreground=palette.TEXT)


def _pen(colour: str, width: float = 1.6, dashed: bool = False) -> pg.QtGui.QPen:
    pen = pg.mkPen(QColor(colour), width=width)
    if dashed:
        pen.setStyle(pg.QtCore.Qt.PenStyle.DashLine)
    return pen


class Chart(pg.PlotWidget):
    """A titled plot with category labels along the bottom."""

    def __init__(self, title: str = "") -> None:
        super().__init__()
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.showGrid(x=False, y=True, alpha=0.25)
        self.setMinimumHeight(170)
        self.getPlotItem().setTitle(title, color=palette.TEXT, size="10pt")
        self.bottom_labels: list[str] = []
        self.values: list[float] = []

    def set_title(self, title: str) -> None:
        self.getPlotItem().setTitle(title, color=palette.TEXT, size="10pt")

    def _labels(self, labels: Sequence[str], every: int = 1) -> None:
        self.bottom_labels = list(labels)
        ticks = [(i, text) for i, text in enumerate(labels) if i % every == 0]
        axis = self.getPlotItem().getAxis("bottom")
        axis.setTicks([ticks])
        font = QFont()
        font.setPointSizeF(8)
        axis.setStyle(tickFont=font)

    def bars(
        self,
        labels: Sequence[str],
        values: Sequence[float],
        *,
        every: int = 1,
        colour: str = palette.CURRENT,
    ) -> None:
        self.clear()
        self.values = [float(v) for v in values]
        self.addItem(
            pg.BarGraphItem(
                x=list(range(len(values))),
                height=self.values,
                width=0.7,
                brush=QColor(colour),
                pen=pg.mkPen(None),
            )
        )
        self._labels(labels, every)
        self.setYRange(0, max([1.0, *self.values]) * 1.1, padding=0)

    def hbars(self, labels: Sequence[str], values: Sequence[float]) -> None:
        """Horizontal bars, the first at the top: long category names stay readable."""
        self.clear()
        self.values = [float(v) for v in values]
        rows = list(range(len(values)))
        self.addItem(
            pg.BarGraphItem(
                x0=0,
                y=rows,
                width=self.values,
                height=0.6,
                brush=QColor(palette.CURRENT),
                pen=pg.mkPen(None),
            )
        )
        self.bottom_labels = list(labels)
        axis = self.getPlotItem().getAxis("left")
        axis.setTicks([[(i, text) for i, text in enumerate(labels)]])
        self.getPlotItem().getAxis("bottom").setTicks(None)
        self.getPlotItem().invertY(True)
        self.setXRange(0, max([1.0, *self.values]) * 1.1, padding=0)
        self.setYRange(-0.6, max(0, len(values) - 1) + 0.6, padding=0)

    def lines(
        self,
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[float]]],
        *,
        every: int = 1,
    ) -> None:
        self.clear()
        legend = self.getPlotItem().legend or self.getPlotItem().addLegend(offset=(-10, 5))
        legend.clear()
        self.values = []
        for index, (name, values) in enumerate(series):
            colour = palette.CURRENT if index == 0 else palette.series(index)
            self.plot(
                list(range(len(values))),
                [float(v) for v in values],
                pen=_pen(colour),
                symbol="o",
                symbolSize=4,
                symbolBrush=QColor(colour),
                name=name,
            )
            self.values.extend(float(v) for v in values)
        self._labels(labels, every)
        self.setYRange(0, max([1.0, *self.values]) * 1.1, padding=0)

    def rates(
        self, labels: Sequence[str], values: Sequence[float | None], targets: Sequence[float]
    ) -> None:
        """One bar per rate (green at or above its target, red below), target dashes."""
        self.clear()
        self.values = [v or 0.0 for v in values]
        for index, (value, goal) in enumerate(zip(self.values, targets, strict=True)):
            colour = palette.GOOD if value >= goal else palette.BAD
            self.addItem(
                pg.BarGraphItem(
                    x=[index],
                    height=[value * 100],
                    width=0.55,
                    brush=QColor(colour),
                    pen=pg.mkPen(None),
                )
            )
            self.plot(
                [index - 0.4, index + 0.4],
                [goal * 100, goal * 100],
                pen=_pen(palette.TARGET, 2, dashed=True),
            )
            text = pg.TextItem(f"{value:.1%}", color=palette.TEXT, anchor=(0.5, 1))
            text.setPos(index, value * 100)
            self.addItem(text)
        self._labels(labels)
        self.setYRange(0, 105, padding=0)

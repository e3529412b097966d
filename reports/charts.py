"""Bar and line charts drawn with reportlab.graphics, in the shared palette."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from reports import palette
from reports.blocks import Chart

HEIGHT = 190.0
LABEL_SIZE = 7.5


def _colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


def _value_range(chart: Chart) -> tuple[float, float]:
    values = [v for s in chart.series for v in s.values]
    if chart.target is not None:
        values.append(chart.target)
    top = max(values, default=0.0)
    if chart.percent:
        return 0.0, 1.0 if top <= 1.0 else top * 1.05
    return 0.0, max(1.0, top * 1.12)


def _step(low: float, high: float, percent: bool) -> float:
    if percent:
        return 0.2
    raw = (high - low) / 5
    magnitude = 10 ** max(0, len(str(int(raw))) - 1)
    return max(1.0, round(raw / magnitude) * magnitude)


def _label_every(count: int, width: float) -> int:
    """Show every n-th category label so that they do not overlap."""
    room = max(1, int(width // 26))
    return max(1, -(-count // room))


def draw(chart: Chart, width: float, font: str) -> Drawing:
    drawing = Drawing(width, HEIGHT)
    drawing.add(String(0, HEIGHT - 12, chart.title, fontName=font, fontSize=9.5))
    plot = VerticalBarChart() if chart.kind == "bar" else HorizontalLineChart()
    plot.x, plot.y = 42, 42
    plot.width, plot.height = width - 60, HEIGHT - 82
    plot.data = [list(s.values) for s in chart.series]
    low, high = _value_range(chart)
    plot.valueAxis.valueMin, plot.valueAxis.valueMax = low, high
    plot.valueAxis.valueStep = _step(low, high, chart.percent)
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = LABEL_SIZE
    plot.valueAxis.labelTextFormat = (lambda v: f"{v:.0%}") if chart.percent else "%d"
    plot.valueAxis.gridStrokeColor = _colour(palette.GRID)
    plot.valueAxis.visibleGrid = True
    every = _label_every(len(chart.categories), plot.width)
    plot.categoryAxis.categoryNames = [
        name if index % every == 0 else "" for index, name in enumerate(chart.categories)
    ]
    labels = plot.categoryAxis.labels
    labels.fontName, labels.fontSize = font, LABEL_SIZE
    if len(chart.categories) > 8:
        labels.angle, labels.boxAnchor, labels.dy = 35, "ne", -2
    for index in range(len(chart.series)):
        colour = _colour(palette.series(index) if len(chart.series) > 2 else _pair(index))
        if chart.kind == "bar":
            plot.bars[index].fillColor = colour
            plot.bars[index].strokeColor = None
        else:
            plot.lines[index].strokeColor = colour
            plot.lines[index].strokeWidth = 1.6
    drawing.add(plot)
    if chart.target is not None and high > low:
        y = plot.y + plot.height * (chart.target - low) / (high - low)
        drawing.add(
            Line(
                plot.x,
                y,
                plot.x + plot.width,
                y,
                strokeColor=_colour(palette.TARGET),
                strokeDashArray=[4, 3],
                strokeWidth=1,
            )
        )
        if chart.target_label:
            drawing.add(
                String(
                    plot.x + plot.width,
                    y + 3,
                    chart.target_label,
                    fontName=font,
                    fontSize=LABEL_SIZE,
                    fillColor=_colour(palette.TARGET),
                    textAnchor="end",
                )
            )
    if len(chart.series) > 1:
        drawing.add(_legend(chart, width, font))
    return drawing


def _pair(index: int) -> str:
    """Two series are a period and the one it is compared with."""
    return palette.CURRENT if index == 0 else palette.EARLIER


def _legend(chart: Chart, width: float, font: str) -> Legend:
    legend = Legend()
    legend.fontName, legend.fontSize = font, LABEL_SIZE
    legend.x, legend.y = width - 10, HEIGHT - 8
    legend.alignment = "right"
    legend.boxAnchor = "ne"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 60
    many = len(chart.series) > 2
    legend.colorNamePairs = [
        (_colour(palette.series(i) if many else _pair(i)), s.name)
        for i, s in enumerate(chart.series)
    ]
    return legend

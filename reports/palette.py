"""The colours of every chart, in the PDFs and on the dashboard alike (hex strings, no Qt).

SERIES cycles for categorical bars and lines; the named colours carry one meaning
everywhere: the current period, the period it is compared with, a target line, and
the good / bad side of a rate against its target.
"""

from __future__ import annotations

SERIES = (
    "#1f5fa8",  # deep blue
    "#e07b24",  # orange
    "#2e9d5b",  # green
    "#c8413b",  # red
    "#7a5ab8",  # violet
    "#8c6a4f",  # brown
    "#d465a8",  # pink
    "#6f7a86",  # slate
    "#b3a02a",  # olive
    "#23a3b5",  # teal
)
CURRENT = SERIES[0]
EARLIER = "#a9bcd6"  # the compared period: a pale form of CURRENT
TARGET = "#c8413b"
GOOD = "#2e9d5b"
BAD = "#c8413b"
GRID = "#d9dde3"
TEXT = "#222222"
MUTED = "#6b7280"
HEADER_FILL = "#e8eef6"


def series(index: int) -> str:
    return SERIES[index % len(SERIES)]


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """(r, g, b) 0-255 of "#rrggbb"."""
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)

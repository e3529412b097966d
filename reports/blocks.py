"""The plain data a report is made of: a header and a list of blocks, no ORM, no Qt.

The services fill these in (report_data); reports.pdf lays them out on A4 pages. All
texts arrive already in the reader's language, numbers already formatted.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportMeta:
    center_name: str
    title: str
    subtitle: str  # the period, the campaign or the case number
    generated_at: str  # local time, formatted
    generated_by: str
    language: str = "zh_CN"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    muted: bool = False


@dataclass(frozen=True)
class KeyValues:
    """Label/value pairs set out in `columns` pairs per line."""

    pairs: tuple[tuple[str, str], ...]
    columns: int = 2


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Relative column widths (None: equal). Columns from numeric_from on are right-aligned.
    widths: tuple[float, ...] | None = None
    numeric_from: int = 1
    empty_text: str = ""  # shown instead of the table when there are no rows
    wrap: bool = True  # False: one line per cell (long lists: much faster)
    total_row: bool = False  # the last row is a total, set in bold fill


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """A bar or line chart; target draws a horizontal line (e.g. a rate's goal)."""

    kind: str  # "bar" | "line"
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    percent: bool = False  # values are fractions, axis shows %
    target: float | None = None
    target_label: str = ""
    empty_text: str = ""


@dataclass(frozen=True)
class Photo:
    caption: str
    data: bytes  # JPEG or PNG


@dataclass(frozen=True)
class Photos:
    photos: tuple[Photo, ...]
    empty_text: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | KeyValues | Table | Chart | Photos | PageBreak


@dataclass
class Report:
    meta: ReportMeta
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

"""Lay a Report out on A4 pages and return the PDF bytes.

Every page carries the center's name and the report's title at the top, and at the
bottom when and by whom it was generated and "page n of N" (the canvas keeps each
page's state until the end, when N is known). Chinese text is set in the embedded
subset of the CJK font (reports.fonts); paragraphs wrap the CJK way.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Table as PdfTable
from reportlab.platypus import TableStyle as PdfTableStyle
from reportlab.platypus.flowables import HRFlowable

from console import messages
from reports import charts, palette
from reports.blocks import (
    Block,
    Chart,
    Heading,
    KeyValues,
    PageBreak,
    Para,
    Photos,
    Report,
    Table,
)
from reports.fonts import register_font
from reports.page import MARGIN, page_canvas

Progress = Callable[[float], None]
CHUNK_ROWS = 300  # rows per table flowable: ReportLab splits long tables slowly
PADDING = 3.0


class _Styles:
    def __init__(self, font: str) -> None:
        base = ParagraphStyle(
            "body",
            fontName=font,
            fontSize=9.5,
            leading=13.5,
            wordWrap="CJK",
            textColor=colors.HexColor(palette.TEXT),
        )
        self.body = base
        self.muted = ParagraphStyle("muted", base, textColor=colors.HexColor(palette.MUTED))
        self.title = ParagraphStyle(
            "title", base, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=2
        )
        self.subtitle = ParagraphStyle(
            "subtitle", base, fontSize=10.5, leading=15, alignment=TA_CENTER, spaceAfter=8
        )
        self.h1 = ParagraphStyle(
            "h1",
            base,
            fontSize=12.5,
            leading=17,
            spaceBefore=9,
            spaceAfter=4,
            textColor=colors.HexColor(palette.CURRENT),
        )
        self.h2 = ParagraphStyle("h2", base, fontSize=10.5, leading=15, spaceBefore=5, spaceAfter=3)
        self.cell = ParagraphStyle("cell", base, fontSize=8, leading=10.5)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


class _Builder:
    def __init__(self, report: Report, font: str) -> None:
        self.report = report
        self.font = font
        self.styles = _Styles(font)
        self.width = A4[0] - 2 * MARGIN

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(_escape(text), style or self.styles.body)

    def flowables(self, block: Block) -> list[Flowable]:
        if isinstance(block, Heading):
            return [self.para(block.text, self.styles.h1 if block.level <= 1 else self.styles.h2)]
        if isinstance(block, Para):
            return [self.para(block.text, self.styles.muted if block.muted else None)]
        if isinstance(block, KeyValues):
            return [self._key_values(block)]
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Chart):
            return self._chart(block)
        if isinstance(block, Photos):
            return self._photos(block)
        if isinstance(block, PageBreak):
            return [PdfPageBreak()]
        raise TypeError(f"not a report block: {block!r}")

    def _key_values(self, block: KeyValues) -> Flowable:
        cells: list[list[Any]] = []
        line: list[Any] = []
        for label, value in block.pairs:
            line += [self.para(label, self.styles.muted), self.para(value)]
            if len(line) == 2 * block.columns:
                cells.append(line)
                line = []
        if line:
            cells.append(line + [""] * (2 * block.columns - len(line)))
        share = self.width / block.columns
        table = PdfTable(cells, colWidths=[share * 0.38, share * 0.62] * block.columns)
        table.setStyle(
            PdfTableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return table

    def _table(self, block: Table) -> list[Flowable]:
        if not block.rows:
            return [self.para(block.empty_text, self.styles.muted)] if block.empty_text else []
        count = len(block.headers)
        shares = block.widths or (1.0,) * count
        widths = [self.width * s / sum(shares) for s in shares]
        size = 8.0 if block.wrap else 7.0
        room = [w - 2 * PADDING for w in widths]

        def cells(row: tuple[str, ...]) -> list[Any]:
            if block.wrap:
                return [Paragraph(_escape(value), self.styles.cell) for value in row]
            return [_fit(value, room[i], self.font, size) for i, value in enumerate(row)]

        header = [Paragraph(_escape(h), self.styles.cell) for h in block.headers]
        out: list[Flowable] = []
        for first in range(0, len(block.rows), CHUNK_ROWS):
            chunk = block.rows[first : first + CHUNK_ROWS]
            data = [header] + [cells(row) for row in chunk]
            table = PdfTable(data, colWidths=widths, repeatRows=1)
            style = [
                ("FONT", (0, 0), (-1, -1), self.font, size),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(palette.HEADER_FILL)),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(palette.GRID)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (block.numeric_from, 1), (-1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
            is_last = first + CHUNK_ROWS >= len(block.rows)
            if block.total_row and is_last:
                style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f4f6")))
            table.setStyle(PdfTableStyle(style))
            out.append(table)
        return out

    def _chart(self, block: Chart) -> list[Flowable]:
        if not block.categories or not any(any(s.values) for s in block.series):
            if block.empty_text:
                return [self.para(f"{block.title}：{block.empty_text}", self.styles.muted)]
            return []
        return [KeepTogether([charts.draw(block, self.width, self.font), Spacer(1, 4)])]

    def _photos(self, block: Photos) -> list[Flowable]:
        if not block.photos:
            return [self.para(block.empty_text, self.styles.muted)] if block.empty_text else []
        side = (self.width - 12) / 3
        cells: list[list[Any]] = []
        line: list[Any] = []
        for photo in block.photos:
            try:
                image: Flowable = _image(photo.data, side)
            except Exception:  # any file it cannot decode: the caption alone
                image = self.para("✕", self.styles.muted)
            line.append([image, self.para(photo.caption, self.styles.muted)])
            if len(line) == 3:
                cells.append(line)
                line = []
        if line:
            cells.append(line + [""] * (3 * 1 - len(line)))
        table = PdfTable(cells, colWidths=[side + 4] * 3)
        table.setStyle(PdfTableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [table]


def _fit(text: str, width: float, font: str, size: float) -> str:
    """text cut (with an ellipsis) to fit on one line of width points."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


def _image(data: bytes, side: float) -> Flowable:
    reader = ImageReader(io.BytesIO(data))
    width, height = reader.getSize()
    scale = min(side / width, side * 0.75 / height)
    return Image(io.BytesIO(data), width * scale, height * scale)


def render(report: Report, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes (A4, CJK font embedded as a subset)."""
    font = register_font()
    builder = _Builder(report, font)
    meta = report.meta
    story: list[Flowable] = [
        builder.para(meta.center_name, builder.styles.subtitle),
        builder.para(meta.title, builder.styles.title),
        builder.para(meta.subtitle, builder.styles.subtitle),
        HRFlowable(width="100%", color=colors.HexColor(palette.CURRENT), thickness=1.2),
        Spacer(1, 4),
    ]
    for block in report.blocks:
        story.extend(builder.flowables(block))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=meta.title,
        author=meta.generated_by,
        subject=meta.subtitle,
        creator=meta.center_name,
    )
    total = max(1, len(story))
    if progress is not None:
        done = [0]

        def placed(_flowable: Flowable) -> None:
            done[0] += 1
            progress(min(1.0, done[0] / total))

        document.afterFlowable = placed
    generated = messages.render(
        "report.generated", meta.language, at=meta.generated_at, by=meta.generated_by
    )
    canvas = page_canvas((meta.center_name, meta.title, generated), font, meta.language)
    document.build(story, canvasmaker=canvas)
    return buffer.getvalue()

"""The page around a report's content: the header (center, title) and the footer (who
generated it, when, and "page n of N"). The canvas keeps each page's drawing state until
the document is saved, when N is known, then decorates every page."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from console import messages
from reports import palette

MARGIN = 16 * mm

messages.register(
    {
        "report.page": ("第 {page} 页 / 共 {pages} 页", "Page {page} of {pages}"),
        "report.generated": ("{by} 生成于 {at}", "Generated {at} by {by}"),
    }
)


def page_canvas(meta_lines: tuple[str, str, str], font: str, language: str) -> type[Canvas]:
    """A canvas that draws the header and footer once the page count is known."""
    center, title, generated = meta_lines

    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", font)  # the CJK font from the first glyph on
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.setFont(font, 8)
            self.setFillColor(colors.HexColor(palette.MUTED))
            self.drawString(MARGIN, height - 10 * mm, center)
            self.drawRightString(width - MARGIN, height - 10 * mm, title)
            self.setStrokeColor(colors.HexColor(palette.GRID))
            self.line(MARGIN, height - 11.5 * mm, width - MARGIN, height - 11.5 * mm)
            self.line(MARGIN, 11.5 * mm, width - MARGIN, 11.5 * mm)
            self.drawString(MARGIN, 8 * mm, generated)
            page = messages.render("report.page", language, page=self._pageNumber, pages=total)
            self.drawRightString(width - MARGIN, 8 * mm, page)

    return PagedCanvas

"""Printing a PDF without holding up the window: pages are rendered on a thread, painted
on the printer as they arrive.

PDFium renders a page to an image; for a long case list at 300 dpi that is seconds per
handful of pages, so it runs on a QThread with its own QPdfDocument read from the same
bytes. Painting on the printer stays on the GUI thread (QPrinter and QPainter are not
thread-safe); each image is painted as soon as it arrives. The renderer works at most
AHEAD pages in front of the painter: each waiting A4 image is about 35 MB.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRect,
    QSize,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

# Sharp text on paper, at about 35 MB per A4 page while it is painted.
RENDER_DPI = 300
AHEAD = 2


def render_size(target: QSize, printer_dpi: int) -> QSize:
    """The size to render a page at, for a page target pixels big at printer_dpi."""
    if printer_dpi <= RENDER_DPI:
        return target
    factor = RENDER_DPI / printer_dpi
    return QSize(max(1, round(target.width() * factor)), max(1, round(target.height() * factor)))


def render_page(document: QPdfDocument, page: int, size: QSize) -> QImage:
    return document.render(page, size)


class PageRenderer(QThread):
    """Renders the pages of a PDF at the given sizes, in order, one signal per page."""

    rendered = Signal(int, QImage)

    def __init__(self, data: bytes, sizes: list[QSize]) -> None:
        super().__init__()
        self.setObjectName("reportPageRenderer")
        self._data = data
        self._sizes = sizes
        self._room = threading.Semaphore(AHEAD)
        self._cancelled = threading.Event()

    def run(self) -> None:
        # Both objects belong to this thread and die with run(); nothing is shared with
        # the preview's document but the bytes.
        buffer = QBuffer()
        buffer.setData(QByteArray(self._data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        try:
            for page, size in enumerate(self._sizes):
                self._room.acquire()
                if self._cancelled.is_set():
                    return
                self.rendered.emit(page, render_page(document, page, size))
        finally:
            document.close()
            buffer.close()

    def painted(self) -> None:
        """A page is on paper: room for one more image."""
        self._room.release()

    def cancel(self) -> None:
        self._cancelled.set()
        self._room.release()


class PrintJob(QObject):
    """One print run: start(), then progressed per page, finished once (also on cancel)."""

    progressed = Signal(int, int)  # pages painted, pages in all
    finished = Signal(int)  # pages sent to the printer

    def __init__(
        self,
        document: QPdfDocument,
        data: bytes,
        printer: QPrinter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.printer = printer
        self.pages = document.pageCount()
        self.painted = 0
        self.cancelled = False
        self.done = False
        self._painter = QPainter()
        area = printer.pageLayout().paintRectPixels(printer.resolution()).size()
        self._targets = [
            document.pagePointSize(page).toSize().scaled(area, Qt.AspectRatioMode.KeepAspectRatio)
            for page in range(self.pages)
        ]
        dpi = printer.resolution()
        self.renderer = PageRenderer(data, [render_size(t, dpi) for t in self._targets])
        self.renderer.rendered.connect(self._paint)

    def start(self) -> bool:
        """False (and finished at once) when there is nothing to print or no printer."""
        if self.pages == 0 or not self._painter.begin(self.printer):
            self.done = True
            self.finished.emit(0)
            return False
        self.renderer.start()
        return True

    def _paint(self, page: int, image: QImage) -> None:
        if self.done or page != self.painted:
            return
        if page > 0:
            self.printer.newPage()
        target = self._targets[page]
        self._painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
        self.painted += 1
        self.renderer.painted()
        if self.painted == self.pages:
            self._end()
            return
        # Last: a modal progress dialog handles events in here, another page among them.
        self.progressed.emit(self.painted, self.pages)

    def cancel(self) -> None:
        if self.done:
            return
        self.cancelled = True
        self._end()

    def _end(self) -> None:
        self.done = True
        self.renderer.cancel()
        self.renderer.wait()  # at most the page being rendered
        if self.cancelled:
            self.printer.abort()
        if self._painter.isActive():
            self._painter.end()
        self.finished.emit(self.painted)


__all__ = ["AHEAD", "RENDER_DPI", "PageRenderer", "PrintJob", "render_size"]

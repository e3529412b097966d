"""A tour: a list of cameras shown a wall-full at a time, each page for its dwell time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from console.services.cameras_wall import Tour, tour_pages


class TourRunner(QObject):
    page_changed = Signal(int, int)  # page number from 0, pages

    def __init__(
        self, show: Callable[[str, list[int]], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._show = show
        self._tour: Tour | None = None
        self._pages: list[list[int]] = []
        self._page = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._next)

    @property
    def running(self) -> Tour | None:
        return self._tour

    def start(self, tour: Tour) -> None:
        self._tour = tour
        self._pages = tour_pages(tour)
        self._page = -1
        self._timer.setInterval(tour.dwell_s * 1000)
        self._timer.start()
        self._next()

    def stop(self) -> None:
        self._timer.stop()
        self._tour = None

    def _next(self) -> None:
        if self._tour is None or not self._pages:
            return
        self._page = (self._page + 1) % len(self._pages)
        self._show(self._tour.layout, self._pages[self._page])
        self.page_changed.emit(self._page, len(self._pages))

"""Live counts for the queue's tabs, read on the worker and throttled.

Counting every tab touches many rows on a big database, and changes may arrive every
second on a busy day. request() asks for fresh counts; at most one read is out at a
time, requests meanwhile fold into one more read afterwards, and reads are spaced by at
least MIN_INTERVAL_MS or RELATIVE_GAP times the last read's duration, whichever is
longer, so the counts never crowd the page reads out of the worker's queue.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session

import console.services.queue as queue_service
from console.errors import KnownError
from console.ops import DatabaseWorker, reading

MIN_INTERVAL_MS = 1000
RELATIVE_GAP = 4


class TabCounts(QObject):
    changed = Signal(object)  # dict[str, int]
    failed = Signal(object)  # KnownError

    def __init__(
        self,
        worker: DatabaseWorker,
        *,
        counter: Callable[..., dict[str, int]] = queue_service.tab_counts,
        clock: Callable[[], dt.datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._counter = counter
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._in_flight = False
        self._again = False
        self._last_read_s = 0.0
        self.counts: dict[str, int] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.read_now)

    def request(self) -> None:
        """Fresh counts soon (a burst of requests costs one read)."""
        if self._in_flight:
            self._again = True
        elif not self._timer.isActive():
            gap_ms = int(self._last_read_s * 1000 * RELATIVE_GAP)
            self._timer.start(max(MIN_INTERVAL_MS, gap_ms))

    def read_now(self) -> None:
        self._timer.stop()
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        counter, now = self._counter, self._clock()

        def counts(session: Session) -> dict[str, int]:
            return counter(session, now=now)

        started = time.monotonic()

        def done(result: dict[str, int]) -> None:
            self._finished(started)
            self.counts = dict(result)
            self.changed.emit(self.counts)

        def failed(error: KnownError) -> None:
            self._finished(started)
            self.failed.emit(error)

        self._worker.submit(reading(counts), success=done, failure=failed, owner=self)

    @property
    def pending(self) -> bool:
        """A read is planned or a request is waiting for the one out."""
        return self._timer.isActive() or self._again

    def stop(self) -> None:
        self._timer.stop()
        self._again = False

    def _finished(self, started: float) -> None:
        self._in_flight = False
        self._last_read_s = time.monotonic() - started
        if self._again:
            self._again = False
            self.request()

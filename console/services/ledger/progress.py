"""Progress and cancellation of long work, shared by the worker and whoever watches it.

The worker calls start() and advance(); advance() raises Cancelled once cancel() was
called (from any thread), so long loops stop at the next row. The callback runs on the
worker's thread, at most once per interval (plus at each start and finish), so a GUI
can forward it through a signal without flooding its event loop.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from console.errors import KnownError

ProgressCallback = Callable[["Progress"], None]


class Cancelled(KnownError):
    """The user cancelled; the work's transaction is rolled back, files are removed."""

    def __init__(self) -> None:
        super().__init__("ledger.cancelled")


class Progress:
    def __init__(
        self,
        callback: ProgressCallback | None = None,
        *,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.callback = callback
        self.interval = interval
        self.clock = clock
        self.phase = ""
        self.done = 0
        self.total: int | None = None  # None while unknown
        self._cancel = threading.Event()
        self._last = -float("inf")

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)

    def cancel(self) -> None:
        """Ask the work to stop (safe from any thread)."""
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def start(self, phase: str, total: int | None = None) -> None:
        self.check()
        self.phase, self.done, self.total = phase, 0, total
        self._notify(force=True)

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.total is not None and self.done > self.total:
            self.total = self.done  # the estimate was low
        self.check()
        self._notify()

    def finish(self) -> None:
        """The phase is complete: whatever the estimate said, done is the total."""
        self.total = self.done
        self._notify(force=True)

    def _notify(self, force: bool = False) -> None:
        if self.callback is None:
            return
        now = self.clock()
        if force or now - self._last >= self.interval:
            self._last = now
            self.callback(self)

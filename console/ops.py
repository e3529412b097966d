"""The Qt bridge: database work runs on one worker thread, results return on the GUI thread.

    worker = DatabaseWorker(store, on_known_error=show_message, on_bug=crash.report)
    worker.start()
    worker.submit(reading(rows_service), success=view.set_rows, owner=view)
    ...
    worker.stop()  # lets queued jobs finish, then ends the thread

- Jobs run one at a time, in the order they were submitted (one database connection's
  worth of work, never two writers from the same workstation racing each other).
- success(result) and failure(error) are called on the GUI thread, so they may touch
  widgets. A KnownError goes to failure, or to on_known_error when the job has none;
  any other exception is a bug: it is logged with its traceback and given to on_bug.
- When owner is given and has been deleted by the time the result arrives (its dialog
  was closed), the result is dropped instead of calling into a dead widget.
- reading(fn) / writing(fn) turn a service function of a Session into a job, in a read
  session or one write transaction.
- call(fn) runs fn on the worker and waits for it while the GUI keeps painting; it is
  meant for start-up steps that must finish before anything else, and raises whatever
  fn raised.
- known_error carries every KnownError any job raised, whoever handles it, so that the
  live feed notices a lost database from any pane's failed job.
"""

from __future__ import annotations

import functools
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QThread, Signal
from sqlalchemy.orm import Session

from console.errors import KnownError
from console.store import Store

log = logging.getLogger("console.ops")

T = TypeVar("T")
SLOW_JOB_S = 0.5


@dataclass
class _Job:
    fn: Callable[[Store], Any]
    done: Callable[[Any], None]
    error: Callable[[Exception], None]
    owner: QObject | None = None
    name: str = field(default="")


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call across threads."""

    finished = Signal(object, object)  # job, result
    failed = Signal(object, object)  # job, exception


class _WorkerThread(QThread):
    def __init__(self, store: Store, jobs: queue.SimpleQueue[_Job | None], relay: _Relay):
        super().__init__()
        self.setObjectName("database-worker")
        self._store = store
        self._jobs = jobs
        self._relay = relay

    def run(self) -> None:
        threading.current_thread().name = "database-worker"  # for the log's threadName
        while (job := self._jobs.get()) is not None:
            started = time.monotonic()
            try:
                result = job.fn(self._store)
            except Exception as error:
                self._relay.failed.emit(job, error)
            else:
                self._relay.finished.emit(job, result)
                del result
            elapsed = time.monotonic() - started
            if elapsed > SLOW_JOB_S:
                log.info("slow database job %s: %.2f s", job.name, elapsed)
            # Drop this thread's references now: if the job held a widget's last reference
            # (its callbacks, its owner), the widget must not be destroyed on this thread
            # when the next job replaces the variable.
            del job


class DatabaseWorker(QObject):
    # Every KnownError a job raised (on the GUI thread, before its handler runs).
    known_error = Signal(object)

    def __init__(
        self,
        store: Store,
        *,
        on_known_error: Callable[[KnownError], None] | None = None,
        on_bug: Callable[[BaseException], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.on_known_error = on_known_error
        self.on_bug = on_bug
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._relay.failed.connect(self._deliver_error)
        self._thread = _WorkerThread(store, self._jobs, self._relay)
        self._stopped = False

    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def submit(
        self,
        fn: Callable[[Store], T],
        *,
        success: Callable[[T], None] | None = None,
        failure: Callable[[KnownError], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Queue fn(store) for the worker; callbacks come back on the GUI thread.

        After stop() jobs are dropped: a timer or a late click during shutdown is normal.
        """
        if self._stopped:
            log.debug("worker stopped: dropping %s", _name(fn))
            return

        def on_error(error: Exception) -> None:
            if isinstance(error, KnownError):
                handler = failure or self.on_known_error
                if handler is not None:
                    handler(error)
                else:
                    log.warning("unhandled known error: %s", error)
                return
            self._bug(error)

        self._jobs.put(_Job(fn, success or _ignore, on_error, owner, _name(fn)))

    def call(self, fn: Callable[[Store], T]) -> T:
        """Run fn on the worker and wait (with a local event loop); raise what it raised."""
        loop = QEventLoop()
        outcome: dict[str, Any] = {}

        def done(result: Any) -> None:
            outcome["result"] = result
            loop.quit()

        def error(exception: Exception) -> None:
            outcome["error"] = exception
            loop.quit()

        if self._stopped:
            raise RuntimeError("the database worker has been stopped")
        self._jobs.put(_Job(fn, done, error, None, _name(fn)))
        loop.exec()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Let the jobs already queued finish, then end the thread (idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        self._jobs.put(None)
        if self._thread.isRunning() and not self._thread.wait(timeout_ms):
            log.error("database worker did not stop within %d ms", timeout_ms)

    def _alive(self, job: _Job) -> bool:
        return job.owner is None or shiboken6.isValid(job.owner)

    def _deliver(self, job: _Job, result: object) -> None:
        if self._alive(job):
            job.done(result)

    def _deliver_error(self, job: _Job, error: Exception) -> None:
        if isinstance(error, KnownError):
            self.known_error.emit(error)
        if self._alive(job):
            job.error(error)
        elif not isinstance(error, KnownError):
            self._bug(error)

    def _bug(self, error: BaseException) -> None:
        log.error("bug in database job", exc_info=(type(error), error, error.__traceback__))
        if self.on_bug is not None:
            self.on_bug(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)


def _ignore(_result: object) -> None:
    pass


def _name(fn: Callable[..., Any]) -> str:
    while isinstance(fn, functools.partial):
        fn = fn.func
    return str(getattr(fn, "__qualname__", None) or type(fn).__name__)


class Progress(QObject):
    """Progress reported from the worker thread, delivered as a signal on the GUI thread.

    Pass report (a plain callable) to the long-running function; it may be called with
    (done, total), a fraction, or a text, and changed carries the arguments unchanged.
    """

    changed = Signal(object)

    def report(self, *args: object) -> None:
        self.changed.emit(args)


def reading(fn: Callable[[Session], T]) -> Callable[[Store], T]:
    """A job that calls a service function in a read session."""

    def job(store: Store) -> T:
        with store.read() as session:
            return fn(session)

    job.__qualname__ = f"reading({_name(fn)})"
    return job


def writing(fn: Callable[[Session], T]) -> Callable[[Store], T]:
    """A job that calls a service function in one write transaction."""

    def job(store: Store) -> T:
        with store.write() as session:
            return fn(session)

    job.__qualname__ = f"writing({_name(fn)})"
    return job

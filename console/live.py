"""The live feed: what changed in the database reaches this workstation's ChangeBus.

    live = LiveFeed(store, worker, bus)
    live.start()   # before the panes load, so nothing committed meanwhile is missed
    ...
    live.stop()    # before worker.stop()

PostgreSQL: a FeedListener LISTENs on its own connection; a QSocketNotifier on the GUI
thread watches that socket and, when it turns readable, a worker job drains the feed.
SQLite: a timer asks the worker every POLL_MS whether max(seq) moved past last_seen.
The listener object only ever runs on the worker thread; the GUI thread just hands it
to the jobs.

When the database cannot be reached (any job failing with db.unreachable, the listener's
socket erroring), the bus goes offline and a reconnect is tried every 2 s, slowing to
10 s. A reconnect re-creates the listener from last_seen and drains before the bus goes
online again, so panes catch up on everything committed while this workstation was away.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from console.errors import KnownError
from console.live_jobs import OFFLINE_CODES, Batch, close_listener, collect, open_listener, poll
from console.ops import DatabaseWorker
from console.services.feed import FeedListener
from console.store import Store
from console.views.bus import ChangeBus

log = logging.getLogger("console.live")

POLL_MS = 500  # SQLite: how often max(seq) is compared with last_seen
HEARTBEAT_MS = 15_000  # PostgreSQL: a drain now and then, in case a NOTIFY went astray
RETRY_FIRST_MS = 2_000
RETRY_MAX_MS = 10_000
RETRY_FACTOR = 1.5


class LiveFeed(QObject):
    def __init__(
        self,
        store: Store,
        worker: DatabaseWorker,
        bus: ChangeBus,
        *,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._worker = worker
        self._bus = bus
        self._state = "idle"  # idle, opening, online, offline, stopped
        self._listener: FeedListener | None = None
        self._notifier: QSocketNotifier | None = None
        self._last_seen: int | None = None
        self._opening = False  # an open job is out on the worker
        self._busy = False  # a drain is out on the worker
        self._again = False  # the socket woke while it was
        self._retry_ms = RETRY_FIRST_MS
        self._tick = QTimer(self)
        self._tick.setInterval(poll_ms if store.is_sqlite else HEARTBEAT_MS)
        self._tick.timeout.connect(self._drain)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._reconnect)
        worker.known_error.connect(self._job_failed)

    @property
    def last_seen(self) -> int | None:
        return self._last_seen

    @property
    def state(self) -> str:
        return self._state

    def start(self) -> None:
        if self._state != "idle":
            return
        self._state = "opening"
        self._submit_open()

    def stop(self) -> None:
        """Stop timers and the notifier, close the listener (idempotent)."""
        if self._state == "stopped":
            return
        self._state = "stopped"
        self._tick.stop()
        self._retry.stop()
        self._drop_notifier()
        self._release(self._listener)
        self._listener = None

    # -- opening and reconnecting ----------------------------------------------------------

    def _submit_open(self) -> None:
        self._opening = True
        self._worker.submit(
            partial(open_listener, self._last_seen),
            success=self._opened,
            failure=self._open_failed,
            owner=self,
        )

    def _opened(self, batch: Batch) -> None:
        self._opening = False
        if self._state == "stopped":
            self._release(batch.listener)
            return
        if self._listener is not batch.listener:
            self._release(self._listener)  # none, unless a stale one is still around
        self._adopt(batch)
        self._retry_ms = RETRY_FIRST_MS
        self._state = "online"
        self._tick.start()
        self._deliver(batch)
        self._bus.set_online(True)
        log.info("following the change feed after seq %s", self._last_seen)

    def _open_failed(self, error: KnownError) -> None:
        self._opening = False
        if self._state == "stopped":
            return
        if error.code in OFFLINE_CODES:
            self._go_offline(error)  # nothing new when already offline
        else:
            log.warning("cannot follow the change feed: %s", error)
        self._retry.start(self._retry_ms)
        self._retry_ms = min(int(self._retry_ms * RETRY_FACTOR), RETRY_MAX_MS)

    def _reconnect(self) -> None:
        if self._state in ("offline", "opening") and not self._opening:
            self._submit_open()

    def _go_offline(self, error: KnownError) -> None:
        if self._state not in ("online", "opening"):
            return
        log.warning("database unreachable, reconnecting: %s", error)
        self._state = "offline"
        self._tick.stop()
        self._drop_notifier()
        self._release(self._listener)
        self._listener = None
        self._retry_ms = RETRY_FIRST_MS
        self._bus.set_online(False)
        if not self._opening:  # else the open job's failure schedules the retry
            self._retry.start(self._retry_ms)

    def _job_failed(self, error: object) -> None:
        """Any job of any pane: a lost database often shows there first."""
        if isinstance(error, KnownError) and error.code in OFFLINE_CODES:
            self._go_offline(error)

    # -- draining --------------------------------------------------------------------------

    def _socket_woke(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)  # the worker reads the socket; until then, quiet
        if self._busy:
            self._again = True
            return
        self._drain()

    def _drain(self) -> None:
        listener = self._listener
        if self._busy or self._state != "online" or listener is None:
            return
        self._busy = True
        job = collect if self._notifier is not None else poll
        self._worker.submit(
            partial(job, listener), success=self._drained, failure=self._drain_failed, owner=self
        )

    def _drained(self, batch: Batch | None) -> None:
        self._busy = False
        if batch is not None and batch.listener is not self._listener:
            # The job listened again on a new connection (see live_jobs.drain_listener).
            if self._state == "online":
                self._adopt(batch)
            else:
                self._release(batch.listener)
        if self._state == "stopped":
            return
        if batch is not None:
            self._deliver(batch)
        if self._state != "online":
            return
        if self._notifier is not None:
            self._notifier.setEnabled(True)
        if self._again:
            self._again = False
            self._drain()

    def _drain_failed(self, error: KnownError) -> None:
        self._busy = False
        self._again = False
        if self._state == "stopped":
            return
        if error.code in OFFLINE_CODES:
            self._go_offline(error)
            return
        log.warning("reading the change feed failed: %s", error)
        if self._notifier is not None:
            self._notifier.setEnabled(True)

    def _deliver(self, batch: Batch) -> None:
        self._last_seen = batch.last_seen
        self._bus.publish(batch.changes)
        for case_id in batch.urgent:
            self._bus.urgent_case.emit(case_id)

    # -- helpers ---------------------------------------------------------------------------

    def _adopt(self, batch: Batch) -> None:
        """Follow the batch's listener and watch its socket."""
        self._drop_notifier()
        self._listener = batch.listener
        if batch.fileno is not None:
            self._notifier = QSocketNotifier(batch.fileno, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._socket_woke)

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.activated.disconnect(self._socket_woke)
            self._notifier.deleteLater()
            self._notifier = None

    def _release(self, listener: FeedListener | None) -> None:
        """Close a listener on the worker; directly once the worker has stopped."""
        if listener is None:
            return
        if self._worker.running:
            self._worker.submit(partial(close_listener, listener))
        else:
            close_listener(listener, self._store)

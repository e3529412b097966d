"""Moves the map's data from the services to the page: a worker job produces JSON bytes,
the loopback server holds them, and the page is told to fetch them (or, for a live
update, is handed the few rows in the call itself).

Live updates: while one update is out, further changed ids are collected and sent in
one batch afterwards, so a burst of changes costs two reads at most.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from console.errors import KnownError
from console.geo.web_server import MapServer
from console.ops import DatabaseWorker
from console.services.map import cases as map_cases
from console.services.map import layers as map_layers
from console.store import Store
from console.views.map_toolbar import DEFAULT_HEAT_DAYS
from console.views.map_view import MapView


class MapLoader(QObject):
    # A layer's data is in the page: "cases", "boundaries", "devices", "heat", "update".
    loaded = Signal(str)
    failed = Signal(object)  # KnownError

    def __init__(
        self, worker: DatabaseWorker, server: MapServer, view: MapView, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._server = server
        self._view = view
        self._versions = itertools.count(1)
        self.scope = "open"
        self.heat_days = DEFAULT_HEAT_DAYS
        self.heat_category: int | None = None
        self._updating = False
        self._pending: set[int] = set()
        self._ready = False

    def page_ready(self) -> None:
        self._ready = True
        self.load_layers()
        self.load_cases()
        self.load_heat()

    def page_gone(self) -> None:
        self._ready = False

    # -- whole layers --------------------------------------------------------------------------

    def load_cases(self) -> None:
        job = functools.partial(map_cases.case_points, scope=self.scope)
        self._fetch(job, "cases", "SanwangMap.loadCases")
        self._pending.clear()

    def load_layers(self) -> None:
        self._fetch(map_layers.boundaries, "boundaries", "SanwangMap.loadBoundaries")
        self._fetch(map_layers.devices, "devices", "SanwangMap.loadDevices")

    def load_heat(self) -> None:
        end = dt.datetime.now(dt.UTC)
        start = end - dt.timedelta(days=self.heat_days)
        job = functools.partial(
            map_layers.heat_points, start=start, end=end, category_id=self.heat_category
        )
        self._fetch(job, "heat", "SanwangMap.loadHeat")

    def _fetch(self, fn: Callable[..., bytes], name: str, js_function: str) -> None:
        if not self._ready:
            return

        def arrived(data: bytes) -> None:
            if not self._ready:
                return
            self._server.put_json(f"{name}.json", data)
            url = f"{self._server.base_url}data/{name}.json?v={next(self._versions)}"
            self._view.run(f"{js_function}({json.dumps(url)})", lambda _r: self.loaded.emit(name))

        self._worker.submit(_read(fn), success=arrived, failure=self._failed, owner=self)

    def _failed(self, error: KnownError) -> None:
        self._updating = False
        self.failed.emit(error)

    # -- live ----------------------------------------------------------------------------------

    def cases_changed(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        if not wanted:  # a change too large to list: read the layer again
            self.load_cases()
            return
        self._pending |= wanted
        if not self._updating:
            self._send_update()

    def _send_update(self) -> None:
        if not self._ready or not self._pending:
            return
        ids, self._pending = sorted(self._pending), set()
        self._updating = True
        job = functools.partial(map_cases.case_updates, ids=ids, scope=self.scope)

        def arrived(data: bytes) -> None:
            self._updating = False
            if self._ready:
                self._view.run(
                    f"SanwangMap.updateCases({data.decode()})",
                    lambda _r: self.loaded.emit("update"),
                )
            self._send_update()

        self._worker.submit(_read(job), success=arrived, failure=self._failed, owner=self)


def _read(fn: Callable[..., bytes]) -> Callable[[Store], bytes]:
    """A worker job calling a map service (which takes session= as a keyword)."""

    def job(store: Store) -> bytes:
        with store.read() as session:
            return fn(session=session)

    # functools.partial has no __name__: name the job after the function it wraps
    inner = fn.func if isinstance(fn, functools.partial) else fn
    job.__qualname__ = f"map({getattr(inner, '__name__', 'service')})"
    return job

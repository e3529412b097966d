"""The offline basemap of a demo street, drawn on first use when the file is missing.

The outlines are read on the database worker; drawing a few hundred tiles takes
seconds, so it runs on a thread of its own and reports back through a signal (queued to
the GUI thread), leaving the worker free for the panes meanwhile.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from console.geo.mbtiles import write_mbtiles
from console.geo.tile_render import BaseGeometry, render_tiles
from console.ops import DatabaseWorker
from console.services.accounts import is_demo_database
from console.services.map.layers import base_geometry
from console.store import Store

log = logging.getLogger("console.map")

DEMO_ZOOMS = (13, 17)


class DemoTiles(QObject):
    written = Signal(str)  # the MBTiles path

    def __init__(self, worker: DatabaseWorker, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._path = path
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        def job(store: Store) -> BaseGeometry | None:
            with store.read() as session:
                if not is_demo_database(session):
                    return None
                return base_geometry(session=session)

        self._worker.submit(job, success=self._draw, failure=lambda _e: None, owner=self)

    def _draw(self, geometry: BaseGeometry | None) -> None:
        bounds = geometry.bounds() if geometry is not None else None
        if geometry is None or bounds is None:
            return
        low, high = DEMO_ZOOMS
        metadata = {
            "name": "demo street",
            "format": "png",
            "type": "baselayer",
            "minzoom": str(low),
            "maxzoom": str(high),
            "bounds": ",".join(f"{v:.6f}" for v in bounds),
        }

        def draw() -> None:
            try:
                zooms = range(low, high + 1)
                count = write_mbtiles(self._path, render_tiles(geometry, zooms), metadata)
            except OSError as error:
                log.warning("demo tiles not written to %s: %s", self._path, error)
                return
            log.info("drew %d demo tiles into %s", count, self._path)
            self.written.emit(str(self._path))

        self._thread = threading.Thread(target=draw, name="map-demo-tiles", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

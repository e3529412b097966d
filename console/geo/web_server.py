"""The loopback HTTP server behind the map view: page, vendored scripts, offline tiles and
the JSON the page fetches. It binds 127.0.0.1 on a free port and answers only under a
random path prefix, so other local programs cannot guess their way to case data.

Plain threads, no Qt: the view starts it, hands it bytes, and stops it when it closes.
"""

from __future__ import annotations

import http.server
import logging
import mimetypes
import re
import secrets
import threading
from pathlib import Path

from console.geo.mbtiles import MBTilesError, MBTilesReader

log = logging.getLogger("console.map")

WEB_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "web"
_TILE_PATH = re.compile(r"^tiles/(\d{1,2})/(\d{1,7})/(\d{1,7})\.png$")
_BLOB_NAME = re.compile(r"^[a-z0-9_-]{1,40}\.json$")


class MapServer:
    def __init__(self, web_dir: Path = WEB_DIR) -> None:
        self.web_dir = web_dir.resolve()
        self.token = secrets.token_urlsafe(12)
        self._lock = threading.Lock()
        self._files: dict[str, tuple[bytes, str]] = {}
        self._tiles: MBTilesReader | None = None
        self.tile_errors = 0
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="map-server", daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/{self.token}/"

    def start(self) -> MapServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()
        self.set_tiles(None)

    # -- content -------------------------------------------------------------------------

    def put(self, name: str, data: bytes, content_type: str) -> None:
        """Serve data at base_url + name (the page, the JSON of a layer ...)."""
        with self._lock:
            self._files[name] = (data, content_type)

    def put_json(self, name: str, data: bytes) -> None:
        if not _BLOB_NAME.match(name):
            raise ValueError(f"bad data name {name!r}")
        self.put(f"data/{name}", data, "application/json")

    def set_tiles(self, reader: MBTilesReader | None) -> None:
        with self._lock:
            old, self._tiles = self._tiles, reader
        if old is not None and old is not reader:
            old.close()

    # -- answers (server threads) ------------------------------------------------------------

    def answer(self, path: str) -> tuple[int, bytes, str]:
        if not path.startswith(f"/{self.token}/"):
            return 404, b"", "text/plain"
        name = path[len(self.token) + 2 :].split("?", 1)[0]
        with self._lock:
            stored = self._files.get(name)
            tiles = self._tiles
        if stored is not None:
            return 200, stored[0], stored[1]
        if name.startswith("static/"):
            return self._static(name[len("static/") :])
        match = _TILE_PATH.match(name)
        if match is not None:
            return self._tile(tiles, *(int(v) for v in match.groups()))
        return 404, b"", "text/plain"

    def _static(self, relative: str) -> tuple[int, bytes, str]:
        target = (self.web_dir / relative).resolve()
        if not target.is_relative_to(self.web_dir) or not target.is_file():
            return 404, b"", "text/plain"
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return 200, target.read_bytes(), kind

    def _tile(self, tiles: MBTilesReader | None, z: int, x: int, y: int) -> tuple[int, bytes, str]:
        if tiles is None:
            return 404, b"", "text/plain"
        try:
            data = tiles.tile(z, x, y)
        except MBTilesError as error:
            self.tile_errors += 1
            log.warning("tile %s/%s/%s unreadable: %s", z, x, y, error)
            return 500, b"", "text/plain"
        if data is None:
            return 404, b"", "text/plain"
        return 200, data, "image/png"


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    owner: MapServer


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        status, body, kind = self.server.owner.answer(self.path)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        # Vendored files and tiles do not change while the console runs; the page and its
        # data do.
        fixed = "/static/" in self.path or "/tiles/" in self.path
        self.send_header("Cache-Control", "max-age=600" if fixed else "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("map server: " + format, *args)

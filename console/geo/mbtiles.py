"""MBTiles 1.3 files: a SQLite database of tiles (zoom_level, tile_column, tile_row in TMS
order, tile_data) with a metadata table. Written by the tile renderer, read by the
loopback server for the offline basemap.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from console.geo.tiles import tms_row


class MBTilesError(Exception):
    """The file is missing, unreadable or not an MBTiles file."""


def write_mbtiles(
    path: Path, tiles: Iterable[tuple[int, int, int, bytes]], metadata: dict[str, str]
) -> int:
    """Write (zoom, x, y in XYZ order, PNG bytes) tiles to a new file; returns the count.

    The file is written aside and renamed, so a reader never sees half a file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    count = 0
    # closing(): the connection's own "with" only commits, and an open file cannot be
    # renamed on Windows.
    with contextlib.closing(sqlite3.connect(partial)) as db, db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
            " tile_row INTEGER, tile_data BLOB)"
        )
        db.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", sorted(metadata.items()))
        for zoom, x, y, data in tiles:
            db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (zoom, x, tms_row(zoom, y), data))
            count += 1
    partial.replace(path)
    return count


def read_only_uri(absolute: str) -> str:
    """SQLite's read-only URI for an absolute path in "/" form (POSIX or Windows).

    Every character a URI would read as its own ("?", "#", "%", spaces, Chinese) is
    escaped. SQLite takes no host in a URI, so a Windows share (//server/share/...) goes
    after an empty one, and a drive letter (C:/...) after a "/".
    """
    if absolute.startswith("//"):
        absolute = "//" + absolute
    elif not absolute.startswith("/"):
        absolute = "/" + absolute
    return f"file:{urllib.parse.quote(absolute, safe='/:')}?mode=ro"


class MBTilesReader:
    """Read-only access, shared by the server's threads (one connection, one lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise MBTilesError(f"no tile file at {path}")
        try:
            uri = read_only_uri(path.absolute().as_posix())
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            rows = self._db.execute("SELECT name, value FROM metadata").fetchall()
            self._db.execute("SELECT tile_data FROM tiles LIMIT 1").fetchall()
        except sqlite3.Error as error:
            raise MBTilesError(f"{path} is not a readable MBTiles file: {error}") from error
        self.metadata = {str(name): str(value) for name, value in rows}
        self._lock = threading.Lock()

    @property
    def zoom_range(self) -> tuple[int, int] | None:
        try:
            return int(self.metadata["minzoom"]), int(self.metadata["maxzoom"])
        except (KeyError, ValueError):
            return None

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """(west, south, east, north) from the metadata, if it says."""
        try:
            parts = [float(v) for v in self.metadata["bounds"].split(",")]
        except (KeyError, ValueError):
            return None
        return (parts[0], parts[1], parts[2], parts[3]) if len(parts) == 4 else None

    @property
    def tile_format(self) -> str:
        return self.metadata.get("format", "png")

    def tile(self, zoom: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ (zoom, x, y), or None when the file has none there."""
        with self._lock:
            try:
                row = self._db.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ?"
                    " AND tile_row = ?",
                    (zoom, x, tms_row(zoom, y)),
                ).fetchone()
            except sqlite3.Error as error:
                raise MBTilesError(f"{self.path}: {error}") from error
        return bytes(row[0]) if row is not None else None

    def close(self) -> None:
        with self._lock:
            self._db.close()

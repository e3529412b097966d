"""Web-mercator (EPSG:3857) tile arithmetic: the XYZ scheme Leaflet and most servers use.

MBTiles store rows in the TMS order (row 0 at the south); tms_row() converts.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

TILE_SIZE = 256
MAX_LAT = 85.05112878


def world_pixel(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Global pixel position of a WGS-84 point at a zoom level (origin north-west)."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    scale = TILE_SIZE * (1 << zoom)
    x = (lon + 180.0) / 360.0 * scale
    sin_lat = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin_lat) / (1 - sin_lat)) / (4 * math.pi)) * scale
    return x, y


def tile_of(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    x, y = world_pixel(lon, lat, zoom)
    last = (1 << zoom) - 1
    return min(last, max(0, int(x // TILE_SIZE))), min(last, max(0, int(y // TILE_SIZE)))


def tms_row(zoom: int, y: int) -> int:
    """The MBTiles (TMS) row of an XYZ row, and back: the flip is its own inverse."""
    return (1 << zoom) - 1 - y


def tiles_covering(
    bounds: tuple[float, float, float, float], zoom: int
) -> Iterator[tuple[int, int]]:
    """(x, y) of every tile touching bounds = (west, south, east, north)."""
    west, south, east, north = bounds
    x0, y0 = tile_of(west, north, zoom)
    x1, y1 = tile_of(east, south, zoom)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            yield x, y

"""Basemap tiles drawn from the project's own geometry (street, communities, grids), so a
street without internet and without bought tiles still has a map underneath its cases.

Tiles are drawn at twice their size and scaled down, which smooths the edges; labels are
left to the map page, which places them at every zoom.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

from console.geo.tiles import TILE_SIZE, tiles_covering, world_pixel

Ring = Sequence[Sequence[float]]

BACKGROUND = (236, 233, 226)
STREET_FILL = (250, 249, 245)
STREET_EDGE = (150, 60, 60)
GRID_EDGE = (178, 178, 190)
COMMUNITY_FILLS = (
    (227, 238, 250),
    (232, 245, 228),
    (250, 240, 225),
    (242, 230, 245),
    (226, 244, 243),
    (250, 234, 234),
)
COMMUNITY_EDGE = (90, 110, 160)
_SCALE = 2


@dataclass(frozen=True)
class BaseGeometry:
    """Outlines as [[lon, lat], ...] rings in WGS-84."""

    street: tuple[Ring, ...] = ()
    communities: tuple[Ring, ...] = ()
    grids: tuple[Ring, ...] = ()

    def bounds(self, margin: float = 0.004) -> tuple[float, float, float, float] | None:
        points = [p for ring in (*self.street, *self.communities) for p in ring]
        if not points:
            return None
        lons = [float(p[0]) for p in points]
        lats = [float(p[1]) for p in points]
        return min(lons) - margin, min(lats) - margin, max(lons) + margin, max(lats) + margin


def render_tile(geometry: BaseGeometry, zoom: int, x: int, y: int) -> bytes:
    """One 256 px PNG tile at XYZ (zoom, x, y)."""
    size = TILE_SIZE * _SCALE
    image = Image.new("RGB", (size, size), BACKGROUND)
    draw = ImageDraw.Draw(image)
    origin = (x * TILE_SIZE, y * TILE_SIZE)

    def pixels(ring: Ring) -> list[tuple[float, float]]:
        out = []
        for point in ring:
            px, py = world_pixel(float(point[0]), float(point[1]), zoom)
            out.append(((px - origin[0]) * _SCALE, (py - origin[1]) * _SCALE))
        return out

    for ring in geometry.street:
        if len(ring) >= 3:
            draw.polygon(pixels(ring), fill=STREET_FILL)
    for index, ring in enumerate(geometry.communities):
        if len(ring) >= 3:
            draw.polygon(pixels(ring), fill=COMMUNITY_FILLS[index % len(COMMUNITY_FILLS)])
    if zoom >= 14:  # grids are a blur of lines further out
        for ring in geometry.grids:
            if len(ring) >= 3:
                points = pixels(ring)
                draw.line([*points, points[0]], fill=GRID_EDGE, width=_SCALE)
    for ring in geometry.communities:
        if len(ring) >= 3:
            points = pixels(ring)
            draw.line([*points, points[0]], fill=COMMUNITY_EDGE, width=2 * _SCALE)
    for ring in geometry.street:
        if len(ring) >= 3:
            points = pixels(ring)
            draw.line([*points, points[0]], fill=STREET_EDGE, width=3 * _SCALE)
    image = image.resize((TILE_SIZE, TILE_SIZE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def render_tiles(
    geometry: BaseGeometry,
    zooms: Sequence[int],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[int, int, int, bytes]]:
    """(zoom, x, y, PNG) for every tile covering the geometry's bounds at each zoom."""
    bounds = geometry.bounds()
    if bounds is None:
        return
    wanted = [(z, x, y) for z in zooms for x, y in tiles_covering(bounds, z)]
    for done, (z, x, y) in enumerate(wanted, start=1):
        yield z, x, y, render_tile(geometry, z, x, y)
        if progress is not None:
            progress(done, len(wanted))


def tile_count(geometry: BaseGeometry, zooms: Sequence[int]) -> int:
    bounds = geometry.bounds()
    if bounds is None:
        return 0
    return sum(1 for z in zooms for _ in tiles_covering(bounds, z))

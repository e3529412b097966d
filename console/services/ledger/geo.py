"""The street's extent: is a point inside it? (Polygons as [[lon, lat], ...] in WGS-84.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Ring = list[tuple[float, float]]

# A rough box around China, to catch swapped or garbage coordinates cheaply.
CHINA_LON = (73.5, 135.1)
CHINA_LAT = (3.8, 53.6)
_EDGE = 1e-12


def in_china(lon: float, lat: float) -> bool:
    return CHINA_LON[0] <= lon <= CHINA_LON[1] and CHINA_LAT[0] <= lat <= CHINA_LAT[1]


def _on_segment(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> bool:
    (x1, y1), (x2, y2) = a, b
    cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
    if abs(cross) > _EDGE * max(1.0, abs(x2 - x1) + abs(y2 - y1)):
        return False
    return min(x1, x2) - _EDGE <= x <= max(x1, x2) + _EDGE and (
        min(y1, y2) - _EDGE <= y <= max(y1, y2) + _EDGE
    )


def point_in_ring(x: float, y: float, ring: Sequence[tuple[float, float]]) -> bool:
    """Even-odd ray casting; a point on the outline counts as inside."""
    n = len(ring)
    if n < 3:
        return False
    inside = False
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if _on_segment(x, y, ring[j], ring[i]):
            return True
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def rings_of(boundary: Any) -> list[Ring]:
    """The rings of a stored boundary: one ring [[lon, lat], ...] or a list of rings."""
    if not boundary:
        return []
    first = boundary[0]
    if first and isinstance(first[0], list | tuple):
        return [r for b in boundary for r in rings_of(b)]
    return [[(float(p[0]), float(p[1])) for p in boundary]]


@dataclass(frozen=True)
class Extent:
    """Polygons (any of which may hold the point) with their overall bounding box."""

    rings: tuple[tuple[tuple[float, float], ...], ...]
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def contains(self, lon: float, lat: float) -> bool:
        if not (self.min_lon <= lon <= self.max_lon and self.min_lat <= lat <= self.max_lat):
            return False
        return any(point_in_ring(lon, lat, ring) for ring in self.rings)


def extent_of(rings: Sequence[Ring]) -> Extent | None:
    rings = [r for r in rings if len(r) >= 3]
    if not rings:
        return None
    lons = [p[0] for r in rings for p in r]
    lats = [p[1] for r in rings for p in r]
    return Extent(tuple(tuple(r) for r in rings), min(lons), min(lats), max(lons), max(lats))


def box_of(rings: Sequence[Ring]) -> Extent | None:
    """The bounding box of all rings, as a one-rectangle extent."""
    whole = extent_of(rings)
    if whole is None:
        return None
    box = (
        (whole.min_lon, whole.min_lat),
        (whole.max_lon, whole.min_lat),
        (whole.max_lon, whole.max_lat),
        (whole.min_lon, whole.max_lat),
    )
    return extent_of([list(box)])


def street_extent(
    street_boundaries: Sequence[Any], community_boundaries: Sequence[Any]
) -> Extent | None:
    """The street outline if one is stored, else the box around its communities."""
    outline = extent_of([r for b in street_boundaries for r in rings_of(b)])
    if outline is not None:
        return outline
    return box_of([r for b in community_boundaries for r in rings_of(b)])

"""Plain geometry on WGS-84 points: validity, point in polygon, distances, search boxes.

Polygons are lists of [lon, lat] pairs as stored in Street/Community/Grid.boundary; the
ring may or may not repeat its first point. Good enough for areas the size of a street,
where the curvature of the earth does not matter for "inside or outside".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE_LAT = 111_320.0

# The rectangle the GCJ-02 conversion treats as "in China"; a sanity check only, the
# street boundary is the real test.
CHINA_MIN_LON, CHINA_MAX_LON = 72.004, 137.8347
CHINA_MIN_LAT, CHINA_MAX_LAT = 0.8293, 55.8271


def is_number(value: Any) -> bool:
    """A real, finite number (bool is not a coordinate)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value)


def valid_lon_lat(lon: Any, lat: Any) -> bool:
    return is_number(lon) and is_number(lat) and -180 <= lon <= 180 and -90 <= lat <= 90


def in_china(lon: float, lat: float) -> bool:
    return CHINA_MIN_LON <= lon <= CHINA_MAX_LON and CHINA_MIN_LAT <= lat <= CHINA_MAX_LAT


def _ring(polygon: Sequence[Any]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for item in polygon:
        if isinstance(item, Sequence) and len(item) >= 2 and valid_lon_lat(item[0], item[1]):
            points.append((float(item[0]), float(item[1])))
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def has_area(polygon: Sequence[Any] | None) -> bool:
    return bool(polygon) and len(_ring(polygon or [])) >= 3


def point_in_polygon(lon: float, lat: float, polygon: Sequence[Any]) -> bool:
    """Even-odd ray casting; a point exactly on an edge counts as inside."""
    ring = _ring(polygon)
    if len(ring) < 3:
        return False
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if _on_segment(lon, lat, xi, yi, xj, yj):
            return True
        if (yi > lat) != (yj > lat):
            x_cross = xi + (lat - yi) * (xj - xi) / (yj - yi)
            if lon < x_cross:
                inside = not inside
        j = i
    return inside


def _on_segment(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> bool:
    cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax)
    if abs(cross) > 1e-12:
        return False
    return min(ax, bx) <= px <= max(ax, bx) and min(ay, by) <= py <= max(ay, by)


def bounding_box(polygon: Sequence[Any]) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) of a polygon."""
    ring = _ring(polygon)
    if not ring:
        raise ValueError("empty polygon")
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def box_around(lon: float, lat: float, radius_m: float) -> tuple[float, float, float, float]:
    """A lon/lat rectangle that contains every point within radius_m (for SQL prefilters)."""
    dlat = radius_m / METRES_PER_DEGREE_LAT
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    dlon = min(radius_m / (METRES_PER_DEGREE_LAT * cos_lat), 180.0)
    # A little slack so rounding never drops a point right on the circle.
    dlat *= 1.001
    dlon *= 1.001
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat

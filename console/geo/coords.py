"""WGS-84 <-> GCJ-02 <-> BD-09.

Coordinates are stored in WGS-84. GCJ-02 (AMap, Tencent) and BD-09 (Baidu) are only met
at the edges: online basemaps drawn in them and points typed from their apps. The forward
formulas are the published ones; their inverses have no closed form, so they are solved
by fixed-point iteration on the forward formula (error well under a centimetre).
"""

from __future__ import annotations

import math
from collections.abc import Callable

# Krasovsky 1940 ellipsoid, which the GCJ-02 formula is written against.
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0

# Outside this box GCJ-02 equals WGS-84 (the formula is only applied in China).
_MIN_LON, _MAX_LON = 72.004, 137.8347
_MIN_LAT, _MAX_LAT = 0.8293, 55.8271

_TOLERANCE_DEG = 1e-10
_MAX_STEPS = 40

_Forward = Callable[[float, float], tuple[float, float]]


def out_of_china(lon: float, lat: float) -> bool:
    return not (_MIN_LON <= lon <= _MAX_LON and _MIN_LAT <= lat <= _MAX_LAT)


def _shift_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2 / 3
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2 / 3
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2 / 3
    return ret


def _shift_lon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2 / 3
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2 / 3
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2 / 3
    return ret


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    if out_of_china(lon, lat):
        return lon, lat
    dlat = _shift_lat(lon - 105.0, lat - 35.0)
    dlon = _shift_lon(lon - 105.0, lat - 35.0)
    rad_lat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return lon + dlon, lat + dlat


def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def _bd09_to_gcj02_estimate(lon: float, lat: float) -> tuple[float, float]:
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def _invert(
    forward: _Forward, lon: float, lat: float, start: tuple[float, float]
) -> tuple[float, float]:
    """The point p with forward(p) == (lon, lat), refined from start."""
    x, y = start
    for _ in range(_MAX_STEPS):
        fx, fy = forward(x, y)
        dx, dy = lon - fx, lat - fy
        x, y = x + dx, y + dy
        if abs(dx) < _TOLERANCE_DEG and abs(dy) < _TOLERANCE_DEG:
            break
    return x, y


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    if out_of_china(lon, lat):
        return lon, lat
    return _invert(wgs84_to_gcj02, lon, lat, (lon, lat))


def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    return _invert(gcj02_to_bd09, lon, lat, _bd09_to_gcj02_estimate(lon, lat))


def wgs84_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


SYSTEMS = ("wgs84", "gcj02", "bd09")


def convert(lon: float, lat: float, source: str, target: str) -> tuple[float, float]:
    """A point from one system to another (names as in SYSTEMS)."""
    if source not in SYSTEMS or target not in SYSTEMS:
        raise ValueError(f"unknown coordinate system {source!r} or {target!r}")
    if source == target:
        return lon, lat
    to_wgs = {"wgs84": lambda a, b: (a, b), "gcj02": gcj02_to_wgs84, "bd09": bd09_to_wgs84}
    from_wgs = {"wgs84": lambda a, b: (a, b), "gcj02": wgs84_to_gcj02, "bd09": wgs84_to_bd09}
    return from_wgs[target](*to_wgs[source](lon, lat))

"""The cameras nearest a point: for a case on the wall, or a right-click on the map."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models.devices import Camera
from console.services.geo_checks import box_around, haversine_m, valid_lon_lat

DEFAULT_RADIUS_M = 300.0


@dataclass(frozen=True)
class NearbyCamera:
    camera_id: int
    code: str
    name: str
    status: str
    lon: float
    lat: float
    distance_m: float


def nearest_cameras(
    lon: float,
    lat: float,
    *,
    session: Session,
    radius_m: float = DEFAULT_RADIUS_M,
    limit: int = 9,
) -> list[NearbyCamera]:
    """Cameras within radius_m of (lon, lat), nearest first, at most limit of them.

    A bounding box narrows the rows in SQL; the exact distance is computed here.
    """
    if not valid_lon_lat(lon, lat) or radius_m <= 0 or limit <= 0:
        return []
    west, south, east, north = box_around(lon, lat, radius_m)
    rows = session.execute(
        select(Camera.id, Camera.code, Camera.name, Camera.status, Camera.lon, Camera.lat).where(
            Camera.lon.between(west, east), Camera.lat.between(south, north)
        )
    ).all()
    found = [
        NearbyCamera(
            r.id, r.code, r.name, r.status, r.lon, r.lat, haversine_m(lon, lat, r.lon, r.lat)
        )
        for r in rows
    ]
    found = [c for c in found if c.distance_m <= radius_m]
    found.sort(key=lambda c: (c.distance_m, c.camera_id))
    return found[:limit]

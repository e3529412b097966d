"""The cameras nearest a point: radius, order, limit and bad points."""

from __future__ import annotations

from console.models import Camera
from console.services.camera_nearby import nearest_cameras
from console.services.geo_checks import haversine_m
from console.store import Store

ORIGIN = (116.20, 39.90)


def _add_cameras(store: Store) -> None:
    # Cameras due east of the origin every 100 m (about 0.00117 degrees at 39.9 N).
    step = 100 / haversine_m(ORIGIN[0], ORIGIN[1], ORIGIN[0] + 1, ORIGIN[1])
    with store.write() as session:
        for n in range(8):
            session.add(
                Camera(
                    code=f"1101070010013200{n:04d}",
                    name=f"摄像头{n}",
                    lon=ORIGIN[0] + step * n,
                    lat=ORIGIN[1],
                    status="online" if n % 2 else "offline",
                )
            )


def test_nearest_first_within_radius(store: Store) -> None:
    _add_cameras(store)
    with store.read() as session:
        found = nearest_cameras(ORIGIN[0] + 0.0001, ORIGIN[1], session=session, radius_m=350)
    distances = [c.distance_m for c in found]
    assert distances == sorted(distances)
    assert [c.name for c in found] == ["摄像头0", "摄像头1", "摄像头2", "摄像头3"]
    assert all(d <= 350 for d in distances)


def test_limit_and_bad_points(store: Store) -> None:
    _add_cameras(store)
    with store.read() as session:
        assert len(nearest_cameras(*ORIGIN, session=session, radius_m=5000, limit=3)) == 3
        assert nearest_cameras(float("nan"), 39.9, session=session) == []
        assert nearest_cameras(*ORIGIN, session=session, radius_m=0) == []
        assert nearest_cameras(10.0, 10.0, session=session) == []

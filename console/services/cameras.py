"""The camera registry: the wall's tree, camera look-ups, and health the watchdog reports.

Health is written where every workstation and the map read it (camera.status,
last_seen_at), with an audit row and a change-feed row, and only when the state really
changes, so a steady wall writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError, PermissionDenied
from console.models import Camera
from console.models.area import Community
from console.models.devices import DEVICE_STATES
from console.services import audit, feed
from console.services.actor import Actor

messages.register(
    {
        "camera.unknown": ("没有编号为 {camera_id} 的摄像头", "There is no camera {camera_id}"),
        "camera.bad_status": (
            "摄像头状态无效：{status}（应为 {allowed}）",
            "Invalid camera state: {status} (expected {allowed})",
        ),
        "camera.not_signed_in": (
            "需要登录后才能更新摄像头状态",
            "Sign in to update camera states",
        ),
    }
)


@dataclass(frozen=True)
class CameraRow:
    id: int
    code: str
    name: str
    community_id: int | None
    community: str
    group_name: str
    lon: float
    lat: float
    main_url: str
    sub_url: str
    status: str
    last_seen_at: dt.datetime | None


def _rows(session: Session, *where: object) -> list[CameraRow]:
    query = (
        select(Camera, Community.name)
        .outerjoin(Community, Community.id == Camera.community_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Community.name, Camera.group_name, Camera.name, Camera.id)
    )
    return [
        CameraRow(
            c.id,
            c.code,
            c.name,
            c.community_id,
            community or "",
            c.group_name,
            c.lon,
            c.lat,
            c.main_url,
            c.sub_url,
            c.status,
            c.last_seen_at,
        )
        for c, community in session.execute(query).all()
    ]


def list_cameras(session: Session) -> list[CameraRow]:
    """Every camera, by community, group and name (333 rows in the demo: one read)."""
    return _rows(session)


def get_cameras(session: Session, ids: Sequence[int]) -> list[CameraRow]:
    """The cameras of ids in the order given; unknown ids are left out."""
    if not ids:
        return []
    found = {row.id: row for row in _rows(session, Camera.id.in_(list(ids)))}
    return [found[i] for i in ids if i in found]


def record_health(
    session: Session,
    actor: Actor,
    camera_id: int,
    status: str,
    *,
    at: dt.datetime | None = None,
) -> bool:
    """Store a camera's state as a wall's watchdog saw it; True when it changed.

    last_seen_at moves when the camera is seen online and when it is found gone (the
    moment it was last known to deliver pictures, within the watchdog's stall time).
    """
    if status not in DEVICE_STATES:
        raise InputError("camera.bad_status", status=status, allowed=", ".join(DEVICE_STATES))
    if not actor.roles:
        raise PermissionDenied("camera.not_signed_in")
    camera = session.get(Camera, camera_id)
    if camera is None:
        raise InputError("camera.unknown", camera_id=camera_id)
    if camera.status == status:
        return False
    when = at or dt.datetime.now(dt.UTC)
    before = camera.status
    camera.status = status
    if status == "online" or before == "online":
        camera.last_seen_at = when
    audit.record(
        session,
        actor,
        "camera.health",
        entity="camera",
        entity_id=camera.id,
        detail={"code": camera.code, "from": before, "to": status},
    )
    feed.record(session, "camera", [camera.id], "updated", workstation=actor.workstation)
    return True


def nearby_for_case(session: Session, case_id: int, *, radius_m: float, limit: int) -> list[int]:
    """Ids of the cameras nearest the case's place, nearest first; none if it has no place."""
    from console.models import Case
    from console.services.camera_nearby import nearest_cameras

    case = session.get(Case, case_id)
    if case is None or case.lon is None or case.lat is None:
        return []
    found = nearest_cameras(case.lon, case.lat, session=session, radius_m=radius_m, limit=limit)
    return [c.camera_id for c in found]

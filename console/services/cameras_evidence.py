"""Evidence from the wall: a camera's snapshot or clip attached to a case.

The file goes through the workflow's attach (type check, size limit, role and case state,
audit and change feed); this module adds what the wall knows: the camera, its position
and the moment the picture was taken. The content is stored once, by sha256.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import Attachment, Camera
from console.services.actor import Actor
from console.services.workflow import attach

EVIDENCE_KINDS = ("snapshot", "clip")


def evidence_name(camera_code: str, taken_at: dt.datetime, kind: str) -> str:
    suffix = "mp4" if kind == "clip" else "png"
    return f"{camera_code}-{taken_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}.{suffix}"


def attach_evidence(
    session: Session,
    actor: Actor,
    case_id: int,
    camera_id: int,
    data: bytes,
    *,
    taken_at: dt.datetime,
    kind: str = "snapshot",
) -> Attachment:
    if kind not in EVIDENCE_KINDS:
        raise InputError(
            "workflow.attachment.bad_kind", kind=kind, allowed=", ".join(EVIDENCE_KINDS)
        )
    camera = session.get(Camera, camera_id)
    if camera is None:
        raise InputError("camera.unknown", camera_id=camera_id)
    return attach(
        session,
        actor,
        case_id,
        kind=kind,
        data=data,
        original_name=evidence_name(camera.code, taken_at, kind),
        taken_at=taken_at,
        lon=camera.lon,
        lat=camera.lat,
        camera_id=camera.id,
    )

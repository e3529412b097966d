"""Evidence on a case: photos, snapshots and clips, stored once per content (sha256).

The type is decided by the file's first bytes, never by its name: JPEG, PNG and WebP for
photos and snapshots; a clip may also be an MP4 video.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.models import Attachment, Blob, Camera, Case
from console.models.case import PHOTO_KINDS
from console.services import audit, feed
from console.services.actor import Actor
from console.services.geo_checks import valid_lon_lat
from console.services.workflow.core import current_time, load_case, setting
from console.services.workflow.errors import (
    WorkflowInputError,
    WorkflowPermissionDenied,
    action_term,
    roles_term,
    state_term,
)
from console.services.workflow.states import unit_name, who

MAX_BYTES_KEY = "attachment_max_bytes"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
FEEDBACK_PHOTO_KEY = "feedback_requires_photo"
ATTACH_ROLES = ("inspector", "intake", "shift_leader", "dispatcher", "unit", "leader", "system")
# Evidence is frozen once a case is archived or folded into another one.
NO_ATTACH_STATES = ("archived", "merged")
_NAME_MAX = 255


@dataclass(frozen=True)
class PhotoInput:
    """A file to attach, as it arrives from a terminal, the camera wall or a file picker."""

    kind: str
    data: bytes
    original_name: str = ""
    taken_at: dt.datetime | None = None
    lon: float | None = None
    lat: float | None = None
    camera_id: int | None = None


def sniff(data: bytes) -> str | None:
    """The MIME type told by the magic bytes, or None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return "video/mp4"
    return None


def feedback_requires_photo(session: Session) -> bool:
    return bool(setting(session, FEEDBACK_PHOTO_KEY, True))


def validate(session: Session, photo: PhotoInput, now: dt.datetime) -> str:
    """Check one file before anything is written; return its MIME type."""
    name = photo.original_name or "-"
    if photo.kind not in PHOTO_KINDS:
        raise WorkflowInputError(
            "workflow.attachment.bad_kind", kind=photo.kind, allowed=", ".join(PHOTO_KINDS)
        )
    if not isinstance(photo.data, bytes | bytearray) or not photo.data:
        raise WorkflowInputError("workflow.attachment.empty", name=name)
    limit = int(setting(session, MAX_BYTES_KEY, DEFAULT_MAX_BYTES))
    if len(photo.data) > limit:
        raise WorkflowInputError(
            "workflow.attachment.too_large",
            name=name,
            size_mb=f"{len(photo.data) / 1048576:.1f}",
            max_mb=f"{limit / 1048576:.1f}",
        )
    mime = sniff(bytes(photo.data[:16]))
    if mime is None or (mime == "video/mp4" and photo.kind != "clip"):
        code = (
            "workflow.attachment.not_clip"
            if photo.kind == "clip"
            else "workflow.attachment.not_image"
        )
        raise WorkflowInputError(code, name=name)
    if photo.taken_at is not None:
        if photo.taken_at.tzinfo is None:
            raise WorkflowInputError("workflow.naive_time", field="taken_at")
        if photo.taken_at > now + dt.timedelta(minutes=5):
            raise WorkflowInputError(
                "workflow.attachment.future_time", at=photo.taken_at.isoformat()
            )
    if (photo.lon is None) != (photo.lat is None) or (
        photo.lon is not None and not valid_lon_lat(photo.lon, photo.lat)
    ):
        raise WorkflowInputError("workflow.attachment.bad_position", lon=photo.lon, lat=photo.lat)
    if photo.camera_id is not None and session.get(Camera, photo.camera_id) is None:
        raise WorkflowInputError("workflow.attachment.unknown_camera", camera_id=photo.camera_id)
    return mime


def store(
    session: Session,
    actor: Actor,
    case_id: int,
    photo: PhotoInput,
    mime: str,
    now: dt.datetime,
) -> Attachment:
    """Keep the content (once per sha256) and link it to the case; idempotent."""
    data = bytes(photo.data)
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Blob, digest) is None:
        session.add(Blob(sha256=digest, size=len(data), mime=mime, data=data, created_at=now))
        session.flush()
    existing = session.scalars(
        select(Attachment).where(
            Attachment.entity == "case",
            Attachment.entity_id == case_id,
            Attachment.sha256 == digest,
            Attachment.kind == photo.kind,
        )
    ).first()
    if existing is not None:
        return existing
    row = Attachment(
        entity="case",
        entity_id=case_id,
        kind=photo.kind,
        sha256=digest,
        size=len(data),
        mime=mime,
        original_name=(photo.original_name or "")[:_NAME_MAX],
        taken_at=photo.taken_at,
        lon=photo.lon,
        lat=photo.lat,
        camera_id=photo.camera_id,
        created_at=now,
        created_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    return row


def store_all(
    session: Session, actor: Actor, case_id: int, photos: Sequence[PhotoInput], now: dt.datetime
) -> list[Attachment]:
    """Validate every file first, then store them: one bad file writes nothing."""
    checked = [(photo, validate(session, photo, now)) for photo in photos]
    return [store(session, actor, case_id, photo, mime, now) for photo, mime in checked]


def after_photos_since(session: Session, case_id: int, since: dt.datetime | None) -> int:
    query = select(func.count()).where(
        Attachment.entity == "case", Attachment.entity_id == case_id, Attachment.kind == "after"
    )
    if since is not None:
        query = query.where(Attachment.created_at >= since)
    return int(session.scalar(query) or 0)


def _check_may_attach(session: Session, actor: Actor, case: Case) -> None:
    params = {
        "action": action_term("attach"),
        "number": case.number,
        "state": state_term(case.state),
    }
    if not actor.has(*ATTACH_ROLES):
        raise WorkflowPermissionDenied(
            "workflow.denied",
            **params,
            needed=roles_term(ATTACH_ROLES),
            roles=roles_term(sorted(actor.roles)),
        )
    if case.state in NO_ATTACH_STATES:
        raise WorkflowInputError(
            "workflow.attachment.case_state", number=case.number, state=params["state"]
        )
    only_unit = not actor.has(*(r for r in ATTACH_ROLES if r != "unit"))
    if only_unit and (case.unit_id is None or who(session, actor).unit_id != case.unit_id):
        raise WorkflowPermissionDenied("workflow.not_own_unit", **params, unit=unit_name(case))


def attach(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    kind: str,
    data: bytes,
    original_name: str,
    taken_at: dt.datetime | None = None,
    lon: float | None = None,
    lat: float | None = None,
    camera_id: int | None = None,
    now: dt.datetime | None = None,
) -> Attachment:
    """Attach one file to a case (audit and change feed; the timeline is for steps)."""
    at = current_time(now)
    case = load_case(session, case_id, expected_version=None)
    _check_may_attach(session, actor, case)
    photo = PhotoInput(kind, data, original_name, taken_at, lon, lat, camera_id)
    row = store_all(session, actor, case.id, [photo], at)[0]
    audit.record(
        session,
        actor,
        "case.attach",
        entity="case",
        entity_id=case.id,
        detail={"number": case.number, "attachment": row.id, "kind": kind, "sha256": row.sha256},
    )
    feed.record(session, "case", [case.id], "updated", workstation=actor.workstation)
    return row

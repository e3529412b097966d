"""Photos on campaign and difficulty-list items: before/after shots and write-off evidence.

Stored like a case's attachments: the content once per sha256 (blob), one attachment row
per (entity, id, kind, content). Only images: a write-off needs something a person can
look at.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import Attachment, Blob
from console.services.case_view_parts import AttachmentInfo
from console.services.workflow.attachments import DEFAULT_MAX_BYTES, MAX_BYTES_KEY, sniff
from console.services.workflow.core import setting
from console.services.writelock import hold_write_lock

KINDS_BY_ENTITY = {
    "campaign_item": ("before", "after"),
    "difficulty_item": ("evidence", "before", "after"),
}
_NAME_MAX = 255


@dataclass(frozen=True)
class ItemPhoto:
    kind: str
    data: bytes
    original_name: str = ""


def check(session: Session, entity: str, photo: ItemPhoto) -> str:
    """The photo's MIME type, or an InputError saying what is wrong with it."""
    allowed = KINDS_BY_ENTITY[entity]
    name = photo.original_name or "-"
    if photo.kind not in allowed:
        raise InputError("campaign.photo_kind", kind=photo.kind, allowed=", ".join(allowed))
    limit = int(setting(session, MAX_BYTES_KEY, DEFAULT_MAX_BYTES))
    if len(photo.data) > limit:
        raise InputError(
            "campaign.photo_too_large",
            name=name,
            size_mb=f"{len(photo.data) / 1048576:.1f}",
            max_mb=f"{limit / 1048576:.1f}",
        )
    mime = sniff(bytes(photo.data[:16])) if photo.data else None
    if mime is None or not mime.startswith("image/"):
        raise InputError("campaign.photo_not_image", name=name)
    return mime


def store(
    session: Session,
    entity: str,
    entity_id: int,
    photos: Sequence[ItemPhoto],
    *,
    user_id: int | None,
    now: dt.datetime,
) -> list[Attachment]:
    """Check every photo first, then keep them: one bad file writes nothing."""
    checked = [(photo, check(session, entity, photo)) for photo in photos]
    if checked:
        # Before looking for the blob: two writers storing the same photo at once on
        # PostgreSQL would otherwise both miss it and one would fail on the key.
        hold_write_lock(session)
    rows: list[Attachment] = []
    for photo, mime in checked:
        data = bytes(photo.data)
        digest = hashlib.sha256(data).hexdigest()
        if session.get(Blob, digest) is None:
            session.add(Blob(sha256=digest, size=len(data), mime=mime, data=data, created_at=now))
            session.flush()
        existing = session.scalars(
            select(Attachment).where(
                Attachment.entity == entity,
                Attachment.entity_id == entity_id,
                Attachment.sha256 == digest,
                Attachment.kind == photo.kind,
            )
        ).first()
        if existing is not None:
            rows.append(existing)
            continue
        row = Attachment(
            entity=entity,
            entity_id=entity_id,
            kind=photo.kind,
            sha256=digest,
            size=len(data),
            mime=mime,
            original_name=(photo.original_name or "")[:_NAME_MAX],
            created_at=now,
            created_by=user_id,
        )
        session.add(row)
        session.flush()
        rows.append(row)
    return rows


def count(session: Session, entity: str, entity_id: int, kind: str) -> int:
    return int(
        session.scalar(
            select(func.count()).where(
                Attachment.entity == entity,
                Attachment.entity_id == entity_id,
                Attachment.kind == kind,
            )
        )
        or 0
    )


def attachments(session: Session, entity: str, entity_id: int) -> list[AttachmentInfo]:
    """An item's photos, oldest first, as the photo viewer takes them."""
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.entity == entity, Attachment.entity_id == entity_id)
        .order_by(Attachment.id)
    )
    return [
        AttachmentInfo(
            a.id, a.kind, a.sha256, a.size, a.mime, a.original_name, a.taken_at, a.created_at
        )
        for a in rows
    ]

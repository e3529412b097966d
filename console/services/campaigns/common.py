"""What the campaign services share: roles, time, text checks, and the change record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import Street, User
from console.services import audit, feed
from console.services.actor import Actor
from console.services.campaigns import texts  # noqa: F401 - registers the messages
from console.services.geo_checks import has_area, in_china, point_in_polygon, valid_lon_lat
from console.services.writelock import hold_write_lock

# Shift leaders, leaders and admins run campaigns; the people on the street (grid
# inspectors, the enforcement units, dispatchers) add items and move them on.
MANAGE_ROLES = ("shift_leader", "leader", "admin")
ITEM_ROLES = ("shift_leader", "leader", "admin", "inspector", "unit", "dispatcher")


def current_time(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        raise ValueError("naive datetime refused: give a time zone")
    return now.astimezone(dt.UTC)


def clean_text(value: Any, field: str, limit: int, *, required: bool = False) -> str:
    """value stripped; InputError when it is not text, too long, or empty but required."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputError("campaign.not_text", field=field)
    text = value.strip()
    if required and not text:
        raise InputError("campaign.required", field=field)
    if len(text) > limit:
        raise InputError("campaign.text_too_long", field=field, max=limit)
    return text


def check_user(session: Session, user_id: int | None) -> int | None:
    """user_id when it names an active account (None passes)."""
    if user_id is None:
        return None
    found = session.scalar(select(User.id).where(User.id == user_id, User.active.is_(True)))
    if found is None:
        raise InputError("campaign.unknown_user", id=user_id)
    return int(found)


def record_change(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    ids: list[int],
    kind: str,
    detail: dict[str, Any],
) -> None:
    """One audit row and one change-feed row, in the caller's transaction."""
    hold_write_lock(session)
    audit.record(
        session, actor, action, entity=entity, entity_id=ids[0] if ids else "", detail=detail
    )
    feed.record(session, entity, ids, kind, workstation=actor.workstation)


def point_ok(session: Session, lon: Any, lat: Any) -> bool:
    """A valid WGS-84 point in China and inside the street (when its outline is known)."""
    if not valid_lon_lat(lon, lat) or not in_china(float(lon), float(lat)):
        return False
    outlines = [s.boundary for s in session.scalars(select(Street)) if has_area(s.boundary)]
    return not outlines or any(point_in_polygon(float(lon), float(lat), o) for o in outlines)

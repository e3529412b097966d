"""Campaign items (each lock, sign or structure): added, moved through the steps, owned.

An item reaching the campaign's cleared_from_step is cleared (cleared_at set); moving it
back before that step clears the mark again, and needs a reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import Campaign, CampaignItem, CampaignStep
from console.models.campaign import ITEM_KINDS, ITEM_SOURCES
from console.services.actor import Actor
from console.services.campaigns import photos
from console.services.campaigns.common import (
    ITEM_ROLES,
    check_user,
    clean_text,
    current_time,
    point_ok,
    record_change,
)
from console.services.campaigns.photos import ItemPhoto
from console.services.campaigns.records import load
from console.services.workflow.intake import locate

ENTITY = "campaign_item"
ADDRESS_MAX = 200
DESCRIPTION_MAX = 2000
NOTE_MAX = 500


@dataclass(frozen=True)
class ItemInput:
    lon: float
    lat: float
    address: str = ""
    description: str = ""
    kind: str = "lock"
    step_ordinal: int = 1
    owner_user_id: int | None = None
    source: str = "hand"


def step_count(session: Session, campaign_id: int) -> int:
    return int(
        session.scalar(select(func.count()).where(CampaignStep.campaign_id == campaign_id)) or 0
    )


def _open_campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = load(session, campaign_id)
    if campaign.status != "active":
        raise InputError("campaign.closed", name=campaign.name)
    return campaign


def _check_step(session: Session, campaign: Campaign, step: object) -> int:
    count = step_count(session, campaign.id)
    if not isinstance(step, int) or isinstance(step, bool) or not 1 <= step <= count:
        raise InputError("campaign.bad_step", step=step, count=count)
    return step


def load_item(session: Session, item_id: int) -> CampaignItem:
    item = session.get(CampaignItem, item_id)
    if item is None:
        raise InputError("campaign.item_not_found", id=item_id)
    return item


def checked_item(session: Session, campaign: Campaign, data: ItemInput) -> dict[str, object]:
    """The column values of a new item, every field checked; nothing written."""
    if not point_ok(session, data.lon, data.lat):
        raise InputError("campaign.bad_point", lon=data.lon, lat=data.lat)
    if data.kind not in ITEM_KINDS:
        raise InputError("campaign.bad_kind", kind=data.kind, allowed=", ".join(ITEM_KINDS))
    if data.source not in ITEM_SOURCES:
        raise InputError("input.invalid", field="source", reason=data.source)
    step = _check_step(session, campaign, data.step_ordinal)
    lon, lat = float(data.lon), float(data.lat)
    community_id, _grid = locate(session, lon, lat)
    return {
        "campaign_id": campaign.id,
        "community_id": community_id,
        "lon": lon,
        "lat": lat,
        "address": clean_text(data.address, "address", ADDRESS_MAX),
        "description": clean_text(data.description, "description", DESCRIPTION_MAX),
        "kind": data.kind,
        "source": data.source,
        "step_ordinal": step,
        "owner_user_id": check_user(session, data.owner_user_id),
    }


def add_item(
    session: Session,
    actor: Actor,
    campaign_id: int,
    data: ItemInput,
    *,
    photos_in: Sequence[ItemPhoto] = (),
    now: dt.datetime | None = None,
) -> CampaignItem:
    actor.require("add a campaign item", *ITEM_ROLES)
    at = current_time(now)
    campaign = _open_campaign(session, campaign_id)
    values = checked_item(session, campaign, data)
    for photo in photos_in:
        photos.check(session, ENTITY, photo)
    step = int(values["step_ordinal"])  # type: ignore[call-overload]
    item = CampaignItem(
        **values,
        cleared_at=at if step >= campaign.cleared_from_step else None,
        created_at=at,
        updated_at=at,
    )
    session.add(item)
    session.flush()
    stored = photos.store(session, ENTITY, item.id, photos_in, user_id=actor.user_id, now=at)
    record_change(
        session,
        actor,
        "campaign.item_add",
        ENTITY,
        [item.id],
        "created",
        {
            "campaign": campaign.id,
            "step": step,
            "source": data.source,
            "attachments": [a.id for a in stored],
        },
    )
    return item


def set_step(
    session: Session,
    actor: Actor,
    item_id: int,
    step: int,
    *,
    note: str = "",
    photos_in: Sequence[ItemPhoto] = (),
    now: dt.datetime | None = None,
) -> CampaignItem:
    """Move an item to another step; back before the cleared step needs a reason."""
    actor.require("move a campaign item", *ITEM_ROLES)
    at = current_time(now)
    item = load_item(session, item_id)
    campaign = _open_campaign(session, item.campaign_id)
    step = _check_step(session, campaign, step)
    if step == item.step_ordinal:
        raise InputError("campaign.same_step")
    text = clean_text(note, "note", NOTE_MAX)
    if step < item.step_ordinal and not text:
        raise InputError("campaign.note_required")
    for photo in photos_in:
        photos.check(session, ENTITY, photo)
    before = item.step_ordinal
    item.step_ordinal = step
    if step >= campaign.cleared_from_step and item.cleared_at is None:
        item.cleared_at = at
    elif step < campaign.cleared_from_step:
        item.cleared_at = None
    item.updated_at = at
    session.flush()
    stored = photos.store(session, ENTITY, item.id, photos_in, user_id=actor.user_id, now=at)
    record_change(
        session,
        actor,
        "campaign.item_step",
        ENTITY,
        [item.id],
        "updated",
        {"from": before, "to": step, "note": text, "attachments": [a.id for a in stored]},
    )
    return item


def set_owner(
    session: Session, actor: Actor, item_id: int, owner_user_id: int | None
) -> CampaignItem:
    actor.require("assign a campaign item", *ITEM_ROLES)
    item = load_item(session, item_id)
    _open_campaign(session, item.campaign_id)
    before = item.owner_user_id
    item.owner_user_id = check_user(session, owner_user_id)
    item.updated_at = current_time(None)
    session.flush()
    record_change(
        session,
        actor,
        "campaign.item_owner",
        ENTITY,
        [item.id],
        "updated",
        {"from": before, "to": owner_user_id},
    )
    return item


def attach_photos(
    session: Session,
    actor: Actor,
    item_id: int,
    photos_in: Sequence[ItemPhoto],
    *,
    now: dt.datetime | None = None,
) -> list[int]:
    """Before/after photos of an item; returns the attachment ids."""
    actor.require("attach photos to a campaign item", *ITEM_ROLES)
    at = current_time(now)
    item = load_item(session, item_id)
    stored = photos.store(session, ENTITY, item.id, photos_in, user_id=actor.user_id, now=at)
    record_change(
        session,
        actor,
        "campaign.item_photo",
        ENTITY,
        [item.id],
        "updated",
        {"attachments": [a.id for a in stored], "kinds": [p.kind for p in photos_in]},
    )
    return [a.id for a in stored]

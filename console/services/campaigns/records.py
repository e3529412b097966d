"""Creating, editing and closing a campaign, with its template of steps."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from console.errors import InputError
from console.models import Campaign, CampaignItem, CampaignStep, Category, Community
from console.services.actor import Actor
from console.services.campaigns.common import (
    MANAGE_ROLES,
    clean_text,
    current_time,
    record_change,
)

# The five-step method of the parking-lock campaign, offered when a campaign is created.
PARKING_LOCK_STEPS = ("公示", "集中清理", "二次拆除", "防止复装", "长效")
MAX_STEPS = 12
NAME_MAX = 96
NOTE_MAX = 2000


@dataclass(frozen=True)
class CampaignInput:
    name: str
    starts_on: dt.date
    ends_on: dt.date | None = None
    category_id: int | None = None
    target_count: int = 0
    rebound_radius_m: float = 50.0
    community_ids: Sequence[int] = ()
    steps: Sequence[str] = PARKING_LOCK_STEPS
    cleared_from_step: int = 3
    note: str = ""


def load(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise InputError("campaign.not_found", id=campaign_id)
    return campaign


def step_names(session: Session, campaign_id: int) -> list[str]:
    return list(
        session.scalars(
            select(CampaignStep.name)
            .where(CampaignStep.campaign_id == campaign_id)
            .order_by(CampaignStep.ordinal)
        )
    )


def _checked(session: Session, data: CampaignInput) -> tuple[str, list[str], str]:
    name = clean_text(data.name, "name", NAME_MAX)
    if not name:
        raise InputError("campaign.bad_name", max=NAME_MAX)
    if data.ends_on is not None and data.ends_on < data.starts_on:
        raise InputError("campaign.bad_dates", starts=data.starts_on, ends=data.ends_on)
    steps = [s.strip() if isinstance(s, str) else "" for s in data.steps]
    if (
        not 1 <= len(steps) <= MAX_STEPS
        or any(not s or len(s) > 32 for s in steps)
        or len(set(steps)) != len(steps)
    ):
        raise InputError("campaign.bad_steps", max=MAX_STEPS)
    if not 1 <= data.cleared_from_step <= len(steps):
        raise InputError("campaign.bad_cleared_step", max=len(steps))
    if not isinstance(data.target_count, int) or data.target_count < 0:
        raise InputError("campaign.bad_number", field="target_count", min=0)
    radius = data.rebound_radius_m
    if not isinstance(radius, int | float) or not math.isfinite(radius) or radius < 1:
        raise InputError("campaign.bad_number", field="rebound_radius_m", min=1)
    if data.category_id is not None and session.get(Category, data.category_id) is None:
        raise InputError("campaign.unknown_category", id=data.category_id)
    for community_id in data.community_ids:
        if session.get(Community, community_id) is None:
            raise InputError("campaign.unknown_community", id=community_id)
    return name, steps, clean_text(data.note, "note", NOTE_MAX)


def create_campaign(
    session: Session, actor: Actor, data: CampaignInput, *, now: dt.datetime | None = None
) -> Campaign:
    actor.require("create a campaign", *MANAGE_ROLES)
    at = current_time(now)
    name, steps, note = _checked(session, data)
    campaign = Campaign(
        name=name,
        category_id=data.category_id,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        target_count=data.target_count,
        rebound_radius_m=float(data.rebound_radius_m),
        community_ids=sorted(set(data.community_ids)),
        status="active",
        note=note,
        created_at=at,
        cleared_from_step=data.cleared_from_step,
    )
    session.add(campaign)
    session.flush()
    session.add_all(
        CampaignStep(campaign_id=campaign.id, ordinal=n, name=step)
        for n, step in enumerate(steps, start=1)
    )
    session.flush()
    record_change(
        session,
        actor,
        "campaign.create",
        "campaign",
        [campaign.id],
        "created",
        {"name": name, "steps": steps, "target": data.target_count},
    )
    return campaign


def _reclear(session: Session, campaign: Campaign, at: dt.datetime) -> dict[str, int]:
    """Items follow a moved cleared step: cleared from now when they stand at or past it,
    no longer cleared when they stand before it."""
    now_cleared = session.execute(
        update(CampaignItem)
        .where(
            CampaignItem.campaign_id == campaign.id,
            CampaignItem.step_ordinal >= campaign.cleared_from_step,
            CampaignItem.cleared_at.is_(None),
        )
        .values(cleared_at=at, updated_at=at)
        .execution_options(synchronize_session=False)
    )
    no_longer = session.execute(
        update(CampaignItem)
        .where(
            CampaignItem.campaign_id == campaign.id,
            CampaignItem.step_ordinal < campaign.cleared_from_step,
            CampaignItem.cleared_at.is_not(None),
        )
        .values(cleared_at=None, updated_at=at)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
    return {
        "cleared": int(getattr(now_cleared, "rowcount", 0) or 0),
        "uncleared": int(getattr(no_longer, "rowcount", 0) or 0),
    }


def update_campaign(
    session: Session,
    actor: Actor,
    campaign_id: int,
    data: CampaignInput,
    *,
    now: dt.datetime | None = None,
) -> Campaign:
    """Change the campaign's fields and steps; a step that items stand at stays. Moving
    the cleared step re-marks the items (the figures always follow the rule)."""
    actor.require("edit a campaign", *MANAGE_ROLES)
    at = current_time(now)
    campaign = load(session, campaign_id)
    name, steps, note = _checked(session, data)
    highest = session.scalar(
        select(func.max(CampaignItem.step_ordinal)).where(CampaignItem.campaign_id == campaign.id)
    )
    if highest is not None and highest > len(steps):
        raise InputError("campaign.steps_in_use", step=highest)
    before = step_names(session, campaign.id)
    cleared_before = campaign.cleared_from_step
    campaign.name = name
    campaign.category_id = data.category_id
    campaign.starts_on = data.starts_on
    campaign.ends_on = data.ends_on
    campaign.target_count = data.target_count
    campaign.rebound_radius_m = float(data.rebound_radius_m)
    campaign.community_ids = sorted(set(data.community_ids))
    campaign.cleared_from_step = data.cleared_from_step
    campaign.note = note
    if before != steps:
        session.execute(delete(CampaignStep).where(CampaignStep.campaign_id == campaign.id))
        session.flush()
        session.add_all(
            CampaignStep(campaign_id=campaign.id, ordinal=n, name=step)
            for n, step in enumerate(steps, start=1)
        )
    session.flush()
    detail: dict[str, object] = {"name": name, "steps": steps, "steps_before": before}
    if cleared_before != data.cleared_from_step:
        detail["cleared_from_step"] = [cleared_before, data.cleared_from_step]
        detail["items"] = _reclear(session, campaign, at)
    record_change(session, actor, "campaign.update", "campaign", [campaign.id], "updated", detail)
    return campaign


def set_status(session: Session, actor: Actor, campaign_id: int, status: str) -> Campaign:
    """Close a campaign (its items are frozen) or open it again."""
    actor.require("close or reopen a campaign", *MANAGE_ROLES)
    if status not in ("active", "closed"):
        raise InputError("input.invalid", field="status", reason=status)
    campaign = load(session, campaign_id)
    if campaign.status != status:
        campaign.status = status
        session.flush()
        record_change(
            session, actor, f"campaign.{status}", "campaign", [campaign.id], "updated", {}
        )
    return campaign


def campaign_input(session: Session, campaign_id: int) -> CampaignInput:
    """The campaign as the form edits it."""
    c = load(session, campaign_id)
    return CampaignInput(
        c.name,
        c.starts_on,
        c.ends_on,
        c.category_id,
        c.target_count,
        c.rebound_radius_m,
        list(c.community_ids or []),
        step_names(session, c.id),
        c.cleared_from_step,
        c.note,
    )

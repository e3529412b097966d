"""Reading campaigns: the list, one campaign's progress by step and community, its items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from console.models import Campaign, CampaignItem, CampaignStep, Case, Community, Street, User
from console.services.campaigns.records import load, step_names


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    status: str
    starts_on: dt.date
    ends_on: dt.date | None
    target: int
    items: int
    cleared: int
    rebounds: int


@dataclass(frozen=True)
class CommunityProgress:
    community_id: int | None
    name: str
    items: int
    cleared: int
    rebounds: int


@dataclass
class Progress:
    campaign_id: int
    name: str
    target: int
    steps: list[str]
    cleared_from_step: int
    rebound_radius_m: float
    at_step: list[int] = field(default_factory=list)  # items standing at each step
    reached: list[int] = field(default_factory=list)  # items at that step or beyond
    by_community: list[CommunityProgress] = field(default_factory=list)
    items: int = 0
    cleared: int = 0
    rebounds: int = 0


@dataclass(frozen=True)
class ItemRow:
    id: int
    kind: str
    community: str
    address: str
    description: str
    step: int
    step_name: str
    owner: str
    cleared_at: dt.datetime | None
    rebound_number: str
    lon: float
    lat: float
    source: str


def _cleared() -> ColumnElement[int]:
    return func.sum(case((CampaignItem.cleared_at.is_not(None), 1), else_=0))


def _rebounds() -> ColumnElement[int]:
    return func.sum(case((CampaignItem.rebound_case_id.is_not(None), 1), else_=0))


def list_campaigns(session: Session) -> list[CampaignRow]:
    counts = {
        cid: (int(n or 0), int(c or 0), int(r or 0))
        for cid, n, c, r in session.execute(
            select(CampaignItem.campaign_id, func.count(), _cleared(), _rebounds()).group_by(
                CampaignItem.campaign_id
            )
        )
    }
    rows = []
    for c in session.scalars(select(Campaign).order_by(Campaign.starts_on.desc(), Campaign.id)):
        n, cleared, rebounds = counts.get(c.id, (0, 0, 0))
        rows.append(
            CampaignRow(
                c.id,
                c.name,
                c.status,
                c.starts_on,
                c.ends_on,
                c.target_count,
                n,
                cleared,
                rebounds,
            )
        )
    return rows


def progress(session: Session, campaign_id: int) -> Progress:
    campaign = load(session, campaign_id)
    steps = step_names(session, campaign.id)
    result = Progress(
        campaign.id,
        campaign.name,
        campaign.target_count,
        steps,
        campaign.cleared_from_step,
        campaign.rebound_radius_m,
        at_step=[0] * len(steps),
    )
    for step, count in session.execute(
        select(CampaignItem.step_ordinal, func.count())
        .where(CampaignItem.campaign_id == campaign.id)
        .group_by(CampaignItem.step_ordinal)
    ):
        if 1 <= step <= len(steps):
            result.at_step[step - 1] = int(count)
    result.reached = [sum(result.at_step[k:]) for k in range(len(steps))]
    names = dict(session.execute(select(Community.id, Community.name)).all())
    for community_id, n, cleared, rebounds in session.execute(
        select(CampaignItem.community_id, func.count(), _cleared(), _rebounds())
        .where(CampaignItem.campaign_id == campaign.id)
        .group_by(CampaignItem.community_id)
    ):
        result.by_community.append(
            CommunityProgress(
                community_id,
                names.get(community_id, "") if community_id is not None else "",
                int(n),
                int(cleared or 0),
                int(rebounds or 0),
            )
        )
        result.items += int(n)
        result.cleared += int(cleared or 0)
        result.rebounds += int(rebounds or 0)
    result.by_community.sort(key=lambda p: (p.community_id is None, p.name))
    return result


def list_items(
    session: Session,
    campaign_id: int,
    *,
    community_id: int | None = None,
    step: int | None = None,
    rebounds_only: bool = False,
) -> list[ItemRow]:
    """The campaign's items (hundreds, not millions), newest first."""
    query = (
        select(
            CampaignItem,
            Community.name,
            User.display_name,
            CampaignStep.name,
            Case.number,
        )
        .outerjoin(Community, Community.id == CampaignItem.community_id)
        .outerjoin(User, User.id == CampaignItem.owner_user_id)
        .outerjoin(
            CampaignStep,
            (CampaignStep.campaign_id == CampaignItem.campaign_id)
            & (CampaignStep.ordinal == CampaignItem.step_ordinal),
        )
        .outerjoin(Case, Case.id == CampaignItem.rebound_case_id)
        .where(CampaignItem.campaign_id == campaign_id)
        .order_by(CampaignItem.id.desc())
    )
    if community_id is not None:
        query = query.where(CampaignItem.community_id == community_id)
    if step is not None:
        query = query.where(CampaignItem.step_ordinal == step)
    if rebounds_only:
        query = query.where(CampaignItem.rebound_case_id.is_not(None))
    return [
        ItemRow(
            item.id,
            item.kind,
            community or "",
            item.address,
            item.description,
            item.step_ordinal,
            step_name or "",
            owner or "",
            item.cleared_at,
            number or "",
            item.lon,
            item.lat,
            item.source,
        )
        for item, community, owner, step_name, number in session.execute(query)
    ]


def map_center(session: Session) -> tuple[float, float]:
    """Where a new item's form starts: the street's centre (Beijing when unknown)."""
    street = session.execute(select(Street.center_lon, Street.center_lat).limit(1)).first()
    if street is None or street.center_lon is None or street.center_lat is None:
        return 116.39, 39.91
    return float(street.center_lon), float(street.center_lat)

"""The private parking-lock campaign (私装地锁专项整治) and its five-step method.

Source: 500+ locks removed by public notice → concentrated clearing → second removal →
prevent re-installation → long-term control, with zero rebound. Most items have reached
the last step; a handful are still on their way.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.models import Campaign, CampaignItem, CampaignStep, Category
from db.demo.area import AreaPlan
from db.demo.case_plan import split
from db.demo.clock import local_midnight
from db.demo.geometry import random_point
from db.demo.places import ADDRESS_SPOTS

NAME = "私装地锁专项整治"
CATEGORY_CODE = "0503"
STEPS = ("公示", "集中清理", "二次拆除", "防止复装", "长效")
TARGET = 500
ITEMS = 523
# Items per step reached, first to last; from the third step on a lock is gone.
STEP_SHARES = (0.01, 0.015, 0.02, 0.03, 0.925)
CLEARED_FROM_STEP = 3
DAYS_RUNNING = 300
NOTE = "五步工作法：公示→集中清理→二次拆除→防止复装→长效；梳理难点列清单，逐一销账零遗留"


def insert_campaign(
    rng: random.Random,
    session: Session,
    area: AreaPlan,
    owners: list[int],
    as_of: dt.datetime,
) -> int:
    """Insert the campaign, its steps and items; returns the number of items."""
    starts = as_of.date() - dt.timedelta(days=DAYS_RUNNING)
    category_id = session.scalar(select(Category.id).where(Category.code == CATEGORY_CODE))
    campaign = Campaign(
        name=NAME,
        category_id=category_id,
        starts_on=starts,
        ends_on=None,
        target_count=TARGET,
        rebound_radius_m=50.0,
        community_ids=[c.id for c in area.communities],
        status="active",
        note=NOTE,
        created_at=local_midnight(starts) + dt.timedelta(hours=9),
    )
    session.add(campaign)
    session.flush()
    session.add_all(
        CampaignStep(campaign_id=campaign.id, ordinal=n, name=name)
        for n, name in enumerate(STEPS, start=1)
    )
    communities = area.communities
    population = [c.population for c in communities]
    rows: list[dict[str, Any]] = []
    for step, count in enumerate(split(ITEMS, STEP_SHARES), start=1):
        for _ in range(count):
            community = rng.choices(communities, weights=population)[0]
            grid = rng.choice(community.grids)
            lon, lat = random_point(rng, grid.ring, grid.box)
            road = rng.choice(community.roads)
            # Listed during the public-notice month, cleared within two months of it.
            listed = campaign.created_at + dt.timedelta(days=rng.uniform(0, 30))
            cleared = listed + dt.timedelta(days=rng.uniform(3, 60))
            rows.append(
                {
                    "campaign_id": campaign.id,
                    "community_id": community.id,
                    "lon": lon,
                    "lat": lat,
                    "address": f"{community.name}{road}{rng.randrange(1, 60)}号"
                    f"{rng.choice(ADDRESS_SPOTS)}",
                    "description": f"私装地锁{rng.choice((1, 1, 1, 2, 2, 3))}个",
                    "step_ordinal": step,
                    "owner_user_id": rng.choice(owners) if owners else None,
                    "cleared_at": cleared if step >= CLEARED_FROM_STEP else None,
                    "rebound_case_id": None,
                    "created_at": listed,
                }
            )
    session.execute(insert(CampaignItem), rows)
    return len(rows)

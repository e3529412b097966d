"""Rebound detection: a new case of a campaign's category near a cleared item.

Called by the workflow when a case is registered, in the same transaction. The nearest
cleared item within the campaign's rebound_radius_m (of any campaign of the case's
category that had started by then) is flagged and linked to the case; an item already
flagged keeps its first rebound, so the figure counts items that came back.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import CampaignItem, Case
from console.services import reference
from console.services.actor import Actor
from console.services.campaigns.common import record_change
from console.services.geo_checks import box_around, haversine_m
from console.services.reference import CampaignRow
from console.services.workflow.core import local_zone

log = logging.getLogger("console.campaigns")


def check_new_case(session: Session, actor: Actor, case: Case) -> CampaignItem | None:
    """Flag the cleared item this case shows to have come back, if there is one."""
    lon, lat = case.lon, case.lat
    if lon is None or lat is None or case.category_id is None:
        return None
    # From memory: most reports are of a category no campaign is about.
    campaigns = reference.current(session).campaigns.get(case.category_id, [])
    if not campaigns:
        return None
    # Campaign dates are the center's local dates (07:00 on the first day is 23:00 UTC).
    reported_on = case.reported_at.astimezone(local_zone(session)).date()
    best: tuple[float, CampaignItem, CampaignRow] | None = None
    for campaign in campaigns:
        if campaign.starts_on > reported_on:
            continue
        w, s, e, n = box_around(lon, lat, campaign.rebound_radius_m)
        nearby = session.scalars(
            select(CampaignItem).where(
                CampaignItem.campaign_id == campaign.id,
                CampaignItem.cleared_at.is_not(None),
                CampaignItem.cleared_at <= case.reported_at,
                CampaignItem.rebound_case_id.is_(None),
                CampaignItem.lon.between(w, e),
                CampaignItem.lat.between(s, n),
            )
        )
        for item in nearby:
            distance = haversine_m(lon, lat, item.lon, item.lat)
            if distance <= campaign.rebound_radius_m and (best is None or distance < best[0]):
                best = (distance, item, campaign)
    if best is None:
        return None
    distance, item, campaign = best
    item.rebound_case_id = case.id
    item.rebound_at = case.reported_at
    session.flush()
    log.info("case %s flags campaign item %s as a rebound", case.number, item.id)
    record_change(
        session,
        actor,
        "campaign.rebound",
        "campaign_item",
        [item.id],
        "updated",
        {
            "campaign": campaign.id,
            "case": case.id,
            "number": case.number,
            "distance_m": round(distance, 1),
        },
    )
    return item

"""Rebound detection: a new case of the campaign's category near a cleared item."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from console.models import AuditLog, CampaignItem, ChangeFeed
from console.services.campaigns import CampaignInput, ItemInput, add_item, create_campaign, set_step
from console.services.geo_checks import METRES_PER_DEGREE_LAT
from tests.support.workflow_seed import POINTS, World, world

__all__ = ["world"]

LON, LAT = POINTS["A1"]


def north(metres: float) -> float:
    return LAT + metres / METRES_PER_DEGREE_LAT


def _campaign(world: World, code: str = "0102", radius: float = 50.0) -> int:
    with world.store.write() as session:
        campaign = create_campaign(
            session,
            world.actors["shift"],
            CampaignInput(
                "暴露垃圾点整治",
                dt.date(2026, 1, 1),
                category_id=world.categories[code],
                rebound_radius_m=radius,
            ),
        )
        return campaign.id


def _item(world: World, campaign_id: int, lat: float, step: int) -> int:
    with world.store.write() as session:
        item = add_item(
            session, world.actors["insp"], campaign_id, ItemInput(LON, lat, step_ordinal=step)
        )
        return item.id


def _items(world: World) -> dict[int, CampaignItem]:
    with world.store.read() as session:
        return {i.id: i for i in session.scalars(select(CampaignItem))}


def test_case_near_a_cleared_item_flags_it(world: World) -> None:
    campaign = _campaign(world)
    near = _item(world, campaign, north(30), step=3)
    nearer = _item(world, campaign, north(10), step=4)
    far = _item(world, campaign, north(80), step=5)
    not_cleared = _item(world, campaign, LAT, step=2)
    case = world.report(lon=LON, lat=LAT)
    items = _items(world)
    # The nearest cleared item within the radius; the uncleared one at the very spot
    # has not been cleared, so it cannot come back.
    assert items[nearer].rebound_case_id == case.id
    assert items[nearer].rebound_at == case.reported_at
    assert items[near].rebound_case_id is None
    assert items[far].rebound_case_id is None
    assert items[not_cleared].rebound_case_id is None
    with world.store.read() as session:
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "campaign.rebound")).one()
        assert audit.entity_id == str(nearer) and audit.detail["case"] == case.id
        assert 9 < audit.detail["distance_m"] < 11
        feed = session.scalars(select(ChangeFeed).where(ChangeFeed.entity == "campaign_item")).all()
        assert [nearer] in [f.ids for f in feed]
    # A second case at the same spot flags the next nearest item, not the same one again.
    second = world.report(lon=LON, lat=LAT)
    items = _items(world)
    assert items[nearer].rebound_case_id == case.id
    assert items[near].rebound_case_id == second.id


def test_no_rebound_for_other_categories_or_far_cases(world: World) -> None:
    campaign = _campaign(world, radius=20)
    item = _item(world, campaign, LAT, step=5)
    world.report(lon=LON, lat=north(25))  # outside 20 m
    world.report(lon=LON, lat=LAT, category_id=world.categories["0101"])
    assert _items(world)[item].rebound_case_id is None
    world.report(lon=LON, lat=north(19))
    assert _items(world)[item].rebound_case_id is not None


def test_item_moved_back_is_not_cleared_and_cannot_rebound(world: World) -> None:
    campaign = _campaign(world)
    item = _item(world, campaign, LAT, step=3)
    with world.store.write() as session:
        set_step(session, world.actors["shift"], item, 2, note="复装，重新拆除")
    assert _items(world)[item].cleared_at is None
    world.report(lon=LON, lat=LAT)
    assert _items(world)[item].rebound_case_id is None


def test_campaign_not_started_yet_does_not_count(world: World) -> None:
    with world.store.write() as session:
        campaign = create_campaign(
            session,
            world.actors["shift"],
            CampaignInput(
                "未来专项",
                dt.date.today() + dt.timedelta(days=30),
                category_id=world.categories["0102"],
            ),
        ).id
    item = _item(world, campaign, LAT, step=5)
    world.report(lon=LON, lat=LAT)
    assert _items(world)[item].rebound_case_id is None


def test_campaign_counts_from_its_first_local_morning(world: World) -> None:
    # 07:00 in Beijing on the first day is still the day before in UTC.
    first_day = dt.date(2026, 3, 10)
    beijing = ZoneInfo("Asia/Shanghai")
    with world.store.write() as session:
        campaign = create_campaign(
            session,
            world.actors["shift"],
            CampaignInput("首日专项", first_day, category_id=world.categories["0102"]),
        ).id
        item = add_item(
            session,
            world.actors["insp"],
            campaign,
            ItemInput(LON, LAT, step_ordinal=5),
            now=dt.datetime.combine(first_day, dt.time(6), beijing),
        ).id
    world.report(reported_at=dt.datetime.combine(first_day, dt.time(7), beijing))
    assert _items(world)[item].rebound_case_id is not None

"""Campaigns: the step template, items moving through it, progress, roles."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from console.errors import InputError, PermissionDenied
from console.models import Attachment, AuditLog, CampaignItem, ChangeFeed
from console.services.actor import Actor
from console.services.campaigns import (
    PARKING_LOCK_STEPS,
    CampaignInput,
    ItemInput,
    ItemPhoto,
    add_item,
    attach_photos,
    create_campaign,
    list_campaigns,
    list_items,
    progress,
    set_status,
    set_step,
    update_campaign,
)
from tests.support.workflow_seed import PNG, POINTS, World, world

__all__ = ["world"]

AT = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)


def _campaign(world: World, **changes: object) -> int:
    values: dict[str, object] = {
        "name": "私装地锁专项整治",
        "starts_on": dt.date(2026, 1, 1),
        "target_count": 5,
        "community_ids": list(world.communities.values()),
    }
    values.update(changes)
    with world.store.write() as session:
        return create_campaign(session, world.actors["shift"], CampaignInput(**values)).id  # type: ignore[arg-type]


def _add(world: World, campaign: int, grid: str, step: int = 1, who: str = "insp") -> int:
    lon, lat = POINTS[grid]
    with world.store.write() as session:
        return add_item(
            session, world.actors[who], campaign, ItemInput(lon, lat, step_ordinal=step), now=AT
        ).id


def test_progress_by_step_and_community(world: World) -> None:
    campaign = _campaign(world)
    for grid, step in (("A1", 1), ("A2", 3), ("B1", 5), ("B2", 5), ("B1", 2)):
        _add(world, campaign, grid, step)
    with world.store.read() as session:
        done = progress(session, campaign)
        rows = list_campaigns(session)
        items = list_items(session, campaign, step=5)
    assert done.steps == list(PARKING_LOCK_STEPS)
    assert done.at_step == [1, 1, 1, 0, 2]
    assert done.reached == [5, 4, 3, 2, 2]
    assert (done.items, done.cleared, done.rebounds, done.target) == (5, 3, 0, 5)
    by_name = {p.name: (p.items, p.cleared) for p in done.by_community}
    assert by_name == {"A社区": (2, 1), "B社区": (3, 2)}
    assert [(r.items, r.cleared) for r in rows] == [(5, 3)]
    assert {i.community for i in items} == {"B社区"} and items[0].step_name == "长效"


def test_steps_cleared_mark_and_moving_back(world: World) -> None:
    campaign = _campaign(world)
    item = _add(world, campaign, "A1")
    shift = world.actors["shift"]
    with world.store.write() as session:
        set_step(session, shift, item, 3, now=AT)
    with world.store.read() as session:
        assert session.get(CampaignItem, item).cleared_at == AT  # type: ignore[union-attr]
    with world.store.write() as session, pytest.raises(InputError) as refused:
        set_step(session, shift, item, 2)
    assert refused.value.code == "campaign.note_required"
    with world.store.write() as session:
        set_step(session, shift, item, 2, note="地锁被重新安装")
        with pytest.raises(InputError) as bad:
            set_step(session, shift, item, 6)
        assert bad.value.code == "campaign.bad_step"
    with world.store.read() as session:
        row = session.get(CampaignItem, item)
        assert row is not None and row.cleared_at is None and row.step_ordinal == 2
        steps = session.scalars(
            select(AuditLog.detail).where(AuditLog.action == "campaign.item_step")
        ).all()
        assert [(d["from"], d["to"]) for d in steps] == [(1, 3), (3, 2)]


def test_photos_before_and_after(world: World) -> None:
    campaign = _campaign(world)
    item = _add(world, campaign, "A1")
    with world.store.write() as session:
        attach_photos(
            session,
            world.actors["cg"],
            item,
            [ItemPhoto("before", PNG + b"1", "a.png"), ItemPhoto("after", PNG + b"2", "b.png")],
        )
        with pytest.raises(InputError) as bad:
            attach_photos(session, world.actors["cg"], item, [ItemPhoto("evidence", PNG)])
        assert bad.value.code == "campaign.photo_kind"
        with pytest.raises(InputError) as not_image:
            attach_photos(session, world.actors["cg"], item, [ItemPhoto("after", b"GIF89a")])
        assert not_image.value.code == "campaign.photo_not_image"
    with world.store.read() as session:
        kinds = session.scalars(
            select(Attachment.kind).where(Attachment.entity == "campaign_item")
        ).all()
        assert sorted(kinds) == ["after", "before"]


def test_roles_and_checks(world: World) -> None:
    with world.store.write() as session, pytest.raises(PermissionDenied):
        create_campaign(session, world.actors["insp"], CampaignInput("x", dt.date(2026, 1, 1)))
    with world.store.write() as session, pytest.raises(InputError) as bad:
        create_campaign(
            session,
            world.actors["shift"],
            CampaignInput("x", dt.date(2026, 1, 1), steps=("公示", "公示")),
        )
    assert bad.value.code == "campaign.bad_steps"
    campaign = _campaign(world)
    with world.store.write() as session, pytest.raises(PermissionDenied):
        add_item(session, world.actors["intake"], campaign, ItemInput(*POINTS["A1"]))
    with world.store.write() as session, pytest.raises(InputError) as outside:
        add_item(session, world.actors["insp"], campaign, ItemInput(116.5, 39.5))
    assert outside.value.code == "campaign.bad_point"
    _add(world, campaign, "A1", step=5)
    with world.store.write() as session, pytest.raises(InputError) as in_use:
        update_campaign(
            session,
            world.actors["shift"],
            campaign,
            CampaignInput("x", dt.date(2026, 1, 1), steps=("公示", "清理"), cleared_from_step=2),
        )
    assert in_use.value.code == "campaign.steps_in_use"
    with world.store.write() as session:
        set_status(session, world.actors["leader"], campaign, "closed")
    with world.store.write() as session, pytest.raises(InputError) as closed:
        add_item(session, world.actors["insp"], campaign, ItemInput(*POINTS["A2"]))
    assert closed.value.code == "campaign.closed"


def test_moving_the_cleared_step_re_marks_the_items(world: World) -> None:
    campaign = _campaign(world)
    at_two, at_three = _add(world, campaign, "A1", step=2), _add(world, campaign, "A2", step=3)
    later = AT + dt.timedelta(days=2)
    with world.store.write() as session:
        update_campaign(
            session,
            world.actors["shift"],
            campaign,
            CampaignInput("私装地锁专项整治", dt.date(2026, 1, 1), cleared_from_step=2),
            now=later,
        )
    with world.store.read() as session:
        assert progress(session, campaign).cleared == 2
        assert session.get(CampaignItem, at_two).cleared_at == later  # type: ignore[union-attr]
        assert session.get(CampaignItem, at_three).cleared_at == AT  # type: ignore[union-attr]
    with world.store.write() as session:
        update_campaign(
            session,
            world.actors["shift"],
            campaign,
            CampaignInput("私装地锁专项整治", dt.date(2026, 1, 1), cleared_from_step=4),
            now=later,
        )
    with world.store.read() as session:
        assert progress(session, campaign).cleared == 0
        assert list_campaigns(session)[0].cleared == 0


def test_every_change_is_audited_and_fed(world: World) -> None:
    campaign = _campaign(world)
    item = _add(world, campaign, "B2")
    admin = Actor(world.actors["shift"].user_id, "admin", frozenset({"admin"}), "ws")
    with world.store.write() as session:
        set_step(session, admin, item, 4)
    with world.store.read() as session:
        actions = session.scalars(
            select(AuditLog.action).where(AuditLog.action.like("campaign.%"))
        ).all()
        assert actions == ["campaign.create", "campaign.item_add", "campaign.item_step"]
        feeds = session.scalar(
            select(func.count()).where(ChangeFeed.entity.in_(["campaign", "campaign_item"]))
        )
        assert feeds == 3

"""Duplicates: found by category, distance and time; merged with evidence and timelines."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from console.errors import InputError, PermissionDenied
from console.models import AppSetting, Attachment, Blob
from console.services import audit
from console.services import workflow as wf
from tests.support.workflow_seed import POINTS, World, photo, world

__all__ = ["world"]
LON, LAT = POINTS["A1"]


def north(metres: float) -> float:
    return LAT + metres / 111_320.0


def find(world: World, lat: float, *, at: dt.datetime | None = None, **kw: object) -> list[float]:
    kw.setdefault("category_id", world.categories["0102"])
    with world.store.read() as session:
        found = wf.find_duplicates(
            session,
            lon=LON,
            lat=lat,
            at=at or dt.datetime.now(dt.UTC),
            **kw,  # type: ignore[arg-type]
        )
    return [round(c.distance_m) for c in found]


def test_radius_category_window_and_order(world: World) -> None:
    world.report("intake", source="hotline")
    world.report("intake", source="hotline", lat=north(20))
    assert find(world, north(30)) == [10, 30]
    assert find(world, north(65)) == [45]
    assert find(world, north(90)) == []
    assert find(world, north(90), radius_m=100) == [70, 90]
    assert find(world, LAT, category_id=world.categories["0101"]) == []
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(hours=25)
    assert find(world, LAT, at=tomorrow) == []
    assert find(world, LAT, at=tomorrow, window_hours=26) == [0, 20]
    with world.store.write() as session:
        session.add(AppSetting(key="duplicate_radius_m", value=100))
        session.add(AppSetting(key="duplicate_window_hours", value=48))
    assert find(world, north(90)) == [70, 90]
    assert find(world, LAT, at=tomorrow) == [0, 20]


def test_finished_cases_are_not_candidates(world: World) -> None:
    world.report("insp", self_handled=True, photos=[photo()])
    declined = world.report("insp")
    world.act(wf.not_open, "shift", declined.id, note="不属实")
    assert find(world, LAT) == []
    kept = world.report("insp")
    with world.store.read() as session:
        found = wf.find_duplicates(
            session, category_id=world.categories["0102"], lon=LON, lat=LAT,
            at=dt.datetime.now(dt.UTC), exclude_id=kept.id,
        )  # fmt: skip
    assert found == []
    assert find(world, LAT) == [0]


def test_merge_keeps_evidence_and_timelines(world: World) -> None:
    primary = world.report("intake", source="hotline", photos=[photo("near")])
    shared = photo("far")
    duplicate = world.report(
        "intake", source="public", lat=north(10), photos=[photo("near"), shared]
    )
    world.act(wf.supervise, "leader", duplicate.id, note="盯紧")
    with world.store.write() as session:
        wf.attach(
            session, world.actors["insp"], primary.id, kind="far", data=shared.data,
            original_name="same.png",
        )  # fmt: skip
    blobs_before = _count(world, Blob)
    merged = world.act(wf.merge, "intake", duplicate.id, into=primary.id, note="同一处垃圾")
    assert merged.state == "merged" and merged.merged_into_id == primary.id
    assert _count(world, Blob) == blobs_before
    with world.store.read() as session:
        on_primary = session.scalars(
            select(Attachment).where(Attachment.entity_id == primary.id)
        ).all()
        on_duplicate = session.scalars(
            select(Attachment).where(Attachment.entity_id == duplicate.id)
        ).all()
        assert audit.verify(session).ok
    assert len(on_duplicate) == 2
    assert len(on_primary) == 3  # its own near, the shared far (not twice), the duplicate's near
    assert {a.sha256 for a in on_duplicate} <= {a.sha256 for a in on_primary}
    dup_events, primary_events = world.events(duplicate.id), world.events(primary.id)
    assert [e.action for e in dup_events] == ["report", "supervise", "merge"]
    assert dup_events[-1].data["into"] == primary.id and dup_events[-1].note == "同一处垃圾"
    assert [e.action for e in primary_events] == ["report", "merged_in"]
    assert primary_events[-1].data["duplicate_id"] == duplicate.id
    assert len(primary_events[-1].data["attachments"]) == 1
    after = world.case(primary.id)
    assert after.supervised and after.version == 2
    assert find(world, LAT) == [0]


def test_merge_refusals(world: World) -> None:
    primary = world.report("insp")
    duplicate = world.report("insp")
    with pytest.raises(InputError) as info:
        world.act(wf.merge, "intake", duplicate.id, into=duplicate.id)
    assert info.value.code == "workflow.merge_self"
    with pytest.raises(PermissionDenied):
        world.act(wf.merge, "insp", duplicate.id, into=primary.id)
    closed = world.report("insp", self_handled=True, photos=[photo()])
    with pytest.raises(InputError) as info:
        world.act(wf.merge, "intake", duplicate.id, into=closed.id)
    assert info.value.code == "workflow.merge_target_state"
    assert "已结案" in info.value.message("zh_CN")
    world.act(wf.open_case, "shift", duplicate.id)
    world.act(wf.dispatch, "disp", duplicate.id, unit_id=world.units["SQA"])
    with pytest.raises(InputError) as info:
        world.act(wf.merge, "intake", duplicate.id, into=primary.id)
    assert info.value.code == "workflow.wrong_state"
    with pytest.raises(wf.WorkflowConflict):
        world.act(wf.merge, "intake", primary.id, into=duplicate.id, into_version=1)


def _count(world: World, model: type) -> int:
    with world.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

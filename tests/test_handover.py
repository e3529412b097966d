"""Handover (交接班): open items carried to the next shift until they are dealt with."""

from __future__ import annotations

import datetime as dt

import pytest

from console.errors import InputError, PermissionDenied
from console.services import difficulty, handover
from console.services.difficulty import DifficultyInput
from console.services.workflow import not_open
from tests.support.workflow_seed import World, world
from tests.test_roster_duty import DAY, _shift, at

__all__ = ["world"]
# Typographic quotes are fine in English; Chinese characters are not.
_CURLY_QUOTES = {ord(q): None for q in "“”"}


def test_open_items_carry_over_until_done(world: World) -> None:
    first = _shift(world, DAY, "day", 8.5, 17.5, "leader", ("shift", "值班长"))
    _shift(world, DAY, "staggered", 11, 20, "disp")
    second = _shift(world, DAY, "evening", 17.5, 22, "multi")
    third = _shift(world, DAY + dt.timedelta(days=1), "weekend", 9, 18, "shift")
    kept = world.report(reported_at=at(DAY, 10))
    solved = world.report(reported_at=at(DAY, 11))
    world.report(reported_at=at(DAY, 19))  # in the next shift
    with world.store.write() as session:
        problem = difficulty.add_item(
            session, world.actors["shift"], DifficultyInput("占道经营", DAY)
        ).id
    with world.store.read() as session:
        draft = handover.draft(session, first, now=at(DAY, 17.5))
    assert draft.to_shift_id == second  # the staggered shift hands over to nobody
    assert [i.get("number") for i in draft.items if i["kind"] == "case"] == [
        solved.number,
        kept.number,
    ]
    assert {"kind": "difficulty", "id": problem}.items() <= next(
        i for i in draft.items if i["kind"] == "difficulty"
    ).items()
    items = [*draft.items, {"kind": "note", "text": "3号楼噪音投诉待回访"}]
    with world.store.write() as session:
        log = handover.write(
            session,
            world.actors["leader"],
            first,
            summary="本班平稳",
            open_items=items,
            now=at(DAY, 17.5),
        )
        log_id = log.id
        with pytest.raises(InputError) as twice:
            handover.write(session, world.actors["shift"], first, summary="x", open_items=[])
        assert twice.value.code == "handover.exists"
    with world.store.write() as session, pytest.raises(PermissionDenied) as outsider:
        handover.accept(session, world.actors["insp"], log_id)
    assert outsider.value.code == "handover.not_next_shift"
    assert outsider.value.message("en").translate(_CURLY_QUOTES).isascii()
    with world.store.write() as session:
        handover.accept(session, world.actors["multi"], log_id, now=at(DAY, 17.6))
        with pytest.raises(InputError):
            handover.accept(session, world.actors["multi"], log_id)
    # One case gets finished during the second shift: it is not carried further.
    world.act(not_open, "shift", solved.id, note="重复上报")
    with world.store.read() as session:
        carried = handover.draft(session, second, now=at(DAY, 22))
    kinds = [(i["kind"], i.get("number") or i.get("text") or i.get("id")) for i in carried.items]
    assert ("case", kept.number) in kinds and ("case", solved.number) not in kinds
    assert ("note", "3号楼噪音投诉待回访") in kinds and ("difficulty", problem) in kinds
    assert carried.to_shift_id == third
    with world.store.read() as session:
        rows = handover.recent(session)
    assert rows[0].accepted_by == "多面手" and rows[0].written_by == "主任"
    assert len(rows[0].open_items) == len(items)


def test_who_may_write_and_bad_items(world: World) -> None:
    shift = _shift(world, DAY, "day", 8.5, 17.5, "leader", ("disp", "派遣员"))
    real = world.report()
    with world.store.write() as session:
        with pytest.raises(PermissionDenied) as outsider:
            handover.write(session, world.actors["insp"], shift, summary="x", open_items=[])
        assert outsider.value.message("en").translate(_CURLY_QUOTES).isascii()
        with pytest.raises(InputError) as bad:
            handover.write(
                session, world.actors["disp"], shift, summary="x", open_items=[{"kind": "x"}]
            )
        assert bad.value.code == "handover.bad_item"
        with pytest.raises(InputError) as unknown:
            handover.write(
                session,
                world.actors["disp"],
                shift,
                summary="x",
                open_items=[{"kind": "case", "id": 10**9, "number": "SW-FAKE"}],
            )
        assert unknown.value.code == "handover.bad_item"
        with pytest.raises(InputError) as empty:
            handover.write(session, world.actors["disp"], shift, summary=" ", open_items=[])
        assert empty.value.code == "handover.summary_required"
        log = handover.write(
            session,
            world.actors["disp"],
            shift,
            summary="平稳",
            open_items=[{"kind": "case", "id": real.id, "number": "SW-FAKE", "state": "closed"}],
        )
        # Kept as the database has the case, not as the form sent it.
        assert log.open_items == [
            {"kind": "case", "id": real.id, "number": real.number, "state": real.state}
        ]
        assert log.to_shift_id is None

"""Two workstations act on the same case at the same moment: one wins, one is told who."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from console.errors import ConflictError
from console.models import Case, ChangeFeed
from console.services import audit
from console.services import workflow as wf
from tests.support.workflow_seed import World, world

__all__ = ["world"]

Call = tuple[Callable[..., Any], str, dict[str, Any]]


def race(world: World, cid: int, calls: list[Call]) -> tuple[list[Any], list[BaseException]]:
    """Run the calls in threads, each in its own transaction, all at the same version."""
    version = world.version(cid)
    barrier = threading.Barrier(len(calls))
    wins: list[Any] = []
    losses: list[BaseException] = []

    def run(fn: Callable[..., Any], who: str, kwargs: dict[str, Any]) -> None:
        try:
            with world.store.write() as session:
                barrier.wait(10)
                wins.append(
                    fn(session, world.actors[who], cid, expected_version=version, **kwargs).state
                )
        except BaseException as error:  # collected for the assertions
            losses.append(error)

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return wins, losses


def _feed_rows(world: World, cid: int) -> int:
    with world.store.read() as session:
        rows = session.scalars(select(ChangeFeed.ids).where(ChangeFeed.entity == "case"))
        return sum(1 for ids in rows if ids == [cid])


def check_one_winner(world: World, cid: int, calls: list[Call]) -> tuple[Any, ConflictError]:
    events, feed_rows = len(world.events(cid)), _feed_rows(world, cid)
    wins, losses = race(world, cid, calls)
    assert len(wins) == 1 and len(losses) == len(calls) - 1, losses
    assert all(isinstance(e, ConflictError) for e in losses), losses
    assert len(world.events(cid)) == events + 1
    assert _feed_rows(world, cid) == feed_rows + 1
    with world.store.read() as session:
        assert audit.verify(session).ok
    error = losses[0]
    assert isinstance(error, ConflictError)
    return wins[0], error


def test_same_action_twice(world: World) -> None:
    for _ in range(3):
        cid = world.report("insp").id
        call: Call = (wf.open_case, "shift", {})
        state, error = check_one_winner(world, cid, [call, (wf.open_case, "multi", {})])
        assert state == "opened"
        text = error.message("zh_CN")
        assert "立案" in text and world.case(cid).number in text
        last = world.events(cid)[-1]
        assert last.actor in ("shift", "multi")
        display = {"shift": "值班长老张", "multi": "多面手"}[last.actor]
        assert display in text


def test_different_actions_at_once(world: World) -> None:
    cid = world.report("insp").id
    world.act(wf.open_case, "shift", cid)
    world.act(wf.dispatch, "disp", cid, unit_id=world.units["SQA"])
    state, error = check_one_winner(
        world,
        cid,
        [
            (wf.accept, "sqa", {}),
            (wf.request_return, "sqa", {"note": "不归我们"}),
            (wf.supervise, "leader", {}),
        ],
    )
    assert state == "in_handling" or state == "dispatched"
    assert error.code == "workflow.conflict"


def test_simultaneous_reports_get_distinct_numbers(world: World) -> None:
    barrier = threading.Barrier(3)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def run(who: str) -> None:
        try:
            barrier.wait(10)
            for _ in range(4):
                numbers.append(world.report(who).number)
        except BaseException as error:  # collected for the assertions
            errors.append(error)

    threads = [threading.Thread(target=run, args=(w,)) for w in ("insp", "intake", "shift")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert len(set(numbers)) == 12
    by_day: dict[str, list[int]] = {}
    for number in numbers:  # AJ + yyyymmdd + serial; a run may straddle local midnight
        by_day.setdefault(number[:10], []).append(int(number[10:]))
    for serials in by_day.values():
        assert sorted(serials) == list(range(1, len(serials) + 1))
    with world.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 12
        assert audit.verify(session).ok

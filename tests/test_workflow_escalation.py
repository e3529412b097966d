"""Tiered routing: escalation by decision and on timeout, once per case however run."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select, update

from console.errors import InputError
from console.models import Case, CaseAssist, CaseEvent
from console.services import audit
from console.services import workflow as wf
from tests.support.workflow_seed import World, photo, world

__all__ = ["world"]


def _handling(world: World, unit: str, *, accept: bool = True) -> int:
    cid = world.report("insp").id
    world.act(wf.open_case, "shift", cid)
    world.act(
        wf.dispatch, "disp", cid, unit_id=world.units[unit], assisting_unit_ids=[world.units["CG"]]
    )
    if accept:
        world.act(wf.accept, unit.lower(), cid)
    return cid


def test_escalate_before_dispatch_needs_a_street_unit(world: World) -> None:
    cid = world.report("insp").id
    case = world.act(wf.escalate, "shift", cid, note="涉及多个社区")
    assert case.escalation_level == 1 and case.escalated_at and case.state == "to_open"
    world.act(wf.open_case, "shift", cid)
    with pytest.raises(InputError) as info:
        world.act(wf.dispatch, "disp", cid, unit_id=world.units["SQA"])
    assert info.value.code == "workflow.needs_street_unit"
    with world.store.read() as session:
        found = session.get(Case, cid)
        assert found is not None
        suggested = [(s.unit.code, s.role, s.level) for s in wf.suggest_units(session, found)]
    assert suggested == [
        ("HW", "primary", "street"), ("SQA", "primary", "community"), ("CG", "assisting", "street"),
    ]  # fmt: skip
    assert world.act(wf.dispatch, "disp", cid, unit_id=world.units["HW"]).state == "dispatched"
    with pytest.raises(InputError) as info:
        world.act(wf.escalate, "shift", cid, note="again")
    assert info.value.code == "workflow.already_escalated"


def test_escalating_a_community_units_case_sends_it_back(world: World) -> None:
    cid = _handling(world, "SQA")
    world.act(wf.request_extension, "sqa", cid, hours=4, note="等待")
    case = world.act(wf.escalate, "shift", cid, note="社区无法处置")
    assert case.state == "opened" and case.unit_id is None and case.pending_request is None
    assert case.handle_due_at is None and case.escalation_level == 1
    assert case.return_count == 0
    event = world.events(cid)[-1]
    assert event.data == {
        "automatic": False,
        "redispatch": True,
        "previous_unit_id": world.units["SQA"],
    }
    with world.store.read() as session:
        assert session.scalars(select(CaseAssist).where(CaseAssist.case_id == cid)).all() == []


def test_escalating_a_street_units_case_keeps_it(world: World) -> None:
    cid = _handling(world, "HW")
    case = world.act(wf.escalate, "shift", cid, note="升级")
    assert case.state == "in_handling" and case.unit_id == world.units["HW"]


def test_escalation_needs_the_shift_leader_and_a_note(world: World) -> None:
    cid = world.report("insp").id
    with pytest.raises(InputError):
        world.act(wf.escalate, "shift", cid, note="")
    with pytest.raises(wf.WorkflowPermissionDenied):
        world.act(wf.escalate, "leader", cid, note="x")


def _overdue_world(world: World) -> tuple[dict[str, int], dt.datetime]:
    ids = {
        "community": _handling(world, "SQA"),
        "street": _handling(world, "HW"),
        "dispatched": _handling(world, "SQB", accept=False),
        "not_due": _handling(world, "SQA"),
        "escalated": _handling(world, "SQB"),
        "fed_back": _handling(world, "SQA"),
    }
    world.act(wf.escalate, "shift", ids["escalated"], note="已升级")
    world.act(wf.dispatch, "disp", ids["escalated"], unit_id=world.units["CG"])
    world.act(wf.feedback, "sqa", ids["fed_back"], note="完成", photos=[photo()])
    now = dt.datetime.now(dt.UTC)
    with world.store.write() as session:
        session.execute(update(Case).values(handle_due_at=now - dt.timedelta(hours=1)))
        session.execute(
            update(Case)
            .where(Case.id == ids["not_due"])
            .values(handle_due_at=now + dt.timedelta(hours=1))
        )
    return ids, now


def test_escalate_overdue(world: World) -> None:
    ids, now = _overdue_world(world)
    with world.store.write() as session:
        done = wf.escalate_overdue(session, now)
    assert sorted(done) == sorted([ids["community"], ids["street"], ids["dispatched"]])
    community, street = world.case(ids["community"]), world.case(ids["street"])
    assert community.state == "opened" and community.unit_id is None
    assert community.escalation_level == 1 and community.escalated_at == now
    assert street.state == "in_handling" and street.escalation_level == 1
    assert world.case(ids["dispatched"]).state == "opened"
    assert world.case(ids["not_due"]).escalation_level == 0
    assert world.case(ids["fed_back"]).escalation_level == 0
    last = world.events(ids["community"])[-1]
    assert (last.action, last.role, last.actor, last.user_id) == (
        "escalate",
        "system",
        "system",
        None,
    )
    assert last.from_state == "in_handling" and last.to_state == "opened"
    assert last.data["automatic"] is True
    assert community.version == len(world.events(ids["community"]))
    with world.store.write() as session:
        assert wf.escalate_overdue(session, now) == []


def test_concurrent_escalation_runs_escalate_each_case_once(world: World) -> None:
    ids, now = _overdue_world(world)
    barrier = threading.Barrier(2)
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait()
            with world.store.write() as session:
                results.append(wf.escalate_overdue(session, now))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    together = sorted(results[0] + results[1])
    assert together == sorted([ids["community"], ids["street"], ids["dispatched"]])
    with world.store.read() as session:
        for cid in together:
            escalations = session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == cid, CaseEvent.action == "escalate")
            ).all()
            assert len(escalations) == 1
        assert audit.verify(session).ok

"""Random sequences of actions by random users never break the workflow's invariants.

Each example gets a fresh SQLite copy of a seeded template. After every step: states are
known, pending requests consistent, timestamps ordered, counters never shrink, and the
timeline grows by exactly one entry per successful step (none per refused one), as does
the case's version. At the end the audit chain verifies and the KPI counts nest.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from console.errors import KnownError
from console.models import Case, User, UserRole
from console.models.org import ROLES
from console.services import workflow as wf
from console.services.actor import Actor, system_actor
from console.store import Store
from tests.support.workflow_invariants import audit_rows, check_end, check_step, snapshot
from tests.support.workflow_seed import POINTS, World, seed
from tests.support.workflow_steps import STEP_FUNCTIONS, step_kwargs

OPERATIONS = (*STEP_FUNCTIONS, "attach", "escalate_overdue", "report")
# Offered almost always; picked less often so that cases also travel the whole loop.
SIDE_STEPS = ("supervise", "unsupervise", "escalate", "merge", "not_open")
SIDE_STEPS += ("request_return", "request_extension", "request_shelve")


@dataclass(frozen=True)
class Template:
    path: Path
    world: World  # ids only: every copy of the file has the same rows


@pytest.fixture(scope="session")
def seeded(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Template:
    path = tmp_path_factory.mktemp("seeded") / "console.sqlite3"
    shutil.copyfile(sqlite_template, path)
    store = Store(f"sqlite:///{path}")
    world = seed(store)
    store.dispose()
    return Template(path, world)


def _random_users(store: Store, data: st.DataObject, units: list[int]) -> list[Actor]:
    actors = []
    with store.write() as session:
        for n in range(3):
            roles = data.draw(st.sets(st.sampled_from(ROLES), min_size=1, max_size=3))
            unit = data.draw(st.sampled_from([None, *units]), label="unit")
            user = User(
                username=f"random{n}", display_name=f"随机{n}", password_hash="!", unit_id=unit,
                created_at=dt.datetime.now(dt.UTC), roles=[UserRole(role=r) for r in roles],
            )  # fmt: skip
            session.add(user)
            session.flush()
            actors.append(Actor(user.id, user.username, frozenset(roles), "prop-ws"))
    return actors


def _gained(op: str, ok: bool, cid: int, extra: dict[str, Any], result: Any) -> dict[int, int]:
    """How many timeline entries each case should have gained from one step."""
    if not ok or op == "attach":
        return {}
    if op == "escalate_overdue":
        return dict.fromkeys(result, 1)
    if op == "merge":
        return {cid: 1, extra["into"]: 1}
    return {result.id if op == "report" else cid: 1}


def _choose(store: Store, data: st.DataObject, cid: int, actors: list[Actor]) -> tuple[str, Actor]:
    """Mostly a step the screen would offer (so cases get far), sometimes anything at all."""
    if data.draw(st.integers(0, 5), label="guided") > 0:
        with store.read() as session:
            case = session.get(Case, cid)
            assert case is not None
            offered = [(a, actor) for actor in actors for a in wf.allowed_actions(case, actor)]
        forward = [pair for pair in offered if pair[0] not in SIDE_STEPS]
        if forward and data.draw(st.integers(0, 2), label="forward") > 0:
            offered = forward
        if offered:
            return data.draw(st.sampled_from(offered), label="offered step")
    op = data.draw(st.sampled_from(OPERATIONS), label="op")
    return op, data.draw(st.sampled_from(actors), label="actor")


def _apply(
    store: Store, op: str, actor: Actor, cid: int, extra: dict[str, Any], version: int,
    clock: dt.datetime,
) -> tuple[bool, Any]:  # fmt: skip
    """Run one step in its own transaction: (True, result) or (False, the refusal)."""
    try:
        with store.write() as session:
            if op == "escalate_overdue":
                return True, wf.escalate_overdue(session, clock)
            if op == "report":
                return True, wf.report(session, actor, extra["data"], now=clock)
            if op == "attach":
                return True, wf.attach(session, actor, cid, now=clock, **extra)
            fn = STEP_FUNCTIONS[op]
            return True, fn(session, actor, cid, expected_version=version, now=clock, **extra)
    except KnownError as error:
        assert error.message("zh_CN") and error.message("en")
        return False, error


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_steps_keep_the_invariants(seeded: Template, data: st.DataObject) -> None:
    folder = tempfile.mkdtemp(prefix="wfprop")
    path = Path(folder) / "console.sqlite3"
    shutil.copyfile(seeded.path, path)
    store = Store(f"sqlite:///{path}", workstation="prop-ws")
    try:
        _run(store, seeded.world, data)
    finally:
        store.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def _run(store: Store, world: World, data: st.DataObject) -> None:
    units = list(world.units.values())
    actors = list(world.actors.values()) + _random_users(store, data, units)
    start = clock = dt.datetime.now(dt.UTC) - dt.timedelta(days=60)
    case_ids: list[int] = []
    for n in range(3):
        source = data.draw(st.sampled_from(["inspector", "hotline"]), label="source")
        lon, lat = POINTS["A1" if n % 2 else "B2"]
        with store.write() as session:
            case = wf.report(session, system_actor("prop-ws"), wf.IntakeData(
                category_id=world.categories["0102"], lon=lon, lat=lat,
                description=f"案件{n}", source=source,
            ), now=clock)  # fmt: skip
            case_ids.append(case.id)
    state, audited = snapshot(store), audit_rows(store)
    for _ in range(data.draw(st.integers(10, 40), label="steps")):
        clock += dt.timedelta(minutes=data.draw(st.integers(1, 900), label="minutes"))
        cid = data.draw(st.sampled_from(case_ids), label="case")
        op, actor = _choose(store, data, cid, actors)
        extra = step_kwargs(
            op, data, units=units, case_ids=case_ids, category_id=world.categories["0102"],
            clock=clock,
        )  # fmt: skip
        stale = data.draw(st.integers(0, 9), label="stale") == 0
        ok, result = _apply(store, op, actor, cid, extra, state[cid]["version"] - stale, clock)
        if ok:
            event(f"succeeded: {op}")  # shown by --hypothesis-show-statistics
        if ok and op == "report":
            case_ids.append(result.id)
        gained = _gained(op, ok, cid, extra, result)
        attached = 1 if ok and op == "attach" else 0
        state, audited = check_step(store, state, audited, gained, attached)
    check_end(store, start, clock)

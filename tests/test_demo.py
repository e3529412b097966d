"""The demo street generator and `main.py demo`, on SQLite and PostgreSQL.

The full default demo is generated once per backend (module-scoped fixture) and
checked here; test_demo_runs.py covers determinism, the scale path and the command line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from psycopg import sql
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.models import (
    AppSetting,
    AuditLog,
    Camera,
    Case,
    CaseEvent,
    ChangeFeed,
    Community,
    EnforcementAction,
    FieldTerminal,
    Grid,
    ResponsibilityRule,
    Street,
    User,
)
from console.models.org import ROLES
from console.services import audit
from console.services.accounts import demo_sign_ins
from console.services.deadlines import stage_due
from console.services.passwords import NO_PASSWORD, verify_password
from console.services.summary import database_summary
from console.services.terminals import issuable_terminals
from console.services.workcalendar import load_calendar
from console.services.workflow.states import SAME, TRANSITIONS
from console.store import Store
from db.demo import (
    SMALL_ADS_CLEARED,
    DemoSummary,
    generate,
    iter_case_rows,
    load_case_context,
)
from db.demo.clock import local_midnight
from tests.conftest import BACKENDS
from tests.support.pgserver import PgServer

UNTIL = dt.date(2026, 11, 29)
AS_OF = local_midnight(UNTIL)
STAGES = (
    "reported_at",
    "verified_at",
    "opened_at",
    "dispatched_at",
    "handled_at",
    "checked_at",
    "closed_at",
    "archived_at",
)
_names = itertools.count(1)


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, DemoSummary]]:
    """A fresh database per backend holding the full default demo."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("demo") / "console.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        store = Store(f"sqlite:///{path}", workstation="test-ws")
        yield store, generate(store, until=UNTIL)
        store.dispose()
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"demo{next(_names)}"
    store = Store(server.create_database(name, template=request.getfixturevalue("pg_template")))
    try:
        yield store, generate(store, until=UNTIL)
    finally:
        store.dispose()
        with server.connect(admin=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def inside(ring: list[list[float]], lon: float, lat: float) -> bool:
    """Ray casting over a closed ring, independent of the generator's own test."""
    hit = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def count(session: Session, model: Any, *where: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_exact_case_totals(seeded: tuple[Store, DemoSummary]) -> None:
    store, summary = seeded
    with store.read() as session:
        total = count(session, Case)
        resolved = count(
            session,
            Case,
            Case.state.in_(("closed", "archived")),
            Case.escalation_level == 0,
            Case.closed_at.is_not(None),
        )
        open_states = session.scalars(select(Case.state).distinct()).all()
        escalated = count(session, Case, Case.escalation_level == 1)
        numbers = count(session, Case, Case.number.is_not(None))
        distinct_numbers = session.scalar(select(func.count(Case.number.distinct())))
    assert (total, resolved) == (7810, 7695)
    assert summary.counts.resolved_in_community == 7695
    assert escalated > 0 and numbers == distinct_numbers == 7810
    expected = {
        "to_verify",
        "to_open",
        "opened",
        "dispatched",
        "in_handling",
        "to_check",
        "to_close",
        "closed",
        "archived",
        "shelved",
    }
    assert expected <= set(open_states)
    assert 0 < summary.counts.overdue < 30 and summary.counts.reworked > 0
    assert 0.85 <= summary.counts.on_time_share <= 0.95


def test_enforcement_adds_up_exactly(seeded: tuple[Store, DemoSummary]) -> None:
    store, _ = seeded
    with store.read() as session:
        sums = dict(
            session.execute(
                select(EnforcementAction.kind, func.sum(EnforcementAction.quantity)).group_by(
                    EnforcementAction.kind
                )
            ).all()
        )
        plates = session.scalars(
            select(EnforcementAction.plate).where(EnforcementAction.kind == "seizure")
        ).all()
        shifts = set(session.scalars(select(EnforcementAction.shift).distinct()))
    assert {k: Decimal(v) for k, v in sums.items()} == {
        "turnout": 15203,
        "ban": 3203,
        "seizure": 308,
        "frontage": 5104,
        "signboard": 205,
        "demolition": Decimal("23236.97"),
        "hazard": 3108,
        "small_ad": SMALL_ADS_CLEARED,
    }
    assert len(plates) == 308 and all(p.startswith("京") for p in plates)
    assert shifts == {"day", "staggered", "evening"}


def test_grids_codes_and_polygons(seeded: tuple[Store, DemoSummary]) -> None:
    store, _ = seeded
    with store.read() as session:
        street = session.scalars(select(Street)).one()
        communities = {c.id: c for c in session.scalars(select(Community))}
        grids = session.scalars(select(Grid).order_by(Grid.code)).all()
    codes = [g.code for g in grids]
    assert 250 <= len(grids) <= 350 and len(set(codes)) == len(codes)
    assert len(communities) == 10 and all(c.population > 0 for c in communities.values())
    for grid in grids:
        community = communities[grid.community_id]
        assert len(grid.code) == 15 and grid.code.isdigit()
        assert grid.code.startswith(street.code) and grid.code.startswith(community.code)
        ring = grid.boundary
        assert ring[0] == ring[-1] and len(ring) >= 4 and grid.area_m2 > 0
        assert grid.min_lon == min(p[0] for p in ring) and grid.max_lat == max(p[1] for p in ring)
    assert street.boundary[0] == street.boundary[-1]
    assert abs(street.center_lat - 39.907) < 0.01 and abs(street.center_lon - 116.205) < 0.01


def test_every_case_lies_in_its_grid(seeded: tuple[Store, DemoSummary]) -> None:
    store, _ = seeded
    with store.read() as session:
        grids = {g.id: g for g in session.scalars(select(Grid))}
        rows = session.execute(select(Case.lon, Case.lat, Case.grid_id, Case.community_id)).all()
    for lon, lat, grid_id, community_id in rows:
        assert grid_id is not None and lon is not None and lat is not None
        grid = grids[grid_id]
        assert grid.community_id == community_id
        assert inside(grid.boundary, lon, lat), (lon, lat, grid.code)


def test_devices_people_and_settings(seeded: tuple[Store, DemoSummary]) -> None:
    store, summary = seeded
    with store.read() as session:
        cameras = session.scalars(select(Camera).order_by(Camera.id)).all()
        grids = {g.id: g for g in session.scalars(select(Grid))}
        terminals = count(session, FieldTerminal)
        users = session.scalars(select(User)).all()
        settings = {s.key: s.value for s in session.scalars(select(AppSetting))}
    assert len(cameras) == 333 and terminals == 146
    codes = [c.code for c in cameras]
    assert len(set(codes)) == 333 and all(len(c) == 20 and c.isdigit() for c in codes)
    assert all(c.grid_id and inside(grids[c.grid_id].boundary, c.lon, c.lat) for c in cameras)
    assert [c.main_url for c in cameras[:4]] == [
        f"rtsp://127.0.0.1:8554/cam{n}/main" for n in range(1, 5)
    ]
    assert all(".invalid/" in c.main_url and ".invalid/" in c.sub_url for c in cameras[4:])
    single = {next(iter(u.role_names)) for u in users if len(u.role_names) == 1}
    assert single == set(ROLES)
    assert any(len(u.role_names) > 1 for u in users)
    hashes = {u.username: u.password_hash for u in users}
    for account in summary.accounts:
        assert verify_password(hashes[account.username], account.password)
    assert settings["demo"] is True and settings["timezone"] == "Asia/Shanghai"


def test_every_grid_worker_reports_from_a_terminal_of_their_own(
    seeded: tuple[Store, DemoSummary],
) -> None:
    store, summary = seeded
    with store.read() as session:
        rows = session.execute(
            select(FieldTerminal.holder_post, FieldTerminal.holder_name, User).outerjoin(
                User, User.id == FieldTerminal.holder_user_id
            )
        ).all()
        issuable = issuable_terminals(session)
    workers = [(name, user) for post, name, user in rows if post == "grid_worker"]
    assert workers and all(user is not None for _, user in workers)
    assert all(
        user.display_name == name and "inspector" in user.role_names for name, user in workers
    )
    assert len({user.id for _, user in workers}) == len(workers)
    assert len(issuable) == len(workers)  # `terminal issue --all` gives each one a key
    field_only = [u for _, u in workers if u.username != "inspector"]
    assert field_only and all(u.password_hash == NO_PASSWORD for u in field_only)
    with store.read() as session:  # the sign-in dialog offers only accounts that can sign in
        offered = [name for name, _password in demo_sign_ins(session)]
    assert offered and sorted(offered) == sorted(a.username for a in summary.accounts)


def test_stage_timestamps_are_ordered(seeded: tuple[Store, DemoSummary]) -> None:
    store, _ = seeded
    columns = [getattr(Case, name) for name in STAGES]
    with store.read() as session:
        rows = session.execute(select(Case.id, Case.state, Case.updated_at, *columns)).all()
        last_events = dict(
            session.execute(
                select(CaseEvent.case_id, CaseEvent.to_state).where(
                    CaseEvent.id.in_(select(func.max(CaseEvent.id)).group_by(CaseEvent.case_id))
                )
            ).all()
        )
    for case_id, state, updated_at, *stamps in rows:
        present = [s for s in stamps if s is not None]
        assert present == sorted(present), case_id
        assert max(present) <= updated_at <= AS_OF
        assert last_events[case_id] == state
        if state in ("closed", "archived"):
            assert stamps[STAGES.index("closed_at")] is not None


def test_deadlines_agree_with_the_console_services(seeded: tuple[Store, DemoSummary]) -> None:
    """Stored deadlines are the ones console.services.deadlines computes; the console's
    own summary sees the source's 98.5 %."""
    store, _ = seeded
    with store.read() as session:
        calendar = load_calendar(session)
        cases = session.scalars(
            select(Case)
            .where(Case.dispatched_at.is_not(None), Case.extension_count == 0)
            .order_by(Case.id)
            .limit(60)
        ).all()
        for case in cases:
            for stage, start, stored in (
                ("handle", case.dispatched_at, case.handle_due_at),
                ("dispatch", case.opened_at, case.dispatch_due_at),
            ):
                if case.return_count or case.escalation_level or start is None:
                    continue  # the stage restarted later than the column says
                expected = stage_due(
                    session,
                    stage=stage,
                    category_id=case.category_id,
                    urgency=case.urgency,
                    start=start,
                    calendar=calendar,
                )
                assert stored == expected, (case.number, stage)
        summary = database_summary(session)
        rules = count(session, ResponsibilityRule)
    assert summary.community_rate == 98.5 and rules > 0


def test_timelines_follow_the_workflow_table(seeded: tuple[Store, DemoSummary]) -> None:
    """Every timeline step is one the workflow service allows: action, states and role."""
    store, _ = seeded
    with store.read() as session:
        events = session.execute(
            select(CaseEvent.action, CaseEvent.from_state, CaseEvent.to_state, CaseEvent.role)
        ).all()
    steps = {t.action: t for t in TRANSITIONS}
    for action, from_state, to_state, role in set(events):
        step = steps[action]
        if action == "report":
            assert from_state is None and to_state in step.to_states
            continue
        assert from_state in step.from_states, (action, from_state)
        assert to_state in step.to_states or (SAME in step.to_states and to_state == from_state)
        assert role in step.roles or (action == "escalate" and role == "system"), (action, role)


def test_one_audit_row_and_one_feed_row_per_kind(seeded: tuple[Store, DemoSummary]) -> None:
    store, _ = seeded
    with store.read() as session:
        actions = session.scalars(select(AuditLog.action)).all()
        entities = session.scalars(select(ChangeFeed.entity)).all()
        kinds = set(session.scalars(select(ChangeFeed.kind)))
        assert audit.verify(session).ok
    assert actions == ["demo.seed"]
    assert len(entities) == len(set(entities)) and {"case", "grid", "camera"} <= set(entities)
    assert kinds == {"bulk"}


def test_case_stream_reusable_for_benchmarks(seeded: tuple[Store, DemoSummary]) -> None:
    import random

    store, _ = seeded
    with store.read() as session:
        ctx = load_case_context(session, AS_OF)
    rows = list(itertools.islice(iter_case_rows(random.Random(1), ctx, total=500), 500))
    assert len(rows) == 500 and set(rows[0]) == set(Case.__table__.columns.keys())

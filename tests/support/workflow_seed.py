"""A small street for workflow tests: areas, categories, units, users, rules, calendar.

The street is a square around Shijingshan (lon 116.20-116.24, lat 39.90-39.94), split
west/east into communities A and B, each split north/south into two grids.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.models import (
    AuditLog,
    Case,
    CaseEvent,
    Category,
    Community,
    DeadlineRule,
    Grid,
    ResponsibilityRule,
    ResponsibleUnit,
    Street,
    User,
    UserRole,
    WorkingHours,
)
from console.services.actor import Actor
from console.services.workflow import IntakeData, PhotoInput, report
from console.store import Store

W, E, S, N = 116.20, 116.24, 39.90, 39.94
MID_LON, MID_LAT = 116.22, 39.92
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
# Points inside each grid.
POINTS = {
    "A1": (116.21, 39.93),
    "A2": (116.21, 39.91),
    "B1": (116.23, 39.93),
    "B2": (116.23, 39.91),
}
USERS: dict[str, tuple[str, tuple[str, ...], str | None]] = {
    # username: (display name, roles, unit code)
    "insp": ("监督员小王", ("inspector",), None),
    "intake": ("受理员小李", ("intake",), None),
    "shift": ("值班长老张", ("shift_leader",), None),
    "disp": ("派遣员小赵", ("dispatcher",), None),
    "leader": ("主任", ("leader",), None),
    "cg": ("执法队", ("unit",), "CG"),
    "hw": ("环卫所", ("unit",), "HW"),
    "sqa": ("A社区工作站", ("unit",), "SQA"),
    "sqb": ("B社区工作站", ("unit",), "SQB"),
    "multi": ("多面手", ("intake", "shift_leader", "dispatcher"), None),
}

T = TypeVar("T")


@dataclass
class World:
    store: Store
    street: int = 0
    communities: dict[str, int] = field(default_factory=dict)
    grids: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)

    def report(self, who: str = "insp", **changes: Any) -> Case:
        values: dict[str, Any] = {
            "category_id": self.categories["0102"],
            "lon": POINTS["A1"][0],
            "lat": POINTS["A1"][1],
            "description": "路边垃圾暴露",
            "source": "inspector",
        }
        values.update(changes)
        with self.store.write() as session:
            return report(session, self.actors[who], IntakeData(**values))

    def version(self, case_id: int) -> int:
        with self.store.read() as session:
            case = session.get(Case, case_id)
            assert case is not None
            return case.version

    def act(self, fn: Callable[..., T], who: str, case_id: int, **kwargs: Any) -> T:
        """Run one action as `who`, at the version currently committed."""
        kwargs.setdefault("expected_version", self.version(case_id))
        with self.store.write() as session:
            return fn(session, self.actors[who], case_id, **kwargs)

    def case(self, case_id: int) -> Case:
        with self.store.read() as session:
            case = session.get(Case, case_id)
            assert case is not None
            return case

    def events(self, case_id: int) -> list[CaseEvent]:
        with self.store.read() as session:
            return list(
                session.scalars(
                    select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
                )
            )

    def counts(self) -> tuple[int, int, int]:
        """Rows in case_file, case_event and audit_log."""
        with self.store.read() as session:
            return tuple(  # type: ignore[return-value]
                int(session.scalar(select(func.count()).select_from(m)) or 0)
                for m in (Case, CaseEvent, AuditLog)
            )


def photo(kind: str = "after", data: bytes | None = None, name: str = "p.png") -> PhotoInput:
    return PhotoInput(
        kind=kind, data=data if data is not None else PNG + os.urandom(16), original_name=name
    )


def _square(w: float, s: float, e: float, n: float) -> list[list[float]]:
    return [[w, s], [e, s], [e, n], [w, n], [w, s]]


def _areas(session: Session, world: World) -> None:
    street = Street(
        code="110107001",
        name="测试街道",
        boundary=_square(W, S, E, N),
        center_lon=MID_LON,
        center_lat=MID_LAT,
    )
    session.add(street)
    session.flush()
    world.street = street.id
    for index, (name, w, e) in enumerate((("A", W, MID_LON), ("B", MID_LON, E)), start=1):
        community = Community(
            street_id=street.id,
            code=f"110107001{index:03d}",
            name=f"{name}社区",
            boundary=_square(w, S, e, N),
        )
        session.add(community)
        session.flush()
        world.communities[name] = community.id
        for row, (s, n) in enumerate(((MID_LAT, N), (S, MID_LAT)), start=1):
            grid = Grid(
                community_id=community.id,
                code=f"110107001{index:03d}{row:03d}",
                name=f"{name}{row}",
                boundary=_square(w, s, e, n),
                min_lon=w,
                min_lat=s,
                max_lon=e,
                max_lat=n,
            )
            session.add(grid)
            session.flush()
            world.grids[f"{name}{row}"] = grid.id


def _taxonomy(session: Session, world: World) -> None:
    parent = Category(code="01", kind="event", name_zh="市容环境", name_en="Environment")
    session.add(parent)
    session.flush()
    world.categories["01"] = parent.id
    for code, name, active in (
        ("0101", "违法建设", True),
        ("0102", "暴露垃圾", True),
        ("0103", "停用类别", False),
    ):
        row = Category(
            code=code,
            kind="event",
            parent_id=parent.id,
            name_zh=name,
            active=active,
            deadline_kind="working_days",
            deadline_amount=5,
        )
        session.add(row)
        session.flush()
        world.categories[code] = row.id


def _units(session: Session, world: World) -> None:
    for code, name, level, community in (
        ("CG", "城管执法队", "street", None),
        ("HW", "环卫所", "street", None),
        ("SQA", "A社区工作站", "community", "A"),
        ("SQB", "B社区工作站", "community", "B"),
    ):
        unit = ResponsibleUnit(
            code=code,
            name=name,
            unit_type="general",
            level=level,
            community_id=world.communities[community] if community else None,
        )
        session.add(unit)
        session.flush()
        world.units[code] = unit.id


def _users(session: Session, world: World) -> None:
    now = dt.datetime.now(dt.UTC)
    for username, (display, roles, unit) in USERS.items():
        user = User(
            username=username,
            display_name=display,
            password_hash="!",
            unit_id=world.units[unit] if unit else None,
            created_at=now,
            roles=[UserRole(role=r) for r in roles],
        )
        session.add(user)
        session.flush()
        world.actors[username] = Actor(user.id, username, frozenset(roles), "test-ws")


def _rules(session: Session, world: World) -> None:
    garbage, building = world.categories["0102"], world.categories["0101"]
    for stage, category, kind, amount in (
        ("verify", None, "urgent_hours", 1.0),
        ("open", None, "working_hours", 0.25),
        ("dispatch", None, "working_hours", 0.25),
        ("handle", garbage, "working_hours", 4.0),
        ("check", None, "working_hours", 1.0),
    ):
        session.add(DeadlineRule(stage=stage, category_id=category, kind=kind, amount=amount))
    for category, community, grid, unit, role, level in (
        (garbage, None, "A1", "SQA", "primary", "community"),
        (garbage, "A", None, "SQA", "primary", "community"),
        (garbage, "B", None, "SQB", "primary", "community"),
        (garbage, None, None, "HW", "primary", "street"),
        (garbage, None, None, "CG", "assisting", "street"),
        (building, None, None, "CG", "primary", "street"),
    ):
        session.add(
            ResponsibilityRule(
                category_id=category,
                community_id=world.communities[community] if community else None,
                grid_id=world.grids[grid] if grid else None,
                unit_id=world.units[unit],
                role=role,
                level=level,
            )
        )
    for weekday in range(5):
        session.add(WorkingHours(weekday=weekday))


def seed(store: Store) -> World:
    world = World(store)
    with store.write() as session:
        for step in (_areas, _taxonomy, _units, _users, _rules):
            step(session, world)
    return world


@pytest.fixture
def world(store: Store) -> World:
    return seed(store)

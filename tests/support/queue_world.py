"""A small street whose cases cover every queue tab, for the queue and search tests.

Each case has a label (its number is "Q-" + label) and known state, due times, flags,
community, category, unit and text, so the tests can state each tab's members by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from console.models import Case, Category, Community, Grid, ResponsibleUnit, Street
from console.store import Store

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)
PAST, FUTURE = NOW - HOUR, NOW + HOUR

# label: (state, extra column values); "reported" is hours before NOW.
CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "verify": ("to_verify", {"reported": 30, "description": "朝阳路口有暴露垃圾未清运"}),
    "open-late": ("to_open", {"reported": 29, "open_due_at": PAST, "urgency": "urgent"}),
    "open": ("to_open", {"reported": 28, "open_due_at": FUTURE, "community": "B"}),
    "opened-late": ("opened", {"reported": 27, "dispatch_due_at": PAST, "category": "0103"}),
    "dispatched": (
        "dispatched",
        {"reported": 26, "handle_due_at": FUTURE, "unit": "U1", "supervised": True},
    ),
    "handling-late": (
        "in_handling",
        {
            "reported": 25,
            "handle_due_at": PAST,
            "unit": "U2",
            "supervised": True,
            "pending_request": "extension",
            "description": "垃圾桶满溢，周边散落生活垃圾",
        },
    ),
    "handling-nodue": ("in_handling", {"reported": 25, "unit": "U1", "category": "0201"}),
    "check-late": ("to_check", {"reported": 24, "check_due_at": PAST, "community": "B"}),
    "close": ("to_close", {"reported": 23, "handle_due_at": PAST, "check_due_at": PAST}),
    "closed": ("closed", {"reported": 22, "supervised": True, "handle_due_at": PAST}),
    "archived": ("archived", {"reported": 21, "community": None, "grid": None}),
    "merged": ("merged", {"reported": 20, "supervised": True}),
    "not-opened": ("not_opened", {"reported": 19, "supervised": True}),
    "shelved": ("shelved", {"reported": 18, "handle_due_at": PAST, "category": "0201"}),
    "draft": ("draft", {"reported": 17, "urgency": "urgent"}),
}
LABELS = tuple(CASES)
ALL = frozenset(LABELS) - {"merged"}
TAB_MEMBERS: dict[str, frozenset[str]] = {
    "to_verify": frozenset({"verify"}),
    "to_open": frozenset({"open-late", "open"}),
    "to_dispatch": frozenset({"opened-late"}),
    "in_handling": frozenset({"dispatched", "handling-late", "handling-nodue"}),
    "to_check": frozenset({"check-late"}),
    "to_close": frozenset({"close"}),
    # A shelved case's clock is paused; to_close and closed cases have no running due.
    "overdue": frozenset({"open-late", "opened-late", "handling-late", "check-late"}),
    "supervised": frozenset({"dispatched", "handling-late"}),
    "all": ALL,
}
# The current stage's due time of each case (None where no stage clock runs).
DUE: dict[str, dt.datetime | None] = {
    "open-late": PAST,
    "open": FUTURE,
    "opened-late": PAST,
    "dispatched": FUTURE,
    "handling-late": PAST,
    "check-late": PAST,
}


def number(label: str) -> str:
    return f"Q-{label}"


def label(number_: str) -> str:
    return number_.removeprefix("Q-")


@dataclass
class World:
    store: Store
    communities: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)


def _case(world: World, grids: dict[str, int], label_: str) -> Case:
    state, spec = CASES[label_]
    values = dict(spec)
    community = values.pop("community", "A")
    grid = values.pop("grid", community)
    category = values.pop("category", "0102")
    unit = values.pop("unit", None)
    reported = NOW - dt.timedelta(hours=values.pop("reported"))
    values.setdefault("description", f"{label_} 路面问题")
    return Case(
        number=number(label_),
        source="inspector",
        category_id=world.categories[category],
        community_id=None if community is None else world.communities[community],
        grid_id=None if grid is None else grids[grid],
        unit_id=None if unit is None else world.units[unit],
        address=f"八角北路{len(world.cases) + 1}号",
        reporter_name="王小明" if label_ == "verify" else "网格员",
        state=state,
        reported_at=reported,
        updated_at=reported,
        **values,
    )


def build(store: Store) -> World:
    world = World(store)
    with store.write() as session:
        street = Street(code="110107003", name="八角街道", center_lon=116.2, center_lat=39.9)
        session.add(street)
        session.flush()
        for name, code in (("A", "001"), ("B", "002")):
            community = Community(street_id=street.id, code=f"110107003{code}", name=f"{name}社区")
            session.add(community)
            session.flush()
            world.communities[name] = community.id
        grids = {}
        for name, community_id in world.communities.items():
            grid = Grid(
                community_id=community_id,
                code=f"110107003{community_id:03d}001",
                min_lon=0,
                min_lat=0,
                max_lon=1,
                max_lat=1,
            )
            session.add(grid)
            session.flush()
            grids[name] = grid.id
        for code, parent, name in (
            ("01", None, "市容环境"),
            ("0102", "01", "暴露垃圾"),
            ("0103", "01", "积存垃圾渣土"),
            ("02", None, "宣传广告"),
            ("0201", "02", "非法小广告"),
        ):
            parent_id = None if parent is None else world.categories[parent]
            category = Category(code=code, kind="event", parent_id=parent_id, name_zh=name)
            session.add(category)
            session.flush()
            world.categories[code] = category.id
        for code in ("U1", "U2"):
            unit = ResponsibleUnit(code=code, name=f"{code}单位", unit_type="sanitation")
            session.add(unit)
            session.flush()
            world.units[code] = unit.id
        for label_ in LABELS:
            case = _case(world, grids, label_)
            session.add(case)
            session.flush()
            world.cases[label_] = case.id
    return world

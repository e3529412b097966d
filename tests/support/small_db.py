"""A small, hand-made street with known counts, for summary and GUI tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from console.models import (
    AppSetting,
    Camera,
    Case,
    Category,
    Community,
    EnforcementAction,
    FieldTerminal,
    Grid,
    Street,
)
from console.services import audit
from console.services.actor import system_actor
from console.store import Store

NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)

# (state, escalation_level) of every case in the small street.
CASES = [
    ("closed", 0),
    ("closed", 0),
    ("archived", 0),
    ("closed", 1),
    ("in_handling", 0),
    ("to_open", 0),
    ("merged", 0),
]


def fill_small_street(store: Store, *, center_name: str = "八角街道综合执法指挥中心") -> None:
    with store.write() as session:
        if center_name:
            session.add(AppSetting(key="center_name", value=center_name))
        street = Street(code="110107001", name="八角街道", center_lon=116.2, center_lat=39.9)
        session.add(street)
        session.flush()
        communities = [
            Community(street_id=street.id, code=f"110107001{n:03d}", name=f"社区{n}")
            for n in (1, 2)
        ]
        session.add_all(communities)
        session.flush()
        grids = [
            Grid(
                community_id=communities[n % 2].id,
                code=f"110107001001{n:03d}",
                min_lon=0,
                min_lat=0,
                max_lon=1,
                max_lat=1,
            )
            for n in range(3)
        ]
        session.add_all(grids)
        for n, status in enumerate(["online", "online", "offline", "unknown"]):
            session.add(
                Camera(
                    code=f"3402000000132000{n:04d}",
                    name=f"摄像机{n}",
                    lon=116.2,
                    lat=39.9,
                    status=status,
                )
            )
        session.add(FieldTerminal(code="T-001", holder_name="网格员甲"))
        category = Category(code="0102", kind="event", name_zh="暴露垃圾")
        session.add(category)
        session.flush()
        for n, (state, level) in enumerate(CASES):
            session.add(
                Case(
                    number=f"C{n:05d}",
                    source="inspector",
                    category_id=category.id,
                    description="测试",
                    state=state,
                    escalation_level=level,
                    reported_at=NOW,
                    updated_at=NOW,
                )
            )
        for kind, quantity in [("turnout", "12"), ("turnout", "3"), ("demolition", "20.50")]:
            session.add(
                EnforcementAction(
                    occurred_on=NOW.date(), kind=kind, quantity=Decimal(quantity), created_at=NOW
                )
            )
        audit.record(session, system_actor("ws"), "test.seed")

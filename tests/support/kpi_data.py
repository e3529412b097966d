"""Reference rows and hand-made cases with controlled timestamps, for the KPI tests."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.models import Case, Category, Community, Grid, ResponsibleUnit, Street, User
from console.store import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")
_numbers = itertools.count(1)


def local(
    year: int, month: int, day: int, hour: int = 10, minute: int = 0, zone: dt.tzinfo = SHANGHAI
) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=zone)


@dataclass(frozen=True)
class Refs:
    """Ids of the reference rows the cases point at."""

    communities: tuple[int, int]
    grids: tuple[int, int]
    units: tuple[int, int]
    classes: tuple[int, int]
    subclasses: tuple[int, int, int]  # 0101, 0102 (class 01), 0201 (class 02)
    inspector: int


def _grid(session: Session, community_id: int, code: str) -> int:
    grid = Grid(
        community_id=community_id,
        code=code,
        min_lon=116.1,
        min_lat=39.9,
        max_lon=116.2,
        max_lat=40.0,
    )
    session.add(grid)
    session.flush()
    return grid.id


def _category(session: Session, code: str, name: str, parent_id: int | None) -> int:
    category = Category(code=code, kind="event", parent_id=parent_id, name_zh=name, name_en=code)
    session.add(category)
    session.flush()
    return category.id


def seed(store: Store) -> Refs:
    with store.write() as session:
        street = Street(code="110107001", name="八角街道", center_lon=116.2, center_lat=39.9)
        session.add(street)
        session.flush()
        a = Community(street_id=street.id, code="110107001001", name="甲社区")
        b = Community(street_id=street.id, code="110107001002", name="乙社区")
        u1 = ResponsibleUnit(code="U1", name="城管执法队", unit_type="enforcement")
        u2 = ResponsibleUnit(code="U2", name="环卫所", unit_type="sanitation")
        user = User(
            username="wang",
            display_name="王网格",
            password_hash="x",
            created_at=dt.datetime.now(dt.UTC),
        )
        session.add_all([a, b, u1, u2, user])
        session.flush()
        c01 = _category(session, "01", "市容环境", None)
        c02 = _category(session, "02", "宣传广告", None)
        return Refs(
            communities=(a.id, b.id),
            grids=(
                _grid(session, a.id, "110107001001001"),
                _grid(session, b.id, "110107001002001"),
            ),
            units=(u1.id, u2.id),
            classes=(c01, c02),
            subclasses=(
                _category(session, "0101", "违法建设", c01),
                _category(session, "0102", "暴露垃圾", c01),
                _category(session, "0201", "小广告", c02),
            ),
            inspector=user.id,
        )


def case(refs: Refs, reported_at: dt.datetime, **fields: Any) -> dict[str, Any]:
    """A case row: reported by an inspector in the first community, unless told otherwise."""
    row: dict[str, Any] = {
        "number": f"K{next(_numbers):010d}",
        "source": "inspector",
        "category_id": refs.subclasses[0],
        "community_id": refs.communities[0],
        "grid_id": refs.grids[0],
        "description": "test case",
        "reporter_name": "",
        "reporter_user_id": None,
        "state": "reported",
        "self_handled": False,
        "escalation_level": 0,
        "rework_count": 0,
        "extension_count": 0,
        "return_count": 0,
        "unit_id": None,
        "merged_into_id": None,
        "reported_at": reported_at,
        "updated_at": reported_at,
        "callback_result": None,
    }
    for name in ("verified", "opened", "dispatched", "handled", "closed"):
        row[f"{name}_at"] = None
    for name in ("open", "handle"):
        row[f"{name}_due_at"] = None
    row.update(fields)
    return row


def closed_case(
    refs: Refs, reported_at: dt.datetime, *, on_time: bool = True, **fields: Any
) -> dict[str, Any]:
    """Dispatched, handled (an hour before or after its deadline), checked and closed."""
    due = reported_at + dt.timedelta(days=2)
    handled = due + dt.timedelta(hours=-1 if on_time else 1)
    values: dict[str, Any] = {
        "state": "closed",
        "unit_id": refs.units[0],
        "opened_at": reported_at + dt.timedelta(minutes=20),
        "open_due_at": reported_at + dt.timedelta(minutes=30),
        "dispatched_at": reported_at + dt.timedelta(minutes=30),
        "handle_due_at": due,
        "handled_at": handled,
        "closed_at": handled + dt.timedelta(hours=2),
    }
    values.update(fields)
    return case(refs, reported_at, **values)


def in_handling(refs: Refs, reported_at: dt.datetime, **fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "state": "in_handling",
        "unit_id": refs.units[0],
        "opened_at": reported_at + dt.timedelta(minutes=10),
        "open_due_at": reported_at + dt.timedelta(minutes=30),
        "dispatched_at": reported_at + dt.timedelta(minutes=15),
        "handle_due_at": reported_at + dt.timedelta(days=2),
    }
    values.update(fields)
    return case(refs, reported_at, **values)


def add_cases(store: Store, rows: list[dict[str, Any]]) -> None:
    with store.write() as session:
        session.execute(insert(Case), rows)

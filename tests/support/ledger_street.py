"""A small street for ledger tests: two square communities, grids, categories, units.

Street 116.00–116.10 E × 39.90–39.96 N; 古城社区 is the west half, 八角社区 the east half,
each with two grids (north and south). The name 其他 is a subclass of two classes, so
it is only unique within its class.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from console.models import Category, Community, Grid, ResponsibleUnit, Street
from console.services.actor import Actor
from console.services.ledger import HEADERS
from console.store import Store

WEST, MID, EAST = 116.00, 116.05, 116.10
SOUTH, EQUATOR, NORTH = 39.90, 39.93, 39.96
CLERK = Actor(None, "clerk", frozenset({"intake"}), "test-ws")
LEADER = Actor(None, "boss", frozenset({"leader"}), "test-ws")
NOBODY = Actor(None, "guest", frozenset(), "test-ws")


def square(west: float, south: float, east: float, north: float) -> list[list[float]]:
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


@dataclass
class StreetRefs:
    street_id: int = 0
    communities: dict[str, int] = field(default_factory=dict)  # name -> id
    grids: dict[str, int] = field(default_factory=dict)  # code -> id
    categories: dict[str, int] = field(default_factory=dict)  # code -> id
    units: dict[str, int] = field(default_factory=dict)  # code -> id


CATEGORIES = {
    "01": ("市容环境", {"0101": "违法建设", "0102": "暴露垃圾"}),
    "02": ("街面秩序", {"0201": "无照经营", "0202": "其他"}),
    "03": ("宣传广告", {"0301": "其他"}),
}
UNITS = {"U01": "城管执法队", "U02": "环卫所", "U03": "古城社区居委会"}
COMMUNITY_CODES = {"古城社区": "110107001001", "八角社区": "110107001002"}


def seed_street(store: Store, *, street_boundary: bool = True) -> StreetRefs:
    refs = StreetRefs()
    with store.write() as session:
        street = Street(
            code="110107001",
            name="八角街道",
            boundary=square(WEST, SOUTH, EAST, NORTH) if street_boundary else [],
            center_lon=(WEST + EAST) / 2,
            center_lat=(SOUTH + NORTH) / 2,
        )
        session.add(street)
        session.flush()
        refs.street_id = street.id
        for (name, code), (west, east) in zip(
            COMMUNITY_CODES.items(), [(WEST, MID), (MID, EAST)], strict=True
        ):
            community = Community(street_id=street.id, code=code, name=name,
                                  boundary=square(west, SOUTH, east, NORTH))
            session.add(community)
            session.flush()
            refs.communities[name] = community.id
            for n, (south, north) in enumerate([(EQUATOR, NORTH), (SOUTH, EQUATOR)], start=1):
                grid = Grid(
                    community_id=community.id, code=f"{code}{n:03d}",
                    boundary=square(west, south, east, north),
                    min_lon=west, min_lat=south, max_lon=east, max_lat=north,
                )
                session.add(grid)
                session.flush()
                refs.grids[grid.code] = grid.id
        for code, (name, subs) in CATEGORIES.items():
            parent = Category(code=code, kind="event", name_zh=name)
            session.add(parent)
            session.flush()
            refs.categories[code] = parent.id
            for sub_code, sub_name in subs.items():
                sub = Category(code=sub_code, kind="event", parent_id=parent.id,
                               name_zh=sub_name, deadline_kind="working_days", deadline_amount=5)
                session.add(sub)
                session.flush()
                refs.categories[sub_code] = sub.id
        for code, name in UNITS.items():
            unit = ResponsibleUnit(code=code, name=name, unit_type="enforcement")
            session.add(unit)
            session.flush()
            refs.units[code] = unit.id
    return refs


def row(**values: Any) -> dict[str, Any]:
    """A good closed case; keyword arguments replace cells (by header)."""
    base: dict[str, Any] = {
        "案卷编号": "A0001",
        "上报时间": "2025-03-01 09:00",
        "来源": "监督员",
        "大类": "市容环境",
        "小类": "暴露垃圾",
        "地址": "古城大街 1 号",
        "经度": "116.02",
        "纬度": "39.94",
        "所属社区": "古城社区",
        "所属网格": "110107001001001",
        "问题描述": "路边堆放生活垃圾",
        "状态": "已结案",
        "处置单位": "环卫所",
        "立案时间": "2025-03-01 09:10",
        "派遣时间": "2025-03-01 09:20",
        "处置时间": "2025-03-01 11:00",
        "结案时间": "2025-03-01 12:00:30",
    }
    base.update(values)
    return base


def rows(count: int, **values: Any) -> list[dict[str, Any]]:
    return [row(**{"案卷编号": f"A{n:04d}", **values}) for n in range(1, count + 1)]


def write_csv(
    path: Path,
    records: Iterable[Mapping[str, Any]],
    headers: Sequence[str] = HEADERS,
    encoding: str = "utf-8",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        for record in records:
            writer.writerow(["" if record.get(h) is None else record.get(h) for h in headers])
    return path


def write_xlsx(
    path: Path, records: Iterable[Mapping[str, Any]], headers: Sequence[str] = HEADERS
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(headers))
    for record in records:
        sheet.append([record.get(h) for h in headers])
    book.save(path)
    return path


def local(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> dt.datetime:
    """A naive local time, as an Excel date cell holds it."""
    return dt.datetime(year, month, day, hour, minute, second)

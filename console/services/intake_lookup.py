"""What the intake form looks up: categories, places, where a point lies, likely duplicates.

Read-only; every result is plain frozen data, safe to hand from the database worker to
the GUI thread (no ORM objects, nothing lazy). Search keys (pinyin) are computed here,
on the worker, so the form never waits for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.errors import KnownError
from console.models import Category, Community, Grid, Street
from console.services import workflow
from console.services.geo_checks import has_area, in_china, point_in_polygon, valid_lon_lat
from console.services.search_keys import SearchKeys, search_keys


@dataclass(frozen=True)
class CategoryNode:
    id: int
    code: str
    name_zh: str
    name_en: str
    keys: SearchKeys
    children: tuple[CategoryNode, ...] = ()


@dataclass(frozen=True)
class Place:
    """A community or a grid; lon/lat is a point inside it (None without an outline)."""

    id: int
    code: str
    name: str
    keys: SearchKeys
    lon: float | None
    lat: float | None
    community_id: int | None = None  # a grid's community


@dataclass(frozen=True)
class IntakeLookups:
    categories: tuple[CategoryNode, ...]
    communities: tuple[Place, ...]
    grids: tuple[Place, ...]


@dataclass(frozen=True)
class PointPlace:
    """Where a point lies; problem says why it cannot be a case's location."""

    lon: float
    lat: float
    community_id: int | None
    grid_id: int | None
    problem: KnownError | None = None


@dataclass(frozen=True)
class DuplicateRow:
    id: int
    number: str
    state: str
    version: int
    address: str
    description: str
    distance_m: float
    hours_apart: float
    reported_at: dt.datetime


def inner_point(polygon: Sequence[Any] | None) -> tuple[float, float] | None:
    """A point inside a polygon (its middle for convex shapes), or None without an area.

    Cuts the polygon along the middle latitude of its box and takes the middle of the
    first stretch inside: inside even for L- or U-shaped outlines, unlike a centroid.
    """
    if not polygon or not has_area(polygon):
        return None
    ring = [(float(p[0]), float(p[1])) for p in polygon]
    lats = [p[1] for p in ring]
    lat = (min(lats) + max(lats)) / 2
    crossings: list[float] = []
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat):
            crossings.append(x1 + (lat - y1) * (x2 - x1) / (y2 - y1))
    crossings.sort()
    if len(crossings) < 2:
        return None
    return round((crossings[0] + crossings[1]) / 2, 7), round(lat, 7)


def category_tree(session: Session) -> list[CategoryNode]:
    """Active classes with their active subclasses, by code; classes without any left out."""
    rows = list(session.scalars(select(Category).where(Category.active).order_by(Category.code)))
    children: dict[int, list[CategoryNode]] = {}
    for row in rows:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(_node(row))
    return [
        _node(row, tuple(children[row.id]))
        for row in rows
        if row.parent_id is None and children.get(row.id)
    ]


def _node(row: Category, children: tuple[CategoryNode, ...] = ()) -> CategoryNode:
    keys = search_keys(row.name_zh, row.name_en, row.code)
    return CategoryNode(row.id, row.code, row.name_zh, row.name_en, keys, children)


def communities(session: Session) -> list[Place]:
    out = []
    for row in session.scalars(select(Community).order_by(Community.code)):
        point = inner_point(row.boundary)
        out.append(
            Place(
                row.id,
                row.code,
                row.name,
                search_keys(row.name, row.code),
                point[0] if point else None,
                point[1] if point else None,
            )
        )
    return out


def grids(session: Session, community_id: int | None = None) -> list[Place]:
    """The grids of one community, or of the whole street when community_id is None."""
    query = select(Grid).order_by(Grid.code)
    if community_id is not None:
        query = query.where(Grid.community_id == community_id)
    out = []
    for row in session.scalars(query):
        point = inner_point(row.boundary)
        name = row.name or row.code
        out.append(
            Place(
                row.id,
                row.code,
                name,
                search_keys(name, row.code[-3:]),
                point[0] if point else None,
                point[1] if point else None,
                row.community_id,
            )
        )
    return out


def lookups(session: Session) -> IntakeLookups:
    return IntakeLookups(
        tuple(category_tree(session)), tuple(communities(session)), tuple(grids(session))
    )


def locate_point(session: Session, lon: float, lat: float) -> PointPlace:
    """The community and grid of a point, with the same checks as registering a case."""
    code = None
    if not valid_lon_lat(lon, lat):
        code = "workflow.intake.bad_coordinates"
    elif not in_china(lon, lat):
        code = "workflow.intake.outside_china"
    else:
        outlines = [s.boundary for s in session.scalars(select(Street)) if has_area(s.boundary)]
        if outlines and not any(point_in_polygon(lon, lat, o) for o in outlines):
            code = "workflow.intake.outside_street"
    if code is not None:
        return PointPlace(lon, lat, None, None, workflow.WorkflowInputError(code, lon=lon, lat=lat))
    community_id, grid_id = workflow.locate(session, lon, lat)
    return PointPlace(lon, lat, community_id, grid_id)


def duplicates(
    session: Session, *, category_id: int, lon: float, lat: float, at: dt.datetime | None = None
) -> list[DuplicateRow]:
    """Open cases of the category near the point, around `at` (now), nearest first."""
    found = workflow.find_duplicates(
        session, category_id=category_id, lon=lon, lat=lat, at=at or dt.datetime.now(dt.UTC)
    )
    return [
        DuplicateRow(
            c.case.id,
            c.case.number,
            c.case.state,
            c.case.version,
            c.case.address,
            c.case.description,
            c.distance_m,
            c.hours_apart,
            c.case.reported_at,
        )
        for c in found
    ]

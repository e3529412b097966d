"""The map's other layers: street/community/grid outlines with labels, cameras, field
terminals, campaign items, and the heatmap of a period and category.

Field terminals carry no position of their own: each is drawn where its latest submitted
case is, or else at a point inside its grid (or community), flagged as approximate.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from console.geo.tile_render import BaseGeometry
from console.models import (
    Camera,
    CampaignItem,
    Case,
    Category,
    Community,
    FieldSubmission,
    FieldTerminal,
    Grid,
    Street,
)
from console.services.geo_checks import has_area
from console.services.intake_lookup import inner_point
from console.services.map.cases import dump_json

_DECIMALS = 6


def _ring(boundary: Any) -> list[list[float]]:
    return [[round(float(p[0]), _DECIMALS), round(float(p[1]), _DECIMALS)] for p in boundary]


def boundaries(*, session: Session) -> bytes:
    """{"street": [...], "communities": [...], "grids": [...]}, rings as [[lon, lat], ...]."""
    street = [
        {
            "id": s.id,
            "name": s.name,
            "ring": _ring(s.boundary),
            "center": [s.center_lon, s.center_lat],
        }
        for s in session.scalars(select(Street).order_by(Street.id))
        if has_area(s.boundary)
    ]
    communities = [
        {"id": c.id, "code": c.code, "name": c.name, "ring": _ring(c.boundary)}
        for c in session.scalars(select(Community).order_by(Community.code))
        if has_area(c.boundary)
    ]
    grids = [
        {"id": g.id, "code": g.code, "name": g.name, "ring": _ring(g.boundary)}
        for g in session.scalars(select(Grid).order_by(Grid.code))
        if has_area(g.boundary)
    ]
    return dump_json({"street": street, "communities": communities, "grids": grids})


def street_center(*, session: Session) -> tuple[float, float] | None:
    """(lon, lat) the map opens at: the first street's centre."""
    row = session.execute(select(Street.center_lon, Street.center_lat).order_by(Street.id)).first()
    return (float(row[0]), float(row[1])) if row is not None else None


def base_geometry(*, session: Session) -> BaseGeometry:
    """The outlines the offline tiles are drawn from."""
    return BaseGeometry(
        street=tuple(s.boundary for s in session.scalars(select(Street)) if has_area(s.boundary)),
        communities=tuple(
            c.boundary
            for c in session.scalars(select(Community).order_by(Community.code))
            if has_area(c.boundary)
        ),
        grids=tuple(g.boundary for g in session.scalars(select(Grid)) if has_area(g.boundary)),
    )


def devices(*, session: Session) -> bytes:
    """Cameras, field terminals and campaign items: rows [id, lon, lat, flag, label]."""
    cameras = [
        [r.id, round(r.lon, _DECIMALS), round(r.lat, _DECIMALS), int(r.status == "online"), r.name]
        for r in session.execute(
            select(Camera.id, Camera.lon, Camera.lat, Camera.status, Camera.name).order_by(
                Camera.id
            )
        )
    ]
    places: dict[tuple[str, int], tuple[float, float] | None] = {}
    for grid in session.execute(select(Grid.id, Grid.boundary)):
        places[("grid", grid.id)] = inner_point(grid.boundary)
    for community in session.execute(select(Community.id, Community.boundary)):
        places[("community", community.id)] = inner_point(community.boundary)
    # Where each terminal last reported from: the place of its latest submitted case.
    reported: dict[int, tuple[float, float]] = {}
    for sub in session.execute(
        select(FieldSubmission.terminal_id, Case.lon, Case.lat)
        .join(Case, Case.id == FieldSubmission.case_id)
        .where(Case.lon.is_not(None), Case.lat.is_not(None))
        .order_by(FieldSubmission.received_at, FieldSubmission.id)
    ):
        reported[sub.terminal_id] = (sub.lon, sub.lat)
    terminals = []
    for t in session.execute(
        select(
            FieldTerminal.id,
            FieldTerminal.grid_id,
            FieldTerminal.community_id,
            FieldTerminal.status,
            FieldTerminal.holder_name,
        )
        .where(FieldTerminal.active.is_(True))
        .order_by(FieldTerminal.id)
    ):
        point = reported.get(t.id)
        approx = point is None
        if point is None:
            point = places.get(("grid", t.grid_id or 0)) or places.get(
                ("community", t.community_id or 0)
            )
        if point is not None:
            lon, lat = point
            online = int(t.status == "online")
            terminals.append(
                [
                    t.id,
                    round(lon, _DECIMALS),
                    round(lat, _DECIMALS),
                    online,
                    t.holder_name,
                    int(approx),
                ]
            )
    items = [
        [
            r.id,
            round(r.lon, _DECIMALS),
            round(r.lat, _DECIMALS),
            int(r.cleared_at is not None),
            r.address,
        ]
        for r in session.execute(
            select(
                CampaignItem.id,
                CampaignItem.lon,
                CampaignItem.lat,
                CampaignItem.cleared_at,
                CampaignItem.address,
            ).order_by(CampaignItem.id)
        )
    ]
    return dump_json({"cameras": cameras, "terminals": terminals, "campaign_items": items})


def heat_points(
    start: dt.datetime,
    end: dt.datetime,
    *,
    session: Session,
    category_id: int | None = None,
) -> bytes:
    """[[lat, lon], ...] of cases reported in [start, end), of a category (a class takes
    its subclasses) or of all; lat first, as the heat layer wants it."""
    query = select(Case.lat, Case.lon).where(
        Case.reported_at >= start,
        Case.reported_at < end,
        Case.lon.is_not(None),
        Case.lat.is_not(None),
        Case.state != "merged",
    )
    if category_id is not None:
        children = select(Category.id).where(
            or_(Category.id == category_id, Category.parent_id == category_id)
        )
        query = query.where(Case.category_id.in_(children))
    points = [[round(r.lat, 5), round(r.lon, 5)] for r in session.execute(query)]
    return json.dumps({"points": points}, separators=(",", ":")).encode()


def heat_categories(*, session: Session) -> list[tuple[int, str, str, str]]:
    """(id, code, name_zh, name_en) of every class, for the heatmap's category choice."""
    rows = session.execute(
        select(Category.id, Category.code, Category.name_zh, Category.name_en)
        .where(Category.parent_id.is_(None))
        .order_by(Category.code)
    )
    return [(r.id, r.code, r.name_zh, r.name_en) for r in rows]

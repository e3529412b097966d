"""The map's JSON from the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from console.cli import main
from console.geo.mbtiles import MBTilesReader
from console.models import Camera, Case, FieldSubmission, FieldTerminal
from console.services.map import cases as map_cases
from console.services.map import layers as map_layers
from tests.support.workflow_seed import POINTS, World, world

__all__ = ["world"]
NOW = dt.datetime.now(dt.UTC)


def _cases(world: World) -> dict[str, int]:
    ids = {name: world.report(lon=p[0], lat=p[1]).id for name, p in POINTS.items()}
    with world.store.write() as session:
        late = session.get(Case, ids["A1"])
        assert late is not None
        late.state, late.handle_due_at, late.urgency = (
            "in_handling",
            NOW - dt.timedelta(hours=1),
            "urgent",
        )
        closed = session.get(Case, ids["A2"])
        assert closed is not None
        closed.state = "closed"
        nowhere = session.get(Case, ids["B2"])
        assert nowhere is not None
        nowhere.lon = nowhere.lat = None
    return ids


def _load(data: bytes) -> Any:
    value = json.loads(data)
    assert isinstance(value, dict)
    return value


def test_case_points_by_scope(world: World) -> None:
    ids = _cases(world)
    with world.store.read() as session:
        open_only = _load(map_cases.case_points(session=session, now=NOW))
        everything = _load(map_cases.case_points(session=session, scope="all", now=NOW))
    assert open_only["groups"] == list(map_cases.STATE_GROUPS)
    rows = {row[0]: row for row in open_only["rows"]}
    assert set(rows) == {ids["A1"], ids["B1"]}  # closed and unplaced cases are not drawn
    late = rows[ids["A1"]]
    assert late[1:3] == list(POINTS["A1"])
    assert late[3] == list(map_cases.STATE_GROUPS).index("handling")
    assert late[4] == map_cases.OVERDUE | map_cases.URGENT
    assert rows[ids["B1"]][4] == 0
    all_ids = {row[0] for row in everything["rows"]}
    assert all_ids == {ids["A1"], ids["A2"], ids["B1"]}
    with world.store.read() as session, pytest.raises(ValueError):
        map_cases.case_points(session=session, scope="mine")


def test_updates_name_what_to_drop(world: World) -> None:
    ids = _cases(world)
    with world.store.read() as session:
        update = _load(map_cases.case_updates([*ids.values(), 999_999], session=session, now=NOW))
    assert [row[0] for row in update["rows"]] == sorted([ids["A1"], ids["B1"]])
    assert update["removed"] == sorted([ids["A2"], ids["B2"], 999_999])


def test_outlines_devices_and_heat(world: World) -> None:
    ids = _cases(world)
    with world.store.write() as session:
        session.add(
            Camera(code="3402" + "0" * 16, name="东门", lon=116.205, lat=39.935, status="online")
        )
        session.add(
            FieldTerminal(
                code="T1", holder_name="网格员甲", grid_id=world.grids["B2"], status="offline"
            )
        )
        reporter = FieldTerminal(
            code="T2", holder_name="网格员乙", grid_id=world.grids["A2"], status="online"
        )
        session.add(reporter)
        session.flush()
        session.add(
            FieldSubmission(
                token="00000000-0000-0000-0000-000000000001",
                terminal_id=reporter.id,
                case_id=ids["B1"],
                kind="report",
                received_at=NOW,
            )
        )
    with world.store.read() as session:
        outlines = _load(map_layers.boundaries(session=session))
        devices = _load(map_layers.devices(session=session))
        heat = _load(
            map_layers.heat_points(
                NOW - dt.timedelta(days=1), NOW + dt.timedelta(minutes=5), session=session
            )
        )
        other = _load(
            map_layers.heat_points(
                NOW - dt.timedelta(days=1),
                NOW + dt.timedelta(minutes=5),
                category_id=world.categories["0101"],
                session=session,
            )
        )
        centre = map_layers.street_center(session=session)
        categories = map_layers.heat_categories(session=session)
    assert [c["name"] for c in outlines["communities"]] == ["A社区", "B社区"]
    assert len(outlines["grids"]) == 4 and len(outlines["street"]) == 1
    assert devices["cameras"] == [[devices["cameras"][0][0], 116.205, 39.935, 1, "东门"]]
    at_grid, reporting = devices["terminals"]
    assert at_grid[3:] == [0, "网格员甲", 1]  # offline, shown inside its grid: approximate
    assert 116.22 <= at_grid[1] <= 116.24 and 39.90 <= at_grid[2] <= 39.92
    assert reporting[1:] == [*POINTS["B1"], 1, "网格员乙", 0]  # where it last reported from
    assert sorted(map(tuple, heat["points"])) == sorted(
        [(POINTS[n][1], POINTS[n][0]) for n in ("A1", "A2", "B1")]
    )
    assert other["points"] == []
    assert centre == (116.22, 39.92)
    assert [c[1] for c in categories] == sorted(c[1] for c in categories) and categories
    assert ids


def test_map_tiles_command_draws_the_street(world: World, db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "tiles" / "street.mbtiles"
    assert (
        main(["--db", db_url, "--lang", "en", "map-tiles", "--out", str(out), "--zooms", "13-15"])
        == 0
    )
    reader = MBTilesReader(out)
    try:
        assert reader.zoom_range == (13, 15)
        bounds = reader.bounds
        assert bounds is not None and bounds[0] < 116.20 and bounds[2] > 116.24
    finally:
        reader.close()
    assert main(["--db", db_url, "map-tiles", "--out", str(out), "--zooms", "15-3"]) == 2

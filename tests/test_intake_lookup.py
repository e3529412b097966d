"""Intake look-ups without Qt: pinyin search keys, inner points, places, locating, duplicates."""

from __future__ import annotations

import datetime as dt

from console.services import intake_lookup as lookup
from console.services.search_keys import rank, search_keys
from tests.support.workflow_seed import POINTS, World, world

__all__ = ["world"]


def test_search_by_chinese_code_english_and_pinyin() -> None:
    keys = search_keys("暴露垃圾", "Exposed garbage", "0102")
    for query in ("垃圾", "0102", "garb", "BLLJ", "baolu", "blj", "lj", "bao lu"):
        assert rank(query, keys) is not None, query
    assert rank("xyz", keys) is None
    assert rank("ljb", keys) is None  # syllables stay in order
    # Better matches first: the text, then from the first syllable, inner, with gaps.
    ranks = [rank(q, keys) for q in ("垃圾", "bllj", "lj", "blj")]
    assert ranks == sorted(ranks, key=str) and len(set(ranks)) == 4


def test_inner_point_is_inside_even_for_a_u_shape() -> None:
    square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]
    assert lookup.inner_point(square) == (1.0, 1.0)
    # A U open to the north: the box's middle (1.5, 1.5) is outside, in the notch.
    u_shape = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]]
    lon, lat = lookup.inner_point(u_shape) or (None, None)
    assert (lon, lat) == (0.5, 1.5)
    assert lookup.inner_point([]) is None and lookup.inner_point([[0, 0], [1, 1]]) is None


def test_lookups_hold_active_categories_and_places(world: World) -> None:
    with world.store.read() as session:
        found = lookup.lookups(session)
    [environment] = found.categories
    assert [c.code for c in environment.children] == ["0101", "0102"]  # 0103 is inactive
    assert [c.name for c in found.communities] == ["A社区", "B社区"]
    grid = next(g for g in found.grids if g.id == world.grids["B2"])
    assert grid.community_id == world.communities["B"]
    assert (grid.lon, grid.lat) == POINTS["B2"]
    with world.store.read() as session:
        assert [g.name for g in lookup.grids(session, world.communities["A"])] == ["A1", "A2"]


def test_locate_point_says_where_or_why_not(world: World) -> None:
    with world.store.read() as session:
        inside = lookup.locate_point(session, *POINTS["B1"])
        outside = lookup.locate_point(session, 116.30, 39.93)
        abroad = lookup.locate_point(session, 2.35, 48.85)
        nonsense = lookup.locate_point(session, 200.0, 39.9)
    assert (inside.community_id, inside.grid_id) == (world.communities["B"], world.grids["B1"])
    assert inside.problem is None
    assert outside.problem is not None and outside.problem.code.endswith("outside_street")
    assert "不在本街道辖区内" in outside.problem.message("zh_CN")
    assert abroad.problem is not None and abroad.problem.code.endswith("outside_china")
    assert nonsense.problem is not None and nonsense.problem.code.endswith("bad_coordinates")


def test_duplicates_are_plain_rows(world: World) -> None:
    case = world.report("intake", source="hotline", address="八角北路1号")
    with world.store.read() as session:
        rows = lookup.duplicates(
            session, category_id=world.categories["0102"], lon=POINTS["A1"][0], lat=POINTS["A1"][1]
        )
        none = lookup.duplicates(
            session,
            category_id=world.categories["0101"],
            lon=POINTS["A1"][0],
            lat=POINTS["A1"][1],
            at=dt.datetime.now(dt.UTC),
        )
    [row] = rows
    assert (row.id, row.number, row.address, row.distance_m) == (
        case.id,
        case.number,
        "八角北路1号",
        0.0,
    )
    assert none == []

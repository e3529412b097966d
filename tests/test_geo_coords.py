"""WGS-84 / GCJ-02 / BD-09 conversions: reference points and round trips within 1 m."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.geo import coords
from console.services.geo_checks import haversine_m

# Tiananmen in WGS-84 and, from the published formulas, in GCJ-02 and BD-09.
WGS = (116.391275, 39.906217)


def test_gcj02_shifts_a_beijing_point_by_a_few_hundred_metres() -> None:
    lon, lat = coords.wgs84_to_gcj02(*WGS)
    assert lon == pytest.approx(116.397518, abs=2e-6)
    assert lat == pytest.approx(39.907618, abs=2e-6)
    assert 400 < haversine_m(*WGS, lon, lat) < 700


def test_bd09_adds_its_own_offset_on_top() -> None:
    gcj = coords.wgs84_to_gcj02(*WGS)
    lon, lat = coords.gcj02_to_bd09(*gcj)
    assert lon == pytest.approx(gcj[0] + 0.0064, abs=1e-3)
    assert lat == pytest.approx(gcj[1] + 0.0060, abs=1e-3)
    assert coords.wgs84_to_bd09(*WGS) == (lon, lat)


def test_outside_china_nothing_moves() -> None:
    paris = (2.3522, 48.8566)
    assert coords.wgs84_to_gcj02(*paris) == paris
    assert coords.gcj02_to_wgs84(*paris) == paris


china = st.tuples(st.floats(73.5, 134.5), st.floats(18.5, 53.5))


@settings(max_examples=300, deadline=None)
@given(china)
def test_gcj02_round_trip_within_a_metre(point: tuple[float, float]) -> None:
    there = coords.wgs84_to_gcj02(*point)
    back = coords.gcj02_to_wgs84(*there)
    assert haversine_m(*point, *back) < 1.0
    # and the other way round: a point read off a GCJ-02 map
    assert haversine_m(*point, *coords.wgs84_to_gcj02(*coords.gcj02_to_wgs84(*point))) < 1.0


@settings(max_examples=300, deadline=None)
@given(china)
def test_bd09_round_trip_within_a_metre(point: tuple[float, float]) -> None:
    back = coords.bd09_to_wgs84(*coords.wgs84_to_bd09(*point))
    assert haversine_m(*point, *back) < 1.0
    gcj_back = coords.bd09_to_gcj02(*coords.gcj02_to_bd09(*point))
    assert haversine_m(*point, *gcj_back) < 1.0


def test_the_iterative_inverse_beats_the_one_step_estimate() -> None:
    gcj = coords.wgs84_to_gcj02(*WGS)
    one_step = (
        2 * gcj[0] - coords.wgs84_to_gcj02(*gcj)[0],
        2 * gcj[1] - coords.wgs84_to_gcj02(*gcj)[1],
    )
    solved = coords.gcj02_to_wgs84(*gcj)
    assert haversine_m(*WGS, *solved) < 0.01
    assert haversine_m(*WGS, *solved) <= haversine_m(*WGS, *one_step)


def test_convert_by_name() -> None:
    bd = coords.convert(*WGS, "wgs84", "bd09")
    assert haversine_m(*WGS, *coords.convert(*bd, "bd09", "wgs84")) < 1.0
    assert coords.convert(*WGS, "gcj02", "gcj02") == WGS
    with pytest.raises(ValueError):
        coords.convert(*WGS, "wgs84", "mars")

"""A point picked on the map fills the intake form: coordinates, community and grid."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.support.gui import OFFSCREEN_NOISE, translations, worker
from tests.support.intake_desk import Desk, desk
from tests.support.workflow_seed import POINTS, world

__all__ = ["desk", "translations", "worker", "world"]
pytestmark = [pytest.mark.gui, OFFSCREEN_NOISE]


def test_a_map_point_fills_coordinates_grid_and_community(desk: Desk) -> None:
    pane = desk.open()
    location = pane.form.location
    lon, lat = POINTS["B1"]
    desk.ctx.requests.map_point_picked.emit(lon + 0.0000004, lat)
    desk.qtbot.waitUntil(lambda: location.grid.currentText() == "B1")
    assert location.community.currentText() == "B社区"
    assert (location.lon.text(), location.lat.text()) == (f"{lon:.6f}", f"{lat:.6f}")
    # a second pick moves the case
    desk.ctx.requests.map_point_picked.emit(*POINTS["A2"])
    desk.qtbot.waitUntil(lambda: location.grid.currentText() == "A2")
    assert location.community.currentText() == "A社区"


def test_a_point_outside_the_street_says_so(desk: Desk) -> None:
    pane = desk.open()
    location = pane.form.location
    desk.ctx.requests.map_point_picked.emit(116.30, 39.99)
    desk.qtbot.waitUntil(lambda: bool(location.hint.text()))
    assert location.grid.currentText() == ""
    assert location.lon.text() == "116.300000"

"""The map pane in QtWebEngine (offscreen): markers read back from the page, selection
both ways, live updates without a reload, right-click cameras, and bad basemaps."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.geo import coords
from console.geo.mbtiles import write_mbtiles
from console.geo.tile_render import render_tiles
from console.i18n import Translations
from console.live import LiveFeed
from console.models import Camera, Case, Community
from console.ops import DatabaseWorker
from console.services import feed
from console.services.geo_checks import haversine_m
from console.services.map.layers import base_geometry
from console.settings import Settings
from console.store import Store
from console.views.bus import CaseSelection, ChangeBus
from console.views.map_pane import MapPane
from console.views.pane_context import PaneContext
from console.views.window_prefs import WindowPrefs
from tests.support.gui import translations, worker
from tests.support.workflow_seed import POINTS, World, world

__all__ = ["translations", "worker", "world"]
# QtWebEngine without a GPU says so through Qt's log when its first page starts.
WEBENGINE_NOISE = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "QRhiGles2",
    "Failed to create RHI",
    "This plugin does not support createPlatformVulkanInstance",
    "QVulkanInstance",
    "GBM is not supported",
    "GPUInfo not initialized",
    # the right-click menu, which offscreen cannot raise or give the keyboard
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)
pytestmark = [pytest.mark.gui, WEBENGINE_NOISE]


@pytest.fixture
def ctx(
    store: Store, worker: DatabaseWorker, translations: Translations, tmp_path: Path, world: World
) -> Iterator[PaneContext]:
    translations.set_language("en")
    bus = ChangeBus()
    live = LiveFeed(store, worker, bus, parent=bus)
    live.start()
    actor = world.actors["disp"]
    yield PaneContext(worker, bus, CaseSelection(bus), actor, translations, Settings(tmp_path))
    live.stop()
    bus.deleteLater()


def _tiles(world: World, data_dir: Path) -> None:
    with world.store.read() as session:
        geometry = base_geometry(session=session)
    meta = {
        "format": "png",
        "minzoom": "13",
        "maxzoom": "17",
        "bounds": "116.19,39.89,116.25,39.95",
    }
    write_mbtiles(
        data_dir / "tiles" / "street.mbtiles", render_tiles(geometry, range(13, 18)), meta
    )


def _js(qtbot: QtBot, pane: MapPane, script: str) -> Any:
    box: list[Any] = []
    pane.view.read_json(script, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def _until(qtbot: QtBot, pane: MapPane, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    deadline = time.monotonic() + 20
    while True:
        stats = _js(
            qtbot, pane, "window.SanwangMap && SanwangMap.started ? SanwangMap.stats() : '{}'"
        )
        if stats and wanted(stats):
            return dict(stats)
        assert time.monotonic() < deadline, f"map never got there: {stats}"
        qtbot.wait(50)


def _open(qtbot: QtBot, ctx: PaneContext, cases: int) -> MapPane:
    pane = MapPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    pane.show()
    _until(qtbot, pane, lambda s: bool(s.get("ready")) and s["cases"] == cases)
    qtbot.waitUntil(lambda: _js(qtbot, pane, "SanwangMap.outlines()")["communities"] == 3)
    return pane


def _click(pane: MapPane, qtbot: QtBot, lon: float, lat: float, button: Qt.MouseButton) -> None:
    x, y = _js(qtbot, pane, f"SanwangMap.containerPoint({lon}, {lat})")
    target = pane.view.focusProxy()
    assert target is not None
    QTest.mouseClick(target, button, Qt.KeyboardModifier.NoModifier, QPoint(round(x), round(y)))


def _report(world: World) -> dict[str, int]:
    return {name: world.report(lon=p[0], lat=p[1]).id for name, p in POINTS.items()}


def test_markers_are_drawn_where_the_cases_are(
    qtbot: QtBot, ctx: PaneContext, world: World, tmp_path: Path
) -> None:
    _tiles(world, tmp_path)
    ids = _report(world)
    pane = _open(qtbot, ctx, cases=4)
    stats = _until(qtbot, pane, lambda s: s["tileLoads"] > 0)
    assert stats["basemap"] == "offline" and stats["notices"] == [] and stats["tileErrors"] == 0
    assert stats["clusteredCases"] == 4 and stats["drawnClusters"] == 0
    drawn = {row[0]: row[1:] for row in _js(qtbot, pane, "SanwangMap.drawnCases()")}
    assert set(drawn) == set(ids.values())
    for name, case_id in ids.items():
        assert drawn[case_id] == pytest.approx([POINTS[name][1], POINTS[name][0]], abs=1e-6)


def test_selection_both_ways(qtbot: QtBot, ctx: PaneContext, world: World) -> None:
    ids = _report(world)
    pane = _open(qtbot, ctx, cases=4)
    # console -> map: centred and ringed
    ctx.selection.select(ids["B2"])
    stats = _until(qtbot, pane, lambda s: s["selected"] == ids["B2"] and s["highlight"])
    assert stats["highlight"] == pytest.approx([POINTS["B2"][1], POINTS["B2"][0]], abs=1e-6)
    # map -> console: a real click on another case's marker
    selected: list[int] = []
    ctx.selection.selected.connect(selected.append)
    lon, lat = POINTS["B1"]
    assert _js(qtbot, pane, "JSON.stringify(SanwangMap.fitStreet())") is True
    _until(qtbot, pane, lambda s: s["zoom"] < 17 and s["drawnPoints"] == 4)
    _click(pane, qtbot, lon, lat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: selected == [ids["B1"]])
    assert ctx.selection.case_id == ids["B1"]
    _until(qtbot, pane, lambda s: s["selected"] == ids["B1"])


def test_feed_changes_update_markers_without_a_reload(
    qtbot: QtBot, ctx: PaneContext, world: World
) -> None:
    ids = _report(world)
    pane = _open(qtbot, ctx, cases=4)
    pane.view.run("window.stamp = 'same page'")
    added = world.report(lon=116.215, lat=39.915).id
    stats = _until(qtbot, pane, lambda s: s["cases"] == 5)
    assert stats["lastUpdateMs"] is not None and stats["changes"] >= 1
    with world.store.write() as session:  # closed elsewhere: it leaves the open-cases map
        case = session.get(Case, ids["A2"])
        assert case is not None
        case.state = "closed"
        feed.record(session, "case", [ids["A2"]], "updated", workstation="other")
    _until(qtbot, pane, lambda s: s["cases"] == 4)
    assert _js(qtbot, pane, "JSON.stringify(window.stamp)") == "same page"
    ctx.selection.select(added)
    stats = _until(qtbot, pane, lambda s: s["selected"] == added)
    assert stats["highlight"] == pytest.approx([39.915, 116.215], abs=1e-6)


def test_right_click_offers_the_nearest_cameras(
    qtbot: QtBot, ctx: PaneContext, world: World
) -> None:
    lon, lat = POINTS["A1"]
    with world.store.write() as session:
        for n, (dlon, status) in enumerate(
            ((0.0005, "online"), (0.001, "offline"), (0.05, "online"))
        ):
            session.add(
                Camera(code=f"{n:020d}", name=f"cam{n}", lon=lon + dlon, lat=lat, status=status)
            )
    pane = _open(qtbot, ctx, cases=0)
    asked: list[list[int]] = []
    ctx.requests.show_cameras.connect(asked.append)
    _click(pane, qtbot, lon, lat, Qt.MouseButton.RightButton)
    qtbot.waitUntil(lambda: pane.context_menu is not None)
    menu = pane.context_menu
    assert menu is not None
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert len(actions) == 3  # all of them, then each of the two within 300 m
    assert "cam0" in actions[1].text() and "cam1" in actions[2].text()
    actions[0].trigger()
    actions[2].trigger()
    assert len(asked) == 2 and len(asked[0]) == 2 and asked[1] == [asked[0][1]]
    menu.close()
    # the wall asks the map to show a camera: centred on it, close in
    ctx.requests.show_on_map.emit("camera", asked[0][0])
    stats = _until(qtbot, pane, lambda s: s["zoom"] >= 17)
    assert stats["center"] == pytest.approx([lat, lon + 0.0005], abs=1e-6)


def test_pick_location_hands_the_point_to_the_intake_form(
    qtbot: QtBot, ctx: PaneContext, world: World
) -> None:
    pane = _open(qtbot, ctx, cases=0)
    picked: list[tuple[float, float]] = []
    ctx.requests.map_point_picked.connect(lambda lon, lat: picked.append((lon, lat)))
    _click(pane, qtbot, 116.23, 39.93, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert picked == []  # a plain click does nothing
    pane.pick.setChecked(True)
    qtbot.wait(100)
    _click(pane, qtbot, 116.23, 39.93, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(picked) == 1)
    assert picked[0] == pytest.approx((116.23, 39.93), abs=3e-5)  # a pixel's worth
    assert not pane.pick.isChecked()


def test_without_tiles_the_map_shows_outlines_and_says_why(
    qtbot: QtBot, ctx: PaneContext, world: World, tmp_path: Path
) -> None:
    _report(world)
    with world.store.write() as session:  # a point typed wrong, far outside the street
        moved = session.scalars(select(Case).order_by(Case.id)).first()
        assert moved is not None
        moved.lon, moved.lat = 116.5, 39.99
    pane = _open(qtbot, ctx, cases=4)
    stats = _until(qtbot, pane, lambda s: "outside" in s["notices"])
    assert stats["basemap"] == "plain" and "basemap-offline" in stats["notices"]
    assert stats["outside"] == 1
    notices = _js(qtbot, pane, "JSON.stringify(SanwangMap.noticeBox.innerText)")
    assert "No offline map at" in notices and "1 cases lie outside the street" in notices


def test_a_corrupt_tile_file_is_named(qtbot: QtBot, ctx: PaneContext, tmp_path: Path) -> None:
    path = tmp_path / "tiles" / "street.mbtiles"
    path.parent.mkdir()
    path.write_bytes(b"\x00garbage" * 512)
    pane = _open(qtbot, ctx, cases=0)
    stats = _until(qtbot, pane, lambda s: "basemap-offline" in s["notices"])
    assert stats["basemap"] == "plain"
    assert "cannot be read" in _js(qtbot, pane, "JSON.stringify(SanwangMap.noticeBox.innerText)")


def test_an_online_map_that_does_not_answer(
    qtbot: QtBot, ctx: PaneContext, world: World, tmp_path: Path
) -> None:
    (tmp_path / "map.ini").write_text(
        "[map]\nonline = xyz, tianditu\nxyz_crs = gcj02\n"
        "xyz_url = http://127.0.0.1:9/{z}/{x}/{y}.png\n"  # the discard port: nobody answers
    )
    ids = _report(world)
    pane = _open(qtbot, ctx, cases=4)
    stats = _until(qtbot, pane, lambda s: "setting-tianditu_key" in s["notices"])
    assert _js(qtbot, pane, "JSON.stringify(SanwangMap.chooseBasemap('xyz'))") is True
    stats = _until(qtbot, pane, lambda s: "online-down" in s["notices"])
    assert stats["crs"] == "gcj02" and stats["cases"] == 4
    assert _js(qtbot, pane, "SanwangMap.outlines()")["grids"] == 4
    # on a GCJ-02 basemap a case is drawn where that map has it, ~500 m off its WGS-84 place
    ctx.selection.select(ids["A1"])
    stats = _until(qtbot, pane, lambda s: s["selected"] == ids["A1"])
    gcj_lon, gcj_lat = coords.wgs84_to_gcj02(*POINTS["A1"])
    assert stats["highlight"] == pytest.approx([gcj_lat, gcj_lon], abs=1e-9)
    assert haversine_m(*POINTS["A1"], gcj_lon, gcj_lat) > 300
    # and a point clicked on it comes back in WGS-84
    picked: list[tuple[float, float]] = []
    ctx.requests.map_point_picked.connect(lambda lon, lat: picked.append((lon, lat)))
    pane.pick.setChecked(True)
    qtbot.wait(100)
    _click(pane, qtbot, 116.2105, 39.9302, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(picked) == 1)
    assert picked[0] == pytest.approx((116.2105, 39.9302), abs=1e-5)


def test_requests_off_the_machine_are_blocked(qtbot: QtBot, ctx: PaneContext) -> None:
    pane = _open(qtbot, ctx, cases=0)
    with qtbot.waitSignal(pane.view.guard.blocked, timeout=10_000) as blocked:
        pane.view.run("fetch('https://example.com/leaflet.js').catch(function () {})")
    assert blocked.args == ["https://example.com/leaflet.js"]


def test_names_from_the_database_are_shown_as_text_not_markup(
    qtbot: QtBot, ctx: PaneContext, world: World
) -> None:
    markup = '<img id="sw-injected" src="x">Oak'
    with world.store.write() as session:
        community = session.scalars(select(Community).order_by(Community.id)).first()
        assert community is not None
        community.name = markup
    pane = _open(qtbot, ctx, cases=0)
    script = (
        "JSON.stringify({injected: !!document.getElementById('sw-injected'),"
        " labels: Array.from(document.querySelectorAll('.sw-label'), e => e.textContent)})"
    )
    found = _js(qtbot, pane, script)
    assert found["injected"] is False
    assert markup in found["labels"]


def test_layers_and_basemap_stay_as_the_operator_left_them(
    qtbot: QtBot, ctx: PaneContext, world: World, tmp_path: Path
) -> None:
    _tiles(world, tmp_path)
    _report(world)
    pane = _open(qtbot, ctx, cases=4)
    stats = _until(qtbot, pane, lambda s: s["basemap"] == "offline")
    shown = _js(qtbot, pane, "SanwangMap.shownLayers()")
    assert shown["grids"] and not shown["cameras"]
    # As ticking them in the layer list does.
    changes = "[SanwangMap.showLayer('grids', false), SanwangMap.showLayer('cameras', true),"
    changes += " SanwangMap.chooseBasemap('plain')]"
    assert _js(qtbot, pane, f"JSON.stringify({changes})") == [True, True, True]
    qtbot.waitUntil(
        lambda: (
            pane.prefs.map_layers == {"grids": False, "cameras": True}
            and pane.prefs.map_basemap == "plain"
        )
    )

    _js(qtbot, pane, "JSON.stringify(window.swOldPage = true)")
    pane.load_page()  # as a language change or newly drawn tiles do
    qtbot.waitUntil(
        lambda: _js(qtbot, pane, "JSON.stringify(!window.swOldPage && !!window.SanwangMap"
                    " && !!SanwangMap.started)") is True,
        timeout=20_000,
    )  # fmt: skip
    stats = _until(qtbot, pane, lambda s: bool(s.get("ready")) and s["cases"] == 4)
    shown = _js(qtbot, pane, "SanwangMap.shownLayers()")
    assert stats["basemap"] == "plain" and not shown["grids"] and shown["cameras"]
    assert shown["cases"] and shown["communities"]  # the untouched ones as they were
    # Kept on disk for this user at this workstation, for the next start too.
    again = WindowPrefs.for_user(ctx.settings.data_dir, ctx.actor.username)
    assert again.map_layers == {"grids": False, "cameras": True}
    assert again.map_basemap == "plain"

"""The incident map pane: a folium/Leaflet page in a web view, fed by the loopback server.

Both ways: a case clicked on the map is selected in the console, a case selected
anywhere is centred and ringed on the map; with "Pick location" on, a click hands its
point to the intake form; a right-click offers the nearest cameras for the video wall.
Live changes from the feed reach the page as a few JSON rows, without reloading it.
"""

from __future__ import annotations

import json
import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QFile, QIODevice, QPoint
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import (
    QMenu,
    QVBoxLayout,
    QWidget,
)

from console.errors import KnownError
from console.geo.basemaps import BasemapConfig, load_basemaps
from console.geo.map_page import PageConfig, build_page
from console.geo.mbtiles import MBTilesError, MBTilesReader
from console.geo.web_server import MapServer
from console.services import camera_nearby
from console.services.camera_nearby import NearbyCamera
from console.services.feed import Change
from console.services.map import layers as map_layers
from console.store import Store
from console.views.map_camera_menu import camera_menu
from console.views.map_demo_tiles import DemoTiles
from console.views.map_guard import online_hosts
from console.views.map_loader import MapLoader
from console.views.map_texts import (
    basemap_list,
    page_texts,
    setting_problem,
    tiles_missing,
    tiles_unreadable,
)
from console.views.map_toolbar import MapToolbar
from console.views.map_view import MapView
from console.views.pane_context import PaneContext
from console.views.window_prefs import WindowPrefs

log = logging.getLogger("console.map")

_LAYER_ENTITIES = frozenset(
    {"camera", "field_terminal", "campaign_item", "street", "community", "grid"}
)
_DEFAULT_ZOOMS = (13, 17)
CHINA_CENTER = (105.0, 35.0)  # lon, lat: a database without a street outline


class MapPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._clicked_case: int | None = None
        self._closed = False
        self.context_menu: QMenu | None = None
        self.basemaps: BasemapConfig = load_basemaps(ctx.settings.data_dir)
        # Layers and basemap as this user left them, across page reloads and restarts.
        self.prefs = WindowPrefs.for_user(ctx.settings.data_dir, ctx.actor.username)
        self.tiles_problem: str | None = None

        self.server = MapServer().start()
        self.server.put("qwebchannel.js", _qwebchannel_js(), "text/javascript")
        self._open_tiles()
        hosts = online_hosts(
            [b.url for b in self.basemaps.online], [b.subdomains for b in self.basemaps.online]
        )
        self.view = MapView(hosts, self)
        self.loader = MapLoader(ctx.worker, self.server, self.view, self)

        self.toolbar = MapToolbar(self)
        self.scope, self.pick = self.toolbar.scope, self.toolbar.pick
        self.heat_period, self.heat_category = self.toolbar.heat_period, self.toolbar.heat_category
        self.status = self.toolbar.status
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)

        self.demo_tiles = DemoTiles(ctx.worker, self.basemaps.mbtiles, self)
        self.demo_tiles.written.connect(self._tiles_written)
        self.toolbar.english = ctx.translations.language == "en"
        self._connect()
        self._load_categories()
        if not self.basemaps.mbtiles.exists():
            self.demo_tiles.start()  # a demo street draws its own; others say what is missing
        self.load_page()

    # -- set-up ----------------------------------------------------------------------------------

    def _open_tiles(self) -> None:
        path = self.basemaps.mbtiles
        self.tiles_problem = None
        self._zooms = _DEFAULT_ZOOMS
        self._tile_bounds: tuple[float, float, float, float] | None = None
        try:
            reader = MBTilesReader(path)
        except MBTilesError as error:
            log.info("offline tiles unusable: %s", error)
            self.tiles_problem = (
                tiles_missing(path) if not path.exists() else tiles_unreadable(path)
            )
            self.server.set_tiles(None)
            return
        self._zooms = reader.zoom_range or _DEFAULT_ZOOMS
        self._tile_bounds = reader.bounds
        self.server.set_tiles(reader)

    def _tiles_written(self, _path: str) -> None:
        self._open_tiles()
        self.load_page()

    def _connect(self) -> None:
        bridge = self.view.bridge
        bridge.page_ready.connect(self._page_ready)
        bridge.case_clicked.connect(self._case_clicked)
        bridge.camera_clicked.connect(lambda camera: self._ctx.requests.show_cameras.emit([camera]))
        bridge.point_picked.connect(self._point_picked)
        bridge.context_point.connect(self.offer_cameras)
        bridge.layer_toggled.connect(self.prefs.set_map_layer)
        bridge.basemap_chosen.connect(self._basemap_chosen)
        self.view.loadStarted.connect(self.loader.page_gone)
        self.loader.failed.connect(self._failed)
        self.loader.loaded.connect(self._loaded)
        self._ctx.selection.selected.connect(self._selected)
        self._ctx.requests.show_on_map.connect(self.show_on_map)
        self._ctx.bus.cases_changed.connect(self.loader.cases_changed)
        self._ctx.bus.changed.connect(self._feed_changed)
        self._ctx.bus.connection_changed.connect(self._connection_changed)
        self.toolbar.scope_changed.connect(self._scope_changed)
        self.toolbar.heat_changed.connect(self._heat_changed)
        self.pick.toggled.connect(self._picking)
        self.destroyed.connect(self.server.stop)
        application = QCoreApplication.instance()
        if application is not None:  # the window may outlive the event loop at exit
            application.aboutToQuit.connect(self.shutdown)

    def load_page(self) -> None:
        """Build the page around the street's centre and load it (data follows as JSON)."""

        def job(store: Store) -> tuple[float, float] | None:
            with store.read() as session:
                return map_layers.street_center(session=session)

        self._ctx.worker.submit(job, success=self._open_page, failure=self._failed, owner=self)

    def _open_page(self, center: tuple[float, float] | None) -> None:
        if self._closed:
            return
        base = self.server.base_url
        basemaps = basemap_list(
            self.basemaps,
            base + "tiles/{z}/{x}/{y}.png",
            self.tiles_problem,
            self._zooms,
            self._tile_bounds,
        )
        config = PageConfig(
            base_url=base,
            center=center or CHINA_CENTER,
            zoom=15 if center else 4,
            basemaps=basemaps,
            texts=page_texts(),
            qwebchannel_url=base + "qwebchannel.js",
            layers=self.prefs.map_layers,
            basemap=self.prefs.map_basemap,
        )
        self.server.put("page.html", build_page(config).encode(), "text/html; charset=utf-8")
        self.view.open(base + "page.html")

    def _basemap_chosen(self, key: str) -> None:
        self.prefs.map_basemap = key

    def _page_ready(self) -> None:
        for problem in self.basemaps.problems:
            self._run(f"SanwangMap.notice('setting-{problem}', {_js(setting_problem(problem))})")
        self.loader.page_ready()
        self._run(f"SanwangMap.setPicking({'true' if self.pick.isChecked() else 'false'})")

    def _loaded(self, name: str) -> None:
        if name == "boundaries":
            self._run("SanwangMap.fitStreet()")
        if name == "cases" and self._ctx.selection.case_id is not None:
            self._run(f"SanwangMap.selectCase({int(self._ctx.selection.case_id)}, false)")
        self.status.setText("")

    def _failed(self, error: KnownError) -> None:
        self.status.setText(error.message(self._ctx.translations.language))

    # -- both ways ------------------------------------------------------------------------------

    def _case_clicked(self, case_id: int) -> None:
        self._clicked_case = case_id
        self._ctx.selection.select(case_id)

    def _selected(self, case_id: int) -> None:
        centre = "false" if case_id == self._clicked_case else "true"
        self._clicked_case = None
        self._run(f"SanwangMap.selectCase({int(case_id)}, {centre})")

    def show_on_map(self, entity: str, item_id: int) -> None:
        if entity == "case":
            self._run(f"SanwangMap.selectCase({int(item_id)}, true)")
        elif entity == "camera":
            self._run(f"SanwangMap.showCamera({int(item_id)})")

    def _picking(self, on: bool) -> None:
        self._run(f"SanwangMap.setPicking({'true' if on else 'false'})")

    def _point_picked(self, lon: float, lat: float) -> None:
        self._ctx.requests.map_point_picked.emit(lon, lat)
        self.pick.setChecked(False)  # one pick per click on the button

    def offer_cameras(self, lon: float, lat: float) -> None:
        """Right-click: the cameras nearest the point, for the video wall."""
        at = QCursor.pos()

        def job(store: Store) -> list[NearbyCamera]:
            with store.read() as session:
                return camera_nearby.nearest_cameras(lon, lat, session=session)

        self._ctx.worker.submit(
            job,
            success=lambda cameras: self._show_camera_menu(cameras, at),
            failure=self._failed,
            owner=self,
        )

    def _show_camera_menu(self, cameras: list[NearbyCamera], at: QPoint) -> None:
        self.context_menu = camera_menu(self, cameras, self._ctx.requests.show_cameras.emit)
        self.context_menu.popup(at)

    # -- live --------------------------------------------------------------------------------------

    def _feed_changed(self, changes: list[Change]) -> None:
        if any(change.entity in _LAYER_ENTITIES for change in changes):
            self.loader.load_layers()

    def _connection_changed(self, online: bool) -> None:
        if online:
            self.loader.load_cases()

    def _scope_changed(self, scope: str) -> None:
        self.loader.scope = scope
        self.loader.load_cases()

    def _heat_changed(self, days: int, category: int | None) -> None:
        self.loader.heat_days = days
        self.loader.heat_category = category
        self.loader.load_heat()

    def _load_categories(self) -> None:
        def job(store: Store) -> list[tuple[int, str, str, str]]:
            with store.read() as session:
                return map_layers.heat_categories(session=session)

        self._ctx.worker.submit(job, success=self.toolbar.set_categories, owner=self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.toolbar.english = self._ctx.translations.language == "en"
            self.toolbar.retranslate()
            self.load_page()  # the page's own words are built with it
        super().changeEvent(event)

    def _run(self, script: str) -> None:
        if not self._closed:
            self.view.run(script)

    def shutdown(self) -> None:
        """Stop the server and delete the web page now (idempotent). Not at some later
        deleteLater: a page still alive when QtWebEngine's profile is released at exit
        crashes the process."""
        if self._closed:
            return
        self._closed = True
        self.loader.page_gone()
        self.demo_tiles.wait()
        self.server.stop()
        shiboken6.delete(self.view)

    def stop(self) -> None:
        """The window is closing (Shell.stop calls this): the page goes now, while the
        event loop still runs, not at the window's deleteLater."""
        self.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)


def _qwebchannel_js() -> bytes:
    """Qt's qwebchannel.js, served next to the page (an http page cannot read qrc:)."""
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        log.warning("qwebchannel.js not found: the map cannot talk back to the console")
        return b""
    try:
        return bytes(source.readAll().data())
    finally:
        source.close()


def _js(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)

"""The video wall pane: the camera tree beside the wall, with layouts, presets, tours,
nearby cameras for the selected case, evidence from any tile and a wall window.

Camera rows, health writes, presets and evidence all go through the database worker;
the registry is reloaded when the change feed says a camera changed, whoever changed it.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QVBoxLayout, QWidget

from console.errors import KnownError
from console.ops import reading, writing
from console.services import cameras as camera_service
from console.services.cameras import CameraRow
from console.services.feed import Change
from console.video.options import options_from_env
from console.views.camera_tree import CameraTree
from console.views.labels import fill
from console.views.pane_context import PaneContext
from console.views.video_evidence import EvidenceActions
from console.views.video_tile import VideoTile
from console.views.video_toolbar import WallToolbar
from console.views.video_tour import TourRunner
from console.views.video_wall import VideoWall
from console.views.video_wall_window import WallWindow

NEARBY_RADIUS_M = 300.0
RELOAD_DELAY_MS = 500
HEALTH_STATUS = {"playing": "online", "offline": "offline"}


class VideoPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("video_pane")
        self.ctx = ctx
        self._by_id: dict[int, CameraRow] = {}
        self._written: dict[int, str] = {}
        self._window: WallWindow | None = None
        self.tree = CameraTree()
        self.wall = VideoWall(options_from_env(), ctx.settings.timezone)
        self.toolbar = WallToolbar(ctx, self)
        self.evidence = EvidenceActions(ctx, self)
        self.tours = TourRunner(self._show_page, self)
        self.message = QLabel()
        self.message.setObjectName("videoMessage")
        # Messages carry camera names and ffmpeg's words: never markup.
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self._holder = QWidget()
        self._holder_layout = QVBoxLayout(self._holder)
        self._holder_layout.setContentsMargins(0, 0, 0, 0)
        self._holder_layout.addWidget(self.wall)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self._holder)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._connect()
        self.reload()

    def _connect(self) -> None:
        self.tree.camera_activated.connect(lambda cid: self.place(self.wall.first_free(), [cid]))
        self.wall.cameras_dropped.connect(self.place)
        self.wall.camera_state.connect(self._camera_state)
        self.wall.tile_menu.connect(self._tile_menu)
        self.wall.layout_changed.connect(self.toolbar.show_layout)
        self.toolbar.layout_chosen.connect(self._layout_chosen)
        self.toolbar.preset_chosen.connect(self._preset_chosen)
        self.toolbar.tour_started.connect(self.tours.start)
        self.toolbar.tour_stopped.connect(self.tours.stop)
        self.toolbar.nearby_clicked.connect(self.show_nearby)
        self.toolbar.window_clicked.connect(self.toggle_window)
        self.toolbar.wall_state = lambda: (self.wall.layout_name, self.wall.cameras())
        self.toolbar.selected_cameras = self.tree.selected_ids
        self.toolbar.message.connect(self._say)
        self.evidence.message.connect(self._say)
        self.tours.page_changed.connect(
            lambda page, pages: self._say(
                fill(self.tr("Tour: page %1 of %2"), str(page + 1), str(pages))
            )
        )
        self.ctx.bus.changed.connect(self._feed_changed)
        self.ctx.requests.show_cameras.connect(self.show_camera_ids)

    # -- registry --------------------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.worker.submit(
            reading(camera_service.list_cameras),
            success=self._loaded,
            failure=self._failed,
            owner=self,
        )

    def _loaded(self, rows: list[CameraRow]) -> None:
        self._by_id = {row.id: row for row in rows}
        self.tree.set_cameras(rows)
        for row in rows:
            self.wall.update_camera(row)

    def _feed_changed(self, changes: list[Change]) -> None:
        if any(change.entity == "camera" for change in changes):
            self._reload_timer.start()

    # -- placing cameras -------------------------------------------------------------------

    def place(self, index: int, ids: list[int]) -> None:
        self.tours.stop()
        self.toolbar.tour_ended()
        rows = [self._by_id[i] for i in ids if i in self._by_id]
        if len(rows) > self.wall.visible_count() - index and len(rows) > 1:
            # A group larger than the rest of the wall: a layout that holds it, from the top.
            if len(rows) > self.wall.visible_count():
                self.wall.set_layout(self.toolbar.layout_for(len(rows)))
            index = 0
        self.wall.place(index, rows)

    def show_camera_ids(self, ids: list[int]) -> None:
        """The wall shows exactly these cameras (the map's request, nearby cameras)."""
        self.tours.stop()
        self.toolbar.tour_ended()
        rows = [self._by_id[i] for i in ids if i in self._by_id]
        if len(rows) > self.wall.visible_count():
            self.wall.set_layout(self.toolbar.layout_for(len(rows)))
        self.wall.show_cameras(rows)

    def _show_page(self, layout: str, ids: list[int]) -> None:
        if self.wall.layout_name != layout:
            self.wall.set_layout(layout)
        self.wall.show_cameras([self._by_id[i] for i in ids if i in self._by_id])

    def _layout_chosen(self, layout: str) -> None:
        self.wall.set_layout(layout)

    def _preset_chosen(self, layout: str, ids: list[int | None]) -> None:
        self.tours.stop()
        self.wall.set_layout(layout)
        self.wall.clear()
        for index, camera_id in enumerate(ids):
            if camera_id is not None and camera_id in self._by_id:
                self.wall.tiles[index].set_camera(self._by_id[camera_id])

    def show_nearby(self) -> None:
        case_id = self.ctx.selection.case_id
        if case_id is None:
            self._say(self.tr("Select a case to show the cameras near it."), True)
            return
        job = functools.partial(
            camera_service.nearby_for_case, case_id=case_id, radius_m=NEARBY_RADIUS_M, limit=16
        )
        self.ctx.worker.submit(
            reading(job), success=self._nearby_found, failure=self._failed, owner=self
        )

    def _nearby_found(self, ids: list[int]) -> None:
        if not ids:
            self._say(
                fill(self.tr("No camera within %1 m of the case."), str(int(NEARBY_RADIUS_M))), True
            )
            return
        self.show_camera_ids(ids)
        self._say(fill(self.tr("%1 cameras near the case are on the wall."), str(len(ids))))

    # -- health ----------------------------------------------------------------------------

    def _camera_state(self, camera_id: int, state: str) -> None:
        status = HEALTH_STATUS.get(state)
        if status is None or self._written.get(camera_id) == status:
            return
        self._written[camera_id] = status
        job = functools.partial(
            camera_service.record_health, actor=self.ctx.actor, camera_id=camera_id, status=status
        )
        self.ctx.worker.submit(writing(job), failure=self._failed, owner=self)

    # -- tile menu -------------------------------------------------------------------------

    def _tile_menu(self, tile: VideoTile, where: QPoint) -> None:
        if tile.camera is None:
            return
        menu = QMenu(self)
        playing = tile.state == "playing"
        for text, slot, enabled in (
            (
                self.tr("Snapshot to the selected case"),
                lambda: self.evidence.snapshot(tile, new_case=False),
                playing,
            ),
            (
                self.tr("New case from a snapshot"),
                lambda: self.evidence.snapshot(tile, new_case=True),
                playing,
            ),
            (
                self.tr("Clip (10 s) to the selected case"),
                lambda: self.evidence.clip(tile),
                playing,
            ),
            (self.tr("Show on the map"), lambda: self._show_on_map(tile), True),
            (self.tr("Remove from the wall"), lambda: tile.set_camera(None), True),
        ):
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
        menu.popup(where)

    def _show_on_map(self, tile: VideoTile) -> None:
        if tile.camera is not None:
            self.ctx.requests.show_on_map.emit("camera", tile.camera.id)

    # -- wall window -----------------------------------------------------------------------

    def toggle_window(self) -> None:
        if self._window is not None:
            self._window.close()
            return
        self._window = WallWindow(self.wall)
        self._window.closed.connect(self._window_closed)
        self._window.resize(1280, 760)
        self._window.show()

    def _window_closed(self) -> None:
        window, self._window = self._window, None
        self._holder_layout.addWidget(self.wall)
        self.wall.show()
        if window is not None:
            window.deleteLater()

    # -- messages and lifetime -------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _failed(self, error: KnownError) -> None:
        self._say(error.message(self.ctx.translations.language), True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.wall.retranslate()
            self.tree.retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        """End every player (and its relay); the window calls it, tests too."""
        self.tours.stop()
        if self._window is not None:
            self._window.close()
        self.wall.close_players()
        self.evidence.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

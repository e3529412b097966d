"""The wall of tiles: a layout (1, 4, 9, 16, 1+5, 1+7), cameras per tile, maximise.

Tiles outside the layout are hidden and so stop decoding. Double-clicking a tile shows it
alone on its main stream; double-clicking again restores the layout on sub streams.
camera_state(camera_id, state) reports what each tile's watchdog sees, for the health
written to the database.
"""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from console.services.cameras import CameraRow
from console.video.layouts import DEFAULT_LAYOUT, LAYOUTS, MAX_TILES
from console.video.options import PlayOptions
from console.video.player import CLOSE_TIMEOUT_S
from console.views.video_tile import VideoTile

CLOCK_MS = 1000


class VideoWall(QWidget):
    camera_state = Signal(int, str)  # camera id, tile state
    cameras_dropped = Signal(int, object)  # tile index, camera ids
    tile_menu = Signal(object, QPoint)  # VideoTile, global position
    layout_changed = Signal(str)

    def __init__(
        self, options: PlayOptions, timezone: str = "UTC", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("videoWall")
        self._zone = ZoneInfo(timezone)
        self.layout_name = DEFAULT_LAYOUT
        self.maximised: int | None = None
        self.tiles = [VideoTile(i, options, self) for i in range(MAX_TILES)]
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        for tile in self.tiles:
            tile.hide()
            tile.double_clicked.connect(self._toggle_maximised)
            tile.cameras_dropped.connect(self.cameras_dropped)
            tile.state_changed.connect(self._tile_state)
            tile.menu_requested.connect(self._menu)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.set_layout(DEFAULT_LAYOUT)

    # -- layout ----------------------------------------------------------------------------

    def visible_count(self) -> int:
        return len(LAYOUTS[self.layout_name])

    def set_layout(self, name: str) -> None:
        if name not in LAYOUTS:
            return
        self.layout_name = name
        self.maximised = None
        self._arrange()
        self.layout_changed.emit(name)

    def _arrange(self) -> None:
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        cells = LAYOUTS[self.layout_name]
        shown: set[int] = set()
        if self.maximised is not None:
            self._grid.addWidget(self.tiles[self.maximised], 0, 0)
            shown.add(self.maximised)
        else:
            for index, (row, col, rows, cols) in enumerate(cells):
                self._grid.addWidget(self.tiles[index], row, col, rows, cols)
                shown.add(index)
        size = 1 if self.maximised is not None else max(r + rs for r, _c, rs, _cs in cells)
        for i in range(4):
            self._grid.setRowStretch(i, 1 if i < size else 0)
            self._grid.setColumnStretch(i, 1 if i < size else 0)
        # Hide first, so that the decoders of tiles leaving the wall stop before new ones start.
        for index, tile in enumerate(self.tiles):
            if index not in shown:
                tile.hide()
        for index in sorted(shown):
            tile = self.tiles[index]
            wanted_main = self.maximised == index
            if tile.main_stream != wanted_main:
                tile.set_camera(tile.camera, main_stream=wanted_main)
            tile.show()

    def _toggle_maximised(self, index: int) -> None:
        if self.maximised is None and self.tiles[index].camera is None:
            return
        self.maximised = None if self.maximised is not None else index
        self._arrange()

    # -- cameras ---------------------------------------------------------------------------

    def cameras(self) -> list[int | None]:
        """Camera id of each tile of the layout, in tile order."""
        return [
            t.camera.id if t.camera is not None else None
            for t in self.tiles[: self.visible_count()]
        ]

    def show_cameras(self, cameras: list[CameraRow], start: int = 0) -> None:
        """Put cameras on the tiles from start on (the whole layout when start is 0)."""
        if start == 0:
            for tile in self.tiles[len(cameras) :]:
                if tile.camera is not None:
                    tile.set_camera(None)
        for offset, camera in enumerate(cameras[: self.visible_count() - start]):
            tile = self.tiles[start + offset]
            if tile.camera is None or tile.camera != camera:
                tile.set_camera(camera, main_stream=self.maximised == tile.index)

    def place(self, index: int, cameras: list[CameraRow]) -> None:
        """Cameras dropped on tile index: one fills it; several fill from it onward."""
        if self.maximised is not None:
            self.maximised = None
            self._arrange()
        for offset, camera in enumerate(cameras[: self.visible_count() - index]):
            self.tiles[index + offset].set_camera(camera)

    def first_free(self) -> int:
        for tile in self.tiles[: self.visible_count()]:
            if tile.camera is None:
                return tile.index
        return 0

    def update_camera(self, camera: CameraRow) -> None:
        """A camera's registry row changed (a URL, a name): tiles showing it follow."""
        for tile in self.tiles:
            if tile.camera is not None and tile.camera.id == camera.id and tile.camera != camera:
                tile.set_camera(camera, main_stream=tile.main_stream)

    def clear(self) -> None:
        for tile in self.tiles:
            if tile.camera is not None:
                tile.set_camera(None)

    def close_players(self) -> None:
        self._clock.stop()
        # All asked first, then waited for: each libVLC teardown takes its own time, and
        # sixteen of them one after another held the window's closing for seconds.
        for tile in self.tiles:
            tile.request_close()
        deadline = time.monotonic() + CLOSE_TIMEOUT_S
        for tile in self.tiles:
            tile.wait_closed(max(0.0, deadline - time.monotonic()))

    # -- signals ---------------------------------------------------------------------------

    def _tile_state(self, index: int, state: str) -> None:
        camera = self.tiles[index].camera
        if camera is not None and state in ("playing", "offline"):
            self.camera_state.emit(camera.id, state)

    def _menu(self, index: int, pos: QPoint) -> None:
        tile = self.tiles[index]
        self.tile_menu.emit(tile, tile.mapToGlobal(pos))

    def _tick(self) -> None:
        text = dt.datetime.now(self._zone).strftime("%H:%M:%S")
        for tile in self.tiles:
            if tile.isVisible():
                tile.set_clock(text)

    def retranslate(self) -> None:
        for tile in self.tiles:
            tile.retranslate()

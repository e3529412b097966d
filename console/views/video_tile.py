"""One tile of the wall: a title bar (name, state, time) over the picture.

The picture is drawn by libVLC into a native child window where the platform has one
(X11, Windows, macOS) or painted from the frames of the callback path (offscreen, or
when native rendering is turned off). An offline camera shows a plain placeholder, never
its last frame. A tile decodes only while it is shown and has a camera.
"""

from __future__ import annotations

import json
import os

from PySide6.QtCore import QMimeData, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QHideEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.services.cameras import CameraRow
from console.video.options import PlayOptions
from console.video.player import CLOSE_TIMEOUT_S
from console.views.video_bridge import PlayerBridge

CAMERA_MIME = "application/x-sanwang-cameras"
NATIVE_PLATFORMS = ("xcb", "windows", "cocoa")


def camera_mime(ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(CAMERA_MIME, json.dumps(ids).encode())
    return data


def camera_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(CAMERA_MIME):
        return []
    try:
        return [int(i) for i in json.loads(bytes(mime.data(CAMERA_MIME).data()).decode())]
    except (ValueError, TypeError):
        return []


def native_rendering() -> bool:
    if os.environ.get("CONSOLE_VIDEO_NATIVE", "1") == "0":
        return False
    return QGuiApplication.platformName() in NATIVE_PLATFORMS


class VideoSurface(QWidget):
    """Paints the latest frame (callback path) or the placeholder text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.frame_bytes = b""
        self.placeholder = ""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#101418"))
        if self.image is not None and not self.placeholder:
            size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(QPoint(0, 0), size)
            target.moveCenter(self.rect().center())
            painter.drawImage(target, self.image)
        elif self.placeholder:
            painter.setPen(QColor("#8a96a3"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The native window libVLC draws into always covers the whole surface.
        super().resizeEvent(event)
        for child in self.findChildren(QWidget):
            child.setGeometry(self.rect())


class VideoTile(QFrame):
    double_clicked = Signal(int)
    cameras_dropped = Signal(int, object)  # tile index, list of camera ids
    state_changed = Signal(int, str)  # tile index, state
    menu_requested = Signal(int, QPoint)

    def __init__(self, index: int, options: PlayOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.options = options
        self.camera: CameraRow | None = None
        self.main_stream = False
        self.state = "idle"
        self._opened: tuple[str, int | None] | None = None
        self._use_native = native_rendering()
        self.setObjectName("videoTile")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAcceptDrops(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(lambda p: self.menu_requested.emit(self.index, p))

        self.name = QLabel()
        self.name.setObjectName("videoTileName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)  # a camera's name is not markup
        self.status = QLabel()
        self.status.setObjectName("videoTileState")
        self.clock = QLabel()
        self.clock.setObjectName("videoTileClock")
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 1, 4, 1)
        bar.setSpacing(10)
        bar.addWidget(self.name, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.clock)
        self.surface = VideoSurface(self)
        self.native: QWidget | None = None
        if self._use_native:
            # libVLC draws into this window; it must exist (winId) before it is handed over.
            self.native = QWidget(self.surface)
            self.native.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
            self.native.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
            self.native.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.native.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.surface, 1)

        self.bridge = PlayerBridge(f"tile{index}", self)
        self.bridge.state_changed.connect(self._state_changed)
        self.bridge.frame_ready.connect(self._frame)
        self._show_texts()

    # -- camera and stream -----------------------------------------------------------------

    def set_camera(self, camera: CameraRow | None, *, main_stream: bool = False) -> None:
        self.camera = camera
        self.main_stream = main_stream
        self.surface.image = None
        self._sync()
        self._show_texts()

    def url(self) -> str:
        if self.camera is None:
            return ""
        if self.main_stream:
            return self.camera.main_url or self.camera.sub_url
        return self.camera.sub_url or self.camera.main_url

    def _sync(self) -> None:
        """Decode exactly while the tile is visible and has a camera with a URL."""
        url = self.url() if self.isVisible() else ""
        if not url:
            if self._opened is not None:
                self._opened = None
                self.bridge.stop()
                if self.native is not None:
                    self.native.hide()
            return
        window: int | None = None
        if self.native is not None:
            self.native.setGeometry(self.surface.rect())
            self.native.show()
            window = int(self.native.winId())
        if self._opened == (url, window):
            return
        self._opened = (url, window)
        options = self.options.for_main_stream() if self.main_stream else self.options
        self.bridge.open(url, window, options)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._sync()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._sync()

    def close_player(self) -> bool:
        self.request_close()
        return self.wait_closed(CLOSE_TIMEOUT_S)

    def request_close(self) -> None:
        """Ask the player to end without waiting, so that several end together."""
        self._opened = None
        self.bridge.request_close()

    def wait_closed(self, timeout: float) -> bool:
        return self.bridge.wait_closed(timeout)

    # -- signals from the player -----------------------------------------------------------

    def _state_changed(self, state: str, _detail: str) -> None:
        self.state = state
        if state != "playing":
            self.surface.image = None  # never a frozen frame
        if self.native is not None:
            self.native.setVisible(state == "playing")
        self._show_texts()
        self.state_changed.emit(self.index, state)

    def _frame(self, data: bytes, width: int, height: int) -> None:
        image = self.bridge.frame_taken(data, width, height)
        if self.state == "playing" or self.surface.image is None:
            # No copy: the image reads the player's bytes, kept alive beside it.
            self.surface.frame_bytes = data
            self.surface.image = image
            self.surface.update()

    # -- texts -----------------------------------------------------------------------------

    def state_text(self) -> str:
        return {
            "idle": "",
            "connecting": self.tr("Connecting"),
            "playing": self.tr("Live"),
            "offline": self.tr("Offline"),
            "failed": self.tr("Cannot play"),
        }.get(self.state, self.state)

    def _show_texts(self) -> None:
        camera = self.camera
        self.name.setText(camera.name if camera is not None else "")
        self.status.setText(self.state_text() if camera is not None else "")
        self.status.setProperty("state", self.state)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        if camera is None:
            self.surface.placeholder = self.tr("Drop a camera here")
        elif not self.url():
            self.surface.placeholder = self.tr("No stream address")
        elif self.state == "offline":
            self.surface.placeholder = self.tr("Camera offline — reconnecting")
        elif self.state == "failed":
            self.surface.placeholder = self.tr(
                "This workstation cannot play the stream (see the log) — retrying"
            )
        elif self.state in ("connecting", "idle"):
            self.surface.placeholder = self.tr("Connecting…")
        else:
            self.surface.placeholder = ""
        self.surface.update()

    def set_clock(self, text: str) -> None:
        self.clock.setText(text if self.camera is not None else "")

    def retranslate(self) -> None:
        self._show_texts()

    # -- mouse and drops -------------------------------------------------------------------

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit(self.index)
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if camera_ids(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = camera_ids(event.mimeData())
        if ids:
            self.cameras_dropped.emit(self.index, ids)
            event.acceptProposedAction()

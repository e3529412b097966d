"""The Qt edge of a tile's player: its state and frames arrive as queued signals.

The player calls back on its own thread (and libVLC's); emitting a Signal of this
QObject, which lives on the GUI thread, queues the call there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from console.video.options import PlayOptions
from console.video.player import Player


class PlayerBridge(QObject):
    state_changed = Signal(str, str)
    frame_ready = Signal(object, int, int)  # BGRX bytes, width, height
    snapshot_ready = Signal(object, object)  # png bytes or None, the token asked with

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = 0
        self.player = Player(name, on_state=self._state, on_frame=self._frame)

    def _state(self, state: str, detail: str) -> None:
        self.state_changed.emit(state, detail)

    def _frame(self, data: bytes, width: int, height: int) -> None:
        # Drop frames while the GUI has not painted the previous ones: a slow window
        # never makes a queue of pictures grow.
        if self._pending > 2:
            return
        self._pending += 1
        self.frame_ready.emit(data, width, height)

    def frame_taken(self, data: bytes, width: int, height: int) -> QImage:
        """The frame as an image that shares the bytes (keep them while it is shown)."""
        self._pending = max(0, self._pending - 1)
        return QImage(data, width, height, width * 4, QImage.Format.Format_RGB32)

    def open(self, url: str, window: int | None, options: PlayOptions) -> None:
        self.player.frames_wanted = window is None
        self.player.open(url, window=window, options=options)

    def stop(self) -> None:
        self.player.stop()

    def snapshot(self, token: object) -> None:
        self.player.snapshot(lambda png: self.snapshot_ready.emit(png, token))

    def close(self) -> bool:
        return self.player.close()

    def request_close(self) -> None:
        self.player.request_close()

    def wait_closed(self, timeout: float) -> bool:
        return self.player.wait_closed(timeout)

"""One camera stream in a tile: a libVLC player on its own command thread, with a watchdog.

The thread owns the libVLC instance, the player, the media and the ffmpeg relay; the
rest of the program only queues commands (open, stop, snapshot, close), so a stream that
hangs in libVLC or in the network blocks this thread alone, never the window. libVLC's
own callbacks (events, frames) only set flags, count pictures or hand a copy of the
frame on: libVLC is not re-entrant.

Watchdog: the picture count must grow (Liveness); no first picture before the start-up
deadline, an error, the end of the stream or a stall turns the state "offline" and the
player is rebuilt after an exponential backoff (Backoff). Loop modes are never used:
they would hide a dead camera.

Frames reach the screen either by a native window handle (cheap; X11, Windows, macOS)
or through video callbacks into a buffer (works offscreen, used by tests and snapshots).
"""

from __future__ import annotations

import ctypes
import logging
import os
import queue
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import vlc

from console.video import frames
from console.video.backoff import Backoff, Liveness
from console.video.options import PlayOptions
from console.video.relay import Relay
from console.video.sources import plan

log = logging.getLogger("console.video")

# "failed": this machine cannot open the stream (no ffmpeg, libVLC broken): not the
# camera's fault, so it is not reported as the camera's health.
STATES = ("idle", "connecting", "playing", "offline", "failed")
TICK_S = 0.25
SNAPSHOT_TIMEOUT_S = 3.0
# How long closing waits for a player thread (libVLC teardown) before giving up on it.
CLOSE_TIMEOUT_S = 10.0
INSTANCE_ARGS = (
    "--quiet",
    "--no-audio",
    "--no-osd",
    "--no-spu",
    "--no-lua",
    "--no-video-title-show",
    "--no-snapshot-preview",
    "--stats",  # displayed_pictures feeds the watchdog
    "--no-xlib",
)
# Starting several players at once in one process is not thread-safe on Linux; their
# instances are released under the same lock.
_START_LOCK = threading.Lock()

StateCallback = Callable[[str, str], None]
FrameCallback = Callable[[bytes, int, int], None]
SnapshotCallback = Callable[[bytes | None], None]


@dataclass
class _Open:
    url: str
    window: int | None
    options: PlayOptions


def _set_window(player: vlc.MediaPlayer, handle: int) -> None:
    if sys.platform.startswith("linux"):
        player.set_xwindow(handle)
    elif sys.platform == "win32":
        player.set_hwnd(handle)
    elif sys.platform == "darwin":
        player.set_nsobject(handle)


class Player:
    def __init__(
        self,
        name: str,
        *,
        on_state: StateCallback,
        on_frame: FrameCallback | None = None,
    ) -> None:
        self.name = name
        self._on_state = on_state
        self._on_frame = on_frame
        self.frames_wanted = on_frame is not None
        self.state = "idle"
        self._commands: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._want: _Open | None = None
        self._instance: vlc.Instance | None = None
        self._player: vlc.MediaPlayer | None = None
        self._media: vlc.Media | None = None
        self._relay: Relay | None = None
        self._ended = False
        self._snapshot_done = threading.Event()
        self._count = 0
        self._seen = 0
        self._buffer: ctypes.Array[ctypes.c_char] | None = None
        self._size = (0, 0)
        self._callbacks: tuple[Any, ...] = ()
        self._liveness = Liveness(8.0, 3.0)
        self._backoff = Backoff()
        self._retry_at = 0.0
        # Started by the first open(): a tile that never plays costs no thread.
        self._thread: threading.Thread | None = None

    # -- commands (any thread) -------------------------------------------------------------

    def open(
        self, url: str, *, window: int | None = None, options: PlayOptions | None = None
    ) -> None:
        self._commands.put(("open", _Open(url, window, options or PlayOptions())))
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name=f"video-{self.name}", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._commands.put(("stop", None))

    def snapshot(self, done: SnapshotCallback) -> None:
        """done(png bytes or None) is called on the player's thread (at once if none)."""
        if self._thread is None:
            done(None)
            return
        self._commands.put(("snapshot", done))

    def close(self, timeout: float = CLOSE_TIMEOUT_S) -> bool:
        """Tear everything down and end the thread; True when it ended in time."""
        self.request_close()
        return self.wait_closed(timeout)

    def request_close(self) -> None:
        """Ask the thread to tear down and end, without waiting (see wait_closed)."""
        if self._thread is not None:
            self._commands.put(("quit", None))

    def wait_closed(self, timeout: float = CLOSE_TIMEOUT_S) -> bool:
        """Wait for the thread asked to end; True when it has ended."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def pictures(self) -> int:
        """Pictures shown by the current stream: live on the callback path, as the
        watchdog last counted them on the native path."""
        return self._count if self._buffer is not None else self._seen

    @property
    def relay_pid(self) -> int | None:
        return self._relay.pid if self._relay is not None else None

    # -- the player's thread ---------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                try:
                    command, arg = self._commands.get(timeout=TICK_S)
                except queue.Empty:
                    command, arg = "", None
                if command == "quit":
                    break
                if command == "open":
                    self._teardown()
                    self._want = arg
                    self._backoff = Backoff(arg.options.backoff_first_s, arg.options.backoff_max_s)
                    self._liveness = Liveness(arg.options.start_timeout_s, arg.options.stall_s)
                    self._retry_at = 0.0
                    self._set_state("connecting", "")
                elif command == "stop":
                    self._teardown()
                    self._want = None
                    self._set_state("idle", "")
                elif command == "snapshot":
                    arg(self._take_snapshot())
                self._watch(time.monotonic())
        except Exception:
            log.exception("video player %s failed", self.name)
        finally:
            self._teardown()
            if self._instance is not None:
                # Players end together (VideoWall.close_players); the libVLC instances
                # go one at a time, as they came (a few ms each).
                with _START_LOCK:
                    self._instance.release()
                self._instance = None

    def _set_state(self, state: str, detail: str) -> None:
        changed = state != self.state
        self.state = state
        if changed:
            log.info("camera %s: %s %s", self.name, state, detail)
            self._on_state(state, detail)

    def _watch(self, now: float) -> None:
        want = self._want
        if want is None:
            return
        if self._player is None:
            if now >= self._retry_at:
                try:
                    self._start(want, now)
                except Exception as error:
                    # No ffmpeg for the relay, a libVLC that cannot start: the tile says
                    # so and keeps retrying; the thread must outlive it.
                    say = log.warning if self.state != "failed" else log.debug
                    say("camera %s: cannot start: %s", self.name, error)
                    self._retry(now, "failed", str(error))
            return
        self._seen = self._picture_count()
        verdict = self._liveness.observe(self._seen, now)
        if self._ended:
            verdict = "stalled"
        if verdict == "playing":
            if self.state != "playing":
                self._backoff.reset()
                self._set_state("playing", "")
        elif verdict == "stalled":
            self._retry(now, "offline", "")

    def _retry(self, now: float, state: str, why: str) -> None:
        self._teardown()
        delay = self._backoff.next_delay()
        self._retry_at = now + delay
        self._set_state(state, f"{why} retry in {delay:.1f} s".strip())

    def _start(self, want: _Open, now: float) -> None:
        how = plan(want.url, want.options)
        with _START_LOCK:
            if self._instance is None:
                self._instance = vlc.Instance(list(INSTANCE_ARGS))
            instance = self._instance
            if how.relay:
                self._relay = Relay(want.url, tcp=want.options.rtsp_tcp)
                media = instance.media_new_fd(self._relay.fd())
            else:
                media = instance.media_new(want.url)
            for option in how.media_options:
                media.add_option(option)
            player = instance.media_player_new()
            player.set_media(media)
            player.video_set_mouse_input(False)
            player.video_set_key_input(False)
            self._ended = False
            events = player.event_manager()
            for kind in (
                vlc.EventType.MediaPlayerEncounteredError,
                vlc.EventType.MediaPlayerEndReached,
                vlc.EventType.MediaPlayerStopped,
            ):
                events.event_attach(kind, self._on_end)
            events.event_attach(vlc.EventType.MediaPlayerSnapshotTaken, self._on_snapshot)
            self._count = 0
            if want.window:
                _set_window(player, want.window)
            else:
                self._use_callbacks(player, want.options.width, want.options.height)
            self._media, self._player = media, player
            player.play()
        self._liveness.opened(now)

    def _use_callbacks(self, player: vlc.MediaPlayer, width: int, height: int) -> None:
        self._size = (width, height)
        self._buffer = ctypes.create_string_buffer(width * height * 4)
        address = ctypes.addressof(self._buffer)
        length = width * height * 4

        @vlc.CallbackDecorators.VideoLockCb
        def lock(_opaque: Any, planes: Any) -> None:
            planes[0] = address

        @vlc.CallbackDecorators.VideoUnlockCb
        def unlock(_opaque: Any, _picture: Any, _planes: Any) -> None:
            pass

        @vlc.CallbackDecorators.VideoDisplayCb
        def display(_opaque: Any, _picture: Any) -> None:
            self._count += 1
            if self.frames_wanted and self._on_frame is not None:
                self._on_frame(ctypes.string_at(address, length), width, height)

        self._callbacks = (lock, unlock, display)  # keep them alive while libVLC holds them
        player.video_set_callbacks(lock, unlock, display, None)
        player.video_set_format("RV32", width, height, width * 4)

    def _picture_count(self) -> int:
        if self._buffer is not None:
            return self._count
        if self._media is None:
            return 0
        stats = vlc.MediaStats()
        if self._media.get_stats(stats):
            return int(stats.displayed_pictures)
        return 0

    def _on_end(self, _event: Any) -> None:
        self._ended = True

    def _on_snapshot(self, _event: Any) -> None:
        self._snapshot_done.set()

    def _take_snapshot(self) -> bytes | None:
        if self._player is None or self.state != "playing":
            return None
        if self._buffer is not None:
            width, height = self._size
            data = ctypes.string_at(ctypes.addressof(self._buffer), width * height * 4)
            return None if frames.is_blank(data) else frames.png_from_bgrx(data, width, height)
        handle, path = tempfile.mkstemp(prefix="console-snapshot-", suffix=".png")
        os.close(handle)
        try:
            self._snapshot_done.clear()
            if self._player.video_take_snapshot(0, path, 0, 0) != 0:
                return None
            if not self._snapshot_done.wait(SNAPSHOT_TIMEOUT_S):
                return None
            with open(path, "rb") as file:
                return file.read() or None
        finally:
            os.unlink(path)

    def _teardown(self) -> None:
        player, media, relay = self._player, self._media, self._relay
        self._player = self._media = self._relay = None
        if relay is not None:
            relay.end()  # a player blocked on the pipe returns once the writer is gone
        if player is not None:
            player.event_manager().event_detach(vlc.EventType.MediaPlayerEncounteredError)
            player.event_manager().event_detach(vlc.EventType.MediaPlayerEndReached)
            player.event_manager().event_detach(vlc.EventType.MediaPlayerStopped)
            player.event_manager().event_detach(vlc.EventType.MediaPlayerSnapshotTaken)
            player.release()
        if media is not None:
            media.release()
        if relay is not None:
            relay.close()
        self._buffer = None
        self._callbacks = ()

"""A tile's player against real streams: RTSP from a local server (through the relay
where libVLC has no RTSP client), a file and HTTP (MPEG-TS, FLV, HLS); the watchdog's
offline and reconnect; snapshots."""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.video.options import PlayOptions
from console.video.player import Player
from console.video.rtsp_server import RtspServer
from tests.support.rtsp_server import rtsp_server, wait_for

__all__ = ["rtsp_server"]

pytestmark = pytest.mark.slow
FAST = PlayOptions(stall_s=2.0, start_timeout_s=6.0)


class Recorder:
    def __init__(self) -> None:
        self.states: list[tuple[float, str]] = []
        self.frames = 0
        self.size = (0, 0)

    def state(self, state: str, _detail: str) -> None:
        self.states.append((time.monotonic(), state))

    def frame(self, data: bytes, width: int, height: int) -> None:
        self.frames += 1
        self.size = (width, height)

    @property
    def now(self) -> str:
        return self.states[-1][1] if self.states else ""


@pytest.fixture
def player() -> Iterator[tuple[Player, Recorder]]:
    recorder = Recorder()
    tile = Player("test", on_state=recorder.state, on_frame=recorder.frame)
    yield tile, recorder
    assert tile.close()


def _snapshot(tile: Player) -> bytes | None:
    got: list[bytes | None] = []
    done = threading.Event()

    def taken(png: bytes | None) -> None:
        got.append(png)
        done.set()

    tile.snapshot(taken)
    assert done.wait(10)
    return got[0]


def test_rtsp_plays_snapshots_goes_offline_and_reconnects(
    rtsp_server: RtspServer, player: tuple[Player, Recorder]
) -> None:
    tile, recorder = player
    tile.open(rtsp_server.url(1), options=FAST)
    assert wait_for(lambda: recorder.now == "playing", 15), recorder.states
    assert wait_for(lambda: recorder.frames > 10, 5)
    assert recorder.size == (640, 360)
    png = _snapshot(tile)
    assert png is not None and png.startswith(b"\x89PNG")

    rtsp_server.stop()
    assert wait_for(lambda: recorder.now == "offline", 10), recorder.states
    relay = tile.relay_pid
    rtsp_server.start()
    # How fast it comes back is a figure of benchmarks/video_wall.py, not a test verdict.
    assert wait_for(lambda: recorder.now == "playing", 8), recorder.states
    assert relay is None or tile.relay_pid != relay


def test_a_dead_address_is_offline_and_stop_is_idle(player: tuple[Player, Recorder]) -> None:
    tile, recorder = player
    tile.open("rtsp://127.0.0.1:9/none", options=FAST)
    assert wait_for(lambda: recorder.now == "offline", 10), recorder.states
    assert _snapshot(tile) is None
    tile.stop()
    assert wait_for(lambda: recorder.now == "idle", 5)
    assert tile.relay_pid is None


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated 20 s test clips (no downloaded video): MPEG-TS, FLV and an HLS playlist."""
    folder = tmp_path_factory.mktemp("clips")
    source = ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=15",
              "-t", "20", "-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-y"]  # fmt: skip
    for target in (
        ["clip.ts"],
        ["clip.flv"],
        ["-f", "hls", "-hls_time", "2", "-hls_list_size", "0", "clip.m3u8"],
    ):
        subprocess.run([*source, *target], cwd=folder, check=True, timeout=120)
    return folder


@pytest.fixture
def clip(clips: Path) -> Path:
    return clips / "clip.ts"


def test_files_play_natively(clip: Path, player: tuple[Player, Recorder]) -> None:
    tile, recorder = player
    tile.open(str(clip), options=FAST)
    assert wait_for(lambda: recorder.now == "playing", 10), recorder.states
    png = _snapshot(tile)
    assert png is not None


@pytest.mark.parametrize("name", ["clip.ts", "clip.flv", "clip.m3u8"])
def test_http_streams_play_natively(
    clips: Path, name: str, player: tuple[Player, Recorder]
) -> None:
    handler = functools.partial(_QuietHandler, directory=str(clips))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        tile, recorder = player
        tile.open(f"http://127.0.0.1:{server.server_port}/{name}", options=FAST)
        assert wait_for(lambda: recorder.now == "playing", 10), recorder.states
        assert _snapshot(tile) is not None
    finally:
        tile.stop()
        assert wait_for(lambda: recorder.now == "idle", 5)
        server.shutdown()
        server.server_close()
        thread.join(5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_stream_this_machine_cannot_start_fails_and_the_player_lives_on(
    player: tuple[Player, Recorder], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tile, recorder = player
    # No ffmpeg on the PATH: the relay cannot be started.
    monkeypatch.setenv("PATH", str(tmp_path))
    tile.open("rtsp://127.0.0.1:9/none", options=PlayOptions(relay="always"))
    # Not "offline": the camera is not to blame, and its health is left alone.
    assert wait_for(lambda: recorder.now == "failed", 10), recorder.states
    assert tile._thread is not None and tile._thread.is_alive()
    tile.stop()
    assert wait_for(lambda: recorder.now == "idle", 10), recorder.states

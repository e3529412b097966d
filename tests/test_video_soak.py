"""A wall of 9 tiles whose streams flap (the server goes away and returns) for a minute:
every tile keeps recovering, and no thread, relay process or memory is left behind."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.services.cameras import CameraRow
from console.video.options import PlayOptions
from console.video.rtsp_server import RtspServer
from console.views.video_tile import VideoTile
from console.views.video_wall import VideoWall
from tests.support.gui import OFFSCREEN_NOISE
from tests.support.rtsp_server import rtsp_server

__all__ = ["rtsp_server"]
pytestmark = [pytest.mark.gui, pytest.mark.slow, OFFSCREEN_NOISE]
SOAK_S = 60.0
UP_S, DOWN_S = 6.0, 3.0
# libVLC starts new decoder threads on every reconnect and the C allocator gives threads
# their own arenas, so RSS climbs during the first flaps and then levels off; it is
# compared from the second recovery on, against a bound a real per-flap leak (frames of
# 9 x 0.9 MB at 15 fps) would pass within a flap or two.
WARM_UP_FLAPS = 2
RSS_GROWTH_LIMIT_MB = 100.0


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _ffmpeg_children() -> int:
    own = str(os.getpid())
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            name = stat.with_name("comm").read_text().strip()
        except OSError:
            continue
        if fields[1] == own and name == "ffmpeg":
            count += 1
    return count


def _camera(n: int, server: RtspServer) -> CameraRow:
    url = server.url(1 + n % server.cameras)
    return CameraRow(
        n, f"{n:020d}", f"cam{n}", None, "", "", 116.2, 39.9, url, url, "unknown", None
    )


@pytest.fixture
def wall(qtbot: QtBot) -> Iterator[VideoWall]:
    widget = VideoWall(PlayOptions(stall_s=2.0, start_timeout_s=6.0), "UTC")
    qtbot.addWidget(widget)
    yield widget
    widget.close_players()  # also when the test failed: no player may outlive it


def _all(tiles: list[VideoTile], state: str) -> Callable[[], None]:
    def check() -> None:
        assert all(t.state == state for t in tiles), [t.state for t in tiles]

    return check


def test_nine_flapping_streams_for_a_minute(
    qtbot: QtBot, rtsp_server: RtspServer, wall: VideoWall
) -> None:
    threads_before = threading.active_count()
    wall.resize(1280, 720)
    wall.show()
    tiles = wall.tiles[:9]
    wall.show_cameras([_camera(n, rtsp_server) for n in range(9)])
    qtbot.waitUntil(_all(tiles, "playing"), timeout=30000)
    threads_playing = threading.active_count()
    recoveries = 0
    rss: list[float] = []
    started = time.monotonic()
    while time.monotonic() - started < SOAK_S:
        qtbot.wait(int(UP_S * 1000))
        rtsp_server.stop()
        qtbot.waitUntil(_all(tiles, "offline"), timeout=15000)
        qtbot.wait(int(DOWN_S * 1000))
        rtsp_server.start()
        qtbot.waitUntil(_all(tiles, "playing"), timeout=15000)
        recoveries += 1
        rss.append(_rss_mb())
    assert recoveries >= WARM_UP_FLAPS + 2
    assert threading.active_count() <= threads_playing + 1  # a clip or log thread at most
    assert _ffmpeg_children() <= 9
    growth = max(rss[WARM_UP_FLAPS:]) - rss[WARM_UP_FLAPS - 1]
    assert growth < RSS_GROWTH_LIMIT_MB, f"RSS after each flap: {[round(r) for r in rss]} MB"
    wall.close_players()
    assert _ffmpeg_children() == 0
    deadline = time.monotonic() + 10
    while threading.active_count() > threads_before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert threading.active_count() <= threads_before, [t.name for t in threading.enumerate()]

"""The video core without a server: backoff, liveness, layouts, how URLs are opened,
still pictures."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from console.video import clip, frames, sources
from console.video.backoff import Backoff, Liveness
from console.video.layouts import LAYOUTS, tile_count
from console.video.options import PlayOptions, options_from_env


def test_backoff_grows_to_its_cap_and_resets() -> None:
    backoff = Backoff(first_s=0.5, max_s=3.0, jitter=0.0)
    assert [backoff.next_delay() for _ in range(5)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    backoff.reset()
    assert backoff.next_delay() == 0.5
    jittery = Backoff(first_s=1.0, max_s=3.0, jitter=0.1)
    delays = [jittery.next_delay() for _ in range(20)]
    assert all(0.9 <= d <= 3.0 for d in delays)


def test_liveness_needs_a_first_picture_and_then_new_ones() -> None:
    live = Liveness(start_timeout_s=2.0, stall_s=1.0)
    live.opened(10.0)
    assert live.observe(0, 11.0) == "starting"
    assert live.observe(0, 12.5) == "stalled"
    live.opened(20.0)
    assert live.observe(3, 20.5) == "playing"
    assert live.observe(9, 21.2) == "playing"
    assert live.observe(9, 22.0) == "playing"
    assert live.observe(9, 22.3) == "stalled"


def test_layouts_cover_their_grid_exactly() -> None:
    assert {name: tile_count(name) for name in LAYOUTS} == {
        "1": 1,
        "4": 4,
        "9": 9,
        "16": 16,
        "1+5": 6,
        "1+7": 8,
    }
    for name, cells in LAYOUTS.items():
        size = max(r + rs for r, _c, rs, _cs in cells)
        covered = [(r + i, c + j) for r, c, rs, cs in cells for i in range(rs) for j in range(cs)]
        assert sorted(covered) == [(r, c) for r in range(size) for c in range(size)], name


def test_rtsp_is_relayed_where_libvlc_has_no_client(monkeypatch: pytest.MonkeyPatch) -> None:
    options = PlayOptions(caching_ms=250)
    monkeypatch.setattr(sources, "has_rtsp_client", lambda: False)
    relayed = sources.plan("rtsp://127.0.0.1:8554/cam1/sub", options)
    assert relayed.relay and ":file-caching=250" in relayed.media_options
    monkeypatch.setattr(sources, "has_rtsp_client", lambda: True)
    native = sources.plan("rtsp://127.0.0.1:8554/cam1/sub", options)
    assert not native.relay
    assert set(native.media_options) == {":network-caching=250", ":rtsp-tcp"}
    forced = sources.plan("rtsp://x/1", PlayOptions(relay="always"))
    assert forced.relay
    for url in ("http://h/live.flv", "https://h/live.m3u8", "/tmp/clip.ts", "file:///tmp/a.mp4"):
        assert not sources.plan(url, options).relay


def test_options_from_the_environment() -> None:
    options = options_from_env({"CONSOLE_VIDEO_CACHING_MS": "500", "CONSOLE_VIDEO_RELAY": "always"})
    assert (options.caching_ms, options.relay, options.rtsp_tcp) == (500, "always", True)
    assert (
        options_from_env({"CONSOLE_VIDEO_CACHING_MS": "x", "CONSOLE_VIDEO_RELAY": "?"})
        == PlayOptions()
    )
    assert not options_from_env({"CONSOLE_VIDEO_RTSP_TCP": "0"}).rtsp_tcp


def test_png_from_a_bgrx_frame_decodes_back() -> None:
    width, height = 3, 2
    # B, G, R, X per pixel: the first pixel is pure red, the second pure blue.
    data = bytes([0, 0, 255, 0, 255, 0, 0, 0]) + bytes(4 * (width * height - 2))
    png = frames.png_from_bgrx(data, width, height)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (width, height)
    start = png.index(b"IDAT") + 4
    length = struct.unpack(">I", png[start - 8 : start - 4])[0]
    rows = zlib.decompress(png[start : start + length])
    assert rows[:7] == bytes([0, 255, 0, 0, 0, 0, 255])


def test_blank_pictures_are_told_from_real_ones() -> None:
    black = bytes(640 * 360 * 4)
    grey = bytes([128, 128, 128, 255]) * (640 * 360)
    bars = b"".join(bytes([v, 255 - v, v // 2, 0]) for v in range(256)) * 900
    assert frames.is_blank(black) and frames.is_blank(grey) and frames.is_blank(b"")
    assert not frames.is_blank(bars)


def test_a_clip_that_cannot_be_recorded_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if clip.ffmpeg_path() is None:
        pytest.skip("needs ffmpeg")
    with pytest.raises(clip.ClipError) as failed:
        clip.record_clip("rtsp://127.0.0.1:9/none", 1.0)
    assert failed.value.kind == "failed" and failed.value.detail
    monkeypatch.setenv("PATH", str(tmp_path))  # no ffmpeg to be found
    with pytest.raises(clip.ClipError) as missing:
        clip.record_clip("rtsp://127.0.0.1:9/none", 1.0)
    assert missing.value.kind == "no_ffmpeg"

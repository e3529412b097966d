"""Playback settings of a tile: latency, transport, frame size, watchdog timings."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass


@dataclass(frozen=True)
class PlayOptions:
    # About 300 ms keeps a live tile close to real time; values near zero break streams.
    caching_ms: int = 300
    rtsp_tcp: bool = True
    # Frame size delivered by the frame-callback path (libVLC scales the picture).
    width: int = 640
    height: int = 360
    # No picture within start_timeout_s of opening, or none for stall_s while playing:
    # the camera is treated as offline and the player is rebuilt with backoff.
    start_timeout_s: float = 8.0
    stall_s: float = 3.0
    backoff_first_s: float = 0.5
    backoff_max_s: float = 3.0
    # "auto": relay rtsp:// through ffmpeg when libVLC has no RTSP client of its own.
    relay: str = "auto"

    def for_main_stream(self) -> PlayOptions:
        """The larger frame used when a tile is maximised onto the main stream."""
        return PlayOptions(
            self.caching_ms,
            self.rtsp_tcp,
            1280,
            720,
            self.start_timeout_s,
            self.stall_s,
            self.backoff_first_s,
            self.backoff_max_s,
            self.relay,
        )


def options_from_env(environ: dict[str, str] | None = None) -> PlayOptions:
    """PlayOptions with CONSOLE_VIDEO_CACHING_MS, CONSOLE_VIDEO_RTSP_TCP (0/1) and
    CONSOLE_VIDEO_RELAY (auto/always/never) applied; bad values keep the defaults."""
    import os

    env = os.environ if environ is None else environ
    base = PlayOptions()
    caching = base.caching_ms
    with contextlib.suppress(ValueError):
        caching = max(50, min(5000, int(env.get("CONSOLE_VIDEO_CACHING_MS", caching))))
    relay = env.get("CONSOLE_VIDEO_RELAY", base.relay)
    if relay not in ("auto", "always", "never"):
        relay = base.relay
    tcp = env.get("CONSOLE_VIDEO_RTSP_TCP", "1") != "0"
    return PlayOptions(caching_ms=caching, rtsp_tcp=tcp, relay=relay)

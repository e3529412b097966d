"""A real RTSP server on 127.0.0.1 for the video tests (GStreamer's, through the
project's own launcher), and small helpers to wait on players."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from console.video.rtsp_server import RtspServer
from tests.support.pgserver import free_port


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


@pytest.fixture
def rtsp_server() -> Iterator[RtspServer]:
    """Four cameras of 640x360 sub streams (main streams 960x540, to spare the CPU)."""
    server = RtspServer(free_port(), 4, main="960x540", sub="640x360", fps=15)
    server.start()
    yield server
    server.stop()

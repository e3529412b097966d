"""Start and stop the local RTSP test server (rtsp_server_main.py) as a child process.

The server needs the system Python with GStreamer's introspection bindings (Debian:
python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-{base,good,bad,ugly});
the project's own interpreter usually cannot import them, so the first interpreter
found that can is used.
"""

from __future__ import annotations

import collections
import functools
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

MAIN = Path(__file__).with_name("rtsp_server_main.py")
READY_TIMEOUT_S = 15.0
CHECK = (
    "import gi; gi.require_version('Gst', '1.0'); gi.require_version('GstRtspServer', '1.0');"
    " from gi.repository import GstRtspServer"
)


class RtspServerError(RuntimeError):
    pass


@functools.cache
def gst_python() -> str | None:
    """An interpreter that has GStreamer's RTSP server bindings, or None."""
    candidates = [sys.executable, "/usr/bin/python3", shutil.which("python3") or ""]
    for python in dict.fromkeys(c for c in candidates if c):
        try:
            done = subprocess.run(
                [python, "-c", CHECK], capture_output=True, timeout=20, check=False
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return python
    return None


class RtspServer:
    """rtsp://127.0.0.1:<port>/cam<n>/main|sub for n in 1..cameras, live test patterns."""

    def __init__(
        self,
        port: int = 8554,
        cameras: int = 4,
        *,
        main: str = "1280x720",
        sub: str = "640x360",
        fps: int = 15,
        udp_port: int = 0,
    ) -> None:
        self.port = port
        self.cameras = cameras
        self._args = ["--port", str(port), "--cameras", str(cameras), "--main", main]
        self._args += ["--sub", sub, "--fps", str(fps), "--udp-port", str(udp_port)]
        self._proc: subprocess.Popen[str] | None = None
        self._drains: list[threading.Thread] = []
        self.log_tail: collections.deque[str] = collections.deque(maxlen=50)

    def url(self, camera: int, stream: str = "sub") -> str:
        return f"rtsp://127.0.0.1:{self.port}/cam{camera}/{stream}"

    def start(self) -> None:
        python = gst_python()
        if python is None:
            raise RtspServerError("no Python with GStreamer's RTSP server bindings (python3-gi)")
        proc = subprocess.Popen(
            [python, str(MAIN), *self._args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()))  # type: ignore[union-attr]
        reader.start()
        reader.join(READY_TIMEOUT_S)
        if not line or not line[0].startswith("ready"):
            proc.kill()
            _out, err = proc.communicate()
            reader.join()
            raise RtspServerError(f"RTSP server did not start: {err.strip()[-500:]}")
        self._proc = proc
        # Keep reading both pipes: a server whose warnings fill an unread pipe blocks.
        self._drains = [
            threading.Thread(target=self._drain, args=(stream,), daemon=True)
            for stream in (proc.stdout, proc.stderr)
        ]
        for thread in self._drains:
            thread.start()

    def _drain(self, stream: Any) -> None:
        for text in stream:
            self.log_tail.append(text.rstrip())

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for thread in self._drains:
            thread.join(timeout=5)
        self._drains = []
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()

    def wait(self) -> int:
        """Block until the server ends (the CLI command's foreground mode)."""
        assert self._proc is not None
        return self._proc.wait()

    def __enter__(self) -> RtspServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

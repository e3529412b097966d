"""An ffmpeg process that remuxes a camera's RTSP stream to MPEG-TS on a pipe for libVLC.

A stream copy costs little CPU. TCP interleaving is the default (UDP loses packets behind
firewalls and NAT); -timeout ends the process when the network hangs, so a dead camera
shows up as the end of the pipe instead of a player waiting forever.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

log = logging.getLogger("console.video")

SOCKET_TIMEOUT_US = 5_000_000


def ffmpeg_path() -> str | None:
    return shutil.which("ffmpeg")


def relay_command(url: str, *, tcp: bool = True) -> list[str]:
    ffmpeg = ffmpeg_path() or "ffmpeg"
    command = [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error"]
    if url.lower().startswith(("rtsp://", "rtsps://")):
        command += ["-rtsp_transport", "tcp" if tcp else "udp", "-timeout", str(SOCKET_TIMEOUT_US)]
    # The SDP already names the codec: a short probe saves seconds before the first picture.
    command += ["-fflags", "nobuffer", "-flags", "low_delay"]
    command += ["-probesize", "65536", "-analyzeduration", "300000", "-i", url]
    # mpegts delays the stream 0.7 s by default (muxdelay): latency for nothing here.
    command += ["-map", "0:v:0", "-c", "copy", "-an", "-muxdelay", "0", "-muxpreload", "0"]
    command += ["-flush_packets", "1", "-f", "mpegts", "pipe:1"]
    return command


class Relay:
    """One ffmpeg process; fd() is the read end of its output for media_new_fd."""

    def __init__(self, url: str, *, tcp: bool = True) -> None:
        self.url = url
        # No console window flashing up per relay on Windows.
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
        self._proc = subprocess.Popen(
            relay_command(url, tcp=tcp),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            creationflags=flags,
        )

    def fd(self) -> int:
        assert self._proc.stdout is not None
        return self._proc.stdout.fileno()

    @property
    def pid(self) -> int:
        return self._proc.pid

    def alive(self) -> bool:
        return self._proc.poll() is None

    def end(self) -> None:
        """End the process (unblocks a player stuck reading the pipe); keep the fd open."""
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def close(self) -> None:
        """After the player that read the pipe is released: close our end of it."""
        self.end()
        if self._proc.stdout is not None:
            self._proc.stdout.close()

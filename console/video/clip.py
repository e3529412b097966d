"""A short MP4 clip of a camera for evidence, recorded by ffmpeg beside the live tile.

The tile's own player is left alone: a second, short-lived connection copies the stream
(no re-encoding) into an MP4 with its index at the front, so the clip
plays in any viewer. Blocking: call it off the GUI thread.
"""

from __future__ import annotations

import os
import subprocess
import tempfile

from console.video.relay import SOCKET_TIMEOUT_US, ffmpeg_path

MAX_SECONDS = 30


class ClipError(RuntimeError):
    pass


def record_clip(url: str, seconds: float = 10.0, *, tcp: bool = True) -> bytes:
    ffmpeg = ffmpeg_path()
    if ffmpeg is None:
        raise ClipError("ffmpeg not found")
    seconds = max(1.0, min(MAX_SECONDS, seconds))
    handle, path = tempfile.mkstemp(prefix="console-clip-", suffix=".mp4")
    os.close(handle)
    command = [ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    if url.lower().startswith(("rtsp://", "rtsps://")):
        command += ["-rtsp_transport", "tcp" if tcp else "udp", "-timeout", str(SOCKET_TIMEOUT_US)]
    command += ["-i", url, "-t", f"{seconds:.1f}", "-map", "0:v:0", "-c", "copy", "-an"]
    command += ["-movflags", "+faststart", path]
    try:
        proc = subprocess.run(
            command, capture_output=True, timeout=seconds + 15, check=False, text=True
        )
        with open(path, "rb") as file:
            data = file.read()
        if proc.returncode != 0 or not data:
            raise ClipError(proc.stderr.strip()[-300:] or f"ffmpeg exited {proc.returncode}")
        return data
    except subprocess.TimeoutExpired as error:
        raise ClipError("the camera did not answer in time") from error
    finally:
        os.unlink(path)

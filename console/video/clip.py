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
    """kind is "no_ffmpeg", "timeout" or "failed" (detail: what ffmpeg or the system said);
    the window words it in the operator's language."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


def record_clip(url: str, seconds: float = 10.0, *, tcp: bool = True) -> bytes:
    ffmpeg = ffmpeg_path()
    if ffmpeg is None:
        raise ClipError("no_ffmpeg")
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
            command,
            capture_output=True,
            timeout=seconds + 15,
            check=False,
            text=True,
            errors="replace",
        )
        with open(path, "rb") as file:
            data = file.read()
        if proc.returncode != 0 or not data:
            raise ClipError("failed", proc.stderr.strip()[-300:] or f"exit {proc.returncode}")
        return data
    except subprocess.TimeoutExpired as error:
        raise ClipError("timeout") from error
    except OSError as error:  # ffmpeg could not be run, the file could not be read
        raise ClipError("failed", str(error)) from error
    finally:
        os.unlink(path)

"""How a camera URL is opened: natively by libVLC, or through an ffmpeg relay.

libVLC reads RTSP with its live555 module, which the Windows and macOS builds carry and
Debian's lacks; without it an ffmpeg process remuxes the RTSP stream to MPEG-TS on a
pipe that libVLC reads. HTTP(S) streams (MPEG-TS, FLV, HLS) and files play natively.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from console.video.options import PlayOptions

RELAY_SCHEMES = ("rtsp", "rtsps", "rtmp")


@dataclass(frozen=True)
class OpenPlan:
    url: str
    relay: bool
    media_options: tuple[str, ...]


def _plugin_dirs() -> list[Path]:
    dirs = []
    if os.environ.get("VLC_PLUGIN_PATH"):
        dirs.append(Path(os.environ["VLC_PLUGIN_PATH"]))
    try:
        import vlc

        if getattr(vlc, "plugin_path", None):
            dirs.append(Path(vlc.plugin_path))
        dll = getattr(vlc, "dll", None)
        if dll is not None and getattr(dll, "_name", None):
            dirs.append(Path(dll._name).resolve().parent / "plugins")
            dirs.append(Path(dll._name).resolve().parent / "vlc" / "plugins")
    except (ImportError, OSError):
        pass
    if sys.platform.startswith("linux"):
        dirs += [Path(p) for p in ("/usr/lib/x86_64-linux-gnu/vlc/plugins", "/usr/lib/vlc/plugins")]
        dirs += list(Path("/usr/lib").glob("*-linux-gnu/vlc/plugins"))
    return dirs


@functools.cache
def has_rtsp_client() -> bool:
    """True when the libVLC in use has its own RTSP client (the live555 module)."""
    for folder in _plugin_dirs():
        access = folder / "access"
        if access.is_dir() and any(access.glob("liblive555_plugin*")):
            return True
    return False


def plan(url: str, options: PlayOptions) -> OpenPlan:
    scheme = url.split("://", 1)[0].lower() if "://" in url else "file"
    forced = options.relay == "always" and scheme in ("udp", "http", "https")
    if scheme in RELAY_SCHEMES or forced:
        relay = options.relay == "always" or (options.relay == "auto" and not has_rtsp_client())
        if relay:
            # A pipe is read by the fd access, governed by file caching; the TS demuxer
            # is named so libVLC does not probe the stream.
            return OpenPlan(url, True, (f":file-caching={options.caching_ms}", ":demux=ts"))
        extra = (":rtsp-tcp",) if options.rtsp_tcp else ()
        return OpenPlan(url, False, (f":network-caching={options.caching_ms}", *extra))
    if scheme in ("http", "https", "udp", "rtp", "srt"):
        return OpenPlan(url, False, (f":network-caching={options.caching_ms}",))
    return OpenPlan(url, False, (f":file-caching={options.caching_ms}",))

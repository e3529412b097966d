"""A local RTSP server of generated test streams, run by the system Python with GStreamer.

Debian packages the RTSP server library for the system interpreter only (python3-gi,
gir1.2-gst-rtsp-server-1.0), so this file imports nothing from the project and is
started as its own process (console/video/rtsp_server.py). Every mount
/cam<n>/main and /cam<n>/sub is a live test pattern encoded to H.264 with low latency;
one encoder per mount is shared by all its clients. Clients may use TCP or UDP.

    python3 rtsp_server_main.py --port 8554 --cameras 4 [--main 1280x720] [--sub 640x360]

Prints "ready <port>" on stdout once it listens; ends on SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import signal
import sys

PATTERNS = ("smpte", "ball", "snow", "spokes", "pinwheel", "gamut", "circular", "bar")


def pipeline(index: int, size: str, fps: int) -> str:
    width, height = size.split("x")
    pattern = PATTERNS[index % len(PATTERNS)]
    # key-int-max = fps: a new client (or a reconnect) gets a picture within a second.
    return (
        f"( videotestsrc is-live=true pattern={pattern} ! "
        f"video/x-raw,width={width},height={height},framerate={fps}/1 ! "
        f"x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bitrate=800 ! "
        f"rtph264pay name=pay0 pt=96 config-interval=1 )"
    )


def _end_with_parent() -> None:
    """On Linux, ask for SIGTERM when the parent dies, so a killed test or command
    leaves no server behind."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--cameras", type=int, default=4)
    parser.add_argument("--main", default="1280x720")
    parser.add_argument("--sub", default="640x360")
    parser.add_argument("--fps", type=int, default=15)
    # /udp republishes an H.264 MPEG-TS stream received on this UDP port (the latency
    # benchmark feeds it frames that carry their own send time).
    parser.add_argument("--udp-port", type=int, default=0)
    args = parser.parse_args(argv)
    _end_with_parent()

    # Imported here, so that the project's interpreter can import this module (the
    # Qt-free check imports every module) without GStreamer's bindings.
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GLib, Gst, GstRtspServer

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    for n in range(1, args.cameras + 1):
        for stream, size in (("main", args.main), ("sub", args.sub)):
            factory = GstRtspServer.RTSPMediaFactory()
            factory.set_launch(pipeline(n - 1, size, args.fps))
            factory.set_shared(True)
            mounts.add_factory(f"/cam{n}/{stream}", factory)
    if args.udp_port:
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(
            f"( udpsrc address=127.0.0.1 port={args.udp_port} "
            'caps="video/mpegts,systemstream=(boolean)true" ! tsdemux ! h264parse ! '
            "rtph264pay name=pay0 pt=96 config-interval=1 )"
        )
        factory.set_shared(True)
        mounts.add_factory("/udp", factory)
    if server.attach(None) == 0:
        print(f"cannot listen on 127.0.0.1:{args.port}", file=sys.stderr, flush=True)
        return 1
    loop = GLib.MainLoop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)
    print(f"ready {args.port}", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

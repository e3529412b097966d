"""`main.py video-demo`: the demo cameras' live streams on this computer.

Serves rtsp://127.0.0.1:<port>/cam<n>/main and /sub for n = 1..cameras (the demo
database points its first 4 cameras there) as generated, live test patterns, until
Ctrl+C. With --clips DIR it also writes generated test clips (MPEG-TS, the wall clock
burned in) for cameras whose address is a file. Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from console.commands.context import CommandContext
from console.video.relay import ffmpeg_path
from console.video.rtsp_server import RtspServer

CLIP_SECONDS = 60


def add_parser(subparsers: Any, name: str) -> None:
    parser = subparsers.add_parser(name, help="serve the demo cameras' test streams (RTSP)")
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--cameras", type=int, default=4)
    parser.add_argument("--main", default="1280x720", help="main stream size")
    parser.add_argument("--sub", default="640x360", help="sub stream size")
    parser.add_argument("--fps", type=int, default=15)
    parser.add_argument("--clips", help="also write generated test clips into this folder")


def make_clips(folder: Path, count: int) -> list[Path]:
    """Test clips made here by ffmpeg's generators, the time of day drawn on each frame."""
    ffmpeg = ffmpeg_path() or "ffmpeg"
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(1, count + 1):
        path = folder / f"clip{n}.ts"
        text = (
            f"drawtext=text='clip {n} %{{localtime}}':x=16:y=48:fontsize=24"
            ":fontcolor=white:box=1:boxcolor=black"
        )
        subprocess.run(
            [ffmpeg, "-loglevel", "error", "-y", "-f", "lavfi",
             "-i", f"testsrc2=size=640x360:rate=15,hue=h={n * 40}",
             "-t", str(CLIP_SECONDS), "-vf", text, "-c:v", "libx264", "-preset", "veryfast",
             "-g", "15", str(path)],
            check=True,
        )  # fmt: skip
        made.append(path)
    return made


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.clips:
        for path in make_clips(Path(args.clips), args.cameras):
            ctx.print(f"clip: {path}")
    server = RtspServer(args.port, args.cameras, main=args.main, sub=args.sub, fps=args.fps)
    # A service manager ends the command with SIGTERM: stop the server child with it.
    signal.signal(signal.SIGTERM, lambda *_a: sys.exit(0))
    server.start()
    for n in range(1, args.cameras + 1):
        ctx.print(f"camera {n}: {server.url(n, 'main')}  {server.url(n, 'sub')}")
    ctx.print("serving; Ctrl+C to stop")
    try:
        return server.wait()
    finally:
        server.stop()

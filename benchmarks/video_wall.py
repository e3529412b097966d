"""The video wall against bare libVLC: CPU, memory and frame rate for 1, 4, 9 and 16
tiles of 640x360 sub streams; time to first frame; time to reconnect; glass-to-glass
latency from a time stamp carried in the picture.

    .venv/bin/python -m benchmarks.video_wall [--seconds 8] [--tiles 1,4,9,16]
    QT_QPA_PLATFORM=xcb DISPLAY=:92 .venv/bin/python -m benchmarks.video_wall \
        --count-pid <Xvfb pid>      # the native path: libVLC draws into X windows

Lower bound: the same streams decoded by libVLC players with no Qt at all (the
project's Player, frames kept in libVLC's buffer). The wall runs the VideoWall widget,
offscreen by default (frames painted from the callback path) or on an X display (native
windows; the X server's CPU is counted for the wall through --count-pid). Both include
their ffmpeg relays.
Bare and wall are measured interleaved, twice each, on the same server streams; the
load average is printed beside every figure. The RTSP server (a separate process, not
counted) encodes 4 live streams; tiles share them.
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from console.services.cameras import CameraRow
from console.video.options import PlayOptions
from console.video.player import Player
from console.video.rtsp_server import RtspServer
from console.views.video_wall import VideoWall
from tests.support.pgserver import free_port

TICKS = os.sysconf("SC_CLK_TCK")
# Processes whose CPU counts for the wall too (the X server on the native path).
EXTRA_PIDS: list[int] = []
BITS = 32
BIT_W = 20


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def cpu_s(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def rss_mb(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def pump(app: QApplication, seconds: float, until: Callable[[], bool] = lambda: False) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            return True
        time.sleep(0.01)
    return until()


class Bare:
    def __init__(self, urls: list[str]) -> None:
        self.players = [Player(f"bare{i}", on_state=lambda s, d: None) for i in range(len(urls))]
        for player, url in zip(self.players, urls, strict=True):
            player.open(url)

    def playing(self) -> bool:
        return all(p.state == "playing" for p in self.players)

    def pictures(self) -> list[int]:
        return [p.pictures for p in self.players]

    def relays(self) -> list[int]:
        return [p.relay_pid for p in self.players if p.relay_pid]

    def close(self) -> None:
        for p in self.players:
            p.close()


class Wall:
    def __init__(self, urls: list[str]) -> None:
        self.wall = VideoWall(PlayOptions(), "UTC")
        self.wall.resize(1600, 900)
        self.wall.set_layout({1: "1", 4: "4", 9: "9"}.get(len(urls), "16"))
        self.wall.show()
        rows = [
            CameraRow(i, f"{i:020d}", f"cam{i}", None, "", "", 116.0, 39.0, u, u, "unknown", None)
            for i, u in enumerate(urls)
        ]
        self.tiles = self.wall.tiles[: len(urls)]
        self.wall.show_cameras(rows)

    def playing(self) -> bool:
        return all(t.state == "playing" for t in self.tiles)

    def pictures(self) -> list[int]:
        return [t.bridge.player.pictures for t in self.tiles]

    def relays(self) -> list[int]:
        return [p for t in self.tiles if (p := t.bridge.player.relay_pid)]

    def close(self) -> None:
        self.wall.close_players()
        self.wall.deleteLater()


def measure(
    app: QApplication, kind: str, make: Callable[[], Bare | Wall], seconds: float
) -> dict[str, float]:
    subject = make()
    try:
        if not pump(app, 20, subject.playing):
            raise RuntimeError(f"{kind}: not every tile played")
        pump(app, 2)
        pids = [os.getpid(), *subject.relays()]
        if kind == "wall":
            pids += EXTRA_PIDS
        cpu0, pics0, t0 = cpu_s(pids), subject.pictures(), time.monotonic()
        pump(app, seconds)
        elapsed = time.monotonic() - t0
        cpu = (cpu_s(pids) - cpu0) / elapsed * 100
        fps = min(b - a for a, b in zip(pics0, subject.pictures(), strict=True)) / elapsed
        return {"cpu": cpu, "fps_min": fps, "rss": rss_mb(pids)}
    finally:
        subject.close()
        pump(app, 0.5)


def wall_vs_bare(app: QApplication, server: RtspServer, counts: list[int], seconds: float) -> None:
    print("tiles  kind  CPU%(1 core=100)  min fps/tile  RSS MB (app+relays)  load")
    for n in counts:
        urls = [server.url(1 + i % server.cameras) for i in range(n)]
        results: dict[str, list[dict[str, float]]] = {"bare": [], "wall": []}
        for _round in range(2):
            for kind, make in (("bare", Bare), ("wall", Wall)):
                r = measure(app, kind, functools.partial(make, urls), seconds)
                results[kind].append(r)
                figures = f"{r['cpu']:14.1f}  {r['fps_min']:12.1f}  {r['rss']:19.0f}"
                print(f"{n:5d}  {kind}  {figures}  {load()}")
        bare = sum(r["cpu"] for r in results["bare"]) / 2
        wall = sum(r["cpu"] for r in results["wall"]) / 2
        print(f"{n:5d}  ratio wall/bare CPU = {wall / bare:.2f}")


def first_frame_and_reconnect(app: QApplication, server: RtspServer) -> None:
    firsts = []
    for _ in range(5):
        player = Player("first", on_state=lambda s, d: None)
        start = time.monotonic()
        player.open(server.url(1))
        pump(app, 15, functools.partial(lambda p: p.pictures > 0, player))
        firsts.append(time.monotonic() - start)
        player.close()
    print(
        f"time to first frame (open -> first picture), 5 runs: "
        f"{', '.join(f'{f:.2f}' for f in firsts)} s  load {load()}"
    )
    player = Player("reconnect", on_state=lambda s, d: None)
    player.open(server.url(1), options=PlayOptions())
    pump(app, 15, lambda: player.state == "playing")
    for _ in range(3):
        server.stop()
        pump(app, 15, lambda: player.state == "offline")
        pump(app, 3)
        server.start()
        back = time.monotonic()
        before = player.pictures
        pump(app, 15, lambda: player.state == "playing" and player.pictures > before)  # noqa: B023
        print(
            f"reconnect after the camera returned: {time.monotonic() - back:.2f} s  load {load()}"
        )
    player.close()


def latency(app: QApplication, server: RtspServer, udp_port: int, seconds: float) -> None:
    """The source draws its send time (wall clock, ms, 32 bits) as black and white
    blocks; the decoded frame is read back in the frame callback. One encode is sent to
    the RTSP server's UDP input and to a second port read by the other two paths."""
    direct = free_port()
    bit = f"mod(floor(mod(T*1000\\,4294967296)/pow(2\\,floor(X/{BIT_W})))\\,2)"
    geq = f"geq=lum='if(lt(Y\\,32)\\,255*{bit}\\,128)':cb=128:cr=128"
    source = subprocess.Popen(
        ["ffmpeg", "-loglevel", "error", "-re",
         "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=15",
         "-vf", f"settb=AVTB,setpts=RTCTIME/(TB*1000000),{geq},setpts=N/(15*TB)",
         "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-qp", "18", "-g", "15",
         "-map", "0:v", "-f", "tee",
         f"[f=mpegts:max_delay=0]udp://127.0.0.1:{udp_port}?pkt_size=1316|"
         f"[f=mpegts:max_delay=0]udp://127.0.0.1:{direct}?pkt_size=1316"],
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    delays: list[float] = []

    def frame(data: bytes, width: int, _height: int) -> None:
        now_ms = int(time.time() * 1000) % 2**32
        value = 0
        for i in range(BITS):
            offset = (16 * width + i * BIT_W + BIT_W // 2) * 4 + 1
            value |= (data[offset] > 128) << i
        delay = (now_ms - value) % 2**32
        if delay < 10_000:
            delays.append(delay)

    results: dict[str, list[float]] = {}
    try:
        time.sleep(1.0)
        # Through the RTSP server (which republishes the UDP feed) and the ffmpeg relay,
        # as a camera plays; the relay alone; libVLC reading the feed directly (the floor).
        for name, url, relay in (
            ("rtsp server + relay", f"rtsp://127.0.0.1:{server.port}/udp", "auto"),
            ("udp + relay", f"udp://127.0.0.1:{direct}", "always"),
            ("udp direct", f"udp://@127.0.0.1:{direct}", "never"),
        ):
            player = Player("latency", on_state=lambda s, d: None, on_frame=frame)
            try:
                player.open(url, options=PlayOptions(relay=relay))
                pump(app, 20, functools.partial(lambda p: p.state == "playing", player))
                pump(app, 1)
                delays.clear()
                pump(app, seconds)
                results[name] = sorted(delays)
            finally:
                player.close()
    finally:
        source.terminate()
        source.wait()
    for name, found in results.items():
        _print_latency(name, found)


def _print_latency(name: str, delays: list[float]) -> None:
    if not delays:
        print(f"latency {name}: no readable frame")
        return
    p50 = delays[len(delays) // 2]
    p95 = delays[int(len(delays) * 0.95)]
    print(
        f"latency {name}, source -> decoded frame ({len(delays)} frames, caching 300 ms): "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms  load {load()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--tiles", default="1,4,9,16")
    parser.add_argument("--count-pid", type=int, action="append", default=[])
    parser.add_argument("--only-wall", action="store_true", help="skip first frame etc.")
    args = parser.parse_args()
    EXTRA_PIDS.extend(args.count_pid)
    app = QApplication([])
    print(f"Qt platform: {app.platformName()}")
    udp_port = free_port()
    server = RtspServer(free_port(), 4, main="960x540", sub="640x360", fps=15, udp_port=udp_port)
    server.start()
    try:
        print(f"load before: {Path('/proc/loadavg').read_text().strip()}")
        wall_vs_bare(app, server, [int(n) for n in args.tiles.split(",")], args.seconds)
        if not args.only_wall:
            first_frame_and_reconnect(app, server)
            latency(app, server, udp_port, args.seconds)
        print(f"load after: {Path('/proc/loadavg').read_text().strip()}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()

"""A day of field reports, planned and replayed against the service by simulated terminals.

The plan is deterministic for a seed: when each terminal reports (mostly in working
hours), what, where (a random point inside one of the street's grids) and whether the
worker fixed it on the spot. Replaying sends each report at its time of day divided by a
speed factor (0 = as fast as possible), one thread per terminal, retrying what the
network lost under the same device_ref, so nothing is reported twice or lost.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from console.field.client import Reply, TerminalClient
from console.services.geo_checks import point_in_polygon

# Grid workers patrol in the daytime; a few reports come early or late.
_HOUR_WEIGHTS = [0] * 6 + [1, 3, 8, 9, 9, 7, 4, 6, 8, 8, 7, 5, 3, 2, 1, 1, 0, 0]
_WHAT = ("路边", "小区门口", "人行道上", "绿地旁", "楼道口", "市场周边")
RETRIES = 5


@dataclass(frozen=True)
class PlannedReport:
    terminal: str
    at: dt.datetime
    service_code: str
    service_name: str
    lon: float
    lat: float
    description: str
    self_handled: bool
    device_ref: str


@dataclass
class Outcome:
    planned: int = 0
    created: int = 0
    repeated: int = 0  # a retry answered with the case already made
    refused: list[tuple[str, int, str]] = field(default_factory=list)
    retries: int = 0
    latencies: list[float] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def random_point(rng: random.Random, outline: Sequence[Sequence[float]]) -> tuple[float, float]:
    lons = [p[0] for p in outline]
    lats = [p[1] for p in outline]
    for _ in range(50):
        lon = rng.uniform(min(lons), max(lons))
        lat = rng.uniform(min(lats), max(lats))
        if point_in_polygon(lon, lat, outline):
            return round(lon, 6), round(lat, 6)
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


def plan_day(
    rng: random.Random,
    *,
    terminals: Sequence[str],
    services: Sequence[tuple[str, str]],
    outlines: Sequence[Sequence[Sequence[float]]],
    count: int,
    day: dt.datetime,
    self_handled_share: float = 0.3,
    run_id: str = "sim",
) -> list[PlannedReport]:
    """count reports spread over the day that starts at `day` (aware, local midnight)."""
    plan = []
    hours = list(range(24))
    for n in range(count):
        hour = rng.choices(hours, weights=_HOUR_WEIGHTS)[0]
        at = day + dt.timedelta(hours=hour, seconds=rng.uniform(0, 3600))
        code, name = rng.choice(list(services))
        lon, lat = random_point(rng, rng.choice(list(outlines)))
        plan.append(
            PlannedReport(
                terminal=rng.choice(list(terminals)),
                at=at,
                service_code=code,
                service_name=name,
                lon=lon,
                lat=lat,
                description=f"{rng.choice(_WHAT)}发现{name}",
                self_handled=rng.random() < self_handled_share,
                device_ref=f"{run_id}-{n:05d}",
            )
        )
    plan.sort(key=lambda p: p.at)
    return plan


def _rational(value: float) -> tuple[IFDRational, ...]:
    """Degrees as EXIF writes them: degrees, minutes, seconds (to the millisecond)."""
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60 * 1000)
    return (IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(seconds, 1000))


def photo(lon: float, lat: float, at: dt.datetime, size: tuple[int, int] = (64, 48)) -> bytes:
    """A JPEG carrying its GPS position and local capture time in EXIF, like a phone's."""
    image = Image.new("RGB", size, (120, 140, 90))
    if size[0] * size[1] > 64 * 48:
        # Noise compresses badly: the file is about as large as a real photo of the size.
        image = Image.frombytes(
            "RGB", size, random.Random(int(lon * 1e6)).randbytes(size[0] * size[1] * 3)
        )
    exif = Image.Exif()
    gps = {1: "N" if lat >= 0 else "S", 2: _rational(abs(lat)), 3: "E" if lon >= 0 else "W"}
    gps[4] = _rational(abs(lon))
    exif[0x8825] = gps
    details = exif.get_ifd(0x8769)
    details[0x9003] = at.strftime("%Y:%m:%d %H:%M:%S")
    details[0x9011] = at.strftime("%z")[:3] + ":" + at.strftime("%z")[3:]
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=85)
    return out.getvalue()


def report_fields(item: PlannedReport) -> dict[str, str]:
    return {
        "service_code": item.service_code,
        "lat": f"{item.lat:.6f}",
        "long": f"{item.lon:.6f}",
        "description": item.description,
        "device_id": item.terminal,
        "device_ref": item.device_ref,
        "requested_datetime": item.at.isoformat(timespec="seconds"),
        "attribute[self_handled]": "true" if item.self_handled else "false",
    }


def send(client: TerminalClient, item: PlannedReport, outcome: Outcome, photos: bool) -> None:
    """One report, retried on lost connections, 5xx and 429 under the same device_ref."""
    files: list[tuple[str, str, bytes, str]] = []
    if photos or item.self_handled:
        files.append(("media", "near.jpg", photo(item.lon, item.lat, item.at), "image/jpeg"))
    if item.self_handled:
        later = item.at + dt.timedelta(minutes=10)
        files.append(("media_after", "after.jpg", photo(item.lon, item.lat, later), "image/jpeg"))
    reply: Reply | None = None
    for attempt in range(RETRIES):
        try:
            reply = client.report(report_fields(item), files)
        except OSError:
            reply = None
        if reply is not None and reply.status < 500 and reply.status != 429:
            break
        with outcome.lock:
            outcome.retries += 1
        time.sleep(
            reply.retry_after if reply is not None and reply.retry_after else 0.2 * (attempt + 1)
        )
    with outcome.lock:
        if reply is None:
            outcome.refused.append((item.device_ref, 0, "no answer"))
        elif reply.status in (200, 201):
            outcome.latencies.append(reply.seconds)
            outcome.numbers.append(reply.body[0]["service_request_id"])
            if reply.status == 201:
                outcome.created += 1
            else:
                outcome.repeated += 1
        else:
            text = reply.body[0]["description"] if isinstance(reply.body, list) else ""
            outcome.refused.append((item.device_ref, reply.status, text))


def replay(
    plan: Sequence[PlannedReport],
    clients: dict[str, TerminalClient],
    *,
    speed: float,
    photos: bool = False,
    progress: Callable[[int], Any] | None = None,
) -> Outcome:
    """Send the plan: one thread per terminal, each report at day time / speed."""
    outcome = Outcome(planned=len(plan))
    if not plan:
        return outcome
    first = plan[0].at
    started = time.monotonic()
    by_terminal: dict[str, list[PlannedReport]] = {}
    for item in plan:
        by_terminal.setdefault(item.terminal, []).append(item)

    def terminal_day(code: str, items: list[PlannedReport]) -> None:
        client = clients[code]
        try:
            for item in items:
                if speed > 0:
                    due = started + (item.at - first).total_seconds() / speed
                    time.sleep(max(0.0, due - time.monotonic()))
                send(client, item, outcome, photos)
                if progress is not None:
                    progress(1)
        finally:
            client.close()

    threads = [
        threading.Thread(target=terminal_day, args=(code, items), name=f"terminal-{code}")
        for code, items in by_terminal.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome


def _patiently(call: Callable[[], Reply]) -> Reply:
    """call(), again after the server's Retry-After while the terminal is rate-limited."""
    reply = call()
    for _ in range(RETRIES):
        if reply.status != 429:
            break
        time.sleep(reply.retry_after or 1.0)
        reply = call()
    return reply


def check_waiting(clients: dict[str, TerminalClient], limit: int, run_id: str) -> Outcome:
    """核查: the terminals pass up to `limit` cases that wait for a check (to_check)."""
    outcome = Outcome()
    codes = sorted(clients)
    if not codes or limit <= 0:
        return outcome
    listed = _patiently(lambda: clients[codes[0]].get("/requests.json", status="open"))
    waiting = [
        r["service_request_id"]
        for r in (listed.body if listed.status == 200 and isinstance(listed.body, list) else [])
        if str(r.get("status_notes", "")).startswith("to_check:")
    ][:limit]
    outcome.planned = len(waiting)
    for n, number in enumerate(waiting):
        client = clients[codes[n % len(codes)]]
        ref = f"{run_id}-check-{number}"
        reply = _patiently(partial(client.check, number, "pass", device_ref=ref))
        if reply.status in (200, 201):
            outcome.created += reply.status == 201
            outcome.repeated += reply.status == 200
            outcome.latencies.append(reply.seconds)
            outcome.numbers.append(number)
        else:
            text = reply.body[0]["description"] if isinstance(reply.body, list) else ""
            outcome.refused.append((number, reply.status, text))
    for client in clients.values():
        client.close()
    return outcome

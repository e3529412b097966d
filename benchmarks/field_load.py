"""Field reporting service under load: sustained POSTs and every terminal at once.

    .venv/bin/python -m benchmarks.field_load [--backend sqlite|postgres|both]
        [--requests 1500] [--clients 16] [--rate 200] [--seconds 15] [--photo-kb 100]
        [--workers N]

The service runs as `main.py serve-intake` (its default worker processes unless
--workers) on 127.0.0.1, over the demo street with its 146 terminals, each bound to an
inspector account and given a key. Measured:
  1. capacity: --clients terminals POST --requests reports as fast as answers come
     back (a closed loop), without a photo, then with one JPEG of about --photo-kb KB.
     In a closed loop the median wait is about clients / rate (Little's law), so this
     measures how many reports a second the service can take, not how long one waits;
  2. latency at the goal's rate: the 146 terminals together POST --rate reports a second
     for --seconds, on a fixed schedule whether or not earlier answers have come (an
     open loop, as terminals in the street do). A report's time counts from its
     scheduled moment, so a late start is counted as waiting, not hidden;
  3. burst: all 146 terminals POST one report at the same moment, three rounds.
Each report carries a device_ref, and afterwards the database must hold exactly one case
per 201 answer and no refusal: "not one report lost". The lower bound is the same
workflow.report() call made directly in this process, one after another, with no HTTP.
CPU per request is given for the service (all its processes), the database server and
this load generator. Goal: >= 200 requests/s on PostgreSQL with p95 <= 50 ms: capacity
>= 200/s, and at 200/s offered every report answered, p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select

from console import schema
from console.field.client import TerminalClient
from console.field.simulation import photo
from console.models import Case, Category, FieldSubmission, FieldTerminal, Grid, User, UserRole
from console.services import terminals, workflow
from console.services.actor import Actor
from console.services.geo_checks import has_area
from console.services.passwords import NO_PASSWORD
from console.store import Store
from db import demo

ROOT = Path(__file__).resolve().parents[1]
ADMIN = Actor(None, "bench-admin", frozenset({"admin"}), "bench")
GOAL_RATE, GOAL_P95_MS = 200.0, 50.0
BURST_ROUNDS = 3


def load() -> str:
    return open("/proc/loadavg").read().split(" ")[0]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def prepare(url: str) -> tuple[dict[str, str], list[tuple[float, float]], list[str]]:
    """Demo street; every terminal held by an inspector with a key. (keys, points, codes)."""
    store = Store(url, workstation="bench")
    try:
        schema.upgrade(store)
        demo.generate(store, cases=300, workstation="bench")
        now = dt.datetime.now(dt.UTC)
        keys = {}
        with store.write() as session:
            rows = list(session.scalars(select(FieldTerminal).order_by(FieldTerminal.id)))
            for row in rows:
                user = User(
                    username=f"bench-{row.code}",
                    display_name=row.holder_name,
                    password_hash=NO_PASSWORD,
                    created_at=now,
                    roles=[UserRole(role="inspector")],
                )
                session.add(user)
                session.flush()
                row.holder_user_id = user.id
            session.flush()
            for row in rows:
                keys[row.code] = terminals.issue_key(session, ADMIN, row.id).key
        with store.read() as session:
            outlines = [g.boundary for g in session.scalars(select(Grid)) if has_area(g.boundary)]
            codes = [
                c.code
                for c in session.scalars(select(Category).where(Category.parent_id.is_not(None)))
                if c.active
            ]
        rng = random.Random(7)
        points = []
        for outline in rng.sample(outlines, min(40, len(outlines))):
            lons, lats = [p[0] for p in outline], [p[1] for p in outline]
            points.append(((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2))
        return keys, points, codes
    finally:
        store.dispose()


class Service:
    """`main.py serve-intake` in a child process on a free loopback port."""

    def __init__(self, url: str, workers: int | None = None) -> None:
        from tests.support.pgserver import free_port

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/open311/v2"
        command = [sys.executable, str(ROOT / "main.py"), "--db", url, "serve-intake"]
        command += ["--port", str(self.port), "--rate-per-minute", "1e9", "--burst", "1000000"]
        if workers is not None:
            command += ["--workers", str(workers)]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                reply = TerminalClient(self.base, "-").get("/services.json")
                if reply.status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("serve-intake did not start")

    def cpu_seconds(self) -> float:
        """User + system CPU time the service's processes (its workers too) have used."""
        pid = self.process.pid
        return sum(cpu for p, _, parent, cpu in _processes() if pid in (p, parent))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _processes() -> Iterator[tuple[int, str, int, float]]:
    """(pid, command name, parent pid, user + system CPU seconds) of every process."""
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            head, _, rest = (entry / "stat").read_text().rpartition(")")
        except OSError:  # ended while being read
            continue
        fields = rest.split()
        yield (
            int(entry.name),
            head.partition("(")[2],
            int(fields[1]),
            (int(fields[11]) + int(fields[12])) / tick,
        )


def database_cpu_seconds() -> float:
    """CPU time of the PostgreSQL server processes on this machine (0 for SQLite)."""
    return sum(cpu for _, name, _, cpu in _processes() if name == "postgres")


def quiet_collector() -> None:
    """Keep this generator's own garbage collector from pausing its terminals.

    The 146 terminals are threads of one process here, not 146 phones: a full collection
    of this process (measured 45-80 ms) would stop them all at once and count as the
    service's latency. What is alive now is frozen, so a full collection walks only the
    little made while measuring.
    """
    gc.collect()
    gc.freeze()


class Load:
    def __init__(self, base: str, keys: dict[str, str], points: list, codes: list[str]) -> None:
        self.base, self.keys, self.points, self.codes = base, keys, points, codes
        self.created = 0
        self.failures: list[str] = []
        self.lock = threading.Lock()
        self.serial = 0

    def fields(self, code: str, rng: random.Random) -> dict[str, str]:
        with self.lock:
            self.serial += 1
            ref = f"bench-{self.serial}"
        lon, lat = rng.choice(self.points)
        return {
            "service_code": rng.choice(self.codes),
            "lat": f"{lat:.6f}",
            "long": f"{lon:.6f}",
            "description": "路边发现暴露垃圾（压测）",
            "device_id": code,
            "device_ref": ref,
        }

    def one(
        self, client: TerminalClient, code: str, rng: random.Random, image: bytes | None
    ) -> float:
        files = [("media", "near.jpg", image, "image/jpeg")] if image else []
        reply = client.report(self.fields(code, rng), files)
        with self.lock:
            if reply.status == 201:
                self.created += 1
            else:
                self.failures.append(f"{reply.status} {reply.body}")
        return reply.seconds

    def sustained(self, total: int, clients: int, image: bytes | None) -> tuple[float, list[float]]:
        codes = sorted(self.keys)[:clients]
        latencies: list[float] = []
        remaining = [total]

        def worker(code: str, seed: int) -> None:
            client, rng = TerminalClient(self.base, self.keys[code]), random.Random(seed)
            try:
                while True:
                    with self.lock:
                        if remaining[0] <= 0:
                            return
                        remaining[0] -= 1
                    seconds = self.one(client, code, rng, image)
                    with self.lock:
                        latencies.append(seconds)
            finally:
                client.close()

        threads = [threading.Thread(target=worker, args=(c, n)) for n, c in enumerate(codes)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return total / (time.perf_counter() - started), latencies

    def paced(self, rate: float, seconds: float) -> tuple[float, list[float]]:
        """All terminals together send `rate` reports a second on a fixed schedule.

        Report i is due at start + i / rate; the next free terminal takes it, waits for
        its moment and sends it. Its time runs from the moment it was due.
        """
        codes = sorted(self.keys)
        total = max(1, round(rate * seconds))
        next_index = [0]
        latencies: list[float] = []
        ready = threading.Barrier(len(codes) + 1)
        start = [0.0]

        def worker(code: str, seed: int) -> None:
            client, rng = TerminalClient(self.base, self.keys[code]), random.Random(seed)
            try:
                client.get("/services.json")  # connected before the clock starts
                ready.wait()
                while True:
                    with self.lock:
                        index = next_index[0]
                        next_index[0] += 1
                    if index >= total:
                        return
                    due = start[0] + index / rate
                    pause = due - time.perf_counter()
                    if pause > 0:
                        time.sleep(pause)
                    self.one(client, code, rng, None)
                    with self.lock:
                        latencies.append(time.perf_counter() - due)
            finally:
                client.close()

        threads = [threading.Thread(target=worker, args=(c, n)) for n, c in enumerate(codes)]
        for thread in threads:
            thread.start()
        start[0] = time.perf_counter() + 0.2
        ready.wait()
        for thread in threads:
            thread.join()
        return total / (time.perf_counter() - start[0]), latencies

    def burst(self) -> tuple[float, list[float]]:
        """Every terminal POSTs one report at the same instant (a barrier releases them)."""
        codes = sorted(self.keys)
        barrier = threading.Barrier(len(codes))
        latencies: list[float] = []

        def worker(code: str, seed: int) -> None:
            client, rng = TerminalClient(self.base, self.keys[code]), random.Random(seed)
            try:
                client.get("/services.json")  # connect first: the burst is of reports
                barrier.wait()
                seconds = self.one(client, code, rng, None)
                with self.lock:
                    latencies.append(seconds)
            finally:
                client.close()

        threads = [threading.Thread(target=worker, args=(c, n)) for n, c in enumerate(codes)]
        for thread in threads:
            thread.start()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started, latencies


def direct_rate(url: str, points: list, codes: list[str], count: int) -> float:
    """The lower bound: workflow.report() in this process, serially, no HTTP."""
    store = Store(url, workstation="bench-direct")
    try:
        with store.read() as session:
            holder = session.scalars(select(User).where(User.username.like("bench-%"))).first()
            assert holder is not None
            actor = Actor(holder.id, holder.username, holder.role_names, "bench-direct")
            ids = {c.code: c.id for c in session.scalars(select(Category))}
        rng = random.Random(3)
        started = time.perf_counter()
        for _ in range(count):
            lon, lat = rng.choice(points)
            data = workflow.IntakeData(
                category_id=ids[rng.choice(codes)],
                lon=lon,
                lat=lat,
                description="路边发现暴露垃圾（直接调用）",
                source="inspector",
            )
            with store.write() as session:
                workflow.report(session, actor, data)
        return count / (time.perf_counter() - started)
    finally:
        store.dispose()


def count_cases(url: str) -> tuple[int, int]:
    store = Store(url)
    try:
        with store.read() as session:
            submissions = session.scalar(select(func.count()).select_from(FieldSubmission)) or 0
            cases = session.scalar(select(func.count()).select_from(Case)) or 0
        return int(submissions), int(cases)
    finally:
        store.dispose()


def measure(backend: str, url: str, args: argparse.Namespace) -> bool:
    print(f"{backend}: preparing the demo street and 146 keys ...", flush=True)
    keys, points, codes = prepare(url)
    _, cases_before = count_cases(url)
    service = Service(url, args.workers)
    quiet_collector()
    ok = True
    try:
        loader = Load(service.base, keys, points, codes)
        image = photo(points[0][0], points[0][1], dt.datetime.now(dt.UTC), size=(320, 240))
        image = image if args.photo_kb <= 0 else _sized(image, args.photo_kb * 1024)
        print(f"  (photo {len(image) / 1024:.0f} KB; load {load()} before)")
        for label, picture in (("no photo", None), ("with photo", image)):
            cpu, db_cpu, own_cpu = (
                service.cpu_seconds(),
                database_cpu_seconds(),
                time.process_time(),
            )
            rate, lat = loader.sustained(args.requests, args.clients, picture)
            cpu_ms = (service.cpu_seconds() - cpu) / args.requests * 1000
            db_ms = (database_cpu_seconds() - db_cpu) / args.requests * 1000
            own_ms = (time.process_time() - own_cpu) / args.requests * 1000
            p50, p95 = statistics.median(lat) * 1000, _percentile(lat, 0.95) * 1000
            print(
                f"  capacity {label:<10} {rate:7.1f} req/s  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms"
                f"  CPU ms/request: service {cpu_ms:4.1f}, database {db_ms:4.1f},"
                f" load generator {own_ms:4.1f}"
                f"  ({args.requests} POSTs, {args.clients} terminals in a closed loop;"
                f" load {load()})",
                flush=True,
            )
            if backend == "postgres" and label == "no photo":
                ok &= rate >= GOAL_RATE
        achieved, lat = loader.paced(args.rate, args.seconds)
        p50, p95 = statistics.median(lat) * 1000, _percentile(lat, 0.95) * 1000
        print(
            f"  paced at {args.rate:.0f}/s: {achieved:7.1f} req/s answered  p50 {p50:6.1f} ms"
            f"  p95 {p95:6.1f} ms  p99 {_percentile(lat, 0.99) * 1000:6.1f} ms"
            f"  ({len(lat)} POSTs from 146 terminals, no photo; load {load()})",
            flush=True,
        )
        if backend == "postgres":
            ok &= achieved >= 0.98 * args.rate and p95 <= GOAL_P95_MS and args.rate >= GOAL_RATE
        for round_no in range(1, BURST_ROUNDS + 1):
            wall, lat = loader.burst()
            print(
                f"  burst {round_no}: {len(lat)} terminals at once, all answered in"
                f" {wall * 1000:6.0f} ms; p50 {statistics.median(lat) * 1000:6.1f} ms"
                f"  p95 {_percentile(lat, 0.95) * 1000:6.1f} ms  (load {load()})",
                flush=True,
            )
    finally:
        service.stop()
    submissions, cases = count_cases(url)
    lost = loader.created - submissions
    print(
        f"  answered 201: {loader.created}; refused: {len(loader.failures)};"
        f" stored: {submissions} submissions, {cases - cases_before} new cases; lost: {lost}"
    )
    for failure in loader.failures[:5]:
        print(f"    refused: {failure}")
    ok &= lost == 0 and not loader.failures and submissions == cases - cases_before
    direct = direct_rate(url, points, codes, min(args.requests, 500))
    print(f"  lower bound: workflow.report() direct, serial: {direct:7.1f} reports/s", end="")
    print(f"  (load {load()})")
    return ok


def _sized(image: bytes, size: int) -> bytes:
    """Pad a JPEG (after its end marker, which decoders ignore) to about size bytes."""
    return image + os.urandom(max(0, size - len(image)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rate", type=float, default=GOAL_RATE)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--photo-kb", type=int, default=100)
    parser.add_argument("--workers", type=int, help="the service's worker processes")
    args = parser.parse_args()
    ok = True
    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    for backend in backends:
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as folder:
                ok &= measure(backend, f"sqlite:///{folder}/field.sqlite3", args)
            continue
        from tests.support.pgserver import PgServer

        with PgServer() as server:
            ok &= measure(backend, server.create_database("field"), args)
    print("goal met" if ok else "goal NOT met (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

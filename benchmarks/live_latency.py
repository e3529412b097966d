"""A-to-B latency of the live feed: desk A changes a case, desk B's bus says so.

    .venv/bin/python -m benchmarks.live_latency [--changes 50] [--backend sqlite|postgres]

Desk A (a thread with its own Store) flags and unflags a case for supervision through
the workflow service, one change at a time at random moments; desk B (this process's
GUI thread: Store, DatabaseWorker, ChangeBus, LiveFeed) notes when each change is
published on its bus. Latency runs from A's COMMIT being sent to B's publish, so it
includes the commit. The lower bound is the same writes seen by a bare loop: a psycopg
LISTEN on a socket (PostgreSQL), a sqlite3 max(seq) poll at the same interval (SQLite).
PostgreSQL is a throwaway server (tests/support/pgserver.py). Goals (p95): 300 ms on
PostgreSQL, 1.5 s on SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.live_bare import bare_listen, bare_poll
from benchmarks.live_desk import DeskA, make_database

GOALS_S = {"postgres": 0.300, "sqlite": 1.5}
GAP_S = (0.05, 0.6)  # A waits this long (random) after B saw its last change


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _report(label: str, latencies: list[float]) -> float:
    p50, p95 = statistics.median(latencies), _percentile(latencies, 0.95)
    print(
        f"  {label:<34} p50 {p50 * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms   "
        f"max {max(latencies) * 1000:6.1f} ms   (n={len(latencies)})"
    )
    return p95


def _drive(desk: DeskA, changes: int, seen: Callable[[int], bool]) -> dict[int, float]:
    """A's writes, each after B saw the one before (or gave up): seq -> commit time."""
    rng = random.Random(7)
    sent: dict[int, float] = {}
    for _ in range(changes):
        time.sleep(rng.uniform(*GAP_S))
        seq, at = desk.toggle()
        sent[seq] = at
        deadline = time.perf_counter() + 5
        while not seen(seq) and time.perf_counter() < deadline:
            time.sleep(0.002)
    return sent


def live_feed(url: str, changes: int) -> list[float]:
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from console.live import LiveFeed
    from console.ops import DatabaseWorker
    from console.store import Store
    from console.views.bus import ChangeBus

    class Done(QObject):
        finished = Signal()

    app = QApplication.instance() or QApplication([])
    store = Store(url, workstation="desk-b")
    worker = DatabaseWorker(store)
    worker.start()
    bus = ChangeBus()
    live = LiveFeed(store, worker, bus)
    published: dict[int, float] = {}
    bus.changed.connect(lambda cs: published.update((c.seq, time.perf_counter()) for c in cs))
    desk = DeskA(url)
    done = Done()
    done.finished.connect(app.quit)
    sent: dict[int, float] = {}

    def run_a() -> None:
        sent.update(_drive(desk, changes, lambda seq: seq in published))
        done.finished.emit()

    live.start()
    while live.state != "online":
        app.processEvents()
    writer = threading.Thread(target=run_a, name="desk-a")
    writer.start()
    app.exec()
    writer.join()
    live.stop()
    worker.stop()
    store.dispose()
    desk.close()
    return [published[seq] - at for seq, at in sent.items() if seq in published]


def bare(url: str, changes: int, poll_s: float) -> list[float]:
    seen: dict[int, float] = {}
    stop = threading.Event()
    ready = threading.Event()
    watch = bare_poll if url.startswith("sqlite") else bare_listen
    watcher = threading.Thread(target=watch, args=(url, seen, stop, ready, poll_s))
    watcher.start()
    ready.wait(10)
    desk = DeskA(url)
    sent = _drive(desk, changes, lambda seq: seq in seen)
    stop.set()
    watcher.join()
    desk.close()
    return [seen[seq] - at for seq, at in sent.items() if seq in seen]


def measure(backend: str, url: str, changes: int) -> bool:
    from console.live import POLL_MS

    print(f"\n{backend}: {changes} changes, A-to-B from COMMIT sent to B's bus")
    p95 = _report("LiveFeed (DatabaseWorker, bus)", live_feed(url, changes))
    label = "bare LISTEN loop" if backend == "postgres" else f"bare poll every {POLL_MS} ms"
    floor = _report(label, bare(url, changes, POLL_MS / 1000))
    goal = GOALS_S[backend]
    verdict = "meets" if p95 <= goal else "MISSES"
    print(f"  p95 {p95 * 1000:.0f} ms vs goal {goal * 1000:.0f} ms: {verdict}; ", end="")
    print(f"{(p95 - floor) * 1000:+.0f} ms over the bare loop's p95")
    return p95 <= goal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--backend", choices=("sqlite", "postgres"), action="append")
    args = parser.parse_args(argv)
    backends = args.backend or ["sqlite", "postgres"]
    ok = True
    with tempfile.TemporaryDirectory(prefix="live-latency-") as folder:
        for backend in backends:
            if backend == "sqlite":
                url = f"sqlite:///{Path(folder) / 'console.sqlite3'}"
                make_database(url)
                ok &= measure(backend, url, args.changes)
                continue
            from tests.support.pgserver import PgServer

            with PgServer() as server:
                url = server.create_database("latency")
                make_database(url)
                ok &= measure(backend, url, args.changes)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

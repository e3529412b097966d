"""Shared plumbing of the benchmarks on a million demo cases: database, timing, output.

Without --db a throwaway PostgreSQL is started (tests/support/pgserver.py) and filled.
--db URL takes a database to fill, or one already holding the demo street, which is
used as it is (upgraded to the code's schema first): a million cases take minutes to
make, so they are made once and reused, e.g.

    .venv/bin/python -m benchmarks.queue_page --db sqlite:////tmp/m1.sqlite3
    .venv/bin/python -m benchmarks.search --db sqlite:////tmp/m1.sqlite3
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select

from console import schema
from console.models import Case, Street
from console.store import Store
from db.demo import generate
from db.demo.clock import local_midnight

UNTIL = dt.date(2026, 11, 29)
NOW = local_midnight(UNTIL)  # the demo's "now": its newest case is just before it
RUNS, WARMUP = 50, 5


def arguments(description: str | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--db", help="database URL to fill or reuse (default: throwaway PostgreSQL)"
    )
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=RUNS)
    return parser.parse_args()


@contextlib.contextmanager
def database(url: str | None, name: str) -> Iterator[str]:
    if url:
        yield url
        return
    from tests.support.pgserver import PgServer

    server = PgServer().start()
    try:
        yield server.create_database(name)
    finally:
        server.stop()


def _seeded(store: Store) -> bool:
    current, _head = schema.status(store)
    if current is None:
        return False
    schema.upgrade(store)
    with store.read() as session:
        return session.scalar(select(Street.id).limit(1)) is not None


def prepare(url: str, cases: int) -> Store:
    """The store with the demo street and its cases, statistics fresh."""
    store = Store(url, workstation="bench")
    if not _seeded(store):
        began = time.perf_counter()
        generate(store, until=UNTIL, cases=cases, timeline=False)
        print(f"made {cases:,} demo cases in {time.perf_counter() - began:.0f} s")
    with store.read() as session:
        present = session.scalar(select(func.count()).select_from(Case)) or 0
    print(f"{store.describe()}: {present:,} cases")
    if store.is_postgres:
        with store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    return store


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load}, Python {platform.python_version()}"
    )


@dataclass(frozen=True)
class Timing:
    p50: float  # seconds
    p95: float

    def __str__(self) -> str:
        return f"{self.p50 * 1000:8.2f} {self.p95 * 1000:8.2f}"


def timed(action: Callable[[], object], runs: int = RUNS, warmup: int = WARMUP) -> Timing:
    """Median and 95th percentile of runs, after warm-up runs."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    cuts = statistics.quantiles(times, n=20, method="inclusive")
    return Timing(statistics.median(times), cuts[18])


WIDTH = 46
HEADER = (
    f"{'':<{WIDTH}} {'project ms':>17} {'bare SQL ms':>17} {'project/bare':>13}\n"
    f"{'':<{WIDTH}} {'p50':>8} {'p95':>8} {'p50':>8} {'p95':>8} {'p50':>6} {'p95':>6}"
)


def line(label: str, project: Timing, bare: Timing) -> str:
    ratios = f"{project.p50 / bare.p50:6.2f} {project.p95 / bare.p95:6.2f}"
    return f"{label:<{WIDTH}} {project} {bare} {ratios}"

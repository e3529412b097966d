"""Map service benchmark: the JSON of every case for the map, read from a real database.

    .venv/bin/python main.py --db sqlite:////tmp/b/map.db demo --cases 100000 --no-timeline
    .venv/bin/python benchmarks/map_query.py --db sqlite:////tmp/b/map.db

Lower bound, measured on the same database: reading the same columns without building
anything (a bare SELECT fetching every row).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from console.models import Case
from console.services.map import cases as map_cases
from console.services.map import layers as map_layers
from console.store import Store

T = TypeVar("T")


def load() -> str:
    return open("/proc/loadavg").read().split()[0]


def best_of(runs: int, fn: Callable[[], T]) -> tuple[float, T]:
    """The fastest of runs calls, and the last result."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    store = Store(args.db)
    try:
        with store.read() as session:
            total = session.scalar(select(func.count()).select_from(Case)) or 0

            def bare() -> int:
                rows = session.execute(
                    select(Case.id, Case.lon, Case.lat, Case.state, Case.urgency, Case.supervised)
                ).all()
                return len(rows)

            bound, _ = best_of(args.runs, bare)
            full, data = best_of(
                args.runs, lambda: map_cases.case_points(session=session, scope="all")
            )
            opened, open_data = best_of(
                args.runs, lambda: map_cases.case_points(session=session, scope="open")
            )
            outline, outline_data = best_of(
                args.runs, lambda: map_layers.boundaries(session=session)
            )
        print(f"database: {total:,} cases ({store.url.get_backend_name()})  [load {load()}]")
        print(
            f"all cases for the map: {full * 1000:.0f} ms, {len(data) / 1e6:.1f} MB of JSON"
            f"; lower bound (bare SELECT of the columns) {bound * 1000:.0f} ms"
            f"; ratio {full / bound:.1f}"
            f"  [load {load()}]"
        )
        print(
            f"open cases only: {opened * 1000:.0f} ms, {len(open_data):,} B"
            f"; outlines: {outline * 1000:.0f} ms, {len(outline_data):,} B  [load {load()}]"
        )
    finally:
        store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

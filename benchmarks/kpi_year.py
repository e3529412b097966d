"""Time a full-year KPI table on the demo street scaled up, against a bare scan.

    .venv/bin/python -m benchmarks.kpi_year [--cases 1000000] [--db URL] [--by community]

Without --db it starts a throwaway PostgreSQL (tests/support/pgserver.py); --db takes an
empty database (sqlite:///... works too), or one the demo filled before (reused as it
is). The cases come from the demo generator's scale path (no timeline), so states,
deadlines and spread over the year are the demo's.
The lower bound is `SELECT key, count(*) ... GROUP BY key` over the same cohort: the
scan every KPI table pays; the ratio says what the two dozen aggregates add.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import statistics
import time
from collections.abc import Callable, Iterator

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql

from benchmarks.scale import prepare
from console.services import kpi
from console.services.kpi import definitions
from console.services.kpi.grouping import GROUPINGS
from console.services.kpi.periods import Period, center_timezone
from console.services.kpi.query import aggregate_query
from console.store import Store

UNTIL = dt.date(2026, 11, 29)
YEAR = Period(UNTIL - dt.timedelta(days=365), UNTIL)


@contextlib.contextmanager
def database(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from tests.support.pgserver import PgServer

    server = PgServer().start()
    try:
        yield server.create_database("kpi_bench")
    finally:
        server.stop()


def timed(action: Callable[[], object], runs: int = 7) -> float:
    """Median seconds of runs, after one warm-up run."""
    action()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def bounds(store: Store) -> tuple[dt.datetime, dt.datetime]:
    with store.read() as session:
        return YEAR.utc_bounds(center_timezone(session))


def explain(store: Store, by: str) -> None:
    lower, upper = bounds(store)
    query = aggregate_query(
        GROUPINGS[by], lower, upper, as_of=dt.datetime.now(dt.UTC), dialect="postgresql"
    )
    compiled = query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    with store.engine.connect() as conn:
        plan = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS) {compiled}").scalars().all()
    print("\n".join(plan))


def bare_scan(store: Store, by: str) -> None:
    lower, upper = bounds(store)
    columns = GROUPINGS[by].columns
    query = select(*columns, func.count()).where(definitions.cohort(lower, upper))
    with store.read() as session:
        session.execute(query.group_by(*columns)).all()


def table(store: Store, by: str, compare: bool) -> kpi.KpiTable:
    with store.read() as session:
        return kpi.compute(session, start=YEAR.start, end=YEAR.end, by=by, compare=compare)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--db", help="URL of an empty or demo-seeded database (default: a throwaway PostgreSQL)"
    )
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--by", default="community")
    args = parser.parse_args()
    with database(args.db) as url:
        store = prepare(url, args.cases)  # a database already seeded is reused as it is
        if store.is_postgres:
            with store.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    "VACUUM ANALYZE"
                )
            explain(store, args.by)
        floor = timed(lambda: bare_scan(store, args.by))
        print(f"lower bound, bare GROUP BY count(*): {floor * 1000:.0f} ms")
        for compare in (False, True):
            seconds = timed(functools.partial(table, store, args.by, compare))
            result = table(store, args.by, compare)
            print(
                f"kpi by={args.by} compare={compare}: {seconds * 1000:.0f} ms "
                f"({seconds / floor:.1f}x the bare scan), {len(result.rows)} rows, "
                f"{result.total.counts['reported']:,} cases"
            )
        store.dispose()


if __name__ == "__main__":
    main()

"""Insert N generated cases through the project's bulk path and through the bare driver.

    .venv/bin/python -m benchmarks.insert_cases [--cases 1000000] [--backends sqlite,postgres]

Each backend gets two fresh databases seeded with the same demo street (one case, no
timeline). The N case rows come from the demo generator's scale path, built once in
memory before any timing. Project path: Store.write() + console.services.bulk.insert_cases
(Core executemany in 10,000-row batches, the column types converting each value, one
change-feed row). Lower bound: the bare driver's executemany (sqlite3 / psycopg) of the
same rows in one transaction (on SQLite including the conversion of times to UTC text
that SQLite needs; psycopg takes the datetimes as they are). Both insert into
the same schema with the same indexes. PostgreSQL is a throwaway server started here.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import platform
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg

from console.services import bulk
from console.services.feed import libpq_conninfo
from console.store import Store
from db.demo import generate
from db.demo.case_context import load_case_context
from db.demo.cases import iter_case_rows
from db.demo.clock import local_midnight

UNTIL = dt.date(2026, 11, 29)
FIRST_ID = 1000


def seeded_store(url: str) -> Store:
    store = Store(url, workstation="bench")
    generate(store, until=UNTIL, cases=1, timeline=False)
    return store


def build_rows(store: Store, count: int) -> list[dict[str, Any]]:
    with store.read() as session:
        ctx = load_case_context(session, local_midnight(UNTIL))
        ids = range(FIRST_ID, FIRST_ID + count)
        rows = list(iter_case_rows(random.Random("bench"), ctx, total=count, ids=ids))
    for row in rows:  # apart from the seeded demo case's number
        row["number"] = "T" + row["number"]
    return rows


def utc_text(value: dt.datetime | None) -> str | None:
    """The least a SQLite program must do to a time: UTC text (sqlite3 would otherwise
    store local offsets, which do not compare)."""
    return None if value is None else value.astimezone(dt.UTC).isoformat(" ", "microseconds")[:-6]


def sqlite_tuples(rows: list[dict[str, Any]], columns: list[str]) -> list[tuple[Any, ...]]:
    """Rows as tuples, converting only the time columns, column by column: the fastest
    plain Python we know for it."""
    values = []
    for c in columns:
        column = [r[c] for r in rows]
        if any(isinstance(v, dt.datetime) for v in column[:1000]):
            column = [utc_text(v) for v in column]
        values.append(column)
    return list(zip(*values, strict=True))


def project_insert(store: Store, rows: list[dict[str, Any]]) -> float:
    began = time.perf_counter()
    with store.write() as session:
        bulk.insert_cases(session, rows, workstation="bench")
    return time.perf_counter() - began


def bare_insert(store: Store, rows: list[dict[str, Any]]) -> float:
    columns = list(rows[0])
    names = ", ".join(columns)
    if store.is_sqlite:
        path = store.sqlite_path
        assert path is not None
        store.dispose()
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        marks = ", ".join("?" for _ in columns)
        began = time.perf_counter()
        # Converting times to text is work any SQLite program must do: it is timed here.
        values = sqlite_tuples(rows, columns)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO case_file ({names}) VALUES ({marks})", values)
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - began
        conn.close()
        return elapsed
    values = [tuple(r[c] for c in columns) for r in rows]
    conninfo = libpq_conninfo(store)
    store.dispose()
    with psycopg.connect(conninfo) as pg:
        marks = ", ".join("%s" for _ in columns)
        began = time.perf_counter()
        with pg.cursor() as cur:
            cur.executemany(f"INSERT INTO case_file ({names}) VALUES ({marks})", values)
        pg.commit()
        return time.perf_counter() - began


@contextlib.contextmanager
def database_urls(backend: str, workdir: Path) -> Iterator[tuple[str, str]]:
    if backend == "sqlite":
        yield f"sqlite:///{workdir / 'project.sqlite3'}", f"sqlite:///{workdir / 'bare.sqlite3'}"
        return
    from tests.support.pgserver import PgServer

    server = PgServer().start()
    try:
        yield server.create_database("bench_project"), server.create_database("bench_bare")
    finally:
        server.stop()


def run_backend(backend: str, count: int, rows: list[dict[str, Any]] | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, database_urls(backend, Path(tmp)) as urls:
        project_store, bare_store = seeded_store(urls[0]), seeded_store(urls[1])
        if rows is None:
            print(f"  building {count:,} case rows ...", file=sys.stderr, flush=True)
            rows = build_rows(project_store, count)
        project_s = project_insert(project_store, rows)
        project_store.dispose()
        bare_s = bare_insert(bare_store, rows)
    return {"backend": backend, "rows": rows, "project_s": project_s, "bare_s": bare_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args(argv)
    print(f"machine: {platform.node()} {platform.machine()}, Python {platform.python_version()}")
    print(f"cases: {args.cases:,}")
    print(f"{'backend':<10} {'project rows/s':>15} {'bare rows/s':>13} {'ratio':>7}")
    rows = None
    for backend in args.backends.split(","):
        result = run_backend(backend.strip(), args.cases, rows)
        rows = result["rows"]
        project_rate = args.cases / result["project_s"]
        bare_rate = args.cases / result["bare_s"]
        print(
            f"{backend:<10} {project_rate:>15,.0f} {bare_rate:>13,.0f} "
            f"{project_rate / bare_rate:>7.2f}",
            flush=True,
        )
    print("ratio = project rows/s ÷ bare driver rows/s (goal ≥ 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

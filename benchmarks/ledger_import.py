"""Ledger import speed: a generated 100,000-row XLSX into a fresh database.

    .venv/bin/python benchmarks/ledger_import.py [--rows N] [--pg URL] [--export]

The rows are deterministic (random.Random(1)). SQLite runs in a temporary folder; with
--pg URL (a database on a server where that role may CREATE DATABASE) a scratch
database is created next to it, used and dropped. Prints rows per second per phase.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from console import schema  # noqa: E402
from console.services.actor import Actor  # noqa: E402
from console.services.ledger import HEADERS, Progress, export_ledger, import_ledger  # noqa: E402
from console.store import Store  # noqa: E402
from tests.support.ledger_street import (  # noqa: E402
    CATEGORIES,
    EQUATOR,
    MID,
    NORTH,
    SOUTH,
    UNITS,
    WEST,
    seed_street,
)

ACTOR = Actor(None, "bench", frozenset({"admin"}), "bench")
START = dt.datetime(2025, 1, 1, 8, 0)
STATES = ["已结案"] * 6 + ["已归档", "处置中", "已派遣", "待核实", "已立案", "待核查"]
SOURCES = ["监督员", "网格员", "12345热线", "电话", "视频", "群众", "领导交办", "媒体", "其他"]


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else ""


def generated_rows(count: int) -> Iterator[list[Any]]:
    rnd = random.Random(1)
    pairs = [(c, s) for c, (_n, subs) in CATEGORIES.items() for s in subs]
    communities = [("古城社区", "110107001001"), ("八角社区", "110107001002")]
    for n in range(count):
        east = rnd.random() < 0.5
        name, code = communities[east]
        lon = round(rnd.uniform(MID if east else WEST, (MID if east else WEST) + 0.05), 6)
        lat = round(rnd.uniform(SOUTH, NORTH), 6)
        grid = f"{code}{1 if lat >= EQUATOR else 2:03d}"
        state = rnd.choice(STATES)
        reported = START + dt.timedelta(minutes=rnd.randrange(0, 300 * 24 * 60))
        steps = [reported]
        for _ in range(4):
            steps.append(steps[-1] + dt.timedelta(minutes=rnd.randrange(1, 600)))
        reached = {"待核实": 1, "已立案": 2, "已派遣": 3, "处置中": 3, "待核查": 4}.get(state, 5)
        times = [t if i < reached else None for i, t in enumerate(steps)]
        class_code, sub_code = rnd.choice(pairs)
        yield [
            f"L{n:07d}",
            reported,
            rnd.choice(SOURCES),
            class_code,
            sub_code,
            f"测试路 {rnd.randrange(1, 500)} 号",
            lon,
            lat,
            name,
            grid,
            f"生成的问题描述 {n}：" + "路面有垃圾需要清理。" * rnd.randrange(1, 6),
            state,
            rnd.choice(list(UNITS.values())),
            times[1],
            times[2],
            times[3],
            times[4],
        ]


def build_xlsx(path: Path, count: int) -> float:
    started = time.perf_counter()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(list(HEADERS))
    for values in generated_rows(count):
        sheet.append(values)
    book.save(path)
    return time.perf_counter() - started


class PhaseTimer:
    """Progress callback that notes when each phase started."""

    def __init__(self) -> None:
        self.starts: dict[str, float] = {}

    def __call__(self, progress: Progress) -> None:
        self.starts.setdefault(progress.phase, time.perf_counter())


def run(label: str, url: str, xlsx: Path, rows: int, export: bool, folder: Path) -> None:
    store = Store(url, workstation="bench")
    try:
        schema.upgrade(store)
        seed_street(store)
        timer = PhaseTimer()
        started, cpu = time.perf_counter(), time.process_time()
        with store.write() as session:
            result = import_ledger(xlsx, session=session, actor=ACTOR, progress=Progress(timer))
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
        if not result.ok:
            raise SystemExit(f"{label}: {result.problems[0].message('en')}")
        insert_start = timer.starts.get("insert", started + total)
        print(
            f"{label}: imported {result.imported:,} rows in {total:.1f} s = "
            f"{rows / total:,.0f} rows/s (read+check {insert_start - started:.1f} s, "
            f"insert+commit {started + total - insert_start:.1f} s; "
            f"this process's CPU {cpu:.1f} s)"
        )
        if export:
            for suffix in ("xlsx", "csv"):
                began = time.perf_counter()
                with store.read() as session:
                    done = export_ledger(folder / f"out.{suffix}", session=session, actor=ACTOR)
                took = time.perf_counter() - began
                print(
                    f"{label}: exported {done.count:,} rows to {suffix.upper()} in "
                    f"{took:.1f} s = {done.count / took:,.0f} rows/s"
                )
    finally:
        store.dispose()


def scratch_postgres(url: str) -> tuple[str, str]:
    parsed = make_url(url).set(drivername="postgresql")
    name = f"ledger_bench_{int(time.time())}"
    with psycopg.connect(parsed.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    scratch = make_url(url).set(drivername="postgresql+psycopg", database=name)
    return scratch.render_as_string(hide_password=False), name


def drop_postgres(url: str, name: str) -> None:
    parsed = make_url(url).set(drivername="postgresql")
    with psycopg.connect(parsed.render_as_string(hide_password=False), autocommit=True) as conn:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        conn.execute(drop.format(sql.Identifier(name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--pg", help="PostgreSQL URL whose server hosts a scratch database")
    parser.add_argument("--export", action="store_true", help="also time exports")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
        folder = Path(tmp)
        xlsx = folder / "ledger.xlsx"
        took = build_xlsx(xlsx, args.rows)
        size = xlsx.stat().st_size / 1e6
        print(f"built {args.rows:,}-row XLSX ({size:.1f} MB) in {took:.1f} s")
        run("SQLite", f"sqlite:///{folder / 'bench.sqlite3'}", xlsx, args.rows, args.export, folder)
        if args.pg:
            url, name = scratch_postgres(args.pg)
            try:
                run("PostgreSQL", url, xlsx, args.rows, args.export, folder)
            finally:
                drop_postgres(args.pg, name)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB")


if __name__ == "__main__":
    main()

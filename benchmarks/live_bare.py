"""The lower bounds of the live-latency benchmark: a change observed with nothing but the
driver, by a LISTEN socket (PostgreSQL) or a max(seq) poll (SQLite), on a plain thread."""

from __future__ import annotations

import select
import sqlite3
import threading
import time

import psycopg

from console.services.feed import libpq_conninfo
from console.store import Store, sqlite_file
from db.triggers import CHANNEL


def bare_listen(
    url: str, seen: dict[int, float], stop: threading.Event, ready: threading.Event, _poll: float
) -> None:
    store = Store(url)
    with psycopg.connect(libpq_conninfo(store), autocommit=True) as conn:
        conn.execute(f"LISTEN {CHANNEL}")
        ready.set()
        while not stop.is_set():
            readable, _, _ = select.select([conn.fileno()], [], [], 0.1)
            if readable:
                for notify in conn.notifies(timeout=0):
                    seen[int(notify.payload)] = time.perf_counter()
    store.dispose()


def bare_poll(
    url: str, seen: dict[int, float], stop: threading.Event, ready: threading.Event, every: float
) -> None:
    path = sqlite_file(Store(url).url)
    assert path is not None
    conn = sqlite3.connect(path)
    last = conn.execute("SELECT coalesce(max(seq), 0) FROM change_feed").fetchone()[0]
    ready.set()
    while not stop.wait(every):
        for (seq,) in conn.execute(
            "SELECT seq FROM change_feed WHERE seq > ? ORDER BY seq", (last,)
        ):
            seen[seq] = time.perf_counter()
            last = seq
        conn.rollback()  # end the read snapshot so the next poll sees new commits
    conn.close()

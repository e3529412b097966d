"""The change feed: what changed, in commit order, for every workstation to follow.

record() is called inside the transaction that makes the change. On PostgreSQL a trigger
NOTIFYs the new seq at commit (db.triggers); listeners then read every row after the
last seq they saw, so a listener that was away catches up and never misses one.
"""

from __future__ import annotations

import datetime as dt
import logging
import select
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Session

from console.models import ChangeFeed
from console.models.base import append_row
from console.services.writelock import hold_write_lock
from console.store import CONNECT_TIMEOUT_S, Store
from db.triggers import CHANNEL

log = logging.getLogger("console.feed")

# The LISTEN connection idles for hours: TCP keepalives notice a vanished server (the
# socket then turns readable with an error) instead of waiting forever for a NOTIFY.
LISTEN_OPTIONS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}

KINDS = ("created", "updated", "deleted", "bulk")


@dataclass(frozen=True)
class Change:
    seq: int
    at: dt.datetime
    entity: str
    ids: tuple[Any, ...]
    kind: str
    workstation: str


def record(
    session: Session,
    entity: str,
    ids: Iterable[Any],
    kind: str,
    *,
    workstation: str = "",
) -> None:
    """Append one feed row to the caller's transaction."""
    if kind not in KINDS:
        raise ValueError(f"unknown change kind {kind!r}")
    hold_write_lock(session)
    append_row(
        session,
        ChangeFeed,
        {
            "at": dt.datetime.now(dt.UTC),
            "entity": entity,
            "ids": list(ids),
            "kind": kind,
            "workstation": workstation,
        },
    )


def last_seq(session: Session) -> int:
    return int(session.scalar(sa_select(func.coalesce(func.max(ChangeFeed.seq), 0))) or 0)


def changes_after(session: Session, seq: int, limit: int = 1000) -> list[Change]:
    rows = session.scalars(
        sa_select(ChangeFeed).where(ChangeFeed.seq > seq).order_by(ChangeFeed.seq).limit(limit)
    )
    return [Change(r.seq, r.at, r.entity, tuple(r.ids or ()), r.kind, r.workstation) for r in rows]


def libpq_conninfo(store: Store) -> str:
    """The store's URL in the form psycopg.connect() takes (password included)."""
    url = store.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class FeedListener:
    """Follows the feed from a given seq; wait() blocks until something new arrives.

    PostgreSQL: a dedicated autocommit connection LISTENs; fileno() exposes its socket so
    a GUI can watch it (QSocketNotifier) and call drain() without blocking.
    SQLite: there is nothing to listen to; wait() polls the cheap max(seq).
    """

    def __init__(self, store: Store, after: int | None = None, poll_interval: float = 0.2):
        self.store = store
        self.poll_interval = poll_interval
        self._conn: psycopg.Connection[Any] | None = None
        if store.is_postgres:
            self._conn = psycopg.connect(libpq_conninfo(store), autocommit=True, **LISTEN_OPTIONS)
            self._conn.execute(f"LISTEN {CHANNEL}")
        if after is None:
            with store.read() as session:
                after = last_seq(session)
        self.last_seen = after

    def fileno(self) -> int | None:
        return self._conn.fileno() if self._conn is not None else None

    def _fetch(self) -> list[Change]:
        out: list[Change] = []
        with self.store.read() as session:
            while True:
                batch = changes_after(session, self.last_seen)
                if not batch:
                    break
                out.extend(batch)
                self.last_seen = batch[-1].seq
        return out

    def _consume_notifies(self) -> bool:
        """Swallow pending notifications without blocking; True if there were any."""
        assert self._conn is not None
        got = False
        for _ in self._conn.notifies(timeout=0):
            got = True
        return got

    def drain(self) -> list[Change]:
        """Everything after last_seen, now (never blocks for long)."""
        if self._conn is not None:
            self._consume_notifies()
        return self._fetch()

    def wait(self, timeout: float) -> list[Change]:
        """Block up to timeout seconds for new changes; return them (maybe empty)."""
        deadline = time.monotonic() + timeout
        changes = self.drain()
        while not changes:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            if self._conn is not None:
                ready, _, _ = select.select([self._conn.fileno()], [], [], remaining)
                if not ready:
                    return []
            else:
                time.sleep(min(self.poll_interval, remaining))
            changes = self.drain()
        return changes

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> FeedListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def entities(changes: Sequence[Change]) -> set[str]:
    return {c.entity for c in changes}

"""The live feed's jobs, run on the database worker thread (no Qt here).

Each takes the FeedListener the GUI side holds and hands back a Batch: the changes
read, the urgent cases among the new ones, and the listener to follow from then on
(a new one when the LISTEN connection had to be made again).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg

from console.errors import DatabaseError
from console.services import alerts
from console.services.feed import Change, FeedListener, last_seq
from console.store import Store, translate_error

log = logging.getLogger("console.live")

# Error codes that mean "the database is not there", as opposed to "the query failed".
OFFLINE_CODES = frozenset({"db.unreachable"})


@dataclass(frozen=True)
class Batch:
    """What one feed job read: the changes, the urgent new cases, where it stopped."""

    listener: FeedListener
    changes: list[Change]
    urgent: list[int]
    last_seen: int
    fileno: int | None


@contextlib.contextmanager
def listener_errors(store: Store) -> Iterator[None]:
    """The LISTEN connection is plain psycopg: its errors are translated here."""
    try:
        yield
    except (psycopg.OperationalError, psycopg.InterfaceError) as error:
        lines = str(error).strip().splitlines()
        host = f"{store.url.host or 'localhost'}:{store.url.port or 5432}"
        raise DatabaseError(
            "db.unreachable", host=host, detail=lines[-1] if lines else ""
        ) from error
    except psycopg.Error as error:
        raise translate_error(error, store.url) from error


def drain_listener(listener: FeedListener, store: Store) -> tuple[FeedListener, list[Change]]:
    try:
        with listener_errors(store):
            return listener, listener.drain()
    except DatabaseError as error:
        if error.code not in OFFLINE_CODES or not store.is_postgres:
            raise
    # The LISTEN connection alone may be gone (cut when idle, its backend ended) while the
    # server answers: a new one from where the old one stopped. If the server is gone
    # too, connecting fails and the caller learns that the database is unreachable.
    close_listener(listener, store)
    log.info("LISTEN connection lost; listening again after seq %s", listener.last_seen)
    with listener_errors(store):
        listener = FeedListener(store, after=listener.last_seen)
    try:
        with listener_errors(store):
            return listener, listener.drain()
    except BaseException:
        close_listener(listener, store)
        raise


def collect(listener: FeedListener, store: Store) -> Batch:
    listener, changes = drain_listener(listener, store)
    created = [int(i) for c in changes if c.entity == "case" and c.kind == "created" for i in c.ids]
    urgent: list[int] = []
    if created:
        with store.read() as session:
            urgent = alerts.urgent_among(session, created)
    return Batch(listener, changes, urgent, listener.last_seen, listener.fileno())


def poll(listener: FeedListener, store: Store) -> Batch | None:
    """SQLite: None while max(seq) has not moved (the cheap, common case)."""
    with store.read() as session:
        if last_seq(session) <= listener.last_seen:
            return None
    return collect(listener, store)


def open_listener(after: int | None, store: Store) -> Batch:
    """A new listener from after (None: from now), drained: connects, so it also pings."""
    with listener_errors(store):
        listener = FeedListener(store, after=after)
    try:
        return collect(listener, store)
    except BaseException:
        close_listener(listener, store)
        raise


def close_listener(listener: FeedListener, _store: Store) -> None:
    with contextlib.suppress(Exception):  # a dead connection may complain while closing
        listener.close()

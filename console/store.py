"""Engine and sessions for SQLite (one workstation) and PostgreSQL (shared by many).

Reads use ordinary sessions. Writes go through Store.write(): on SQLite the transaction
starts with BEGIN IMMEDIATE so two writers queue on the busy timeout instead of failing
when a read lock is upgraded; on PostgreSQL writers that append to the audit chain or
the change feed serialise on an advisory lock (see console.services.writelock).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from console.errors import DatabaseError, KnownError

log = logging.getLogger("console.db")

BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 5
# Connections a process keeps open to PostgreSQL (more are opened for a moment when
# busier, then closed).
POOL_SIZE = 5
# A pooled PostgreSQL connection idle longer than this is tested before use.
PING_AFTER_IDLE_S = 1.0
_IDLE_SINCE = "idle_since"


def parse_url(raw: str) -> URL:
    """Validate and normalise a database URL (PostgreSQL always through psycopg 3)."""
    try:
        url = make_url(raw)
    except (exc.ArgumentError, ValueError) as error:
        raise DatabaseError("db.bad_url", url=raw) from error
    backend = url.get_backend_name()
    if backend == "sqlite":
        if url.drivername not in ("sqlite", "sqlite+pysqlite"):
            raise DatabaseError("db.unsupported", dialect=url.drivername)
        return url.set(drivername="sqlite+pysqlite")
    if backend in ("postgresql", "postgres"):
        if not url.database:
            raise DatabaseError("db.bad_url", url=raw)
        return url.set(drivername="postgresql+psycopg")
    raise DatabaseError("db.unsupported", dialect=url.drivername)


def translate_error(error: BaseException, url: URL) -> KnownError:
    """Turn a driver error into a plain message; anything unrecognised stays generic."""
    text_ = str(getattr(error, "orig", None) or error)
    lowered = text_.lower()
    where = url.database or ""
    host = f"{url.host or 'localhost'}:{url.port or 5432}"
    if url.get_backend_name() == "sqlite":
        if "not a database" in lowered or "malformed" in lowered:
            return DatabaseError("db.corrupt", path=where)
        if "locked" in lowered or "busy" in lowered:
            return DatabaseError("db.locked", path=where)
        if "readonly" in lowered or "read-only" in lowered:
            return DatabaseError("db.readonly", path=where)
        if "unable to open" in lowered:
            return DatabaseError("db.cannot_open", path=where, detail=text_.strip())
        return DatabaseError("db.error", detail=text_.strip().splitlines()[0])
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return DatabaseError("db.auth_failed", host=host)
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseError("db.missing_database", name=where)
    connect_markers = (
        "connection refused",
        "could not connect",
        "connection failed",
        "timeout expired",
        "could not translate host",
        "name or service not known",
        "server closed the connection",
        "terminating connection",
        "connection is closed",
        "consuming input failed",
        "no route to host",
    )
    if any(marker in lowered for marker in connect_markers):
        first = text_.strip().splitlines()[-1] if text_.strip() else ""
        return DatabaseError("db.unreachable", host=host, detail=first)
    return DatabaseError("db.error", detail=text_.strip().splitlines()[0] if text_ else "")


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL (plain path or file: URI), None for in-memory."""
    path = url.database or ""
    if path.startswith("file:"):
        path = path[len("file:") :].split("?", 1)[0]
    if not path or path == ":memory:" or url.query.get("mode") == "memory":
        return None
    return Path(path)


def _sqlite_engine(url: URL) -> Engine:
    file = sqlite_file(url)
    if file is not None and not file.parent.exists():
        raise DatabaseError("db.cannot_open", path=str(file), detail="folder does not exist")
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's "begin" hook below.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        try:
            cur.execute("PRAGMA journal_mode = WAL")
        except Exception as error:  # a read-only file keeps its journal mode
            if "readonly" not in str(error).lower():
                raise
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _postgres_engine(url: URL, workstation: str) -> Engine:
    engine = create_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=10,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": f"sanwang-console@{workstation}"[:63],
        },
    )
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """Test a pooled connection before use only if it lay idle a while.

    A server restart or a dropped network shows on a connection that waited in the
    pool; one handed back a moment ago is almost surely alive, and a ping on every
    checkout was a round trip per transaction (two per field report). If one of those
    is dead after all, its statement fails as "database unavailable" and the pool is
    refilled.
    """

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop(_IDLE_SINCE, None)
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as error:  # any failure: this connection is not to be used
            # Nor the others of its age: a restarted server dropped them all.
            raise exc.InvalidatePoolError(str(error)) from error


class Store:
    """The database a workstation works on: engines, sessions, and what to call it."""

    def __init__(self, raw_url: str, *, workstation: str = "") -> None:
        self.url = parse_url(raw_url)
        self.workstation = workstation
        self.writer: Engine
        if self.is_sqlite:
            self.engine = _sqlite_engine(self.url)
            self.writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            self.engine = _postgres_engine(self.url, workstation)
            self.writer = self.engine
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        # PostgreSQL in autocommit: a lone read sends neither BEGIN nor ROLLBACK.
        single = (
            self.engine
            if self.is_sqlite
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self._single = sessionmaker(single, expire_on_commit=False)
        self._writer = sessionmaker(self.writer, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_file(self.url) if self.is_sqlite else None

    def describe(self) -> str:
        """Where the data lives, for status bars and logs (never the password)."""
        if self.is_sqlite:
            return f"SQLite {self.url.database}"
        host = f"{self.url.host or 'localhost'}:{self.url.port or 5432}"
        return f"PostgreSQL {host}/{self.url.database}"

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Translate driver errors raised inside the block into plain messages."""
        try:
            yield
        except exc.DBAPIError as error:
            if isinstance(error, exc.IntegrityError):
                raise
            raise translate_error(error, self.url) from error
        except exc.OperationalError as error:  # pragma: no cover - subclass of DBAPIError
            raise translate_error(error, self.url) from error

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self.guard(), self._reader() as session:
            yield session

    @contextlib.contextmanager
    def read_one(self) -> Iterator[Session]:
        """A session for one read statement, which needs no snapshot shared with another.

        On PostgreSQL it runs outside a transaction: two round trips fewer than read().
        Never for writes: each statement would commit on its own.
        """
        with self.guard(), self._single() as session:
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self.guard(), self._writer() as session, session.begin():
            yield session

    def check(self) -> None:
        """Connect once, so a bad location or server is reported before anything else."""
        with self.guard(), self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()

"""Pooled PostgreSQL connections: tested before use when they lay idle, otherwise
trusted (a dead one costs one refused statement, never two); lone reads in autocommit."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from console import store as store_module
from console.errors import DatabaseError
from console.store import Store
from tests.support.pg_restart import RestartablePgServer


@pytest.fixture(scope="module")
def server() -> Iterator[RestartablePgServer]:
    running = RestartablePgServer()
    running.start()
    try:
        yield running
    finally:
        running.stop()


@contextlib.contextmanager
def _store(server: RestartablePgServer, name: str) -> Iterator[Store]:
    store = Store(server.create_database(name))
    try:
        yield store
    finally:
        store.dispose()


def _restart(server: RestartablePgServer) -> None:
    """The server goes away and comes back; every connection it had is dead."""
    server.pause()
    server.resume()


def _select_one(store: Store) -> int:
    with store.read() as session:
        return int(session.execute(text("SELECT 1")).scalar_one())


def _in_autocommit(session: Session) -> bool:
    raw = session.connection().connection.dbapi_connection
    assert raw is not None
    return bool(raw.autocommit)


def _count_pings(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    pings: list[str] = []
    original = store.engine.dialect.do_ping
    monkeypatch.setattr(
        store.engine.dialect, "do_ping", lambda conn: pings.append("ping") or original(conn)
    )
    return pings


def _backend_pid(store: Store) -> int:
    with store.read() as session:
        return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_an_idle_connection_is_tested_and_replaced_after_a_restart(
    server: RestartablePgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _store(server, "idle_ping") as store:
        before = _backend_pid(store)
        _restart(server)
        monkeypatch.setattr(store_module, "PING_AFTER_IDLE_S", 0.0)  # it counts as idle
        assert _select_one(store) == 1  # the ping found it dead; a fresh one answered
        assert _backend_pid(store) != before


def test_one_dead_idle_connection_retires_all_of_its_age(
    server: RestartablePgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _store(server, "idle_pool") as store:
        with store.read() as first, store.read() as second:  # two pooled connections
            first.execute(text("SELECT 1"))
            second.execute(text("SELECT 1"))
        _restart(server)
        monkeypatch.setattr(store_module, "PING_AFTER_IDLE_S", 0.0)
        pings = _count_pings(store, monkeypatch)
        with store.read() as first, store.read() as second:
            assert first.execute(text("SELECT 1")).scalar_one() == 1
            assert second.execute(text("SELECT 1")).scalar_one() == 1
        assert len(pings) == 1  # the first failed ping retired the other one unasked


def test_a_connection_just_used_is_not_pinged(
    server: RestartablePgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _store(server, "no_ping") as store:
        monkeypatch.setattr(store_module, "PING_AFTER_IDLE_S", 3600.0)
        _select_one(store)
        statements: list[str] = []

        def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
            statements.append(statement)

        event.listen(store.engine, "before_cursor_execute", seen)
        pings = _count_pings(store, monkeypatch)
        _select_one(store)
        assert pings == [] and statements == ["SELECT 1"]

        # The server goes away right after: the trusted connection's statement is
        # refused as unavailable, the pool is refilled, the next statement works.
        _restart(server)
        with pytest.raises(DatabaseError):
            _select_one(store)
        assert _select_one(store) == 1


def test_a_lone_read_runs_outside_a_transaction(server: RestartablePgServer) -> None:
    with _store(server, "read_one") as store:
        with store.read_one() as session:
            assert session.execute(text("SELECT 1")).scalar_one() == 1
            assert _in_autocommit(session)  # no BEGIN, no ROLLBACK sent
        with store.read() as session:  # the same pooled connection, back in transactions
            session.execute(text("SELECT 1"))
            assert not _in_autocommit(session)


def test_a_lone_read_after_idling_is_pinged_and_still_outside_a_transaction(
    server: RestartablePgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _store(server, "read_one_idle") as store:
        _select_one(store)
        monkeypatch.setattr(store_module, "PING_AFTER_IDLE_S", 0.0)
        pings = _count_pings(store, monkeypatch)
        for _ in range(3):
            with store.read_one() as session:
                assert session.execute(text("SELECT 1")).scalar_one() == 1
                assert _in_autocommit(session)
            assert _select_one(store) == 1
        assert len(pings) == 6

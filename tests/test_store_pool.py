"""Pooled PostgreSQL connections: tested before use when they lay idle, otherwise
trusted (a dead one costs one refused statement, never two); lone reads in autocommit."""

from __future__ import annotations

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
    store = Store(server.create_database("idle_ping"))
    try:
        before = _backend_pid(store)
        server.pause()
        server.resume()
        monkeypatch.setattr(store_module, "PING_AFTER_IDLE_S", 0.0)  # it counts as idle
        assert _select_one(store) == 1  # the ping found it dead; a fresh one answered
        assert _backend_pid(store) != before
    finally:
        store.dispose()


def test_one_dead_idle_connection_retires_all_of_its_age(
    server: RestartablePgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(server.create_database("idle_pool"))
    try:
        with store.read() as first, store.read() as second:  # two pooled connections
            first.execute(text("SELECT 1"))
            second.execute(text("SELECT 1"))
        server.pause()
        server.resume()
        monkeypatch.setattr(store_module, "PING_AFTER_IDLE_S", 0.0)
        pings = _count_pings(store, monkeypatch)
        with store.read() as first, store.read() as second:
            assert first.execute(text("SELECT 1")).scalar_one() == 1
            assert second.execute(text("SELECT 1")).scalar_one() == 1
        assert len(pings) == 1  # the first failed ping retired the other one unasked
    finally:
        store.dispose()


def test_a_connection_just_used_is_not_pinged(
    server: RestartablePgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(server.create_database("no_ping"))
    try:
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
        server.pause()
        server.resume()
        with pytest.raises(DatabaseError):
            _select_one(store)
        assert _select_one(store) == 1
    finally:
        store.dispose()


def test_a_lone_read_runs_outside_a_transaction(server: RestartablePgServer) -> None:
    store = Store(server.create_database("read_one"))
    try:
        with store.read_one() as session:
            assert session.execute(text("SELECT 1")).scalar_one() == 1
            assert _in_autocommit(session)  # no BEGIN, no ROLLBACK sent
        with store.read() as session:  # the same pooled connection, back in transactions
            session.execute(text("SELECT 1"))
            assert not _in_autocommit(session)
    finally:
        store.dispose()


def test_a_lone_read_after_idling_is_pinged_and_still_outside_a_transaction(
    server: RestartablePgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(server.create_database("read_one_idle"))
    try:
        _select_one(store)
        monkeypatch.setattr(store_module, "PING_AFTER_IDLE_S", 0.0)
        pings = _count_pings(store, monkeypatch)
        for _ in range(3):
            with store.read_one() as session:
                assert session.execute(text("SELECT 1")).scalar_one() == 1
                assert _in_autocommit(session)
            assert _select_one(store) == 1
        assert len(pings) == 6
    finally:
        store.dispose()

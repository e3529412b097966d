"""Shared fixtures: every database test runs on SQLite and on a throwaway PostgreSQL.

Each test gets a fresh, migrated database: a copy of a template file on SQLite, a
CREATE DATABASE ... TEMPLATE on PostgreSQL (both much faster than migrating again).
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from psycopg import sql

from console import schema
from console.store import Store
from tests.support.pgserver import PgServer

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "console.sqlite3"
    store = Store(f"sqlite:///{path}")
    schema.upgrade(store)
    store.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    name = "console_template"
    store = Store(pg_server.create_database(name))
    schema.upgrade(store)
    store.dispose()
    return name


def _drop_database(server: PgServer, name: str) -> None:
    with server.connect(admin=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh database at the code's head revision."""
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "console.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    pg_template: str = request.getfixturevalue("pg_template")
    name = f"t{next(_counter)}"
    url = server.create_database(name, template=pg_template)
    yield url
    _drop_database(server, name)


@pytest.fixture
def empty_db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of an empty database (no schema yet)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = f"e{next(_counter)}"
    url = server.create_database(name)
    yield url
    _drop_database(server, name)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url, workstation="test-ws")
    yield s
    s.dispose()

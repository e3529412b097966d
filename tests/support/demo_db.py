"""The demo street, generated once per backend and module, copied for every test.

    demo_source = demo_source_fixture()          # in the test module
    db_url = demo_db_url_fixture()               # replaces conftest's fresh empty database

SQLite: the generated file is copied; PostgreSQL: CREATE DATABASE ... TEMPLATE. Both
take a fraction of a second, while generating the street takes several seconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from psycopg import sql

from console.store import Store
from db import demo
from db.demo.clock import local_midnight
from tests.conftest import BACKENDS
from tests.support.pgserver import PgServer

UNTIL = dt.date(2026, 11, 29)
AS_OF = local_midnight(UNTIL)  # the demo's "now": nothing in it is later
_names = itertools.count(1)


def _drop(server: PgServer, name: str) -> None:
    with server.connect(admin=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def demo_source_fixture() -> Any:
    @pytest.fixture(scope="module", params=BACKENDS)
    def demo_source(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[tuple[str, str]]:
        """(backend, SQLite path or PostgreSQL database name) of a generated street."""
        if request.param == "sqlite":
            path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
            store = Store(f"sqlite:///{path}", workstation="demo")
            demo.generate(store, until=UNTIL)
            store.dispose()
            yield "sqlite", str(path)
            return
        server: PgServer = request.getfixturevalue("pg_server")
        template: str = request.getfixturevalue("pg_template")
        name = f"demo_{next(_names)}"
        store = Store(server.create_database(name, template=template), workstation="demo")
        demo.generate(store, until=UNTIL)
        store.dispose()
        yield "postgres", name
        _drop(server, name)

    return demo_source


def demo_db_url_fixture() -> Any:
    @pytest.fixture
    def db_url(
        demo_source: tuple[str, str], request: pytest.FixtureRequest, tmp_path: Path
    ) -> Iterator[str]:
        """A fresh copy of the module's demo street."""
        backend, source = demo_source
        if backend == "sqlite":
            path = tmp_path / "console.sqlite3"
            shutil.copyfile(source, path)
            yield f"sqlite:///{path}"
            return
        server: PgServer = request.getfixturevalue("pg_server")
        name = f"{source}_{next(_names)}"
        yield server.create_database(name, template=source)
        _drop(server, name)

    return db_url

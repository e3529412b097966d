"""The throwaway PostgreSQL server used by the integration tests."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import sql

from tests.support.pgserver import SUPERUSER, PgServer

pytestmark = pytest.mark.postgres


def test_pgserver_lifecycle() -> None:
    server = PgServer()
    server.start()
    try:
        basedir = server.datadir.parent
        assert server.datadir.is_dir()
        port = server.port
        assert server.url() == f"postgresql+psycopg://console@127.0.0.1:{port}/postgres"
        assert server.admin_url("x") == f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/x"

        with psycopg.connect(
            host="127.0.0.1", port=port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            row = conn.execute("select version()").fetchone()
            assert row is not None and str(row[0]).startswith("PostgreSQL ")
            conn.execute("select 1")

        # The application role is not a superuser but may create databases; pg_trgm is
        # a trusted extension, so the database owner can install it.
        with server.connect() as conn:
            row = conn.execute(
                "select rolsuper, rolcreatedb from pg_roles where rolname = current_user"
            ).fetchone()
            assert row == (False, True)
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier("console_test")))

        with server.connect("console_test") as conn:
            conn.execute("CREATE EXTENSION pg_trgm")
            row = conn.execute("select similarity('sanwang console', 'sanwang')").fetchone()
            assert row is not None and 0 < float(row[0]) <= 1
            enc = conn.execute("show server_encoding").fetchone()
            assert enc == ("UTF8",)

        url = server.create_database("console_test2")
        assert url.endswith("/console_test2")
        with server.connect("console_test2") as conn:
            assert conn.execute("select current_database()").fetchone() == ("console_test2",)
    finally:
        server.stop()

    assert not basedir.exists()
    assert not server.running
    server.stop()  # idempotent


def test_pgserver_context_manager() -> None:
    with PgServer() as server:
        basedir = server.datadir.parent
        with psycopg.connect(server.admin_url().replace("+psycopg", "")) as conn:
            assert conn.execute("select 1").fetchone() == (1,)
    assert not basedir.exists()

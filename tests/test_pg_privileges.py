"""Who may change the audit trail: nobody through SQL, and the application role not even
after the triggers (which only the owner can disable)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors, sql
from sqlalchemy import exc, text

from console.errors import DatabaseError, InputError
from console.services import audit, feed, pg_roles
from console.services.actor import system_actor
from console.store import Store
from tests.support.pgserver import PgServer

_names = itertools.count(1)


def _append(store: Store, action: str = "test.row") -> None:
    with store.write() as session:
        audit.record(session, system_actor("ws"), action)


def test_triggers_stop_even_the_owner(store: Store) -> None:
    _append(store)
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(exc.DatabaseError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(statement))
    with store.read() as session:
        assert audit.verify(session).checked == 1


def test_grant_refuses_sqlite() -> None:
    store = Store("sqlite://")
    with pytest.raises(DatabaseError) as error, store.engine.begin() as conn:
        pg_roles.grant_application_role(conn, "clerk")
    assert error.value.code == "db.postgres_only"
    store.dispose()


@pytest.fixture
def owner_store(pg_server: PgServer, pg_template: str) -> Iterator[tuple[Store, str]]:
    """A fresh database owned by the suite's application login (the schema owner)."""
    name = f"priv{next(_names)}"
    store = Store(pg_server.create_database(name, template=pg_template), workstation="owner")
    yield store, name
    store.dispose()
    with pg_server.connect(admin=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def clerk_role(pg_server: PgServer, owner_store: tuple[Store, str]) -> Iterator[str]:
    role = f"clerk{next(_names)}"
    with pg_server.connect(admin=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
    yield role
    _, dbname = owner_store
    with pg_server.connect(dbname, admin=True) as conn:
        conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
    with pg_server.connect(admin=True) as conn:
        conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))


@pytest.mark.postgres
def test_application_role_can_append_but_not_rewrite(
    pg_server: PgServer, owner_store: tuple[Store, str], clerk_role: str
) -> None:
    store, dbname = owner_store
    _append(store, "owner.row")
    with store.engine.begin() as conn:
        statements = pg_roles.grant_application_role(conn, clerk_role)
    assert any("REVOKE UPDATE, DELETE, TRUNCATE" in s and "audit_log" in s for s in statements)

    clerk = Store(
        f"postgresql+psycopg://{clerk_role}@{pg_server.host}:{pg_server.port}/{dbname}",
        workstation="clerk-ws",
    )
    try:
        # The normal road works: audit and feed rows (sequences, advisory lock, NOTIFY)
        # and ordinary data.
        with clerk.write() as session:
            audit.record(session, system_actor("clerk-ws"), "clerk.row")
            feed.record(session, "case", [1], "updated")
        with clerk.engine.begin() as conn:
            conn.execute(text("INSERT INTO app_setting (key, value) VALUES ('k', '1')"))
            conn.execute(text("UPDATE app_setting SET value = '2' WHERE key = 'k'"))
            conn.execute(text("DELETE FROM app_setting WHERE key = 'k'"))
        with clerk.read() as session:
            assert audit.verify(session).checked == 2
    finally:
        clerk.dispose()

    with psycopg.connect(
        host=pg_server.host, port=pg_server.port, user=clerk_role, dbname=dbname, autocommit=True
    ) as conn:
        for statement in (
            "UPDATE audit_log SET action = 'x'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
            "ALTER TABLE audit_log DISABLE TRIGGER USER",
            "UPDATE alembic_version SET version_num = 'x'",
            # Only the owner's triggers move the reference stamp (the clerk's
            # app_setting changes above did, through them).
            "UPDATE reference_stamp SET version = 0",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)


@pytest.mark.postgres
def test_grant_is_idempotent_and_checks_the_role(
    owner_store: tuple[Store, str], clerk_role: str
) -> None:
    store, _ = owner_store
    with store.engine.begin() as conn:
        first = pg_roles.grant_application_role(conn, clerk_role)
    with store.engine.begin() as conn:
        assert pg_roles.grant_application_role(conn, clerk_role) == first
    with pytest.raises(InputError) as error, store.engine.begin() as conn:
        pg_roles.grant_application_role(conn, "no_such_role")
    assert error.value.code == "db.no_such_role"

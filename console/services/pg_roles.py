"""PostgreSQL privileges for the role the workstations log in with.

The schema owner runs migrations; workstations should connect as a separate application
role that can read and write the data but can only append to the audit trail. The
append-only triggers (db.triggers) stop even the owner; missing UPDATE/DELETE/TRUNCATE
privileges stop the application role before the trigger is reached, and it cannot
disable triggers on tables it does not own.

Grants cover the tables that exist now: run grant_application_role again after each
schema upgrade (it is idempotent).
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text

from console.errors import DatabaseError, InputError

log = logging.getLogger("console.db")

APPEND_ONLY_TABLES = ("audit_log",)
# The schema version is the owner's business: the application role only reads it. The
# reference stamp is changed by the owner's triggers (SECURITY DEFINER), never directly.
READ_ONLY_TABLES = ("alembic_version", "reference_stamp")


def grant_statements(conn: Connection, role: str) -> list[str]:
    """The GRANT/REVOKE statements for role in the connection's database and schema."""
    quote = conn.dialect.identifier_preparer.quote
    database = conn.scalar(text("SELECT current_database()"))
    schema = conn.scalar(text("SELECT current_schema()"))
    who, db, sch = quote(role), quote(str(database)), quote(str(schema))
    statements = [
        f"GRANT CONNECT ON DATABASE {db} TO {who}",
        f"GRANT USAGE ON SCHEMA {sch} TO {who}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {sch} TO {who}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {sch} TO {who}",
    ]
    existing = set(
        conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
    )
    for table in APPEND_ONLY_TABLES:
        if table in existing:
            statements.append(f"REVOKE UPDATE, DELETE, TRUNCATE ON {sch}.{quote(table)} FROM {who}")
    for table in READ_ONLY_TABLES:
        if table in existing:
            statements.append(
                f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {sch}.{quote(table)} FROM {who}"
            )
    return statements


def grant_application_role(conn: Connection, role: str) -> list[str]:
    """Give role what a workstation needs; run by the schema owner. Returns the statements.

    The caller owns the transaction (e.g. ``with store.engine.begin() as conn``).
    """
    if conn.dialect.name != "postgresql":
        raise DatabaseError("db.postgres_only")
    if (
        not role
        or conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}) is None
    ):
        raise InputError("db.no_such_role", role=role)
    statements = grant_statements(conn, role)
    for statement in statements:
        conn.exec_driver_sql(statement)
    log.info("granted application privileges to %s (%d statements)", role, len(statements))
    return statements

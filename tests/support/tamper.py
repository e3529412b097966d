"""Tampering with the audit trail the way a database owner could, to test detection."""

from __future__ import annotations

from sqlalchemy import text

from console.store import Store


def disable_audit_guards(store: Store) -> None:
    """Remove the append-only triggers (the owner can; the application role cannot)."""
    with store.engine.begin() as conn:
        if store.is_sqlite:
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        else:
            conn.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER USER")


def execute(store: Store, sql: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)

"""Database-side guards that the application cannot bypass by accident.

- audit_log is append-only: UPDATE, DELETE (and on PostgreSQL TRUNCATE) raise.
- On PostgreSQL every change_feed insert NOTIFYs channel console_changes with its seq,
  delivered when the writing transaction commits.
"""

from __future__ import annotations

from sqlalchemy import Connection

CHANNEL = "console_changes"

_SQLITE = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
]

_POSTGRES = [
    """CREATE OR REPLACE FUNCTION console_audit_append_only() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$""",
    """CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION console_audit_append_only()""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION console_audit_append_only()""",
    "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC",
    f"""CREATE OR REPLACE FUNCTION console_notify_change() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('{CHANNEL}', NEW.seq::text); RETURN NULL; END $$""",
    """CREATE TRIGGER change_feed_notify AFTER INSERT ON change_feed
       FOR EACH ROW EXECUTE FUNCTION console_notify_change()""",
]


def create_triggers(conn: Connection) -> None:
    statements = _SQLITE if conn.dialect.name == "sqlite" else _POSTGRES
    for statement in statements:
        conn.exec_driver_sql(statement)


def drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in ("audit_log_no_update", "audit_log_no_delete"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        return
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS change_feed_notify ON change_feed")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS console_notify_change()")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS console_audit_append_only()")

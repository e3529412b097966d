"""Triggers that give reference_stamp a new version whenever reference data changes.

Reference data (settings, categories, the street's outlines, deadline rules, the
calendar, campaigns) is read by every report and changed rarely, by anyone: the
console, an import, a SQL console. The triggers catch all of them, inside the changing
transaction. The new version is one never used before (a sequence on PostgreSQL, a
64-bit random number on SQLite), so a version seen once always means the same data:
a transaction that bumped it and rolled back cannot leave a version behind that
another transaction later reaches with different data.
"""

from __future__ import annotations

from sqlalchemy import Connection

REFERENCE_TABLES = (
    "app_setting",
    "category",
    "street",
    "community",
    "grid",
    "deadline_rule",
    "working_hours",
    "calendar_day",
    "campaign",
)
_SEQUENCE = "reference_stamp_seq"
_FUNCTION = "console_reference_changed"


def _sqlite_name(table: str, op: str) -> str:
    return f"reference_stamp_{table}_{op.lower()}"


def create_stamp_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for table in REFERENCE_TABLES:
            for op in ("INSERT", "UPDATE", "DELETE"):
                conn.exec_driver_sql(
                    f"CREATE TRIGGER {_sqlite_name(table, op)} AFTER {op} ON {table}"
                    " BEGIN UPDATE reference_stamp SET version = random() WHERE id = 1; END"
                )
        return
    conn.exec_driver_sql(f"CREATE SEQUENCE IF NOT EXISTS {_SEQUENCE}")
    # As the owner (SECURITY DEFINER): the application role may only read the stamp, so
    # nobody can set it back to a version whose data has since changed.
    conn.exec_driver_sql(
        f"""CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        BEGIN
            UPDATE reference_stamp SET version = nextval('{_SEQUENCE}') WHERE id = 1;
            RETURN NULL;
        END $$"""
    )
    for table in REFERENCE_TABLES:
        # Per statement: a bulk import bumps the version once, not once per row.
        conn.exec_driver_sql(
            f"CREATE TRIGGER reference_stamp_{table} AFTER INSERT OR UPDATE OR DELETE"
            f" OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {_FUNCTION}()"
        )


def drop_stamp_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for table in REFERENCE_TABLES:
            for op in ("INSERT", "UPDATE", "DELETE"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_sqlite_name(table, op)}")
        return
    for table in REFERENCE_TABLES:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS reference_stamp_{table} ON {table}")
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_FUNCTION}()")
    conn.exec_driver_sql(f"DROP SEQUENCE IF EXISTS {_SEQUENCE}")

"""The lower bound of the read benchmarks: hand-written SQL on the bare driver.

The same statements the services send, typed out as text and run with sqlite3 or
psycopg on one open connection: execute and fetchall, nothing else (no statement
building, no conversion of SQLite's time text to datetime, no row objects).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import psycopg

from console.services.feed import libpq_conninfo
from console.services.queue import QueueRow
from console.store import Store

# The queue row of console.services.queue, over case_file aliased c.
DUE = (
    "CASE WHEN {t}.state = 'to_open' THEN {t}.open_due_at"
    " WHEN {t}.state = 'opened' THEN {t}.dispatch_due_at"
    " WHEN {t}.state IN ('dispatched', 'in_handling') THEN {t}.handle_due_at"
    " WHEN {t}.state = 'to_check' THEN {t}.check_due_at END"
)
ROW_COLUMNS = (
    "c.id, c.number, c.state, c.urgency, cat.code, cat.name_zh, com.name, g.code, c.address,"
    " substr(c.description, 1, 80), c.reported_at, " + DUE.format(t="c") + ","
    " c.supervised, c.escalation_level, c.rework_count, c.pending_request, u.name, c.version"
)
ROW_JOINS = (
    " JOIN category cat ON cat.id = c.category_id"
    " LEFT JOIN community com ON com.id = c.community_id"
    " LEFT JOIN grid g ON g.id = c.grid_id"
    " LEFT JOIN responsible_unit u ON u.id = c.unit_id"
)


def page_sql(where: str, order: str, *, limit: int, offset: int = 0) -> str:
    """The queue's page: the ids from case_file alone, then their rows.

    order is written over {t}, the table alias (case_file inside, c outside)."""
    ids = (
        f"SELECT case_file.id FROM case_file WHERE {where}"
        f" ORDER BY {order.format(t='case_file')} LIMIT {limit} OFFSET {offset}"
    )
    return (
        f"SELECT {ROW_COLUMNS} FROM ({ids}) AS page JOIN case_file c ON c.id = page.id"
        f"{ROW_JOINS} ORDER BY {order.format(t='c')}"
    )


class Bare:
    """One open driver connection to the store's database."""

    def __init__(self, store: Store) -> None:
        self.sqlite = store.is_sqlite
        self._sqlite: sqlite3.Connection | None = None
        self._pg: psycopg.Connection[Any] | None = None
        if store.is_sqlite:
            self._sqlite = sqlite3.connect(str(store.sqlite_path), isolation_level=None)
        else:
            self._pg = psycopg.connect(libpq_conninfo(store), autocommit=True)
        self.mark = "?" if self.sqlite else "%s"
        self.true = "1" if self.sqlite else "true"

    def time(self, moment: dt.datetime) -> Any:
        """A time as the driver takes it: UTC text on SQLite (what the column holds)."""
        if self.sqlite:
            return moment.astimezone(dt.UTC).isoformat(" ", "microseconds")[:-6]
        return moment

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        if self._sqlite is not None:
            return self._sqlite.execute(sql, params).fetchall()
        assert self._pg is not None
        with self._pg.cursor() as cursor:
            # Without parameters psycopg reads no %s marks, so '%' may stand in the text.
            cursor.execute(sql, params or None)
            return cursor.fetchall()

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
        if self._pg is not None:
            self._pg.close()


def _utc(value: Any, sqlite: bool) -> dt.datetime | None:
    if value is None:
        return None
    if sqlite:
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def queue_rows(rows: list[Any], sqlite: bool) -> list[QueueRow]:
    """Bare rows made into the queue's row objects by hand: the least the API costs."""
    made = []
    for r in rows:
        values = (*r[:10], _utc(r[10], sqlite), _utc(r[11], sqlite), bool(r[12]), *r[13:])
        made.append(QueueRow(*values))
    return made
